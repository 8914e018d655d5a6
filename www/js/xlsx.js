// The whole report as an Excel workbook (.xlsx): one sheet per table
// (entities, mentions, figures, keywords, summary), headers in the page's
// language, numbers as numbers. A small writer of our own: SpreadsheetML
// parts in a stored (uncompressed) zip, strings inline. Loaded on the export
// click only; the service worker caches it with the rest of the page.
import { t } from "./i18n.js";
import { typeLabel, kindLabel, approxText, articleTitle, sentenceText, oneLine, headingText } from "./format.js";

// ---- zip (stored entries, CRC-32) ----
const CRC = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(bytes) {
  let c = ~0;
  for (let i = 0; i < bytes.length; i++) c = CRC[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** A zip of `files` ([name, string][]), every entry stored. */
export function zip(files) {
  const enc = new TextEncoder();
  const parts = [];
  const central = [];
  let offset = 0;
  // 1980-01-01 00:00, the earliest DOS date: the same input gives the same bytes.
  const head = (sig, size) => {
    const b = new DataView(new ArrayBuffer(size));
    b.setUint32(0, sig, true);
    return b;
  };
  for (const [name, content] of files) {
    const n = enc.encode(name);
    const data = enc.encode(content);
    const crc = crc32(data);
    const local = head(0x04034b50, 30);
    // version 2.0, flags: UTF-8 names, stored, time 0, date 1980-01-01
    [[4, 20], [6, 0x800], [8, 0], [10, 0], [12, 0x21]].forEach(([o, v]) => local.setUint16(o, v, true));
    local.setUint32(14, crc, true);
    local.setUint32(18, data.length, true);
    local.setUint32(22, data.length, true);
    local.setUint16(26, n.length, true);
    const cd = head(0x02014b50, 46);
    [[4, 20], [6, 20], [8, 0x800], [10, 0], [12, 0], [14, 0x21]].forEach(([o, v]) => cd.setUint16(o, v, true));
    cd.setUint32(16, crc, true);
    cd.setUint32(20, data.length, true);
    cd.setUint32(24, data.length, true);
    cd.setUint16(28, n.length, true);
    cd.setUint32(42, offset, true);
    parts.push(local, n, data);
    central.push(cd, n);
    offset += 30 + n.length + data.length;
  }
  const size = central.reduce((s, p) => s + p.byteLength, 0);
  const end = head(0x06054b50, 22);
  end.setUint16(8, files.length, true);
  end.setUint16(10, files.length, true);
  end.setUint32(12, size, true);
  end.setUint32(16, offset, true);
  return new Blob([...parts, ...central, end], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
}

// ---- SpreadsheetML ----
/** Text as XML character data: escaped, characters XML forbids (and lone surrogates) dropped. */
const esc = (s) =>
  String(s)
    .replace(/[\0-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "")
    .replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
/** Excel's cell limit. */
const MAX_CELL = 32767;
const col = (i) => (i < 26 ? "" : col(Math.floor(i / 26) - 1)) + String.fromCharCode(65 + (i % 26));

function cell(v, ref, style = "") {
  if (v == null || v === "") return "";
  if (typeof v === "number") return Number.isFinite(v) ? `<c r="${ref}"${style}><v>${v}</v></c>` : "";
  let s = Array.isArray(v) ? v.join("; ") : String(v);
  if (s.length > MAX_CELL) s = s.slice(0, MAX_CELL);
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${esc(s)}</t></is></c>`;
}

/** One worksheet: a bold, frozen header row, then the rows; column widths from their contents. */
function sheetXml(header, rows) {
  const widths = header.map((h, i) => Math.min(60, Math.max(6, ...[header, ...rows.slice(0, 200)].map((r) => String(r[i] ?? "").length * (/[^\x00-\xff]/.test(String(r[i] ?? "")) ? 2 : 1) + 2))));
  const line = (r, y, style) => `<row r="${y}">${r.map((v, x) => cell(v, col(x) + y, style)).join("")}</row>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>` +
    `<sheetData>${line(header, 1, ' s="1"')}${rows.map((r, i) => line(r, i + 2, "")).join("")}</sheetData></worksheet>`
  );
}

/**
 * A workbook of `sheets` ([{name, header, rows}]) as an .xlsx Blob.
 * Sheet names are cut to Excel's 31 characters and stripped of []:*?/\.
 */
export function workbook(sheets) {
  const names = sheets.map((s) => s.name.replace(/[[\]:*?/\\]/g, " ").slice(0, 31));
  const NS = "http://schemas.openxmlformats.org/";
  const files = [
    [
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${NS}package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}</Types>`,
    ],
    ["_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS}package/2006/relationships"><Relationship Id="rId1" Type="${NS}officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    [
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}spreadsheetml/2006/main" xmlns:r="${NS}officeDocument/2006/relationships"><sheets>${names.map((n, i) => `<sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS}package/2006/relationships">${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS}officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}<Relationship Id="rId${names.length + 1}" Type="${NS}officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ],
    [
      "xl/styles.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS}spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>`,
    ],
    ...sheets.map((s, i) => [`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s.header, s.rows)]),
  ];
  return zip(files);
}

// ---- the report's tables ----
/** A figure's value for a spreadsheet: a number stays a number; a range reads low-high (dates a/b). */
const cellValue = (f) => {
  const v = f.resolved ?? f.value;
  if (!Array.isArray(v)) return v;
  return typeof v[0] === "string" ? `${v[0]}/${v[1]}` : `${v[0]}-${v[1]}`;
};

/**
 * The report's five tables in the page's language.
 * @param {string} text  the analysed text (spans index it)
 * @param {any} report
 */
export function reportSheets(text, report) {
  const H = (...keys) => keys.map((k) => t(k));
  const article = (i) => (i == null ? "" : headingText(report.articles?.[i]?.title) ? `${i + 1}. ${articleTitle(report, i)}` : articleTitle(report, i));
  const sentence = (i) => (i == null ? "" : oneLine(sentenceText(text, report, i), 300));
  const ents = report.entities || [];
  const digest = report.digest || {};
  const scopes = [[t("overview.page"), digest], ...(digest.articles || []).map((d) => [article(d.article), d])];
  return [
    {
      name: t("tab.entities"),
      header: H("col.type", "col.text", "col.aliases", "col.count", "col.confidence", "col.articles"),
      rows: ents.map((e) => [typeLabel(e.type), e.text, (e.aliases || []).join("、"), e.count, e.confidence ?? t("conf.rule"), [...new Set((e.mentions || []).map((m) => m.article).filter((a) => a != null))].map((a) => a + 1).join(", ")]),
    },
    {
      name: t("xlsx.mentions"),
      header: H("xlsx.entity", "col.type", "xlsx.mention", "col.confidence", "col.article", "xlsx.start", "xlsx.end", "col.context"),
      rows: ents.flatMap((e) => (e.mentions || []).map((m) => [e.text, typeLabel(e.type), m.text ?? text.slice(m.span.start, m.span.end), m.confidence ?? null, article(m.article), m.span.start, m.span.end, sentence(m.sentence)])),
    },
    {
      name: t("tab.figures"),
      header: H("col.article", "col.subject", "col.value", "col.unit", "col.kind", "col.approx", "col.surface", "xlsx.start", "xlsx.end", "col.context"),
      rows: (report.figures || []).map((f) => [article(f.article), f.subject ?? "", cellValue(f), f.unit ?? "", kindLabel(f.kind), approxText(f), f.surface ?? text.slice(f.span.start, f.span.end), f.span.start, f.span.end, sentence(f.sentence)]),
    },
    {
      name: t("overview.keywords"),
      header: H("xlsx.scope", "xlsx.term", "xlsx.weight", "col.count"),
      rows: scopes.flatMap(([scope, d]) => (d.keywords || []).map((k) => [scope, k.term, k.weight, k.count])),
    },
    {
      name: t("overview.summary"),
      header: H("xlsx.scope", "xlsx.rank", "xlsx.sentence"),
      rows: scopes.flatMap(([scope, d]) => (d.summary || []).map((id, k) => [scope, k + 1, typeof d.summary_text?.[k] === "string" ? oneLine(d.summary_text[k]) : sentence(id)])),
    },
  ];
}

/** The report as an .xlsx Blob. */
export const reportWorkbook = (text, report) => workbook(reportSheets(text, report));
