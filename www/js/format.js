// Formatting shared by the views: figure values, article titles, sentence text.
import { t, fmt, has } from "./i18n.js";

/**
 * A figure's value for people: 18,000 · 98% · 2020-08 · 10,000,000 元 · 3–5.
 * @param {{kind: string, value: any, unit?: string}} f
 */
export function figureValue(f) {
  const v = f.value;
  const num = (n) => fmt(n, { maximumFractionDigits: 2 });
  if (v == null) return "";
  if (Array.isArray(v)) return typeof v[0] === "string" ? `${v[0]} – ${v[1]}` : `${num(v[0])}–${num(v[1])}`;
  if (typeof v === "string") return v;
  if (f.kind === "percent") return `${num(v)}%`;
  if (f.kind === "money") return `${num(v)} 元`;
  return num(v);
}

/** Text of a heading that may be `{text, span}` or a plain string. */
export const headingText = (x) => (x == null ? "" : typeof x === "string" ? x : x.text || "");

/**
 * The value to show: a `resolved` value (e.g. a date whose year was taken
 * from context) wins over the literal one when the report has it.
 */
export function shownValue(f) {
  const r = f.resolved;
  const ok = typeof r === "string" || typeof r === "number" || Array.isArray(r);
  return figureValue(ok ? { ...f, value: r } : f);
}

/** A sortable number for a figure value (ranges by low end, dates as text). */
export function figureSortKey(f) {
  const v = f.value;
  if (Array.isArray(v)) return v[0];
  return v;
}

/** The approximation marker, also from the newer `approx: true` form. */
export function approxText(f) {
  if (f.approx == null || f.approx === false) return "";
  if (f.approx === true) return t("yes");
  return String(f.approx);
}

/** Title text of an article, or "Article n". */
export function articleTitle(report, i) {
  const a = report.articles?.[i];
  if (!a) return "";
  return headingText(a.title) || t("overview.article", i + 1);
}

/** Text of sentence `i` sliced from the original input. */
export function sentenceText(text, report, i) {
  const s = report.sentences?.[i];
  return s ? text.slice(s.span.start, s.span.end) : "";
}

const CJK = "\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef";
const OCR_GAP = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, "g");

/** Longest line [`oneLine`] returns, in UTF-16 units (a pasted page can be one 5 MB line). */
export const LINE_MAX = 1000;

/**
 * One line for display: drops the stray spaces and line breaks OCR leaves
 * between Chinese characters, and collapses other whitespace; longer than
 * `max` units, it is cut with "…" (only the start of `s` is read, so the cost
 * never grows with the input). Display only: spans always index the original text.
 */
export function oneLine(s, max = LINE_MAX) {
  const long = s.length > 2 * max;
  let out = (long ? s.slice(0, 2 * max) : s).replace(OCR_GAP, "").replace(/\s+/g, " ").trim();
  if (out.length > max) out = out.slice(0, max);
  else if (!long) return out;
  const last = out.charCodeAt(out.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) out = out.slice(0, -1); // never keep half a surrogate pair
  return out + "…";
}

/** Size in human units. */
export function bytesText(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Entity type label (PER/LOC/ORG → 人名/地名/机构). */
export const typeLabel = (code) => t(`type.${code}`);

/** Figure kind label. */
export const kindLabel = (k) => t(`kind.${k}`);

/** Characters (code points) of `s`: what a reader counts, not UTF-16 units. */
export function charCount(s) {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** One name per encoding, as the encoding menu shows it (GBK and GB2312 read as GB18030). */
export function encodingName(label) {
  const k = String(label || "").toLowerCase().replace(/[^a-z0-9]/g, "");
  const names = { utf8: "UTF-8", gb18030: "GB18030", gbk: "GB18030", gb2312: "GB18030", big5: "Big5", utf16le: "UTF-16LE", utf16be: "UTF-16BE", utf16: "UTF-16" };
  return names[k] || String(label || "");
}

/** A jieba tag's readable name in the current language ("uj" → 助词“的”), or the tag. */
export const posLabel = (tag) => (has(`pos.${tag}`) ? t(`pos.${tag}`) : String(tag ?? ""));

/** A word class's name in the current language (noun → 名词). */
export const classLabel = (c) => (c == null || c === "" ? "" : has(`class.${c}`) ? t(`class.${c}`) : String(c));

/** A report diagnostic in the current language (by its code), else its own message. */
export const diagnosticText = (d) => (has(`diag.${d.code}`) ? t(`diag.${d.code}`) : d.message);
