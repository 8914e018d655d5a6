// Issue 17, defect 7: labels that read right. The approximation column is
// not 约数 (a divisor), the 原文 tab and the as-printed column have different
// names, and an encoding is named one way in the menu and the file line.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { openApp, waitReady, runSample, analyses, waitAnalysis, dropFile, tab } from "./app.mjs";

const TEXT = "本报讯 全县今年新修农村公路约120公里，投资2.5亿元。";
const encode = (codec) => execFileSync("python3", ["-c", "import sys; sys.stdout.buffer.write(sys.argv[1].encode(sys.argv[2]))", TEXT, codec]);

test("labels: approximation, as printed vs the text tab, one name per encoding", { timeout: 90_000 }, async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await waitReady(page, app.t0);
    await runSample(page);
    await tab(page, "figures");
    const headers = await page.$$eval('[data-table="figures"] th', (ths) => Object.fromEntries(ths.map((th) => [th.dataset.col, th.textContent])));
    assert.notEqual(headers.approx, "约数");
    assert.equal(headers.approx, "概数");
    const textTab = await page.textContent('[role="tab"][data-tab="text"]');
    assert.notEqual(headers.surface, textTab, "the 原文 tab and the as-printed column differ");
    assert.equal(headers.surface, "原文写法");

    // Encodings: the menu and the file line use the same names.
    const options = await page.$$eval("#encoding option", (os) => os.filter((o) => o.value).map((o) => o.textContent));
    assert.ok(options.includes("GB18030") && !options.some((o) => /GBK/.test(o)), options.join(" | "));
    for (const [codec, name] of [["gbk", "GB18030"], ["gb18030", "GB18030"], ["utf-8", "UTF-8"]]) {
      await page.selectOption("#encoding", codec === "gbk" ? "gb18030" : "");
      const n = await analyses(page);
      page.once("dialog", (d) => d.accept());
      await dropFile(page, `news-${codec}.txt`, encode(codec));
      await waitAnalysis(page, n);
      const info = await page.textContent("#file-info");
      const shown = info.match(/编码 (\S+)/)?.[1];
      assert.equal(shown, name, info);
      assert.ok(options.includes(shown), `${shown} is named as in the menu`);
    }
    assert.deepEqual(app.errors(), []);
  } finally {
    await app.close();
  }
});
