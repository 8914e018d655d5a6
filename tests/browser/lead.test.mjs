// Issue 17, features: summaries and keywords that lead somewhere. Clicking a
// summary sentence shows it in the text view (outlined, scrolled to);
// clicking a keyword opens its keyword-in-context in the Words tab. Both are
// buttons, so the keyboard does the same.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, waitReady, runSample, tab, shot } from "./app.mjs";

test("lead: a summary sentence opens in the text, a keyword opens its KWIC", { timeout: 90_000 }, async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await waitReady(page, app.t0);
    await runSample(page);

    // A sentence of the second article's summary, by mouse.
    const btn = page.locator(".article-card").nth(1).locator(".summary li button").first();
    const id = Number(await btn.getAttribute("data-sentence"));
    const want = await page.evaluate((i) => {
      const { text, report } = window.wenxi.state;
      const s = report.sentences[i].span;
      return text.slice(s.start, s.end);
    }, id);
    await btn.click();
    await page.waitForSelector("#panel-text:not([hidden]) .text-body mark.hit.current");
    assert.equal(await page.getAttribute('[role="tab"][data-tab="text"]', "aria-selected"), "true");
    const outlined = await page.$$eval(".text-body mark.h0", (ms) => ms.map((m) => m.textContent).join(""));
    assert.equal(outlined, want, "the whole sentence, and only it, is outlined");
    const inView = await page.$eval(".text-body mark.h0", (m) => {
      const r = m.getBoundingClientRect();
      const b = m.closest(".text-body").getBoundingClientRect();
      return r.top >= b.top - 1 && r.top < b.bottom;
    });
    assert.ok(inView, "the sentence is scrolled into view");
    await shot(page, "lead-summary");

    // The page summary's first sentence, by keyboard.
    await tab(page, "overview");
    const first = page.locator(".page-digest .summary li button").first();
    const id0 = Number(await first.getAttribute("data-sentence"));
    await first.focus();
    await page.keyboard.press("Enter");
    await page.waitForSelector("#panel-text:not([hidden]) .text-body mark.hit.current");
    const span = await page.evaluate((i) => window.wenxi.state.report.sentences[i].span, id0);
    const got = await page.$$eval(".text-body mark.h0", (ms) => ms.map((m) => m.textContent).join(""));
    assert.equal(got, await page.evaluate(({ start, end }) => window.wenxi.state.text.slice(start, end), span));

    // A keyword chip opens the Words tab with its keyword-in-context.
    await tab(page, "overview");
    const chip = page.locator(".article-card").first().locator(".chips button").first();
    const term = await chip.getAttribute("data-term");
    await chip.click();
    await page.waitForSelector("#panel-words:not([hidden]) .kwic-hit");
    assert.equal(await page.getAttribute('[role="tab"][data-tab="words"]', "aria-selected"), "true");
    assert.equal(await page.inputValue("#kwic-input"), term);
    assert.equal(await page.evaluate(() => document.activeElement.id), "kwic-input");
    const hits = await page.$$eval(".kwic-hit mark", (ms) => ms.map((m) => m.textContent));
    assert.ok(hits.length >= 1, "at least one hit");
    assert.ok(hits.every((x) => x.replace(/\s/g, "") === term), `every hit is ${term}: ${hits.slice(0, 5)}`);
    assert.match(await page.textContent(".kwic-info"), /\d/);
    await shot(page, "lead-kwic");

    // A keyword by keyboard, in English: the same, with English titles.
    await page.click("#lang-toggle");
    await tab(page, "overview");
    const chip2 = page.locator(".page-digest .chips button").nth(1);
    const term2 = await chip2.getAttribute("data-term");
    assert.match(await chip2.getAttribute("title"), /in context/);
    await chip2.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction((t) => document.querySelector("#kwic-input")?.value === t && document.querySelector(".kwic-hit"), term2);
    assert.deepEqual(app.errors(), []);
  } finally {
    await app.close();
  }
});
