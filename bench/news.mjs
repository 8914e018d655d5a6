// Plain news text for the benchmarks, made from the PFR corpus (People's Daily,
// January 1998; research use, never committed): POS tags and `[..]nt` brackets
// stripped, one paragraph per line, a blank line between articles, repeated and
// cut at a line end to the size asked. Byte-identical to `mod news` in
// benches/pipeline.rs.
//
//   node bench/news.mjs 1000000 > /tmp/news-1MB.txt
//
// The corpus: $WENXI_BENCH_CORPUS, else ../shared/... or ../../shared/...
// relative to the repository.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = new URL("../", import.meta.url).pathname;
const REL = "shared/data/ner/pfr-199801/199801.utf8.txt";

/** The corpus path, or null when absent. */
export function corpusPath() {
  if (process.env.WENXI_BENCH_CORPUS) {
    return existsSync(process.env.WENXI_BENCH_CORPUS) ? process.env.WENXI_BENCH_CORPUS : null;
  }
  for (const up of ["..", "../.."]) {
    const p = join(ROOT, up, REL);
    if (existsSync(p)) return p;
  }
  return null;
}

/** Strips the tags: keeps the words, drops each line's id token. */
export function stripPos(corpus) {
  const out = [];
  let article = null;
  for (const line of corpus.split(/\r?\n/)) {
    const tokens = line.split(/\s+/).filter(Boolean);
    if (tokens.length === 0) continue;
    const id = tokens[0].slice(0, 15);
    if (out.length) out.push(id !== article ? "\n\n" : "\n");
    article = id;
    for (const t of tokens.slice(1)) {
      const slash = t.lastIndexOf("/");
      let word = slash >= 0 ? t.slice(0, slash) : t;
      if (word.length > 1 && word.startsWith("[")) word = word.slice(1);
      out.push(word);
    }
  }
  out.push("\n");
  return out.join("");
}

/** The first `bytes` UTF-8 bytes of `plain` repeated, cut at the last line end. */
export function take(plain, bytes) {
  const lines = plain.match(/[^\n]*\n|[^\n]+$/g) || [];
  const sizes = lines.map((l) => Buffer.byteLength(l));
  const out = [];
  let n = 0;
  for (let pass = 0; lines.length; pass++) {
    for (let i = 0; i < lines.length; i++) {
      if (n + sizes[i] > bytes) return out.join("");
      out.push(lines[i]);
      n += sizes[i];
    }
    if (n === 0) break;
  }
  return out.join("");
}

/** `{ "news-1MB": text, "news-10MB": text }`, or null without the corpus. */
export function newsInputs(sizes = { "news-1MB": 1_000_000, "news-10MB": 10_000_000 }) {
  const path = corpusPath();
  if (!path) return null;
  const plain = stripPos(readFileSync(path, "utf8"));
  return Object.fromEntries(Object.entries(sizes).map(([k, b]) => [k, take(plain, b)]));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = corpusPath();
  if (!path) {
    console.error("news.mjs: corpus not found; set WENXI_BENCH_CORPUS");
    process.exit(2);
  }
  process.stdout.write(take(stripPos(readFileSync(path, "utf8")), Number(process.argv[2] || 1_000_000)));
}
