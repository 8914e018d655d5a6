// Issue 17, features: a dark theme that follows prefers-color-scheme, with
// every visible piece of text, in every tab, meeting WCAG AA contrast (4.5:1,
// 3:1 for large text) in the dark theme and the light one alike, on a
// desktop and on a phone (where tables are cards).
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, waitReady, runSample, tab, shot } from "./app.mjs";
import { lowContrast } from "./contrast.mjs";

const SIZES = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };
for (const [scheme, size] of [["light", "desktop"], ["dark", "desktop"], ["dark", "phone"], ["light", "phone"]]) {
  test(`theme: ${scheme}, ${size}, every text readable (WCAG AA) in every tab`, { timeout: 120_000 }, async () => {
    const app = await openApp({ viewport: SIZES[size] });
    const { page } = app;
    try {
      await page.emulateMedia({ colorScheme: scheme });
      await waitReady(page, app.t0);
      const paper = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      const level = paper.match(/\d+/g).slice(0, 3).map(Number).reduce((a, b) => a + b) / 3;
      if (scheme === "dark") assert.ok(level < 60, `dark page background: ${paper}`);
      else assert.ok(level > 200, `light page background: ${paper}`);

      const problems = [];
      const check = async (where) => {
        // Measure the settled page: a panel fading back in after an analysis is mid-transition.
        await page.waitForFunction(() => document.getAnimations().every((x) => x.playState !== "running"));
        for (const p of await lowContrast(page)) problems.push(`${where}: “${p.text}” ${p.where} ${p.ratio} < ${p.need} (fg ${p.fg} on ${p.bg})`);
      };
      // An error line, before anything is analysed.
      await page.click("#analyze");
      await page.waitForSelector('#status[data-kind="error"]');
      await check("empty");
      await runSample(page);
      await check("overview");
      await shot(page, `theme-${scheme}-${size}-overview`);
      // Entities with a low-confidence row and the selection in the text.
      await tab(page, "entities");
      await check("entities");
      await page.click('[data-table="entities"] tbody tr.clickable');
      await page.waitForSelector("#panel-text .text-body mark.hit.current");
      await check("text with a selection");
      await shot(page, `theme-${scheme}-${size}-text`);
      await tab(page, "figures");
      await check("figures");
      await tab(page, "words");
      await page.fill("#kwic-input", "巡察");
      await page.keyboard.press("Enter");
      await page.waitForSelector(".kwic-hit");
      await check("words");
      // A hovered row and a focused button keep their contrast too.
      await page.hover('[data-table="words"] tbody tr.clickable');
      await check("words, row hovered");
      await page.click("#lang-toggle");
      await check("words in English");
      // Every tab within the screen, in the longer language too.
      const tabs = await page.$eval(".tabs", (x) => [x.scrollWidth, x.clientWidth]);
      assert.ok(tabs[0] <= tabs[1], `tabs overflow: ${tabs}`);
      await page.click("#help-button");
      await page.waitForSelector("#help[open]");
      await check("help");
      await shot(page, `theme-${scheme}-${size}-help`);
      assert.deepEqual(problems, []);
      assert.deepEqual(app.errors(), []);
    } finally {
      await app.close();
    }
  });
}
