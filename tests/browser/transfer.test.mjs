// How the report crosses from the worker: a JSON string parsed on the page,
// or an object parsed in the worker and structured-cloned. Both must give the
// same report; the timings (wall time and longest main-thread task, 1 MB
// input) are logged to choose protocol.js's DEFAULT_TRANSFER.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, waitReady } from "./app.mjs";

test("transfer: JSON string and object give the same report (timed, 1 MB)", { timeout: 300_000 }, async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await waitReady(page, app.t0);
    const out = await page.evaluate(async () => {
      const s = await (await fetch("pkg/sample.txt")).text();
      const text = s.repeat(Math.ceil((1024 * 1024) / new TextEncoder().encode(s).length));
      const client = window.wenxi.client;
      const tasks = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => tasks.push(e))).observe({ type: "longtask" });
      const runs = { json: [], object: [] };
      let same = true;
      let first = null;
      for (let i = 0; i < 3; i++) {
        for (const mode of ["json", "object"]) {
          const before = tasks.length;
          const t0 = performance.now();
          const res = await client.analyze(text, {}, { transfer: mode });
          const wall = performance.now() - t0;
          await new Promise((r) => setTimeout(r, 50)); // let the observer report
          const longest = Math.max(0, ...tasks.slice(before).map((e) => e.duration));
          // Page-side cost beyond the worker's own analysis time.
          runs[mode].push({ wall: Math.round(wall), overhead: Math.round(wall - res.workerMs), parse: Math.round(res.parseMs), longest: Math.round(longest) });
          const sig = JSON.stringify(res.report);
          if (first == null) first = sig;
          else same = same && sig === first;
        }
      }
      const med = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const summary = {};
      for (const mode of ["json", "object"]) {
        summary[mode] = {
          wall: med(runs[mode].map((r) => r.wall)),
          overhead: med(runs[mode].map((r) => r.overhead)),
          longest: med(runs[mode].map((r) => r.longest)),
        };
      }
      return { runs, summary, same, bytes: new TextEncoder().encode(text).length, jsonChars: first.length };
    });
    console.log(`# transfer, ${out.bytes} B input, report ${out.jsonChars} chars: ${JSON.stringify(out.summary)}`);
    console.log(`# runs: ${JSON.stringify(out.runs)}`);
    assert.ok(out.same, "both modes give the same report");
  } finally {
    await app.close();
  }
});
