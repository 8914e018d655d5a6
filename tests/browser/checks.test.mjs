// Journey: the arithmetic checks in the Figures tab. The sample page's
// rectification rate (4761 / 4858 = 98%) shows as consistent; a pasted text
// whose rate does not add up shows as inconsistent with the computed value;
// a row highlights its figures in the Text tab; the checks table exports.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, waitReady, runSample, analyses, waitAnalysis, tab, shot, downloaded } from "./app.mjs";

// Our own sentences: 598 / 620 is 96.45%, not 99%.
const INCONSISTENT = "今年共受理投诉620件，已办结598件，办结率为99%。本次评选出一等奖3名、二等奖6名、三等奖11名，共计20名。";

test("checks: shown in the Figures tab, consistent and inconsistent", { timeout: 120_000 }, async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await waitReady(page, app.t0);
    await runSample(page);
    await tab(page, "figures");
    const rows = page.locator('[data-table="checks"] tbody tr');
    assert.ok((await rows.count()) >= 1, "a checks table on the sample page");
    const first = rows.first();
    assert.equal(await first.locator(".check-status").getAttribute("data-status"), "consistent");
    assert.equal(await first.locator(".check-status").textContent(), "一致");
    assert.match(await first.textContent(), /98%/);
    assert.match(await first.textContent(), /4761 \/ 4858/);
    await shot(page, "checks-sample", { fullPage: false });

    // Clicking the row highlights its three figures in the Text tab.
    await first.click();
    await page.waitForSelector('[role="tab"][data-tab="text"][aria-selected="true"]');
    const hits = await page.locator("mark.hit").allTextContents();
    assert.ok(hits.join("|").includes("98"), `highlighted: ${hits}`);

    // A pasted text whose rate does not add up.
    const n = await analyses(page);
    await page.fill("#input", INCONSISTENT);
    await waitAnalysis(page, n, 20_000);
    await tab(page, "figures");
    const bad = page.locator('[data-table="checks"] .check-status[data-status="inconsistent"]');
    assert.equal(await bad.count(), 1);
    assert.equal(await bad.textContent(), "不一致（算得 96.45%）");
    const ok = page.locator('[data-table="checks"] .check-status[data-status="consistent"]');
    assert.equal(await ok.count(), 1, "the sum 3 + 6 + 11 = 20 is consistent");
    await shot(page, "checks-inconsistent");

    // The checks table exports like every table.
    const csv = await downloaded(page, () => page.click('[data-table-wrap="checks"] [data-export="csv"]'));
    assert.match(csv.name, /^wenxi-checks-.*\.csv$/);
    assert.match(csv.bytes.toString("utf8"), /不一致/, "the verdict in the UI language");
    assert.match(csv.bytes.toString("utf8"), /598 \/ 620/);
    const js = await downloaded(page, () => page.click('[data-table-wrap="checks"] [data-export="json"]'));
    const rowsJson = JSON.parse(js.bytes.toString("utf8"));
    assert.equal(rowsJson.length, 2);
    assert.ok(rowsJson.some((r) => r.formula === "598 / 620 = 96.45%"));
    assert.deepEqual(app.errors(), []);
  } finally {
    await app.close();
  }
});
