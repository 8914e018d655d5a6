// Keyboard only: Ctrl+Enter analyses, arrow keys move between tabs, Enter on
// a table row jumps to the text, Enter on a column header sorts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, waitReady, analyses, waitAnalysis, shot } from "./app.mjs";

test("keyboard: analyse, switch tabs, open a row, sort", { timeout: 90_000 }, async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await waitReady(page, app.t0);
    await page.focus("#input");
    await page.keyboard.insertText("本报讯 记者张伟报道，全市今年新建学校12所，投资3.5亿元。");
    const n = await analyses(page);
    await page.keyboard.press("Control+Enter");
    await waitAnalysis(page, n);

    await page.focus('[role="tab"][data-tab="overview"]');
    await page.keyboard.press("ArrowRight");
    assert.equal(await page.evaluate(() => document.activeElement.dataset.tab), "entities");
    await page.keyboard.press("ArrowRight");
    assert.equal(await page.evaluate(() => document.activeElement.dataset.tab), "figures");
    assert.equal(await page.getAttribute('[role="tab"][data-tab="figures"]', "aria-selected"), "true");
    assert.ok(await page.isVisible("#panel-figures"));
    await page.keyboard.press("End");
    assert.equal(await page.evaluate(() => document.activeElement.dataset.tab), "words");
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");

    // Header buttons sort with Enter.
    await page.focus('[data-table="figures"] th[data-col="value"] button');
    await page.keyboard.press("Enter");
    assert.equal(await page.getAttribute('[data-table="figures"] th[data-col="value"]', "aria-sort"), "descending");

    // Rows are focusable; Enter jumps to the text with the figure outlined.
    await page.focus('[data-table="figures"] tbody tr.clickable');
    await shot(page, "k-focus-row");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#panel-text:not([hidden]) .text-body mark.hit");
    assert.equal(await page.getAttribute('[role="tab"][data-tab="text"]', "aria-selected"), "true");
    assert.deepEqual(app.errors(), []);
  } finally {
    await app.close();
  }
});
