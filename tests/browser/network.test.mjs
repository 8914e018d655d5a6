// Invariant: once the page is ready, nothing goes to the network. Records every
// request seen by the page (including its worker's) and by the browser context
// (including the service worker's) after ready, while a pasted text is
// analysed: there must be none. The Sample button fetches pkg/sample.txt; that
// request must stay on the origin and be answered by the service worker.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { launch, serve, ROOT } from "./harness.mjs";
import { analysed, skipReason, waitControlled, waitReady } from "./pwa.mjs";

const skip = skipReason();
if (skip) console.log(`# network tests skipped: ${skip}`);

test("network: no request after ready, during an analysis", { skip: skip || false, timeout: 180_000 }, async () => {
  const server = await serve();
  const b = await launch();
  const { page, context } = b;
  const seen = [];
  const record = (where) => (req) => seen.push({ where, url: req.url(), method: req.method(), fromSw: null, req });
  page.on("request", record("page"));
  context.on("request", record("context"));
  try {
    await page.goto(server.url);
    await waitReady(page);
    await waitControlled(page);
    // The recorder sees the worker's loads (wasm, dictionary): it is not blind.
    const loaded = seen.map((s) => s.url);
    assert.ok(loaded.some((u) => u.endsWith("/pkg/wenxi_bg.wasm")), `wasm request not seen: ${loaded}`);
    assert.ok(loaded.some((u) => u.endsWith("/pkg/jieba-dict.txt")), "dictionary request not seen");

    seen.length = 0;
    const text = readFileSync(join(ROOT, "seeds/000_0e8ce62d7256c336.txt"), "utf8");
    await analysed(page, async () => {
      await page.fill("#input", text);
      await page.click("#analyze");
    });
    const report = await page.evaluate(() => window.wenxi.state.report);
    assert.ok(report.stats.figures > 0 && report.stats.entities > 0, "the analysis ran");
    await page.waitForTimeout(500); // anything sent late still counts
    assert.deepEqual(seen.map((s) => `${s.where} ${s.method} ${s.url}`), [], "requests during analysis");

    // The sample is a same-origin file, answered from the service worker's cache.
    seen.length = 0;
    await analysed(page, () => page.click("#sample"));
    await page.waitForTimeout(500);
    const origin = new URL(server.url).origin;
    for (const s of seen) {
      assert.equal(new URL(s.url).origin, origin, `request left the origin: ${s.url}`);
      if (s.where === "page") {
        const res = await s.req.response();
        assert.ok(res && res.fromServiceWorker(), `not served by the service worker: ${s.url}`);
      }
    }
  } finally {
    await b.close();
    server.close();
  }
});
