// The page's engine and the command line are one library: the wasm build
// (www/pkg, run here in Node) and the native CLI give the same report for the
// sample page and for a few texts of our own (see issue 16).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./harness.mjs";
import { initSync, Analyzer } from "../../www/pkg/wenxi.js";

const FIXTURES = [
  readFileSync(join(ROOT, "seeds/000_0e8ce62d7256c336.txt"), "utf8"),
  "本报讯（记者 王小明）12月1日，郑州航空港经济综合实验区管委会发布，全区去年生产总值增长8.5%，达到1200亿元。",
  "中部地区六省的代表在武汉开会。国家发展和改革委员会副主任李华出席会议，介绍了约3000家企业的情况。",
  "共发现问题 4858件，整改率为 98%。\n\n# 第二篇\n\n今年一季度，全市新增就业岗位1.2万个，同比增长百分之十五点五。",
  "",
];

/** The CLI's reports for `texts` (analyze --jsonl; keys come back sorted, the id dropped). */
function nativeReports(texts) {
  const lines = texts.map((text, id) => JSON.stringify({ id, text })).join("\n") + "\n";
  const debug = join(ROOT, "target/debug/wenxi");
  const [cmd, args] = existsSync(debug)
    ? [debug, ["analyze", "--jsonl"]]
    : ["cargo", ["run", "--quiet", "--bin", "wenxi", "--", "analyze", "--jsonl"]];
  const out = execFileSync(cmd, args, { cwd: ROOT, input: lines, maxBuffer: 1 << 28 }).toString();
  return out.trim().split("\n").map((l) => {
    const r = JSON.parse(l);
    delete r.id;
    return r;
  });
}

test("native and wasm: the same report for the sample page and our own texts", { timeout: 300_000 }, () => {
  initSync({ module: readFileSync(join(ROOT, "www/pkg/wenxi_bg.wasm")) });
  const engine = new Analyzer(readFileSync(join(ROOT, "www/pkg/jieba-dict.txt"), "utf8"));
  const native = nativeReports(FIXTURES);
  assert.equal(native.length, FIXTURES.length);
  FIXTURES.forEach((text, i) => {
    const wasm = JSON.parse(engine.analyze(text, "", () => {}));
    assert.deepEqual(wasm, native[i], `fixture ${i}`);
  });
  // The comparison sees a difference when there is one.
  const other = JSON.parse(engine.analyze(FIXTURES[1] + "。", "", () => {}));
  assert.notDeepEqual(other, native[1]);
});
