// Journey (c): open files with the file button (setInputFiles) and by a
// synthetic drop (DataTransfer): UTF-8, GB18030 and UTF-16LE copies of the
// sample must give the same figures as the UTF-8 sample; the encoding
// override re-decodes the last file. The intake fixtures in
// tests/data/intake/ are used when present.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./harness.mjs";
import { openApp, waitReady, analyses, waitAnalysis, dropFile, shot } from "./app.mjs";

const SAMPLE = join(ROOT, "seeds/000_0e8ce62d7256c336.txt");
const INTAKE = join(ROOT, "tests/data/intake");

/** The sample re-encoded by Python's codecs (independent of the page). */
function encoded(codec, bom = false) {
  const out = execFileSync("python3", ["-c", `import sys; t=open(sys.argv[1],encoding="utf-8").read(); sys.stdout.buffer.write(t.encode(sys.argv[2]))`, SAMPLE, codec]);
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), out]) : out;
}

const figures = (page) => page.evaluate(() => window.wenxi.state.report.figures.length);
const fileInfo = (page) => page.textContent("#file-info");

async function viaInput(page, name, buffer, mimeType = "text/plain") {
  const n = await analyses(page);
  await page.setInputFiles("#file-input", { name, mimeType, buffer });
  await waitAnalysis(page, n);
}
async function viaDrop(page, name, buffer, type = "text/plain") {
  const n = await analyses(page);
  await dropFile(page, name, buffer, type);
  await waitAnalysis(page, n);
}

test("drop: UTF-8, GB18030 and UTF-16LE files give the same figures", { timeout: 180_000 }, async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await waitReady(page, app.t0);
    const utf8 = readFileSync(SAMPLE);

    await viaInput(page, "sample-utf8.txt", utf8);
    const base = await figures(page);
    assert.ok(base > 10);
    const info = await fileInfo(page);
    assert.match(info, /sample-utf8\.txt/);
    assert.match(info, /UTF-8/i);
    assert.match(info, /KB/);
    await shot(page, "c-file-utf8");

    await viaDrop(page, "dropped-utf8.txt", utf8);
    assert.equal(await figures(page), base);
    assert.match(await fileInfo(page), /dropped-utf8\.txt/);

    const gb = encoded("gb18030");
    await viaDrop(page, "sample-gb18030.txt", gb);
    assert.match(await fileInfo(page), /gb(k|18030)/i);
    assert.equal(await figures(page), base, "GB18030 copy gives the same figures");
    await shot(page, "c-drop-gb18030");

    // Encoding override: force Big5 (garbles the text), then back to auto.
    let n = await analyses(page);
    await page.selectOption("#encoding", "big5");
    await waitAnalysis(page, n);
    assert.match(await fileInfo(page), /big5/i);
    const garbled = await page.evaluate(() => window.wenxi.state.text);
    assert.ok(!garbled.includes("巡察"), "Big5 override re-decoded the file");
    n = await analyses(page);
    await page.selectOption("#encoding", "");
    await waitAnalysis(page, n);
    assert.equal(await figures(page), base);

    const u16 = encoded("utf-16-le", true);
    await viaInput(page, "sample-utf16le.txt", u16);
    assert.match(await fileInfo(page), /utf-16le/i);
    assert.equal(await figures(page), base, "UTF-16LE copy gives the same figures");
    assert.deepEqual(app.errors(), []);
  } finally {
    await app.close();
  }
});

for (const [file, type] of [
  ["seed.gb18030.txt", "text/plain"],
  ["seed.utf16le.txt", "text/plain"],
  ["seed.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
]) {
  const path = join(INTAKE, file);
  const skip = existsSync(path) ? false : `tests/data/intake/${file} is absent (added by the intake work)`;
  test(`drop: intake fixture ${file} gives the sample's figure count`, { skip, timeout: 120_000 }, async () => {
    const app = await openApp();
    const { page } = app;
    try {
      await waitReady(page, app.t0);
      await viaDrop(page, "sample.txt", readFileSync(SAMPLE));
      const base = await figures(page);
      await viaDrop(page, file, readFileSync(path), type);
      assert.match(await fileInfo(page), new RegExp(file.replace(/\./g, "\\.")));
      assert.equal(await figures(page), base);
    } finally {
      await app.close();
    }
  });
}
