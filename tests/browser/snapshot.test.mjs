// Start-up from the engine snapshot: the first start builds the analyzer from
// the dictionary and stores a copy of the wasm memory (Cache API, keyed by the
// engine hash); the next start restores it instead of building. The restored
// engine must give exactly the same report as the built one, keep working on
// inputs that grow its memory, and the snapshot must hold no user text.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, waitReady, runSample, analyses, waitAnalysis } from "./app.mjs";

const report = (page) => page.evaluate(() => JSON.stringify(window.wenxi.state.report));
const startup = (page) => page.evaluate(() => window.wenxi.state.startup);

/** Waits until the worker has written its snapshot; returns the cache keys. */
async function snapshotKeys(page) {
  const keys = () => page.evaluate(async () => (await (await caches.open("wenxi.engine")).keys()).map((r) => r.url));
  for (let i = 0; i < 150; i++) {
    const k = await keys();
    if (k.length) return k;
    await page.waitForTimeout(200);
  }
  return keys();
}

test("snapshot: the restored engine gives the same report as the built one", { timeout: 180_000 }, async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await waitReady(page, app.t0);
    const first = await startup(page);
    assert.equal(first.source, "built");
    const keys = await snapshotKeys(page);
    assert.equal(keys.length, 1);
    const engine = await page.evaluate(async () => (await import("./pkg/engine.js")).ENGINE);
    assert.ok(keys[0].endsWith(`/pkg/engine-${engine}.snapshot`), keys[0]);
    await runSample(page);
    const built = await report(page);

    // The snapshot was taken before any analysis: no text of the sample is in it.
    const leaked = await page.evaluate(async () => {
      const c = await caches.open("wenxi.engine");
      const bytes = new Uint8Array(await (await c.match((await c.keys())[0])).arrayBuffer());
      const needle = new TextEncoder().encode("共发现问题");
      outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
        for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
        return true;
      }
      return false;
    });
    assert.equal(leaked, false, "the snapshot holds no text from the page");

    for (let round = 0; round < 2; round++) {
      const t0 = Date.now();
      await page.reload();
      await waitReady(page, t0);
      const s = await startup(page);
      console.log(`# start ${round + 2}: ${JSON.stringify(s)}`);
      assert.equal(s.source, "snapshot");
      await runSample(page);
      assert.equal(await report(page), built, "same report from the restored engine");
    }

    // A bigger input grows the restored memory and still analyses.
    const n = await analyses(page);
    await page.evaluate(async () => {
      const s = await (await fetch("pkg/sample.txt")).text();
      const input = document.querySelector("#input");
      input.value = s.repeat(40);
      document.querySelector("#analyze").click();
    });
    await waitAnalysis(page, n, 120_000);
    const big = await page.evaluate(() => ({ figures: window.wenxi.state.report.figures.length, wasmMB: window.wenxi.state.timing.wasmBytes / 2 ** 20 }));
    console.log(`# 40 × sample after a restore: ${JSON.stringify(big)}`);
    assert.ok(big.figures > 40 * 50);
    assert.deepEqual(app.errors(), []);
  } finally {
    await app.close();
  }
});
