// Issue 17, defect 3: at 390×844 the tables are readable (each row a card,
// nothing wider than the screen, the context column on screen), type badges
// never wrap mid-word, and the text view does not open on blank lines.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, waitReady, runSample, tab, shot } from "./app.mjs";

const W = 390;

test("phone: tables as cards within the screen, whole badges, text without blank blocks", { timeout: 120_000 }, async () => {
  const app = await openApp({ viewport: { width: W, height: 844 } });
  const { page } = app;
  try {
    await waitReady(page, app.t0);
    await runSample(page);
    await shot(page, "phone-overview");

    await tab(page, "figures");
    const fig = await page.evaluate(() => {
      const table = document.querySelector('[data-table="figures"]');
      const row = table.querySelector("tbody tr");
      const cell = (k) => row.querySelector(`td[data-label="${k}"]`)?.getBoundingClientRect();
      return {
        page: document.documentElement.scrollWidth,
        table: table.getBoundingClientRect().right,
        context: cell("上下文"),
        subject: cell("对象"),
        labels: [...row.cells].map((c) => getComputedStyle(c, "::before").content),
      };
    });
    assert.ok(fig.page <= W, `page ${fig.page} px wide`);
    assert.ok(fig.table <= W, `figures table ends at ${fig.table} px`);
    assert.ok(fig.context && fig.context.right <= W && fig.context.width > 250, `context on screen: ${JSON.stringify(fig.context)}`);
    assert.ok(fig.subject.width > 120, `subject ${fig.subject.width} px wide: not one character a line`);
    assert.ok(fig.labels.includes('"上下文"'), "each cell is named by its column");
    // Sorting still works from the header buttons.
    await page.click('[data-table="figures"] th[data-col="value"] button');
    assert.equal(await page.getAttribute('[data-table="figures"] th[data-col="value"]', "aria-sort"), "descending");
    await page.evaluate(() => document.querySelector("#results").scrollIntoView());
    await shot(page, "phone-figures");

    await tab(page, "entities");
    const badges = await page.$$eval('[data-table="entities"] .tag', (els) => els.map((e) => ({ lines: e.getClientRects().length, h: e.getBoundingClientRect().height, w: e.scrollWidth - e.clientWidth })));
    assert.ok(badges.length > 10);
    for (const b of badges) assert.ok(b.lines === 1 && b.h < 30 && b.w <= 0, `badge on one line: ${JSON.stringify(b)}`);
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= W);
    await page.evaluate(() => document.querySelector("#results").scrollIntoView());
    await shot(page, "phone-entities");

    await tab(page, "text");
    const gap = await page.evaluate(() => {
      const body = document.querySelector("#panel-text .text-body");
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (/\S/.test(n.data) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP) });
      const first = walker.nextNode();
      const range = document.createRange();
      const i = first.data.search(/\S/);
      range.setStart(first, i);
      range.setEnd(first, i + 1);
      const top = range.getBoundingClientRect().top - body.getBoundingClientRect().top;
      const gaps = [...body.querySelectorAll(".gap")].map((g) => g.getBoundingClientRect().height);
      return { top, tallest: Math.max(0, ...gaps), same: body.textContent === window.wenxi.state.text };
    });
    assert.ok(gap.top < 40, `first text ${gap.top} px below the top of the text view`);
    assert.ok(gap.tallest <= 12, `blank lines shown as a small gap (${gap.tallest} px)`);
    assert.ok(gap.same, "the text view still holds exactly the input");
    await page.evaluate(() => document.querySelector("#results").scrollIntoView());
    await shot(page, "phone-text");

    await tab(page, "words");
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= W);
    await page.evaluate(() => document.querySelector("#results").scrollIntoView());
    await shot(page, "phone-words");
    assert.deepEqual(app.errors(), []);
  } finally {
    await app.close();
  }
});
