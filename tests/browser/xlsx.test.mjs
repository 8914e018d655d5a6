// Issue 17, features: an .xlsx export of the whole report, one sheet per
// table (entities, mentions, figures, keywords, summary), read back here by
// an independent reader (Python's zipfile and ElementTree, not our writer):
// every part well-formed, sheet names and headers in the page's language,
// one row per entity, mention, figure, keyword and summary sentence, numbers
// as numbers. The writer is loaded on the click, and works offline.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { openApp, waitReady, runSample, downloaded } from "./app.mjs";
import { waitControlled } from "./pwa.mjs";
import { OUT } from "./harness.mjs";

const READ = `
import json, sys, zipfile, re
import xml.etree.ElementTree as ET
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "p": "http://schemas.openxmlformats.org/package/2006/relationships"}
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
for n in z.namelist():
    if n.endswith(".xml") or n.endswith(".rels"):
        ET.fromstring(z.read(n))  # every part is well-formed XML
types = ET.fromstring(z.read("[Content_Types].xml"))
wb = ET.fromstring(z.read("xl/workbook.xml"))
rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
out = []
def ref_col(ref):
    c = 0
    for ch in re.match(r"[A-Z]+", ref).group(0):
        c = c * 26 + ord(ch) - 64
    return c - 1
for s in wb.find("m:sheets", NS):
    target = rels[s.get("{%s}id" % NS["r"])]
    ws = ET.fromstring(z.read("xl/" + target))
    rows = []
    for row in ws.find("m:sheetData", NS):
        cells = []
        for c in row:
            i = ref_col(c.get("r"))
            while len(cells) < i: cells.append(None)
            if c.get("t") == "inlineStr":
                v = "".join(t.text or "" for t in c.iter("{%s}t" % NS["m"]))
            else:
                v = float(c.find("m:v", NS).text)
            cells.append(v)
        rows.append(cells)
    out.append({"name": s.get("name"), "rows": rows, "frozen": ws.find(".//m:pane", NS) is not None})
print(json.dumps({"parts": z.namelist(), "sheets": out}, ensure_ascii=False))
`;

/** Reads an .xlsx with Python's standard library. */
function readXlsx(bytes, name) {
  const path = join(OUT, name);
  writeFileSync(path, bytes);
  return JSON.parse(execFileSync("python3", ["-c", READ, path], { encoding: "utf8", maxBuffer: 64 << 20 }));
}

test("xlsx: the whole report, one sheet per table, read back; offline too", { timeout: 120_000 }, async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await waitReady(page, app.t0);
    await waitControlled(page);
    assert.equal(await page.isDisabled("#export-xlsx"), true, "nothing to export yet");
    await runSample(page);
    const report = await page.evaluate(() => window.wenxi.state.report);

    // Offline: the writer is fetched on the click, from the service worker's cache.
    await app.browser.context.setOffline(true);
    const file = await downloaded(page, () => page.click("#export-xlsx"));
    await app.browser.context.setOffline(false);
    assert.match(file.name, /^wenxi-report-.*\.xlsx$/);
    assert.equal(file.bytes.subarray(0, 2).toString(), "PK");
    const x = readXlsx(file.bytes, "report-zh.xlsx");
    assert.deepEqual(x.sheets.map((s) => s.name), ["实体", "提及", "数字", "关键词", "摘要"]);
    const [ents, mentions, figs, kws, sums] = x.sheets;
    for (const s of x.sheets) assert.ok(s.frozen, `${s.name}: header row frozen`);

    // Entities: one row each, headers in Chinese, types as words, counts as numbers.
    assert.deepEqual(ents.rows[0].slice(0, 4), ["类型", "名称", "别名", "次数"]);
    assert.equal(ents.rows.length - 1, report.entities.length);
    const first = report.entities[0];
    assert.equal(ents.rows[1][1], first.text);
    assert.equal(ents.rows[1][3], first.count);
    assert.ok(["人名", "地名", "机构"].includes(ents.rows[1][0]));

    // Mentions: every mention, its offsets as numbers indexing the text.
    const nMentions = report.entities.reduce((n, e) => n + e.mentions.length, 0);
    assert.equal(mentions.rows.length - 1, nMentions);
    const text = await page.evaluate(() => window.wenxi.state.text);
    // (The mention is shown clean: 区 委 in the text reads 区委.)
    for (const r of mentions.rows.slice(1)) assert.equal(text.slice(r[5], r[6]).replace(/\s/g, ""), r[2].replace(/\s/g, ""));

    // Figures: 4858件 resolved to the number 4858, as printed, in its context.
    assert.equal(figs.rows.length - 1, report.figures.length);
    const head = figs.rows[0];
    const iv = head.indexOf("数值");
    const is = head.indexOf("原文写法");
    const row = figs.rows.find((r) => typeof r[iv] === "number" && r[iv] === 4858);
    assert.ok(row, "4858 is a number cell");
    assert.match(row[is], /4858/);
    assert.equal(row[head.indexOf("类别")], "计数");

    // Keywords and summary: the page's and each article's.
    const d = report.digest;
    const nKw = d.keywords.length + d.articles.reduce((n, a) => n + a.keywords.length, 0);
    assert.equal(kws.rows.length - 1, nKw);
    assert.equal(kws.rows[1][0], "整版");
    assert.equal(kws.rows[1][1], d.keywords[0].term);
    assert.equal(typeof kws.rows[1][2], "number");
    const nSum = d.summary.length + d.articles.reduce((n, a) => n + a.summary.length, 0);
    assert.equal(sums.rows.length - 1, nSum);
    assert.ok(!/ 4858件/.test(sums.rows.map((r) => r[2]).join("")), "summaries in clean text");

    // English: sheet names and headers follow the language.
    await page.click("#lang-toggle");
    const en = readXlsx((await downloaded(page, () => page.click("#export-xlsx"))).bytes, "report-en.xlsx");
    assert.deepEqual(en.sheets.map((s) => s.name), ["Entities", "Mentions", "Figures", "Keywords", "Summary"]);
    assert.deepEqual(en.sheets[0].rows[0].slice(0, 4), ["Type", "Name", "Aliases", "Count"]);
    assert.equal(en.sheets[2].rows.length, figs.rows.length);
    assert.deepEqual(app.errors(), []);
  } finally {
    await app.close();
  }
});

test("xlsx: hostile text stays text, forbidden XML characters are dropped", { timeout: 90_000 }, async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await waitReady(page, app.t0);
    const hostile = '本报讯 <b>张伟</b> & "李明" =SUM(A1) 在北京市投资3亿元。\u0001\u000b 增长20%。';
    const n = await page.evaluate(() => Number(document.body.dataset.analyses || 0));
    await page.fill("#input", hostile);
    await page.click("#analyze");
    await page.waitForFunction((k) => Number(document.body.dataset.analyses || 0) > k, n);
    const x = readXlsx((await downloaded(page, () => page.click("#export-xlsx"))).bytes, "hostile.xlsx");
    const all = x.sheets.flatMap((s) => s.rows.flat()).filter((v) => typeof v === "string").join("\n");
    assert.match(all, /3亿元|300000000/);
    assert.ok(!/[\u0001\u000b]/.test(all));
    assert.deepEqual(app.errors(), []);
  } finally {
    await app.close();
  }
});
