// Input: the textarea (debounced auto-analysis), the file button, drops
// anywhere on the window, the sample button and the encoding override. A file
// that fails to decode never touches the textarea: its text stays. Nothing
// the user typed is replaced (by a file, the sample or an encoding change)
// without asking, and the file line describes what the box holds.
import { qs, on, debounce } from "../dom.js";
import { t, fmt, onLangChange } from "../i18n.js";
import { bytesText, charCount, encodingName } from "../format.js";

/** The label of the selected encoding option. */
const encodingLabel = (select) => select.selectedOptions[0]?.textContent || select.value;

/** Texts up to this many UTF-16 units are analysed automatically while typing. */
export const AUTO_LIMIT = 200_000;
/** Debounce for automatic analysis. */
export const AUTO_DELAY = 400;
/**
 * Files longer than this (UTF-16 units) are not put into the textarea whole:
 * laying out megabytes in a textarea freezes the page for seconds. The
 * textarea shows the beginning, and Analyse uses the whole file until the
 * user edits the textarea.
 */
export const EDITOR_LIMIT = 1_000_000;
const PREVIEW = 4_000;
/**
 * Files larger than this are refused before reading. A 10 MB page analyses
 * in seconds with its report at ~20 MB of JSON; at 50 MB the report alone
 * would take hundreds of MB of the tab's memory. The command line has no
 * such limit below the library's 64 MB.
 */
export const FILE_LIMIT = 32 * 1024 * 1024;

/**
 * @param {{client: import('../client.js').WorkerClient,
 *   analyze: (text: string, opts?: {auto?: boolean}) => void,
 *   status: (msg: string, kind?: string) => void}} app
 */
export function mount(app) {
  const textarea = qs("#input");
  const fileInput = qs("#file-input");
  const fileBtn = qs("#file-button");
  const encoding = qs("#encoding");
  const info = qs("#file-info");
  const overlay = qs("#drop-overlay");
  /**
   * The loaded file: kept so the encoding override can decode it again.
   * Set only once a file decoded to text and was put in the box; `shown` is
   * what the box then held, so an edit is seen by comparing with it.
   */
  let last = null;
  /** A big file's full text while the textarea shows only its beginning. */
  let big = null;
  /** The encoding chosen before the last change (restored when the user declines). */
  let chosen = encoding.value;
  /** True while the box still holds the loaded file's text, unedited. */
  const holdsFile = () => last != null && textarea.value === last.shown;

  /** The text to analyse: the textarea, or the whole big file it previews. */
  const current = () => (big && textarea.value === big.preview ? big.text : textarea.value);
  function setText(text, bytes = text.length * 2) {
    if (text.length > EDITOR_LIMIT) {
      let cut = PREVIEW;
      const code = text.charCodeAt(cut);
      if (code >= 0xdc00 && code <= 0xdfff) cut++;
      textarea.value = text.slice(0, cut) + "\n" + t("input.preview", bytesText(bytes));
      big = { text, preview: textarea.value };
      textarea.dataset.preview = "true";
    } else {
      textarea.value = text;
      big = null;
      delete textarea.dataset.preview;
    }
  }

  // Typing or pasting: the file line says when the box no longer holds the file.
  on(textarea, "input", () => {
    if (last && last.edited === holdsFile()) {
      last.edited = !holdsFile();
      renderInfo();
    }
  });

  const auto = debounce(() => {
    const text = textarea.value;
    if (big && text !== big.preview) {
      big = null;
      delete textarea.dataset.preview;
    }
    if (!text.trim()) return;
    if (text.length > AUTO_LIMIT) {
      app.status(() => t("input.large", fmt(charCount(text))));
      return;
    }
    app.analyze(text, { auto: true });
  }, AUTO_DELAY);
  on(textarea, "input", auto);

  on(qs("#analyze"), "click", () => {
    auto.cancel();
    app.analyze(current());
  });
  on(textarea, "keydown", (e) => {
    // Ctrl/Cmd+Enter analyses from the keyboard.
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      auto.cancel();
      app.analyze(current());
    }
  });

  /** The sample's text once loaded: replacing it needs no confirmation. */
  let sampleText = null;
  async function loadSample() {
    try {
      const r = await fetch(new URL("../../pkg/sample.txt", import.meta.url));
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      const text = await r.text();
      auto.cancel();
      if (!(await replaceAsked("", text))) return;
      last = null;
      renderInfo();
      setText(text);
      sampleText = textarea.value;
      app.analyze(text);
    } catch (e) {
      app.status(() => t("status.sampleError", e.message || e), "error");
    }
  }
  on(qs("#sample"), "click", loadSample);

  onLangChange(renderInfo);
  /** The file line: the loaded file, or nothing; says when the box was edited since. */
  function renderInfo() {
    if (!last) {
      info.textContent = "";
      info.hidden = true;
      return;
    }
    const { name, size, d } = last;
    let s = t("file.info", name, bytesText(size), encodingName(d.encoding));
    if (!d.confident) s += t("file.unsure");
    if (d.had_errors) s += t("file.errors");
    if (d.format) s += t("file.format", d.format);
    if (last.edited) s += t("file.edited");
    info.textContent = s;
    info.hidden = false;
    info.dataset.edited = String(!!last.edited);
  }

  /**
   * True when the box may be replaced: it is empty, holds the loaded file
   * unedited, the sample or already `next`, or the user agreed to lose what
   * it holds.
   */
  async function replaceAsked(what = "", next = null) {
    const v = textarea.value;
    if (!v.trim() || holdsFile() || v === sampleText || v === next || (big && v === big.preview)) return true;
    return window.confirm(what || t("input.confirmReplace"));
  }

  /**
   * Decodes `f` ({name, size, bytes}) with the chosen encoding. Only a file
   * that decodes to text becomes the loaded file and replaces the box;
   * anything else leaves the box, the loaded file and its line as they were.
   */
  async function decodeFile(f, { ask = "" } = {}) {
    let d;
    try {
      d = await app.client.decode(f.bytes, f.name, encoding.value);
    } catch (e) {
      if (e.name === "AbortError") return false;
      const why = () => (e.code === "pdf" ? t("error.pdf") : e.code === "binary" ? t("error.binary", e.detail || t("error.binaryData")) : e.message || String(e));
      app.status(() => t("status.decodeError", f.name, why()), "error");
      return false;
    }
    if (!d.text.trim()) {
      // Keep whatever the textarea holds: an empty file replaces nothing.
      app.status(() => t("status.emptyFile", f.name), "error");
      return false;
    }
    if (!(await replaceAsked(ask, d.text))) return false;
    auto.cancel();
    setText(d.text, f.size);
    last = { ...f, d, shown: textarea.value, edited: false };
    chosen = encoding.value;
    renderInfo();
    // Analyse the decoded text itself: the textarea turns CRLF into LF, and
    // spans must index the text that was analysed.
    app.analyze(d.text, { fileName: f.name });
    return true;
  }

  async function openFile(file) {
    if (!file) return;
    if (file.size > FILE_LIMIT) {
      app.status(() => t("status.tooLarge", file.name, bytesText(file.size), bytesText(FILE_LIMIT)), "error");
      return;
    }
    let bytes;
    try {
      bytes = await file.arrayBuffer();
    } catch {
      app.status(() => t("status.readError", file.name), "error");
      return;
    }
    await decodeFile({ name: file.name, size: file.size, bytes });
  }

  on(fileBtn, "click", () => fileInput.click());
  on(fileInput, "change", () => {
    const f = fileInput.files?.[0];
    fileInput.value = "";
    openFile(f);
  });
  // The encoding applies to the loaded file only. It never replaces what the
  // user typed without asking; declined, the choice goes back.
  on(encoding, "change", async () => {
    if (!last) {
      chosen = encoding.value;
      app.status(() => t("input.encodingNoFile"));
      return;
    }
    const ask = holdsFile() ? "" : t("input.confirmRedecode", last.name, encodingLabel(encoding));
    const ok = await decodeFile(last, { ask });
    if (!ok) encoding.value = chosen;
  });

  // The whole window accepts drops.
  let depth = 0;
  const hasFiles = (e) => [...(e.dataTransfer?.types || [])].includes("Files");
  on(window, "dragenter", (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth++;
    overlay.hidden = false;
  });
  on(window, "dragover", (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "copy";
  });
  on(window, "dragleave", () => {
    depth = Math.max(0, depth - 1);
    if (!depth) overlay.hidden = true;
  });
  on(window, "drop", (e) => {
    depth = 0;
    overlay.hidden = true;
    const f = e.dataTransfer?.files?.[0];
    if (!f) return;
    e.preventDefault();
    openFile(f);
  });

  /**
   * Puts `text` (a reopened analysis) in the box, asking first if that would
   * replace text the user typed. Resolves true when it did.
   */
  async function restore(text) {
    auto.cancel();
    if (!(await replaceAsked("", text))) return false;
    last = null;
    renderInfo();
    setText(text);
    sampleText = textarea.value;
    return true;
  }

  return { loadSample, openFile, textarea, current, restore };
}
