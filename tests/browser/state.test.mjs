// Issue 17, defect 5: a language switch keeps what the reader set up (the
// KWIC query, filters, sort and search, the selection in the text); the hit
// counter hides when no highlights are shown; a long paste is counted in
// characters.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, waitReady, runSample, tab, shot } from "./app.mjs";

test("state: kept across a language switch; hit counter; characters counted", { timeout: 150_000 }, async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await waitReady(page, app.t0);
    await runSample(page);

    // Figures: a filter, a sort and a search.
    await tab(page, "figures");
    const wrap = '[data-table-wrap="figures"]';
    await page.selectOption(`${wrap} select[data-filter="kind"]`, "percent");
    await page.click('[data-table="figures"] th[data-col="value"] button');
    const filtered = await page.textContent(`${wrap} .table-count`);
    await page.fill(`${wrap} .table-search`, "率");
    await page.waitForFunction((c) => document.querySelector('[data-table-wrap="figures"] .table-count').textContent !== c, filtered);
    const rowsOf = () => page.$$eval('[data-table="figures"] tbody tr', (trs) => trs.map((tr) => tr.cells[2]?.textContent));
    const before = await rowsOf();
    assert.ok(before.length >= 1);

    // Words: a KWIC query.
    await tab(page, "words");
    await page.fill("#kwic-input", "巡察");
    await page.waitForSelector(".kwic-hit");
    const hits = await page.locator(".kwic-hit").count();

    await page.click("#lang-toggle");
    assert.equal(await page.inputValue("#kwic-input"), "巡察", "KWIC query kept");
    await page.waitForSelector(".kwic-hit");
    assert.equal(await page.locator(".kwic-hit").count(), hits);
    assert.match(await page.textContent(".kwic-info"), /hits/);

    await tab(page, "figures");
    assert.equal(await page.inputValue(`${wrap} select[data-filter="kind"]`), "percent", "filter kept");
    assert.equal(await page.inputValue(`${wrap} .table-search`), "率", "search kept");
    assert.equal(await page.getAttribute('[data-table="figures"] th[data-col="value"]', "aria-sort"), "descending", "sort kept");
    assert.deepEqual(await rowsOf(), before, "same rows, same order");
    await shot(page, "state-en-figures");
    await page.click("#lang-toggle");
    assert.equal(await page.inputValue(`${wrap} select[data-filter="kind"]`), "percent");

    // The hit counter: shown for a selection of several mentions, hidden
    // when the cleaned text (without highlights) is shown.
    await tab(page, "entities");
    await page.click('[data-table="entities"] tbody tr');
    await page.waitForSelector("#panel-text .hit-nav:not([hidden])");
    await page.check("#clean-toggle");
    assert.ok(await page.isHidden("#panel-text .hit-nav"), "no counter without highlights");
    await page.uncheck("#clean-toggle");
    // The selection survives a language switch.
    await page.click("#lang-toggle");
    await tab(page, "text");
    assert.ok((await page.locator("#panel-text .text-body mark.hit").count()) >= 2, "selection kept");
    assert.ok(await page.isVisible("#panel-text .hit-nav"));
    await page.click("#lang-toggle");

    // A paste of 1,000,000 characters is reported in characters.
    await page.evaluate(() => {
      const ta = document.querySelector("#input");
      ta.value = "巡察整改".repeat(250_000);
      ta.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await page.waitForFunction(() => /1,000,000/.test(document.querySelector("#status").textContent), null, { timeout: 10_000 });
    assert.match(await page.textContent("#status"), /1,000,000 字/);
    assert.deepEqual(app.errors(), []);
  } finally {
    await app.close();
  }
});
