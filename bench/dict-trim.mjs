// What a trimmed dictionary would save: for each minimum frequency, the
// dictionary's size (raw / brotli -q 11), the time to build the analyzer from
// it (wasm in Node), and how much of the word analysis of 1 MB of news stays
// the same (multiset overlap of (word, POS) counts with the full dictionary's).
// A proposal tool: wenxi ships the full dictionary.
//
//   scripts/build-web.sh && node bench/dict-trim.mjs
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sizes } from "./sizes.mjs";
import { newsInputs } from "./news.mjs";

const ROOT = new URL("../", import.meta.url).pathname;
const mod = await import(join(ROOT, "www/pkg/wenxi.js"));
mod.initSync({ module: readFileSync(join(ROOT, "www/pkg/wenxi_bg.wasm")) });
const full = readFileSync(join(ROOT, "www/pkg/jieba-dict.txt"), "utf8");
const text = newsInputs({ n: 1_000_000 })?.n ?? readFileSync(join(ROOT, "seeds/000_0e8ce62d7256c336.txt"), "utf8");
const counts = (dict) => {
  const a = new mod.Analyzer(dict);
  const r = JSON.parse(a.analyze(text, "", () => {}));
  a.free();
  return new Map(r.words.map((w) => [`${w.word}/${w.pos}`, w.count]));
};
const base = counts(full);
const total = [...base.values()].reduce((a, b) => a + b, 0);
console.log("| min freq | entries | raw B | brotli B | Analyzer::new ms (best of 3) | same (word, POS) counts |");
console.log("|---:|---:|---:|---:|---:|---:|");
for (const min of [0, 3, 5, 10]) {
  const lines = full.split("\n").filter((l) => l && Number(l.split(" ")[1]) >= min);
  const dict = lines.join("\n") + "\n";
  const s = sizes(Buffer.from(dict));
  const times = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    new mod.Analyzer(dict).free();
    times.push(performance.now() - t0);
  }
  const c = counts(dict);
  let same = 0;
  for (const [k, v] of base) same += Math.min(v, c.get(k) || 0);
  console.log(`| ${min} | ${lines.length} | ${s.raw} | ${s.brotli} | ${Math.min(...times).toFixed(0)} | ${((100 * same) / total).toFixed(1)}% |`);
}
