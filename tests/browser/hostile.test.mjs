// Journey (e): hostile input. Markup in pasted text and in a file name shows
// as text and never runs; the CSP holds (no violation events, no console
// errors); binary files, PDFs and empty files give a clear message and leave
// the textarea as it was; the page still analyses afterwards.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, waitReady, analyses, waitAnalysis, dropFile, tab, shot } from "./app.mjs";

const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  "</textarea><script>window.__pwned=2</script>",
];
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n", "latin1");

test("hostile: markup stays text, CSP holds, bad files are refused", { timeout: 120_000 }, async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await waitReady(page, app.t0);

    // Payloads inside Chinese text, pasted.
    const text = `# 测试标题${PAYLOADS[0]}\n本报讯 记者王明报道，${PAYLOADS[1]}全市共有120家企业参加。\n${PAYLOADS.join("")}`;
    let n = await analyses(page);
    await page.fill("#input", text);
    await waitAnalysis(page, n);
    for (const tabName of ["overview", "entities", "figures", "text", "words"]) await tab(page, tabName);
    await tab(page, "text");
    const shown = await page.textContent("#panel-text .text-body");
    assert.ok(shown.includes(PAYLOADS[0]) && shown.includes(PAYLOADS[1]), "payloads shown as text");
    assert.equal(await page.locator("main img, main script, #panel-text img").count(), 0);
    await shot(page, "e-hostile-text");

    // A file whose name is markup.
    const evil = "<img src=x onerror=window.__pwned=3>.txt";
    n = await analyses(page);
    // The box holds pasted text: the page asks before the file replaces it.
    page.once("dialog", (d) => d.accept());
    await dropFile(page, evil, Buffer.from("本报讯 今年共完成投资3亿元。<b>粗体</b>"));
    await waitAnalysis(page, n);
    assert.ok((await page.textContent("#file-info")).includes(evil), "file name shown as text");
    assert.equal(await page.locator("#file-info *").count(), 0);

    // A PNG named .txt: clear message, textarea untouched.
    const before = await page.inputValue("#input");
    await dropFile(page, "photo.txt", PNG, "text/plain");
    await page.waitForFunction(() => document.querySelector("#status").dataset.kind === "error");
    const msg = await page.textContent("#status");
    assert.match(msg, /不是文本文件/);
    console.log(`# PNG message: ${msg}`);
    assert.match(msg, /photo\.txt/);
    assert.equal(await page.inputValue("#input"), before, "textarea unchanged after a binary file");
    await shot(page, "e-binary-message");

    // A PDF: same.
    await page.evaluate(() => (document.querySelector("#status").textContent = ""));
    await page.setInputFiles("#file-input", { name: "report.pdf", mimeType: "application/pdf", buffer: PDF });
    await page.waitForFunction(() => /report\.pdf/.test(document.querySelector("#status").textContent));
    console.log(`# PDF message: ${await page.textContent("#status")}`);
    assert.equal(await page.inputValue("#input"), before);

    // An empty file: message, textarea untouched.
    await page.setInputFiles("#file-input", { name: "empty.txt", mimeType: "text/plain", buffer: Buffer.alloc(0) });
    await page.waitForFunction(() => /empty\.txt/.test(document.querySelector("#status").textContent));
    assert.equal(await page.inputValue("#input"), before);

    // A 50 MB file, built in the page (playwright caps setInputFiles buffers
    // at 50 MB) and dropped: refused before reading, size and limit named.
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(50 * 1024 * 1024).fill(0x41)], "huge.txt", { type: "text/plain" }));
      window.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await page.waitForFunction(() => /huge\.txt/.test(document.querySelector("#status").textContent));
    const huge = await page.textContent("#status");
    console.log(`# 50 MB message: ${huge}`);
    assert.match(huge, /50\.0 MB/);
    assert.equal(await page.inputValue("#input"), before);

    // Still analyses afterwards.
    n = await analyses(page);
    await page.fill("#input", "本报讯 全县新建道路45公里，投资2.5亿元。");
    await waitAnalysis(page, n);
    assert.ok(await page.evaluate(() => window.wenxi.state.report.figures.length) >= 1);

    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(await page.evaluate(() => window.__csp), [], "no CSP violations");
    assert.deepEqual(app.errors(), [], "no console errors");

    // The CSP is really in force: an inline script is refused (and reported).
    await page.evaluate(() => {
      const s = document.createElement("script");
      s.textContent = "window.__inline = 1";
      document.body.append(s);
    });
    await page.waitForFunction(() => window.__csp.length > 0);
    assert.equal(await page.evaluate(() => window.__inline), undefined);
    assert.match((await page.evaluate(() => window.__csp))[0], /script-src/);
  } finally {
    await app.close();
  }
});
