// Journey (d): export the figures table as CSV and the whole report as JSON,
// read the downloads back. Also checks the CSV rules on crafted cells
// (BOM, CRLF, RFC 4180 quoting, formula-injection guard).
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, waitReady, runSample, tab, downloaded } from "./app.mjs";

test("export: figures CSV and report JSON", { timeout: 120_000 }, async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await waitReady(page, app.t0);
    await runSample(page);
    await tab(page, "figures");

    const csv = await downloaded(page, () => page.click('[data-table-wrap="figures"] [data-export="csv"]'));
    assert.match(csv.name, /^wenxi-figures-.*\.csv$/);
    assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 BOM");
    const text = csv.bytes.toString("utf8").slice(1);
    assert.ok(text.includes("\r\n"));
    assert.ok(!/[^\r]\n/.test(text), "every line ends with CRLF");
    const lines = text.split("\r\n").filter(Boolean);
    const nFigures = await page.evaluate(() => window.wenxi.state.report.figures.length);
    assert.equal(lines.length, nFigures + 1, "header + one line per figure");
    assert.match(lines[0], /数值/);
    const row = lines.find((l) => /,4858,件,/.test(l));
    assert.ok(row, "a CSV row with 4858 and 件");

    // Filtered export: only the rows that pass the filter.
    await page.selectOption('[data-table-wrap="figures"] select[data-filter="kind"]', "percent");
    const pct = await downloaded(page, () => page.click('[data-table-wrap="figures"] [data-export="csv"]'));
    const pctLines = pct.bytes.toString("utf8").split("\r\n").filter(Boolean);
    const nPct = await page.evaluate(() => window.wenxi.state.report.figures.filter((f) => f.kind === "percent").length);
    assert.equal(pctLines.length, nPct + 1);

    const tableJson = await downloaded(page, () => page.click('[data-table-wrap="figures"] [data-export="json"]'));
    const rows = JSON.parse(tableJson.bytes.toString("utf8"));
    assert.equal(rows.length, nPct);
    assert.ok(rows.every((r) => r.kind === "percent" && "value" in r && "context" in r));

    const rep = await downloaded(page, () => page.click("#export-report"));
    assert.match(rep.name, /^wenxi-report-.*\.json$/);
    const report = JSON.parse(rep.bytes.toString("utf8"));
    assert.equal(typeof report.version, "number");
    assert.equal(report.figures.length, nFigures);
    assert.ok(report.figures.some((f) => f.value === 4858 && f.unit === "件"));

    await tab(page, "entities");
    const ent = await downloaded(page, () => page.click('[data-table-wrap="entities"] [data-export="csv"]'));
    assert.ok(ent.bytes.toString("utf8").split("\r\n").filter(Boolean).length > 1);
  } finally {
    await app.close();
  }
});

test("export: CSV quoting and formula-injection guard", { timeout: 60_000 }, async () => {
  const app = await openApp();
  try {
    const out = await app.page.evaluate(async () => {
      const { toCsv, csvCell } = await import("./js/export.js");
      return {
        doc: toCsv(["a", "b"], [["=1+1", 'say "hi", ok'], ["-5", -5], ["+x", "@SUM(A1)"], ["line\nbreak", null]]),
        plain: csvCell("普通文本"),
      };
    });
    assert.equal(
      out.doc,
      '\uFEFFa,b\r\n\'=1+1,"say ""hi"", ok"\r\n\'-5,-5\r\n\'+x,\'@SUM(A1)\r\n"line\nbreak",\r\n',
    );
    assert.equal(out.plain, "普通文本");
  } finally {
    await app.close();
  }
});
