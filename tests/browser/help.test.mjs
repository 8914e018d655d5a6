// Issue 17, features: a help panel in both languages, opened and closed from
// the keyboard: what each tab shows, what an entity and a figure are, how
// figures are resolved, that nothing leaves the machine, how to install.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, waitReady, shot } from "./app.mjs";

/** Every paragraph of the open help dialog, by its i18n key. */
const helpTexts = (page) =>
  page.$$eval("#help [data-i18n]", (els) => Object.fromEntries(els.map((e) => [e.dataset.i18n, e.textContent.trim()])));

test("help: opens by keyboard, says what a newcomer asks, in both languages", { timeout: 90_000 }, async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await waitReady(page, app.t0);
    assert.equal(await page.isVisible("#help"), false);
    // Reach the help button with Tab from the page start, open it with Enter.
    await page.focus("#help-button");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#help[open]");
    assert.equal(await page.evaluate(() => document.querySelector("#help").matches(":modal")), true);
    const zh = await helpTexts(page);
    for (const [k, v] of Object.entries(zh)) assert.ok(v.length > 0, `${k} is empty`);
    assert.match(zh["help.title"], /帮助/);
    for (const tab of ["overview", "entities", "figures", "text", "words"]) assert.ok(zh[`help.${tab}`].length > 15, tab);
    assert.match(zh["help.entityA"], /人物|地点|机构/);
    assert.match(zh["help.figureA"], /数量/);
    assert.match(zh["help.resolveA"], /18000/);
    assert.match(zh["help.privacyA"], /不会发送|只保存在本机/);
    assert.match(zh["help.installA"], /安装/);
    assert.match(zh["help.installA"], /添加到主屏幕/);
    await shot(page, "help-zh");
    // Esc closes it and gives focus back to the button.
    await page.keyboard.press("Escape");
    await page.waitForSelector("#help:not([open])", { state: "attached" });
    assert.equal(await page.evaluate(() => document.activeElement.id), "help-button");

    // English: every paragraph switches; none is left in Chinese only.
    await page.click("#lang-toggle");
    await page.click("#help-button");
    await page.waitForSelector("#help[open]");
    assert.equal(await page.textContent("#help-button"), "Help");
    const en = await helpTexts(page);
    assert.deepEqual(Object.keys(en), Object.keys(zh));
    for (const [k, v] of Object.entries(en)) {
      assert.notEqual(v, zh[k], `${k} is translated`);
      const latin = v.replace(/[^A-Za-z]/g, "").length;
      const han = v.replace(/[^\u4e00-\u9fff]/g, "").length;
      assert.ok(latin > han, `${k} reads in English: ${v}`);
    }
    assert.match(en["help.privacyA"], /never sent/);
    assert.match(en["help.installA"], /Add to Home Screen/);
    assert.match(en["help.resolveA"], /18000/);
    await shot(page, "help-en");
    // The close button closes it too.
    await page.click("#help-close");
    await page.waitForSelector("#help:not([open])", { state: "attached" });
    assert.deepEqual(app.errors(), []);
  } finally {
    await app.close();
  }
});
