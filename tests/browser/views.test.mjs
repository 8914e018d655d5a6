// The views against a hand-made report that carries the fields newer builds
// add (kicker, subtitle, byline persons, aliases, figure subject / approx /
// inferred / resolved, word class), shown with window.wenxi.show(): every
// field appears, highlights land on the right characters (UTF-16 spans,
// including a character outside the BMP), and the table sorts and pages.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, waitReady, tab, shot } from "./app.mjs";

const TEXT = "引题：夏粮丰收\n# 𠀀城新闻标题\n副题：全年增产\n本报记者 王小明 通讯员 李华\n𠀀城县今年粮食产量约1.8万吨，比去年增长5%。王小明说，6月10日将召开会议。";

/** The UTF-16 span of the n-th occurrence of `s` in TEXT. */
function span(s, n = 0) {
  let i = -1;
  for (let k = 0; k <= n; k++) i = TEXT.indexOf(s, i + 1);
  assert.ok(i >= 0, s);
  return { start: i, end: i + s.length };
}

function report() {
  const sentence = span("𠀀城县今年粮食产量约1.8万吨，比去年增长5%。");
  const s2 = span("王小明说，6月10日将召开会议。");
  return {
    version: 2,
    stats: { chars: TEXT.length, cjk_chars: 50, words: 30, distinct_words: 25, sentences: 2, articles: 1, entities: 2, figures: 3 },
    articles: [
      {
        index: 0,
        title: { text: "𠀀城新闻标题", span: span("𠀀城新闻标题") },
        kicker: { text: "引题：夏粮丰收", span: span("引题：夏粮丰收") },
        subtitle: { text: "副题：全年增产", span: span("副题：全年增产") },
        headings: [],
        bylines: [
          {
            text: "本报记者 王小明 通讯员 李华",
            span: span("本报记者 王小明 通讯员 李华"),
            persons: [
              { name: "王小明", role: "记者", span: span("王小明") },
              { name: "李华", role: "通讯员", span: span("李华") },
            ],
          },
        ],
        span: { start: 0, end: TEXT.length },
        paragraphs: [],
        sentences: [0, 2],
      },
    ],
    sentences: [
      { span: sentence, article: 0 },
      { span: s2, article: 0 },
    ],
    entities: [
      { type: "PER", text: "王小明", aliases: ["小明"], count: 2, confidence: 0.93, mentions: [{ span: span("王小明"), text: "王小明", sentence: null, article: 0 }, { span: span("王小明", 1), text: "王小明", sentence: 1, article: 0 }] },
      { type: "LOC", text: "𠀀城县", aliases: [], count: 1, confidence: 0.31, mentions: [{ span: span("𠀀城县"), text: "𠀀城县", sentence: 0, article: 0 }] },
    ],
    figures: [
      { span: span("约1.8万吨"), surface: "约1.8万吨", kind: "quantity", value: 18000, unit: "吨", approx: "约", subject: "粮食产量", sentence: 0, article: 0 },
      { span: span("5%"), surface: "5%", kind: "percent", value: 5, unit: "%", approx: null, subject: "增长", sentence: 0, article: 0 },
      { span: span("6月10日"), surface: "6月10日", kind: "date", value: "--06-10", resolved: "2026-06-10", inferred: true, unit: "日", approx: null, subject: "召开会议", sentence: 1, article: 0 },
    ],
    words: Array.from({ length: 450 }, (_, i) => ({ word: `词${i}`, pos: i % 2 ? "n" : "v", class: i % 2 ? "noun" : "verb", count: 1000 - i })),
    digest: { keywords: [{ term: "粮食", weight: 3.5, count: 2 }], summary: [0], articles: [{ article: 0, keywords: [{ term: "粮食", weight: 3.5, count: 2 }, { term: "会议", weight: 1.2, count: 1 }], summary: [0, 1] }] },
    diagnostics: [{ code: "note", message: "测试提示 <b>不是标记</b>" }],
  };
}

test("views: newer report fields appear; spans land on the right characters", { timeout: 90_000 }, async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await waitReady(page, app.t0);
    await page.evaluate(([text, r]) => window.wenxi.show(text, r), [TEXT, report()]);

    const card = page.locator(".article-card").first();
    assert.equal(await card.locator(".kicker").textContent(), "引题：夏粮丰收");
    assert.equal(await card.locator(".subtitle").textContent(), "副题：全年增产");
    assert.match(await card.locator("h3").textContent(), /𠀀城新闻标题/);
    const byline = await card.locator(".byline").textContent();
    assert.match(byline, /王小明 记者/);
    assert.match(byline, /李华 通讯员/);
    assert.equal(await card.locator(".summary li").count(), 2);
    assert.match(await page.textContent(".diagnostics"), /<b>不是标记<\/b>/);
    await shot(page, "v-overview");

    await tab(page, "entities");
    const ent = await page.$$eval('[data-table="entities"] tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
    assert.deepEqual(ent[0].slice(1, 5), ["王小明", "小明", "2", "93%"]);
    await page.selectOption('[data-table-wrap="entities"] select[data-filter="type"]', "LOC");
    assert.equal(await page.locator('[data-table="entities"] tbody tr').count(), 1);
    // The tagger was unsure of this one: the row is dimmed and marked for checking.
    const low = page.locator('[data-table="entities"] tbody tr.low-confidence');
    assert.equal(await low.count(), 1);
    assert.match(await low.textContent(), /待核 31%/);
    await shot(page, "v-entities-confidence");

    await tab(page, "figures");
    const fig = await page.$$eval('[data-table="figures"] tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
    assert.deepEqual(fig[0].slice(1, 6), ["粮食产量", "18,000", "吨", "数量", "约"]);
    assert.equal(fig[1][2], "5%");
    assert.equal(fig[2][2], "2026-06-10*", "resolved date shown, marked inferred");
    // Sort by subject, then by value.
    await page.click('[data-table="figures"] th[data-col="value"] button');
    const sorted = await page.$$eval('[data-table="figures"] tbody tr td:nth-child(3)', (tds) => tds.map((td) => td.textContent));
    assert.equal(sorted[0], "18,000");
    await shot(page, "v-figures");

    // Click the LOC entity: the highlight covers the astral character exactly.
    await tab(page, "entities");
    await page.click('[data-table="entities"] tbody tr');
    const hits = await page.locator("#panel-text .text-body mark.hit").allTextContents();
    assert.deepEqual(hits, ["𠀀城县"]);
    const marks = await page.$$eval("#panel-text .text-body mark", (ms) => ms.map((m) => [m.className, m.textContent]));
    assert.ok(marks.some(([c, t]) => c.includes("m-fig") && t === "约1.8万吨"));
    assert.ok(marks.some(([c, t]) => c.includes("m-per") && t === "王小明"));
    // The text view holds exactly the original text.
    assert.equal(await page.textContent("#panel-text .text-body"), TEXT);
    await shot(page, "v-text");

    // Words: class column, 200 rows a page, POS filter.
    await tab(page, "words");
    assert.ok(await page.isVisible('[data-table="words"] th[data-col="class"]'));
    assert.equal(await page.locator('[data-table="words"] tbody tr').count(), 200);
    await page.click('[data-table-wrap="words"] .pager button:last-child');
    assert.equal(await page.locator('[data-table="words"] tbody tr').count(), 200);
    await page.click('[data-table-wrap="words"] .pager button:last-child');
    assert.equal(await page.locator('[data-table="words"] tbody tr').count(), 50);
    await page.selectOption('[data-table-wrap="words"] select[data-filter="pos"]', "n");
    assert.match(await page.textContent('[data-table-wrap="words"] .table-count'), /^225 \/ 450/);
    await page.fill('[data-table-wrap="words"] .table-search', "词44");
    await page.waitForFunction(() => /^\d+ \/ 450/.test(document.querySelector('[data-table-wrap="words"] .table-count').textContent) && document.querySelectorAll('[data-table="words"] tbody tr').length < 20);

    // KWIC over the astral text, then jump.
    await page.fill("#kwic-input", "王小明");
    await page.waitForSelector(".kwic-hit");
    assert.equal(await page.locator(".kwic-hit").count(), 2);
    await page.locator(".kwic-hit").nth(1).click();
    const hit = await page.evaluate(() => {
      const m = document.querySelector("#panel-text .text-body mark.hit");
      return m.textContent;
    });
    assert.equal(hit, "王小明");
    assert.deepEqual(app.errors(), []);
  } finally {
    await app.close();
  }
});
