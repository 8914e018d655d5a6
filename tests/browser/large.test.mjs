// A 10 MB file analysed to the end: the progress bar shows, the page stays
// responsive, and the text view renders one part at a time. Long tasks on the
// main thread are recorded with PerformanceObserver('longtask') and logged
// (not asserted: the machine is shared).
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, waitReady, analyses, waitAnalysis, shot, tab, dropBigSample } from "./app.mjs";

test("large: a 10 MB file completes with progress shown", { timeout: 400_000 }, async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await waitReady(page, app.t0);
    await page.evaluate(() => {
      window.__longtasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longtasks.push(Math.round(e.duration));
      }).observe({ type: "longtask", buffered: false });
      window.__progress = [];
      new MutationObserver(() => window.__progress.push(document.querySelector("#progress-label").textContent)).observe(
        document.querySelector("#progress-label"),
        { childList: true, characterData: true, subtree: true },
      );
    });
    const n = await analyses(page);
    const t0 = Date.now();
    const units = await dropBigSample(page, 10);
    await page.waitForSelector("#progress-box:not([hidden])");
    await waitAnalysis(page, n, 380_000);
    const wall = Date.now() - t0;
    const info = await page.evaluate(() => ({
      timing: window.wenxi.state.timing,
      render: window.wenxi.state.renderTimes,
      longtasks: window.__longtasks,
      progressUpdates: window.__progress.length,
      stages: [...new Set(window.__progress.map((p) => p.split(" ")[0]))],
      figures: window.wenxi.state.report.figures.length,
      entities: window.wenxi.state.report.entities.length,
      textareaChars: document.querySelector("#input").value.length,
      domNodes: document.getElementsByTagName("*").length,
    }));
    const longest = Math.max(0, ...info.longtasks);
    console.log(`# 10 MB (${units} UTF-16 units): ${wall} ms wall; ${JSON.stringify({ ...info, longtasks: undefined })}`);
    console.log(`# long tasks: ${info.longtasks.length}, longest ${longest} ms, all: ${info.longtasks.join(", ")}`);
    assert.ok(info.progressUpdates >= 3, "the progress label changed during the analysis");
    assert.ok(info.figures > 1000);
    assert.ok(info.textareaChars < 10_000, "the textarea holds a preview, not 10 MB");
    // Article cards come in batches.
    const cards = await page.locator(".article-card").count();
    assert.ok(cards <= 20, `${cards} cards rendered at first`);
    await page.click('[data-more="articles"]');
    assert.equal(await page.locator(".article-card").count(), cards + 20);
    await tab(page, "text");
    assert.ok((await page.locator(".text-nav select option").count()) > 10, "text shown in parts");
    assert.ok((await page.locator("#panel-text .text-body mark").count()) < 50_000);
    await shot(page, "f-10mb-text");
    await tab(page, "figures");
    assert.ok((await page.locator('[data-table="figures"] tbody tr').count()) <= 200, "one page of rows");
    await shot(page, "f-10mb-figures");
  } finally {
    await app.close();
  }
});
