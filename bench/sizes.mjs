// What the first visit transfers: every asset in www/ (the service worker
// pre-caches them all), raw, gzip -9 and brotli -q 11, against the 3 MB brotli
// budget. Run after `scripts/build-web.sh`:
//
//   node bench/sizes.mjs            # table
//   node bench/sizes.mjs --json     # machine-readable
//
// Compression uses Node's zlib (gzip level 9; brotli quality 11, window 22,
// as `brotli -q 11`), so no CLI is needed. jieba-wasm's web build is listed
// for comparison (it is not part of wenxi).
import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const ROOT = new URL("../", import.meta.url).pathname;
const WWW = join(ROOT, "www");
const BUDGET = 3_000_000;

/** raw / gzip / brotli byte counts of a buffer. */
export function sizes(buf) {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_LGWIN]: 22,
        [constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      },
    }).length,
  };
}

/** Every file under `dir`, relative, sorted. */
function walk(dir, base = dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, base, out);
    else out.push(relative(base, p));
  }
  return out;
}

/** Rows for www/ and the total. */
export function measureWww(dir = WWW) {
  const rows = walk(dir)
    .filter((f) => !f.endsWith(".map"))
    .map((f) => ({ file: f, ...sizes(readFileSync(join(dir, f))) }));
  const total = rows.reduce(
    (t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  return { rows, total };
}

const kb = (n) => (n / 1000).toFixed(1).padStart(9);

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync(join(WWW, "pkg/wenxi_bg.wasm"))) {
    console.error("sizes: www/pkg is missing; run scripts/build-web.sh first");
    process.exit(2);
  }
  const { rows, total } = measureWww();
  const jieba = join(ROOT, "node_modules/jieba-wasm/pkg/web");
  const ref = existsSync(jieba)
    ? ["jieba_rs_wasm_bg.wasm", "jieba_rs_wasm.js"].map((f) => ({ file: `(jieba-wasm 2.4.0) ${f}`, ...sizes(readFileSync(join(jieba, f))) }))
    : [];
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify({ rows, total, budget: BUDGET, jieba_wasm: ref }, null, 1));
  } else {
    const w = Math.max(...rows.concat(ref).map((r) => r.file.length), 10);
    console.log(`${"file".padEnd(w)}  ${"raw kB".padStart(9)}  ${"gzip kB".padStart(9)}  ${"br kB".padStart(9)}`);
    for (const r of rows) console.log(`${r.file.padEnd(w)}  ${kb(r.raw)}  ${kb(r.gzip)}  ${kb(r.brotli)}`);
    console.log(`${"TOTAL (first load)".padEnd(w)}  ${kb(total.raw)}  ${kb(total.gzip)}  ${kb(total.brotli)}`);
    console.log(`budget: ${kb(BUDGET).trim()} kB brotli -> ${total.brotli <= BUDGET ? "within" : "OVER"} (${((100 * total.brotli) / BUDGET).toFixed(0)}%)`);
    for (const r of ref) console.log(`${r.file.padEnd(w)}  ${kb(r.raw)}  ${kb(r.gzip)}  ${kb(r.brotli)}`);
  }
}
