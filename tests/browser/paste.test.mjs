// Journey (b): paste text into the textarea; it is analysed automatically
// after a short pause, without clicking. Also: empty input, and a 1 MB paste
// analysed with the button (timed).
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, waitReady, analyses, waitAnalysis, shot, tab } from "./app.mjs";

const ARTICLE = [
  "# 我市新建口袋公园35个",
  "■本报记者 李明",
  "本报讯 今年以来，漯河市新建口袋公园35个，新增绿地面积约12万平方米，完成投资1.8亿元。",
  "市城市管理局负责人介绍，全市公园绿地服务半径覆盖率已达到92%，比2020年提高了6个百分点。",
].join("\n");

test("paste: typed text is analysed after a pause", { timeout: 120_000 }, async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await waitReady(page, app.t0);
    // Empty input + Analyse: a clear message, nothing breaks.
    await page.click("#analyze");
    assert.equal(await page.getAttribute("#status", "data-kind"), "error");
    assert.match(await page.textContent("#status"), /请先输入/);

    const n = await analyses(page);
    await page.fill("#input", ARTICLE); // one input event: the debounce fires
    await waitAnalysis(page, n, 10_000);
    const report = await page.evaluate(() => window.wenxi.state.report);
    assert.equal(report.version >= 1, true);
    assert.ok(report.figures.some((f) => f.surface.includes("35")), "figure 35 found");
    assert.ok(await page.locator(".article-card").count() >= 1);
    assert.equal(await page.textContent(".article-card h3"), "1. 我市新建口袋公园35个");
    await tab(page, "figures");
    assert.ok((await page.locator('[data-table="figures"] tbody tr.clickable').count()) >= 3);
    await shot(page, "b-paste-figures");

    // Editing again re-analyses (latest text wins).
    const m = await analyses(page);
    await page.fill("#input", ARTICLE + "\n另有8个公园正在建设。");
    await waitAnalysis(page, m, 10_000);
    const text = await page.evaluate(() => window.wenxi.state.text);
    assert.ok(text.endsWith("正在建设。"));
    assert.deepEqual(app.errors(), []);
  } finally {
    await app.close();
  }
});

test("paste: 1 MB text is analysed with the button (timed)", { timeout: 240_000 }, async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await waitReady(page, app.t0);
    await page.evaluate(async () => {
      const s = await (await fetch("pkg/sample.txt")).text();
      const ta = document.querySelector("#input");
      ta.value = s.repeat(Math.ceil((1024 * 1024) / new TextEncoder().encode(s).length));
      ta.dispatchEvent(new Event("input"));
    });
    // Over the auto limit: a hint, no automatic run.
    await page.waitForFunction(() => /分析/.test(document.querySelector("#status").textContent));
    const n = await analyses(page);
    await page.click("#analyze");
    await waitAnalysis(page, n, 200_000);
    const info = await page.evaluate(() => ({
      timing: window.wenxi.state.timing,
      render: window.wenxi.state.renderTimes,
      chars: window.wenxi.state.text.length,
      bytes: new TextEncoder().encode(window.wenxi.state.text).length,
      figures: window.wenxi.state.report.figures.length,
    }));
    console.log(`# 1 MB in the page: ${JSON.stringify(info)}`);
    assert.ok(info.bytes >= 1024 * 1024);
    await tab(page, "text");
    // The text view shows one part at a time.
    assert.ok((await page.locator(".text-nav select option").count()) >= 2);
    await shot(page, "b-1mb-text");
  } finally {
    await app.close();
  }
});
