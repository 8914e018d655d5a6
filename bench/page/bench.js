// window.bench: what bench/browser.mjs calls in the page. wenxi is measured as
// the page's worker uses it: wasm init, dictionary fetch, `new Analyzer(dict)`,
// then `analyze(text)` + `JSON.parse` of the report (main thread, so that
// performance.memory sees the parsed report). jieba-wasm 2.4.0 (web build,
// dictionary inside its wasm) is measured with `cut` and `tag` on the same texts.
const now = () => performance.now();
const heap = () => (performance.memory ? performance.memory.usedJSHeapSize : null);

let wenxi = null; // { mod, analyzer, memory }
let jieba = null;

async function text(url) {
  return (await fetch(url)).text();
}

window.bench = {
  /** Loads wenxi as the app does; times each step (ms since navigation start too). */
  async wenxiInit() {
    const t0 = now();
    const mod = await import("./pkg/wenxi.js");
    const [out, dict] = await Promise.all([mod.default({ module_or_path: "./pkg/wenxi_bg.wasm" }), text("./pkg/jieba-dict.txt")]);
    const t1 = now();
    const analyzer = new mod.Analyzer(dict);
    const t2 = now();
    wenxi = { mod, analyzer, memory: out.memory };
    return { load_ms: t1 - t0, dict_build_ms: t2 - t1, total_ms: t2 - t0, ready_at_ms: t2, wasm_memory: out.memory.buffer.byteLength };
  },

  /** Analyses the text at `url` `runs` times; returns per-run ms and memory. */
  async wenxiAnalyze(url, runs = 1) {
    const input = await text(url);
    const out = [];
    let peakHeap = heap();
    let report = null;
    for (let i = 0; i < runs; i++) {
      report = null;
      const t0 = now();
      const json = wenxi.analyzer.analyze(input, "", () => {});
      const t1 = now();
      report = JSON.parse(json);
      const t2 = now();
      peakHeap = Math.max(peakHeap, heap());
      out.push({ analyze_ms: t1 - t0, parse_ms: t2 - t1, total_ms: t2 - t0, report_bytes: json.length });
    }
    return {
      bytes: new TextEncoder().encode(input).length,
      runs: out,
      sentences: report.stats.sentences,
      entities: report.stats.entities,
      figures: report.stats.figures,
      wasm_memory: wenxi.memory.buffer.byteLength,
      peak_heap: peakHeap,
    };
  },

  /** Loads jieba-wasm; its dictionary is parsed on the first call, so that is timed too. */
  async jiebaInit() {
    const t0 = now();
    const mod = await import("./jieba/jieba_rs_wasm.js");
    await mod.default({ module_or_path: "./jieba/jieba_rs_wasm_bg.wasm" });
    const t1 = now();
    mod.cut("预热", true);
    const t2 = now();
    jieba = mod;
    return { load_ms: t1 - t0, first_call_ms: t2 - t1, total_ms: t2 - t0, ready_at_ms: t2 };
  },

  /** jieba-wasm `cut` (HMM on) and `tag` on the text at `url`. */
  async jiebaRun(url, runs = 1) {
    const input = await text(url);
    let peakHeap = heap();
    const res = { bytes: new TextEncoder().encode(input).length, cut_ms: [], tag_ms: [] };
    for (let i = 0; i < runs; i++) {
      let t0 = now();
      let words = jieba.cut(input, true);
      res.cut_ms.push(now() - t0);
      res.words = words.length;
      peakHeap = Math.max(peakHeap, heap());
      words = null;
      t0 = now();
      let tags = jieba.tag(input, true);
      res.tag_ms.push(now() - t0);
      peakHeap = Math.max(peakHeap, heap());
      tags = null;
    }
    res.peak_heap = peakHeap;
    return res;
  },

  /** Bytes fetched by this page so far (resource timing; encoded body + headers). */
  transfers() {
    return performance
      .getEntriesByType("navigation")
      .concat(performance.getEntriesByType("resource"))
      .map((e) => ({ name: new URL(e.name).pathname, transfer: e.transferSize, body: e.encodedBodySize }));
  },
};
window.benchLoaded = true;
