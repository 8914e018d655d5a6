// The browser benchmark: wenxi in headless Debian Chromium, and jieba-wasm
// 2.4.0 on the same texts, side by side. One command (after scripts/build-web.sh):
//
//   node bench/browser.mjs            # tables on stdout, raw JSON in target/bench/browser.json
//
// It copies www/, bench/page/ and jieba-wasm's web build into a temp directory
// (jieba-wasm is never added to www/), serves it with python's http.server
// (no compression: transfer sizes are raw bytes) and measures:
// - page ready, cold (fresh profile) and warm (reload, HTTP cache): wasm fetch +
//   compile + dictionary fetch + `new Analyzer(dict)`; and, when www/index.html
//   exists, the app itself until `#engine-status` says ready (cold, then warm through
//   the service worker);
// - analysis of the seed page, 1 MB and 10 MB of news text (bench/news.mjs):
//   the wasm `analyze` call + `JSON.parse` of the report, on the main thread
//   (the app runs the same call in its worker);
// - peak JS heap (performance.memory, --enable-precise-memory-info) and the
//   wasm linear memory (it only grows, so its final size is the peak);
// - jieba-wasm: init (wasm + its built-in dictionary, up to the first result),
//   `cut` (HMM on) and `tag` throughput, and its wasm size.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, serve, ROOT, WWW } from "../tests/browser/harness.mjs";
import { newsInputs } from "./news.mjs";
import { sizes } from "./sizes.mjs";

const SEED = join(ROOT, "seeds/000_0e8ce62d7256c336.txt");
const JIEBA = join(ROOT, "node_modules/jieba-wasm/pkg/web");
const RUNS = { seed: 10, "news-1MB": 3, "news-10MB": 1 };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const mm = (xs) => (xs.length > 1 ? `${ms(median(xs))} (min ${ms(Math.min(...xs))})` : ms(xs[0]));
const ms = (x) => (x == null ? "–" : x < 10 ? x.toFixed(2) : x.toFixed(0));
const mb = (x) => (x == null ? "–" : (x / 1e6).toFixed(1));
const mbps = (bytes, t) => (bytes / 1e6 / (t / 1000)).toFixed(2);

if (!existsSync(join(WWW, "pkg/wenxi_bg.wasm"))) {
  console.error("browser bench: www/pkg is missing; run scripts/build-web.sh first");
  process.exit(2);
}

// ---- the served directory ----
const dir = mkdtempSync(join(tmpdir(), "wenxi-bench-"));
cpSync(WWW, dir, { recursive: true });
cpSync(join(ROOT, "bench/page"), dir, { recursive: true });
mkdirSync(join(dir, "jieba"));
for (const f of ["jieba_rs_wasm.js", "jieba_rs_wasm_bg.wasm"]) cpSync(join(JIEBA, f), join(dir, "jieba", f));
mkdirSync(join(dir, "inputs"));
const inputs = { seed: readFileSync(SEED, "utf8") };
const news = newsInputs();
if (news) Object.assign(inputs, news);
else console.error("browser bench: news inputs skipped (corpus not found; set WENXI_BENCH_CORPUS)");
for (const [name, t] of Object.entries(inputs)) writeFileSync(join(dir, "inputs", `${name}.txt`), t);

const server = await serve(dir);
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
    process.exit(130);
  });
}
const results = { date: new Date().toISOString(), chromium: execFileSync("/usr/bin/chromium", ["--version"]).toString().trim() };

/** A fresh profile, the bench page loaded. */
async function openBench() {
  const b = await launch();
  await b.page.goto(server.url + "bench.html");
  await b.page.waitForFunction(() => window.benchLoaded === true);
  return b;
}

try {
  // ---- wenxi ----
  let b = await openBench();
  const cold = await b.page.evaluate(() => bench.wenxiInit());
  const coldTransfers = await b.page.evaluate(() => bench.transfers());
  await b.page.reload();
  await b.page.waitForFunction(() => window.benchLoaded === true);
  await b.page.evaluate(() => bench.wenxiInit()); // lets V8 cache the compiled wasm
  await b.page.reload();
  await b.page.waitForFunction(() => window.benchLoaded === true);
  const warm = await b.page.evaluate(() => bench.wenxiInit());
  const analyses = {};
  for (const name of Object.keys(inputs)) {
    analyses[name] = await b.page.evaluate(([u, n]) => bench.wenxiAnalyze(u, n), [`inputs/${name}.txt`, RUNS[name]]);
  }
  await b.close();
  results.wenxi = { cold, warm, coldTransfers, analyses };

  // ---- the app itself (when the web helper's page exists) ----
  if (existsSync(join(dir, "index.html"))) {
    b = await launch();
    // Every response the browser receives (page, its worker, the service
    // worker's pre-cache), with its size on the wire: the first visit's cost.
    const wire = [];
    b.context.on("requestfinished", (req) =>
      req.sizes().then(
        (s) => wire.push({ url: req.url(), bytes: s.responseBodySize + s.responseHeadersSize }),
        () => {},
      ),
    );
    const ready = () =>
      b.page
        .waitForFunction(
          () => {
            const s = document.querySelector("#engine-status");
            return s && s.dataset.state === "ready" ? performance.now() : false;
          },
          null,
          { polling: 10, timeout: 60000 },
        )
        .then((h) => h.jsonValue());
    await b.page.goto(server.url);
    const appCold = await ready().catch(() => null);
    await b.page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller, null, { timeout: 60000 }).catch(() => null);
    await b.page.waitForTimeout(500);
    const coldWire = wire.splice(0);
    await b.page.reload();
    const warmRuns = [await ready().catch(() => null)];
    const warmStartups = [await b.page.evaluate(() => window.wenxi.state.startup)];
    // Two more warm starts (the first one may still have built the engine if
    // its snapshot was not written yet); the median is the figure.
    for (let i = 0; i < 2; i++) {
      await b.page.waitForTimeout(300);
      await b.page.reload();
      warmRuns.push(await ready().catch(() => null));
      warmStartups.push(await b.page.evaluate(() => window.wenxi.state.startup));
    }
    const appWarm = [...warmRuns].sort((x, y) => x - y)[1];
    console.error(`app warm starts: ${JSON.stringify(warmRuns)}; worker phases: ${JSON.stringify(warmStartups)}`);
    const controlled = await b.page.evaluate(() => Boolean(navigator.serviceWorker && navigator.serviceWorker.controller));
    const warmWire = wire.splice(0);
    // A big input through the UI: time to results, the longest main-thread
    // task while the worker runs and the page renders (does the page freeze?),
    // progress events, and cancel (terminates and restarts the worker).
    const big = {};
    if (inputs["news-10MB"]) {
      await b.page.evaluate(() => {
        window.__long = [];
        new PerformanceObserver((l) => window.__long.push(...l.getEntries().map((e) => e.duration))).observe({ type: "longtask" });
      });
      for (const name of ["news-1MB", "news-10MB"]) {
        await b.page.evaluate(async (u) => {
          document.querySelector("#input").value = await (await fetch(u)).text();
          window.__long.length = 0;
          window.__progress = 0;
          new MutationObserver(() => window.__progress++).observe(document.querySelector("#progress-label"), { childList: true, characterData: true, subtree: true });
        }, `inputs/${name}.txt`);
        const n = await b.page.evaluate(() => Number(document.body.dataset.analyses || 0));
        const t0 = Date.now();
        await b.page.click("#analyze");
        await b.page.waitForFunction((k) => Number(document.body.dataset.analyses || 0) > k, n, { timeout: 300000 });
        big[name] = {
          ms: Date.now() - t0,
          timing: await b.page.evaluate(() => window.wenxi && window.wenxi.state.timing),
          longest_task_ms: await b.page.evaluate(() => Math.max(0, ...window.__long)),
          long_tasks: await b.page.evaluate(() => window.__long.length),
          progress_updates: await b.page.evaluate(() => window.__progress),
        };
      }
      // Cancel a 10 MB analysis after 1 s.
      await b.page.click("#analyze");
      await b.page.waitForTimeout(1000);
      const t0 = Date.now();
      await b.page.click("#cancel");
      await b.page.waitForSelector("#cancel", { state: "hidden", timeout: 60000 });
      const stopped = Date.now() - t0;
      await b.page.waitForSelector('#engine-status[data-state="ready"]', { timeout: 60000 });
      big.cancel = { ui_stopped_ms: stopped, engine_ready_again_ms: Date.now() - t0 };
    }
    const appTransfers = await b.page.evaluate(() =>
      performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource")).map((e) => ({ name: e.name, transfer: e.transferSize })),
    );
    await b.close();
    results.app = { big, cold_ready_ms: appCold, warm_ready_ms: appWarm, warm_runs_ms: warmRuns, warm_startups: warmStartups, warm_controlled_by_sw: controlled, coldWire, warmWire, warmTransfers: appTransfers };
  }

  // ---- jieba-wasm ----
  b = await openBench();
  const jcold = await b.page.evaluate(() => bench.jiebaInit());
  await b.page.reload();
  await b.page.waitForFunction(() => window.benchLoaded === true);
  const jwarm = await b.page.evaluate(() => bench.jiebaInit());
  const jruns = {};
  for (const name of Object.keys(inputs)) {
    jruns[name] = await b.page.evaluate(([u, n]) => bench.jiebaRun(u, n), [`inputs/${name}.txt`, RUNS[name]]);
  }
  await b.close();
  results.jieba = { cold: jcold, warm: jwarm, runs: jruns };
} finally {
  server.close();
  rmSync(dir, { recursive: true, force: true });
}

// ---- sizes ----
const wenxiWasm = sizes(readFileSync(join(WWW, "pkg/wenxi_bg.wasm")));
const wenxiDict = sizes(readFileSync(join(WWW, "pkg/jieba-dict.txt")));
const jiebaWasm = sizes(readFileSync(join(JIEBA, "jieba_rs_wasm_bg.wasm")));
results.sizes = { wenxiWasm, wenxiDict, jiebaWasm };
mkdirSync(join(ROOT, "target/bench"), { recursive: true });
writeFileSync(join(ROOT, "target/bench/browser.json"), JSON.stringify(results, null, 1));

// ---- tables ----
const w = results.wenxi;
const j = results.jieba;
console.log(`# browser bench ${results.date} (${results.chromium})\n`);
console.log("## Page ready (ms)\n");
console.log("| | cold | warm |\n|---|---:|---:|");
console.log(`| wenxi engine: wasm + dictionary + Analyzer::new | ${ms(w.cold.total_ms)} (dict build ${ms(w.cold.dict_build_ms)}) | ${ms(w.warm.total_ms)} (dict build ${ms(w.warm.dict_build_ms)}) |`);
if (results.app) {
  const w = results.app.warm_startups.filter(Boolean).map((x) => x.workerMs).sort((x, y) => x - y);
  const src = results.app.warm_startups.map((x) => x && x.source).join(", ");
  console.log(`| wenxi app worker: start → engine ready (from the memory snapshot) | | ${ms(w[Math.floor(w.length / 2)])} (median of ${w.map(ms).join(", ")}; ${src}) |`);
}
if (results.app) console.log(`| wenxi app: navigation start → #engine-status ready | ${ms(results.app.cold_ready_ms)} | ${ms(results.app.warm_ready_ms)} (median of ${results.app.warm_runs_ms.map(ms).join(", ")}; engine: ${results.app.warm_startups.map((x) => x && x.source).join(", ")}; SW controls: ${results.app.warm_controlled_by_sw}) |`);
console.log(`| jieba-wasm: init + first cut | ${ms(j.cold.total_ms)} | ${ms(j.warm.total_ms)} |`);
const bytesIn = w.coldTransfers.reduce((s, t) => s + (t.transfer || 0), 0);
console.log(`\nCold transfer of the engine page: ${mb(bytesIn)} MB (uncompressed server; ${w.coldTransfers.length} requests)`);
if (results.app) {
  const sum = (xs) => xs.reduce((t, x) => t + x.bytes, 0);
  console.log(`App, first visit until the service worker controls: ${mb(sum(results.app.coldWire))} MB in ${results.app.coldWire.length} responses (page + worker + pre-cache; uncompressed server)`);
  console.log(`App, warm reload: ${(sum(results.app.warmWire) / 1000).toFixed(1)} kB over the network for ${results.app.warmWire.length} requests`);
}
console.log("");
if (results.app && results.app.big.cancel) {
  const big = results.app.big;
  console.log("## The app on big inputs (through the UI: #input, #analyze, #cancel)\n");
  console.log("| input | click → results ms | analyze / parse / render ms | longest main-thread task ms | long tasks | progress updates |\n|---|---:|---:|---:|---:|---:|");
  for (const name of ["news-1MB", "news-10MB"]) {
    const r = big[name];
    const t = r.timing || {};
    console.log(`| ${name} | ${r.ms} | ${ms(t.analyze)} / ${ms(t.parse)} / ${ms(t.render)} | ${ms(r.longest_task_ms)} | ${r.long_tasks} | ${r.progress_updates} |`);
  }
  console.log(`\nCancel 1 s into a 10 MB analysis: UI back in ${big.cancel.ui_stopped_ms} ms, engine ready again in ${big.cancel.engine_ready_again_ms} ms (new worker)\n`);
}
console.log(`## Analysis (ms: median of ${RUNS.seed} runs for the seed, ${RUNS["news-1MB"]} for 1 MB, 1 for 10 MB; MB/s from the median)\n`);
console.log("| input | bytes | wenxi analyze+parse | wenxi MB/s | jieba cut | jieba tag | jieba tag MB/s | wenxi / jieba tag | wenxi wasm mem MB | wenxi peak heap MB | jieba peak heap MB |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const name of Object.keys(w.analyses)) {
  const a = w.analyses[name];
  const jr = j.runs[name];
  const wt = median(a.runs.map((r) => r.total_ms));
  const jt = median(jr.tag_ms);
  console.log(
    `| ${name} | ${a.bytes} | ${mm(a.runs.map((r) => r.total_ms))}; analyze ${ms(median(a.runs.map((r) => r.analyze_ms)))}, parse ${ms(median(a.runs.map((r) => r.parse_ms)))} | ${mbps(a.bytes, wt)} | ${mm(jr.cut_ms)} | ${mm(jr.tag_ms)} | ${mbps(jr.bytes, jt)} | ${(wt / jt).toFixed(2)}× | ${mb(a.wasm_memory)} | ${mb(a.peak_heap)} | ${mb(jr.peak_heap)} |`,
  );
}
console.log("\n## Download size (bytes)\n");
console.log("| | raw | gzip -9 | brotli -q 11 |\n|---|---:|---:|---:|");
const row = (n, s) => console.log(`| ${n} | ${s.raw} | ${s.gzip} | ${s.brotli} |`);
row("wenxi wasm", wenxiWasm);
row("wenxi dictionary", wenxiDict);
row("wenxi wasm + dictionary", { raw: wenxiWasm.raw + wenxiDict.raw, gzip: wenxiWasm.gzip + wenxiDict.gzip, brotli: wenxiWasm.brotli + wenxiDict.brotli });
row("jieba-wasm 2.4.0 wasm (dictionary inside)", jiebaWasm);
console.log(`\nratio wenxi (wasm + dict) / jieba-wasm, brotli: ${((wenxiWasm.brotli + wenxiDict.brotli) / jiebaWasm.brotli).toFixed(2)}`);
