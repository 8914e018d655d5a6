// Issue 17, defect 4: one language at a time. Engine notices, word classes
// and tags, CSV exports and the status line follow the chosen language.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, waitReady, runSample, analyses, waitAnalysis, tab, downloaded, shot } from "./app.mjs";

const csvOf = async (page, table) => (await downloaded(page, () => page.click(`[data-table-wrap="${table}"] [data-export="csv"]`))).bytes.toString("utf8");
const column = (csv, i) => csv.slice(1).split("\r\n").filter(Boolean).slice(1).map((l) => l.split(",")[i]);

test("language: notices, tags, classes, exports and status in the chosen language", { timeout: 150_000 }, async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await waitReady(page, app.t0);
    await page.evaluate(() => Object.defineProperty(navigator, "clipboard", { value: { writeText: async () => {} }, configurable: true }));

    // An engine notice, in Chinese.
    let n = await analyses(page);
    await page.fill("#input", "Only English words here, 2024.");
    await waitAnalysis(page, n);
    assert.match(await page.textContent(".diagnostics li"), /没有汉字/);
    assert.doesNotMatch(await page.textContent(".diagnostics"), /[A-Za-z]{4,}/);

    page.once("dialog", (d) => d.accept()); // the sample replaces the typed text
    await runSample(page);
    // Words: readable tags and Chinese classes.
    await tab(page, "words");
    const rows = await page.$$eval('[data-table="words"] tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
    const xuncha = rows.find((r) => r[0] === "巡察");
    assert.equal(xuncha[1], "动词 v");
    assert.equal(xuncha[2], "动词");
    for (const r of rows) assert.doesNotMatch(r[2], /^(noun|verb|adj|name|place|org|number|time|other)$/, `class in Chinese: ${r}`);
    const posOptions = await page.$$eval('[data-table-wrap="words"] select[data-filter="pos"] option', (os) => os.map((o) => o.textContent));
    assert.ok(posOptions.some((o) => /^名词 n \(\d+\)$/.test(o)), posOptions.join(" | "));

    // CSV: Chinese values under Chinese headers.
    await tab(page, "figures");
    const figCsv = await csvOf(page, "figures");
    const kinds = new Set(column(figCsv, 4));
    assert.ok(kinds.has("金额") && kinds.has("百分比"), [...kinds].join(" "));
    for (const k of ["money", "percent", "count", "date"]) assert.ok(!kinds.has(k), `no ${k} in the Chinese CSV`);
    await tab(page, "entities");
    const entCsv = await csvOf(page, "entities");
    const types = new Set(column(entCsv, 0));
    assert.ok(types.has("人名") && types.has("机构"), [...types].join(" "));
    assert.ok(!types.has("PER") && !types.has("ORG"));

    // Copied in Chinese, then the language switches: the status follows.
    await page.click('[data-table-wrap="entities"] [data-export="copy"]');
    await page.waitForFunction(() => document.querySelector("#status").textContent === "已复制");
    await page.click("#lang-toggle");
    assert.equal(await page.textContent("#status"), "Copied");
    const enTypes = new Set(column(await csvOf(page, "entities"), 0));
    assert.ok(enTypes.has("Person") && enTypes.has("Organization"), [...enTypes].join(" "));
    await tab(page, "words");
    const en = await page.$$eval('[data-table="words"] tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
    assert.deepEqual(en.find((r) => r[0] === "巡察").slice(1, 3), ["verb v", "verb"]);
    await shot(page, "language-en-words");

    // A notice in English too.
    n = await analyses(page);
    await page.fill("#input", "Only English words here, 2025.");
    await waitAnalysis(page, n);
    await tab(page, "overview");
    assert.match(await page.textContent(".diagnostics li"), /no Chinese characters/);
    assert.deepEqual(app.errors(), []);
  } finally {
    await app.close();
  }
});
