// Journey (f): a big analysis shows moving progress and can be cancelled; the
// worker restarts and the next small analysis succeeds. Also: an analysis
// that throws in the worker reports its message and the worker restarts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, waitReady, analyses, waitAnalysis, shot, dropBigSample } from "./app.mjs";

test("cancel: progress moves, Cancel stops, the next analysis works", { timeout: 180_000 }, async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await waitReady(page, app.t0);
    const units = await dropBigSample(page, 10);
    console.log(`# big text: ${units} UTF-16 units`);
    await page.waitForSelector("#progress-box:not([hidden])");
    assert.ok(await page.isVisible("#cancel"));
    // Progress moves during tagging.
    await page.waitForFunction(() => document.querySelector("#progress").value > 10, null, { timeout: 120_000 });
    const v1 = await page.evaluate(() => document.querySelector("#progress").value);
    await page.waitForFunction((v) => document.querySelector("#progress").value > v, v1, { timeout: 60_000 });
    const v2 = await page.evaluate(() => document.querySelector("#progress").value);
    console.log(`# progress moved ${v1.toFixed(1)}% -> ${v2.toFixed(1)}% (${await page.textContent("#progress-label")})`);
    await shot(page, "f-progress");

    const n = await analyses(page);
    await page.click("#cancel");
    await page.waitForSelector("#progress-box", { state: "hidden" });
    assert.match(await page.textContent("#status"), /取消/);
    assert.equal(await analyses(page), n, "the cancelled analysis produced no result");
    const restarted = Date.now();
    // The worker restarts (loading, then ready).
    await waitReady(page);
    console.log(`# worker ready again ${Date.now() - restarted} ms after Cancel`);

    await page.fill("#input", "本报讯 今年全市新增就业岗位1.2万个，同比增长8%。");
    await waitAnalysis(page, n, 30_000);
    const r = await page.evaluate(() => window.wenxi.state.report);
    assert.ok(r.figures.length >= 1);
    assert.ok(r.stats.chars < 100);
    assert.deepEqual(app.errors(), []);
  } finally {
    await app.close();
  }
});

test("error in the worker: message shown, worker restarted, next analysis works", { timeout: 120_000 }, async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await waitReady(page, app.t0);
    // Options that wasm cannot parse make analyze throw inside the worker.
    const err = await page.evaluate(async () => {
      try {
        await window.wenxi.client.analyze("本报讯 测试", { summary_sentences: "many" });
        return null;
      } catch (e) {
        return { name: e.name, message: e.message, restarts: window.wenxi.client.restarts };
      }
    });
    assert.ok(err, "analyze rejected");
    assert.ok(err.message.length > 0);
    assert.equal(err.restarts, 1, "the client restarted the worker");
    await waitReady(page);
    const n = await analyses(page);
    await page.fill("#input", "本报讯 全县共有小学56所。");
    await waitAnalysis(page, n, 30_000);
    assert.ok(await page.evaluate(() => window.wenxi.state.report.figures.length) >= 1);
  } finally {
    await app.close();
  }
});
