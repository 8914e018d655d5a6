// Issue 17, defect 2: summaries, their copies and the print brief read the
// cleaned text (no OCR spaces), and a sentence a column break cut or a line
// read across two columns mixed is never picked.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, waitReady, analyses, waitAnalysis, shot } from "./app.mjs";

// Our own OCR-like article: stray spaces around figures, a sentence cut by a
// column break (真实故 | 事), a line that mixes two columns (6月 … 10日).
const TEXT = [
  "# 县里召开夏粮收购工作会议",
  "",
  "县粮食局召开夏粮收购会议，共收购小麦 4858吨，收购率为 98%。",
  "",
  "会上，局长结合全县粮食生产情况，用大量的数据和农户的真实故",
  "",
  "事，阐释了夏粮收购工作对全县粮食安全的重要意义和具体安排。",
  "",
  "6月 品安全宣传资料，以及粮食收购 10日，县粮食局在各乡镇设立收购点二十个。",
  "",
  "各收购点公布收购价格，接受群众监督，确保农户卖粮顺畅。",
  "",
].join("\n");

const OUT_OF_ORDER = [
  "# 县里召开夏粮收购工作会议",
  "",
  "县粮食局召开夏粮收购会议，全县共设立收购点二十个，收购小麦四千多吨。",
  "",
  "会后，县粮食局组织工作人员深",
  "",
  "各收购点公布收购价格，接受群众监督，确保农户卖粮顺畅。",
  "",
  "入农户家中宣传收购政策，帮助农户联系收购点，解答农户提出的各种问题。",
  "",
].join("\n");

test("summaries: clean text, no cut or mixed sentence, in the card, the copy and the brief", { timeout: 90_000 }, async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await waitReady(page, app.t0);
    await page.evaluate(() => {
      window.__copied = [];
      Object.defineProperty(navigator, "clipboard", { value: { writeText: async (s) => void window.__copied.push(s) }, configurable: true });
    });
    const n = await analyses(page);
    await page.fill("#input", TEXT);
    await waitAnalysis(page, n);

    const card = page.locator(".article-card").first();
    const shown = await card.locator(".summary li").allTextContents();
    assert.ok(shown.length >= 1, "a summary");
    const check = (lines, where) => {
      assert.ok(lines.some((s) => s.includes("共收购小麦4858吨，收购率为98%")), `${where}: the lead sentence in clean text: ${JSON.stringify(lines)}`);
      for (const s of lines) {
        assert.doesNotMatch(s, /\s(?=\d)|(?<=\d)\s|%\s/, `${where}: no OCR space around figures: ${s}`);
        assert.doesNotMatch(s, /真实故$|^事，/, `${where}: no sentence cut by a column break: ${s}`);
        assert.doesNotMatch(s, /6月\s*品/, `${where}: no line mixed from two columns: ${s}`);
      }
    };
    check(shown, "card");
    const page0 = await page.locator(".page-digest .summary li").allTextContents();
    check(page0, "page summary");

    await card.locator("h4 button").first().click();
    await page.waitForFunction(() => window.__copied.length > 0);
    const copied = (await page.evaluate(() => window.__copied[0])).split("\n");
    assert.deepEqual(copied, shown, "the copy is what the card shows");
    assert.match(await page.textContent("#status"), /已复制/);

    await page.evaluate(() => window.wenxi.buildBrief());
    const brief = await page.locator("#print-brief .summary li").allTextContents();
    assert.deepEqual(brief, shown, "the print brief is what the card shows");
    await shot(page, "summary-clean");

    // A line that continues a line cut elsewhere on the page (深 | 入: the
    // columns read out of order) starts mid-phrase: never picked.
    const n2 = await analyses(page);
    await page.fill("#input", OUT_OF_ORDER);
    await waitAnalysis(page, n2);
    const picked = await page.locator(".article-card .summary li").allTextContents();
    assert.ok(picked.length >= 1);
    for (const s of picked) assert.doesNotMatch(s, /^入|深$/, `no piece of a cut line: ${JSON.stringify(picked)}`);
    assert.deepEqual(app.errors(), []);
  } finally {
    await app.close();
  }
});
