// Prints the last `cargo bench --bench pipeline` run as a Markdown table:
// stage × input, median time and MB/s (10^6 bytes of original input per second),
// read from criterion's target/criterion/<group>/<input>/new/*.json.
//
//   cargo bench --bench pipeline && node bench/criterion-table.mjs
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const DIR = new URL("../target/criterion/", import.meta.url).pathname;
const GROUPS = ["dictionary", "clean", "layout", "tag", "entities", "figures", "digest", "analyze"];
const INPUTS = ["Analyzer::new", "seed", "news-1MB", "news-10MB"];
const fmt = (ns) => (ns >= 1e9 ? `${(ns / 1e9).toFixed(2)} s` : ns >= 1e6 ? `${(ns / 1e6).toFixed(1)} ms` : `${(ns / 1e3).toFixed(0)} µs`);

console.log("| stage | input | median | MB/s |\n|---|---|---:|---:|");
for (const g of GROUPS) {
  for (const i of INPUTS) {
    const d = join(DIR, g, i.replace(/::/g, "__"), "new");
    const alt = join(DIR, g, i, "new");
    const dir = existsSync(d) ? d : alt;
    if (!existsSync(join(dir, "estimates.json"))) continue;
    const est = JSON.parse(readFileSync(join(dir, "estimates.json"), "utf8"));
    const bench = JSON.parse(readFileSync(join(dir, "benchmark.json"), "utf8"));
    const ns = est.median.point_estimate;
    const bytes = bench.throughput?.Bytes;
    console.log(`| ${g} | ${i} | ${fmt(ns)} | ${bytes ? (bytes / 1e6 / (ns / 1e9)).toFixed(2) : "–"} |`);
  }
}
