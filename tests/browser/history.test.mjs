// Issue 17, features: history. The last analyses (text and report) are kept
// in IndexedDB, listed on the page, reopened with one click (after a reload
// too, without analysing again) and deleted with one click. Reopening never
// replaces typed text without asking; typing on updates one entry rather than
// adding one per pause; a full storage is a clear message and the text stays.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, waitReady, runSample, analyses, waitAnalysis, tab, shot } from "./app.mjs";

const A = "本报讯 记者张伟报道，郑州市今年新建学校12所，投资3.5亿元，比去年增长20%。";
const B = "新华社北京电 国家统计局今天发布数据，全国粮食总产量13908亿斤。";
const rows = (page) => page.$$eval("#history-list li", (ls) => ls.map((l) => l.querySelector("[data-open] .h-title").textContent));

async function typeAndAnalyse(page, text) {
  const n = await analyses(page);
  await page.fill("#input", text);
  await page.click("#analyze");
  await waitAnalysis(page, n);
}

test("history: kept across a reload, reopened and deleted with one click", { timeout: 120_000 }, async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await waitReady(page, app.t0);
    assert.equal(await page.isVisible("#history"), false, "no history yet, no panel");
    await typeAndAnalyse(page, A);
    await page.waitForFunction(() => document.querySelectorAll("#history-list li").length === 1);
    // The sample replaces the typed text only after asking (A is kept in history anyway).
    let asked = 0;
    page.once("dialog", (d) => (asked++, d.accept()));
    await runSample(page);
    assert.equal(asked, 1);
    await page.waitForFunction(() => document.querySelectorAll("#history-list li").length === 2);
    // Typing on: one entry for the text, updated, not one per pause.
    await typeAndAnalyse(page, B);
    await page.waitForFunction(() => document.querySelectorAll("#history-list li").length === 3);
    const n = await analyses(page);
    await page.focus("#input");
    await page.keyboard.press("End");
    await page.keyboard.insertText("同比增长2.1%。");
    await waitAnalysis(page, n);
    await page.waitForTimeout(300);
    assert.equal((await rows(page)).length, 3, "typing on updated the newest entry");
    assert.match(await page.textContent("#history-list li:first-child"), /新华社/);

    // Reload: the list is still there, newest first; the box is empty.
    await page.reload();
    await waitReady(page);
    await page.waitForSelector("#history-list li");
    const titles = await rows(page);
    assert.equal(titles.length, 3, titles.join(" | "));
    assert.match(titles[0], /新华社/);
    assert.match(titles[2], /本报讯/);
    assert.equal(await page.inputValue("#input"), "");
    await shot(page, "history-list");

    // One click reopens the sample: its text in the box, its report shown, no new analysis.
    const sample = page.locator("#history-list li").nth(1);
    await sample.locator("[data-open]").click();
    await page.waitForFunction(() => window.wenxi.state.report && document.querySelector("#results").dataset.state === "done");
    assert.equal(await analyses(page), 0, "shown from history, not analysed again");
    const box = await page.inputValue("#input");
    assert.match(box, /漯河|郾城/);
    const seen = await page.evaluate(() => ({ articles: window.wenxi.state.report.articles.length, text: window.wenxi.state.text.length }));
    assert.ok(seen.articles > 3, `the sample's report: ${seen.articles} articles`);
    await tab(page, "figures");
    assert.ok((await page.locator('[data-table="figures"] tbody tr').count()) > 10);
    assert.match(await page.textContent("#status"), /历史记录/);

    // Typed text is never replaced without asking: declined, it stays.
    await page.fill("#input", "我自己写的一段话，还没有保存。");
    const typed = await page.inputValue("#input");
    page.once("dialog", (d) => d.dismiss());
    await page.locator("#history-list li").last().locator("[data-open]").click();
    await page.waitForTimeout(300);
    assert.equal(await page.inputValue("#input"), typed);
    // Accepted, by keyboard: the entry comes back.
    page.once("dialog", (d) => d.accept());
    await page.locator("#history-list li").last().locator("[data-open]").focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction((a) => document.querySelector("#input").value === a, A);

    // One click deletes; still deleted after a reload.
    const before = await rows(page);
    await page.locator("#history-list li").first().locator("[data-delete]").click();
    await page.waitForFunction((k) => document.querySelectorAll("#history-list li").length === k, before.length - 1);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.delete != null), true, "focus stays in the list");
    const after = await rows(page);
    await page.reload();
    await waitReady(page);
    await page.waitForSelector("#history-list li");
    assert.deepEqual(await rows(page), after);

    // English: the list and its buttons follow the language.
    await page.click("#lang-toggle");
    assert.equal(await page.textContent("#history-title span"), "History");
    assert.equal(await page.textContent("#history-list [data-delete]"), "Delete");
    assert.match(await page.textContent("#history-list [data-open] small"), /characters/);
    assert.deepEqual(app.errors(), []);
  } finally {
    await app.close();
  }
});

test("history: a full storage is a clear message, and the text stays", { timeout: 90_000 }, async () => {
  const app = await openApp();
  const { page } = app;
  try {
    // The browser's storage is full: every write fails as it would.
    await page.addInitScript(() => {
      IDBObjectStore.prototype.put = function () {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      };
    });
    await page.reload();
    await waitReady(page);
    await typeAndAnalyse(page, A);
    await page.waitForSelector("#history-note:not([hidden])");
    assert.match(await page.textContent("#history-note"), /存储空间已满/);
    assert.match(await page.textContent("#history-note"), /没有丢失/);
    assert.equal(await page.inputValue("#input"), A, "the text is not lost");
    assert.match(await page.textContent("#status"), /分析完成/, "the analysis itself is shown");
    await page.click("#lang-toggle");
    assert.match(await page.textContent("#history-note"), /storage is full/);
    await shot(page, "history-quota");
    assert.deepEqual(app.errors(), []);
  } finally {
    await app.close();
  }
});
