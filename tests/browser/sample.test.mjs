// Journey (a): open the page, wait for the engine, click Sample, read every
// tab; click an entity and a figure to highlight them in the text; KWIC;
// language toggle; print brief; a phone-sized screenshot.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, waitReady, runSample, shot, tab } from "./app.mjs";

test("sample: ready, analyse, every tab renders", { timeout: 180_000 }, async () => {
  const app = await openApp();
  const { page } = app;
  try {
    const readyMs = await waitReady(page, app.t0);
    console.log(`# time to ready (cold profile): ${readyMs} ms`);
    // Warm HTTP cache: reload and time again.
    const t1 = Date.now();
    await page.reload();
    console.log(`# time to ready (reload, warm HTTP cache): ${await waitReady(page, t1)} ms; worker says ${await page.evaluate(() => Math.round(window.wenxi.client.readyMs))} ms from worker start`);
    await runSample(page);
    const timing = await page.evaluate(() => window.wenxi.state.timing);
    console.log(`# sample analysis in the page (first): ${JSON.stringify(timing)}`);
    await runSample(page);
    console.log(`# sample analysis in the page (second): ${JSON.stringify(await page.evaluate(() => window.wenxi.state.timing))}`);

    // Overview: stats and at least one article card with a keyword chart.
    assert.ok(await page.locator(".stat").count() >= 6);
    assert.ok(await page.locator(".article-card").count() >= 1);
    assert.ok(await page.locator(".article-card svg.chart rect").count() >= 1);
    await shot(page, "a-overview", { fullPage: true });

    await tab(page, "entities");
    const entRows = page.locator('[data-table="entities"] tbody tr.clickable');
    assert.ok((await entRows.count()) > 0, "entity table is empty");
    await shot(page, "a-entities");

    await tab(page, "figures");
    const rows = await page.$$eval('[data-table="figures"] tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
    const cells = rows.find((r) => r[2] === "4,858");
    assert.ok(cells, "no figure row with value 4,858");
    assert.equal(cells[3], "件", `unit cell: ${cells}`);
    await shot(page, "a-figures");

    // Sorting by value descending puts the largest number first.
    await page.click('[data-table="figures"] th[data-col="value"] button');
    assert.equal(await page.getAttribute('[data-table="figures"] th[data-col="value"]', "aria-sort"), "descending");

    // Filter by kind: only percent rows remain.
    await page.selectOption('[data-table-wrap="figures"] select[data-filter="kind"]', "percent");
    const kinds = await page.locator('[data-table="figures"] tbody td:nth-child(5)').allTextContents();
    assert.ok(kinds.length > 0 && kinds.every((k) => k === "百分比"), `kinds after filter: ${kinds}`);
    await page.selectOption('[data-table-wrap="figures"] select[data-filter="kind"]', "");

    // Click a figure row: the Text tab opens with the figure outlined.
    await page.locator('[data-table="figures"] tbody tr', { hasText: "4858件" }).first().click();
    await page.waitForSelector('#panel-text:not([hidden]) .text-body mark.hit');
    assert.match(await page.locator("#panel-text .text-body mark.hit").first().textContent(), /4858/);
    await shot(page, "a-text");

    // Click the first entity: every mention is outlined, the first in view.
    await tab(page, "entities");
    const first = entRows.first();
    const name = (await first.locator("td").nth(1).textContent()).trim();
    const count = Number((await first.locator("td").nth(3).textContent()).replace(/,/g, ""));
    await first.press("Enter");
    await page.waitForSelector("#panel-text:not([hidden]) .text-body mark.hit");
    const hits = await page.locator("#panel-text .text-body mark.hit").allTextContents();
    assert.ok(hits.length >= 1 && hits.join("").includes(name), `hits ${hits.slice(0, 3)} for ${name}`);
    assert.ok(hits.length >= Math.min(count, 1));
    assert.ok(await page.locator("#panel-text .text-body mark.hit").first().isVisible());
    // Next / previous mention.
    if (count >= 2) {
      assert.match(await page.textContent(".hit-pos"), new RegExp(`^第 1 / ${count} 处$`));
      await page.click('[data-hit="next"]');
      assert.match(await page.textContent(".hit-pos"), /^第 2 \//);
      assert.equal(await page.locator("#panel-text .text-body mark.hit.current").first().textContent(), name);
      await page.click('[data-hit="prev"]');
      await page.click('[data-hit="prev"]');
      assert.match(await page.textContent(".hit-pos"), new RegExp(`^第 ${count} / ${count} 处$`));
      await shot(page, "a-text-entity");
    }

    // Words + KWIC: type a term, get hits, click one to jump.
    await tab(page, "words");
    assert.ok((await page.locator('[data-table="words"] tbody tr').count()) > 10);
    await page.fill("#kwic-input", "巡察");
    await page.waitForSelector(".kwic-hit");
    const kwicHits = await page.locator(".kwic-hit").count();
    assert.ok(kwicHits >= 10, `kwic hits: ${kwicHits}`);
    await shot(page, "a-words");
    await page.locator(".kwic-hit").nth(2).click();
    await page.waitForSelector("#panel-text:not([hidden]) .text-body mark.hit");
    assert.equal(await page.locator("#panel-text .text-body mark.hit").first().textContent(), "巡察");

    // Cleaned-text toggle (the page asks for clean_text on small inputs).
    await page.check("#clean-toggle");
    assert.equal(await page.locator("#panel-text .text-body mark").count(), 0);
    await page.uncheck("#clean-toggle");

    // Print brief: one section per article, with a title.
    const articles = await page.evaluate(() => {
      window.wenxi.buildBrief(); // what the beforeprint event does
      return window.wenxi.state.report.articles.length;
    });
    assert.equal(await page.locator("#print-brief .brief-page").count(), articles);
    await page.emulateMedia({ media: "print" });
    await shot(page, "a-print", { fullPage: true });
    await page.emulateMedia({ media: "screen" });

    // English toggle re-renders the views.
    await page.click("#lang-toggle");
    assert.equal(await page.textContent('[role="tab"][data-tab="figures"]'), "Figures");
    await tab(page, "overview");
    await shot(page, "a-overview-en");
    await page.click("#lang-toggle");
    assert.equal(await page.textContent('[role="tab"][data-tab="figures"]'), "数字");

    // A phone-sized viewport stays readable.
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, "a-phone", { fullPage: false });
    await tab(page, "figures");
    await shot(page, "a-phone-figures", { fullPage: false });

    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(app.errors(), []);
  } finally {
    await app.close();
  }
});

test("#sample in the URL loads and analyses the sample on start", { timeout: 120_000 }, async () => {
  const app = await openApp({ hash: "#sample" });
  try {
    await app.page.waitForFunction(() => Number(document.body.dataset.analyses || 0) > 0, null, { timeout: 90_000 });
    const t = await app.page.evaluate(() => window.wenxi.state.timing);
    console.log(`# #sample: first result ${Date.now() - app.t0} ms after navigation (${JSON.stringify(t)})`);
    assert.ok((await app.page.inputValue("#input")).includes("巡察"));
    assert.ok((await app.page.locator(".article-card").count()) > 0);
  } finally {
    await app.close();
  }
});
