// Issue 17, defect 1: text is never lost. An encoding change re-reads only
// the loaded file, and never replaces what the user typed without asking;
// the file line describes what the box holds (edited, a refused file, the
// sample).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { openApp, waitReady, analyses, waitAnalysis, dropFile, shot } from "./app.mjs";

/** A Traditional Chinese news line of our own, encoded as Big5 by Python's codecs. */
const BIG5_TEXT = "本報訊 今年全縣新建學校三所，投資一點二億元，新增學位兩千個。縣教育局表示，新學校九月開學。";
const big5 = () => execFileSync("python3", ["-c", "import sys; sys.stdout.buffer.write(sys.argv[1].encode('big5'))", BIG5_TEXT]);
const TYPED = "本报讯 全市今年新建公园十二个，新增绿地三百公顷。市园林局表示，公园全部免费开放。";
const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");

test("encoding change: the typed text is kept unless the user agrees; the file line follows the box", { timeout: 120_000 }, async () => {
  const app = await openApp();
  const { page } = app;
  const dialogs = [];
  let answer = false;
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await (answer ? d.accept() : d.dismiss());
  });
  try {
    await waitReady(page, app.t0);
    await page.selectOption("#encoding", "big5");
    let n = await analyses(page);
    await dropFile(page, "news-big5.txt", big5());
    await waitAnalysis(page, n);
    assert.equal(await page.inputValue("#input"), BIG5_TEXT);
    assert.match(await page.textContent("#file-info"), /news-big5\.txt.*Big5/);

    // The user types other text: it is analysed, and the file line says the box was edited.
    n = await analyses(page);
    await page.fill("#input", TYPED);
    await waitAnalysis(page, n);
    assert.equal(await page.getAttribute("#file-info", "data-edited"), "true");
    assert.match(await page.textContent("#file-info"), /已修改/);

    // An encoding change asks first; declined, nothing is replaced and the choice goes back.
    await page.selectOption("#encoding", "gb18030");
    await page.waitForFunction(() => document.querySelector("#encoding").value === "big5");
    assert.equal(dialogs.length, 1, "asked before replacing the typed text");
    assert.match(dialogs[0], /news-big5\.txt/);
    assert.equal(await page.inputValue("#input"), TYPED, "typed text kept");
    assert.equal(await page.evaluate(() => window.wenxi.state.text), TYPED, "the typed text stays the analysed one");

    // A refused PNG changes nothing: the box, the loaded file and its line stay.
    const before = await page.textContent("#file-info");
    await dropFile(page, "photo.txt", PNG);
    await page.waitForFunction(() => document.querySelector("#status").dataset.kind === "error");
    assert.doesNotMatch(await page.textContent("#file-info"), /photo/);
    assert.equal(await page.textContent("#file-info"), before);
    assert.equal(await page.inputValue("#input"), TYPED);

    // Agreed: the loaded file (not the PNG) is read again and replaces the box.
    answer = true;
    n = await analyses(page);
    await page.selectOption("#encoding", "big5");
    await page.selectOption("#encoding", "");
    await waitAnalysis(page, n);
    assert.equal(dialogs.length, 2);
    assert.equal(await page.inputValue("#input"), BIG5_TEXT);
    assert.equal(await page.getAttribute("#file-info", "data-edited"), "false");
    assert.doesNotMatch(await page.textContent("#file-info"), /已修改/);
    await shot(page, "enc-refile");

    // Unedited, the file is simply read again: no question.
    n = await analyses(page);
    await page.selectOption("#encoding", "big5");
    await waitAnalysis(page, n);
    assert.equal(dialogs.length, 2);
    assert.equal(await page.inputValue("#input"), BIG5_TEXT);

    // The sample: no file line; an encoding change replaces nothing.
    n = await analyses(page);
    await page.click("#sample");
    await waitAnalysis(page, n);
    assert.ok(await page.isHidden("#file-info"), "no file line for the sample");
    const sample = await page.inputValue("#input");
    await page.selectOption("#encoding", "gb18030");
    await page.waitForTimeout(300);
    assert.equal(await page.inputValue("#input"), sample);
    assert.equal(dialogs.length, 2);
    assert.match(await page.textContent("#status"), /编码/);
    assert.deepEqual(app.errors(), []);
  } finally {
    await app.close();
  }
});
