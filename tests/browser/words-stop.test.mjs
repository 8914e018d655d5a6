// Issue 17, defect 6: the frequency list hides stop words (的, 了, 和, 等)
// unless the reader asks, and 郑州 and 郑州市 are one keyword.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, waitReady, analyses, waitAnalysis, tab, shot } from "./app.mjs";

// Our own short news text: function words everywhere, 郑州 named both ways.
const TEXT = [
  "# 郑州市夏粮收购开局良好",
  "",
  "郑州市的夏粮收购工作已经全面展开了。郑州的粮商和农户都很满意，郑州的收购价格和去年的价格基本持平。",
  "郑州市粮食局的工作人员和志愿者到田间地头宣传收购政策，帮助郑州农户联系粮商等。",
  "郑州市各县的收购点已经收购了小麦和大麦等粮食，农户的卖粮时间和排队时间都缩短了。",
  "",
].join("\n");
const STOP = ["的", "了", "和", "等"];

test("words: stop words hidden with a switch to show them; 郑州 and 郑州市 one keyword", { timeout: 90_000 }, async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await waitReady(page, app.t0);
    const n = await analyses(page);
    await page.fill("#input", TEXT);
    await waitAnalysis(page, n);

    const chips = await page.locator(".article-card .chips li").allTextContents();
    assert.equal(chips.filter((c) => c === "郑州" || c === "郑州市").length, 1, `one keyword for 郑州: ${chips}`);
    const chart = await page.$$eval(".page-digest svg.chart text.chart-label", (ts) => ts.map((t) => t.textContent));
    for (const w of STOP) assert.ok(!chart.includes(w), `no ${w} in the frequency chart`);

    await tab(page, "words");
    const words = () => page.$$eval('[data-table="words"] tbody tr', (trs) => trs.map((tr) => tr.cells[0].textContent));
    const shown = await words();
    assert.ok(shown.length > 5);
    for (const w of STOP) assert.ok(!shown.includes(w), `${w} hidden by default`);
    assert.ok(shown.slice(0, 3).some((w) => w.startsWith("郑州") || w === "收购"), `content words lead: ${shown.slice(0, 5)}`);
    assert.match(await page.textContent(".stop-toggle"), /停用词/);

    await page.check("#show-stop");
    const all = await words();
    for (const w of ["的", "了", "和"]) assert.ok(all.includes(w), `${w} shown on request`);
    assert.equal(all[0], "的");
    await shot(page, "words-stop");
    await page.uncheck("#show-stop");
    assert.deepEqual(await words(), shown);
    assert.deepEqual(app.errors(), []);
  } finally {
    await app.close();
  }
});
