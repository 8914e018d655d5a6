// wasm-opt levels compared: size (raw / gzip -9 / brotli -q 11) against speed
// (analyzer build and analysis of the seed and 1 MB of news, in Node's V8).
//
//   scripts/build-web.sh && node bench/wasm-opt.mjs
//
// Starts from the wasm that build-web.sh compiled (target/wasm32-unknown-unknown/
// release/wenxi.wasm), runs wasm-bindgen (the installed CLI) and the npm
// binaryen wasm-opt at each level, with the features build-web.sh enables.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sizes } from "./sizes.mjs";
import { newsInputs } from "./news.mjs";

const ROOT = new URL("../", import.meta.url).pathname;
const RAW = join(ROOT, "target/wasm32-unknown-unknown/release/wenxi.wasm");
const FEATURES = ["--enable-bulk-memory", "--enable-sign-ext", "--enable-mutable-globals", "--enable-nontrapping-float-to-int", "--enable-reference-types", "--enable-multivalue"];
const LEVELS = [null, "-O2", "-O3", "-Os", "-Oz"];
if (!existsSync(RAW)) {
  console.error("wasm-opt bench: run scripts/build-web.sh first");
  process.exit(2);
}
const dict = readFileSync(join(ROOT, "www/pkg/jieba-dict.txt"), "utf8");
const inputs = { seed: readFileSync(join(ROOT, "seeds/000_0e8ce62d7256c336.txt"), "utf8") };
const news = newsInputs({ "news-1MB": 1_000_000 });
if (news) Object.assign(inputs, news);
const ROUNDS = 3;
const min = (xs) => Math.min(...xs);

const tmp = mkdtempSync(join(tmpdir(), "wenxi-wasm-opt-"));
execFileSync("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", join(tmp, "bindgen"), RAW]);
// Build and load every variant first, then time them in interleaved rounds and
// keep each one's fastest time: on a shared machine, load spikes hit all alike.
const variants = [];
for (const level of LEVELS) {
  const dir = join(tmp, level || "none");
  cpSync(join(tmp, "bindgen"), dir, { recursive: true });
  const wasm = join(dir, "wenxi_bg.wasm");
  if (level) execFileSync(join(ROOT, "node_modules/.bin/wasm-opt"), [level, ...FEATURES, "--strip-debug", wasm, "-o", wasm]);
  const bytes = readFileSync(wasm);
  const mod = await import(join(dir, "wenxi.js"));
  mod.initSync({ module: bytes });
  variants.push({ level: level || "none (wasm-bindgen only)", mod, size: sizes(bytes), build: [], times: Object.fromEntries(Object.keys(inputs).map((k) => [k, []])) });
}
for (let round = 0; round < ROUNDS; round++) {
  for (const v of variants) {
    let t0 = performance.now();
    const analyzer = new v.mod.Analyzer(dict);
    v.build.push(performance.now() - t0);
    for (const [name, text] of Object.entries(inputs)) {
      for (let i = 0; i < (name === "seed" ? 3 : 1); i++) {
        t0 = performance.now();
        JSON.parse(analyzer.analyze(text, "", () => {}));
        v.times[name].push(performance.now() - t0);
      }
    }
    analyzer.free();
  }
}
console.log(`fastest of ${ROUNDS} interleaved rounds (seed: 3 runs a round), Node ${process.version}\n`);
console.log("| wasm-opt | raw B | gzip B | brotli B | Analyzer::new ms | " + Object.keys(inputs).map((k) => `${k} ms`).join(" | ") + " |");
console.log("|---|---:|---:|---:|---:|" + Object.keys(inputs).map(() => "---:").join("|") + "|");
for (const v of variants) {
  const s = v.size;
  console.log(`| ${v.level} | ${s.raw} | ${s.gzip} | ${s.brotli} | ${min(v.build).toFixed(0)} | ${Object.values(v.times).map((t) => min(t).toFixed(1)).join(" | ")} |`);
}
rmSync(tmp, { recursive: true, force: true });
