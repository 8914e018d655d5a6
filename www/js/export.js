// Downloads: CSV for spreadsheets (UTF-8 with BOM so Excel reads Chinese,
// CRLF line ends, RFC 4180 quoting, formula-injection safe) and JSON.

/**
 * One CSV cell. Numbers are written as they are; a string that a spreadsheet
 * would run as a formula (starts with = + - @, or tab/CR) gets a leading
 * single quote; cells with comma, quote or line break are quoted.
 * @param {unknown} v
 */
export function csvCell(v) {
  if (v == null) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  let s = typeof v === "string" ? v : Array.isArray(v) ? v.join("; ") : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

/**
 * A whole CSV document: BOM, header, rows, CRLF after every record.
 * @param {string[]} header
 * @param {unknown[][]} rows
 */
export function toCsv(header, rows) {
  const lines = [header.map(csvCell).join(",")];
  for (const r of rows) lines.push(r.map(csvCell).join(","));
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

/** Tab-separated text for the clipboard (pastes into spreadsheets as cells). */
export function toTsv(header, rows) {
  const cell = (v) => (v == null ? "" : String(Array.isArray(v) ? v.join("; ") : v)).replace(/[\t\r\n]+/g, " ");
  return [header, ...rows].map((r) => r.map(cell).join("\t")).join("\n");
}

/**
 * Saves `content` as a file through a Blob, an object URL and <a download>.
 * @param {string} filename
 * @param {string|Blob} content
 * @param {string} [type]
 */
export function download(filename, content, type = "text/plain;charset=utf-8") {
  const blob = content instanceof Blob ? content : new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads CSV. */
export const downloadCsv = (filename, header, rows) => download(filename, toCsv(header, rows), "text/csv;charset=utf-8");

/** Downloads pretty JSON. */
export const downloadJson = (filename, value) =>
  download(filename, JSON.stringify(value, null, 2), "application/json;charset=utf-8");

/** Copies text to the clipboard; resolves true on success. */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Fallback for contexts without the async clipboard API.
    const ta = document.createElement("textarea");
    ta.value = text;
    ta.setAttribute("readonly", "");
    ta.className = "offscreen";
    document.body.append(ta);
    ta.select();
    let ok = false;
    try { ok = document.execCommand("copy"); } catch { ok = false; }
    ta.remove();
    return ok;
  }
}

/** A file-name stem with a timestamp: wenxi-figures-20260126-1101. */
export function stamp(name) {
  const d = new Date();
  const p = (n) => String(n).padStart(2, "0");
  return `wenxi-${name}-${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
}
