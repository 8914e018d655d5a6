// Journey: open wenxi once, then use it with no network. The service worker
// pre-caches every asset; offline, a reload still loads the page, the sample
// is analysed and a CSV export downloads. Then an update: a new build waits
// until the user clicks the banner, takes over, and deletes only wenxi's old
// cache.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, serve, WWW } from "./harness.mjs";
import { analysed, download, skipReason, waitControlled, waitReady } from "./pwa.mjs";

const skip = skipReason();
if (skip) console.log(`# offline tests skipped: ${skip}`);

/** The precache list and version the build wrote. */
function precache(www = WWW) {
  const src = readFileSync(join(www, "pkg/precache.js"), "utf8");
  const self = {};
  new Function("self", src)(self);
  return { version: self.WENXI_VERSION, assets: self.WENXI_ASSETS };
}

/**
 * Serves `dir`, opens the app in a fresh browser and waits until the engine is
 * ready and the service worker controls the page: a first visit.
 */
async function firstVisit(dir = WWW) {
  const server = await serve(dir);
  const b = await launch();
  await b.page.goto(server.url);
  await waitReady(b.page);
  await waitControlled(b.page);
  return { server, b, page: b.page, context: b.context };
}

test("offline: after one visit the app loads, analyses and exports with no network", { skip: skip || false, timeout: 180_000 }, async () => {
  const { server, b, page, context } = await firstVisit();
  try {
    // The first visit tells the user that the app now works offline (#status).
    await page.waitForFunction(() => /离线|offline/i.test(document.querySelector("#status")?.textContent || ""), null, {
      timeout: 30_000,
    });

    // Every listed asset sits in this version's cache.
    const { version, assets } = precache();
    const cached = await page.evaluate(
      async ([name, list]) => {
        const cache = await caches.open(name);
        const missing = [];
        for (const url of list) if (!(await cache.match(url))) missing.push(url);
        return { keys: await caches.keys(), missing };
      },
      [`wenxi-${version}`, assets],
    );
    assert.ok(cached.keys.includes(`wenxi-${version}`), `caches: ${cached.keys}`);
    assert.deepEqual(cached.missing, [], "assets missing from the cache");
    for (const want of ["./", "./index.html", "./pkg/wenxi_bg.wasm", "./pkg/jieba-dict.txt", "./manifest.webmanifest", "./icons/icon-192.png", "./icons/icon-512.png"]) {
      assert.ok(assets.includes(want), `precache list lacks ${want}`);
    }

    await context.setOffline(true);
    // Really offline: a URL outside the cache cannot be fetched.
    const before = b.errors.length;
    const outside = await page.evaluate(() => fetch(`./not-cached-${Date.now()}`).then((r) => r.status, (e) => e.name));
    assert.equal(outside, "TypeError", "the network should be unreachable");
    await page.waitForTimeout(100);
    // That deliberate failure logs one console error; drop it.
    const i = b.errors.findIndex((e, k) => k >= before && /ERR_(FAILED|INTERNET_DISCONNECTED)/.test(e));
    if (i >= 0) b.errors.splice(i, 1);

    await page.reload();
    await waitReady(page);
    assert.ok(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)));
    await analysed(page, () => page.click("#sample"));
    const report = await page.evaluate(() => window.wenxi.state.report);
    assert.ok(report.figures.some((f) => f.value === 4858 && f.unit === "件"), "the sample's 4858件");

    await page.click('[role="tab"][data-tab="figures"]');
    const csv = await download(page, '[data-table-wrap="figures"] [data-export="csv"]');
    assert.match(csv.name, /\.csv$/);
    assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 BOM");
    assert.ok(csv.bytes.toString("utf8").includes("4858"));
    const json = await download(page, "#export-report");
    assert.equal(JSON.parse(json.bytes.toString("utf8")).figures.length, report.figures.length);
    assert.deepEqual(b.errors, [], "console errors");
  } finally {
    await b.close();
    server.close();
  }
});

test("update: a new build waits for the user's click, then replaces only wenxi's old cache", { skip: skip || false, timeout: 180_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "wenxi-www-"));
  cpSync(WWW, dir, { recursive: true });
  const { server, b, page } = await firstVisit(dir);
  try {
    const old = precache(dir).version;
    await page.evaluate(() => caches.open("someone-else").then((c) => c.put("./x", new Response("x"))));

    // A new build: new bytes, new version.
    const src = readFileSync(join(dir, "pkg/precache.js"), "utf8");
    writeFileSync(join(dir, "pkg/precache.js"), src.replace(old, "0123456789ab"));
    await page.reload();
    await waitReady(page);
    await page.waitForSelector("#update-banner:not([hidden]) button", { timeout: 60_000 });
    // Waiting, not active: the old cache still serves the page.
    assert.ok((await page.evaluate(() => caches.keys())).includes(`wenxi-${old}`));

    await Promise.all([page.waitForEvent("load", { timeout: 60_000 }), page.click("#update-banner button")]);
    await waitReady(page);
    await page.waitForFunction(async () => !(await caches.keys()).some((k) => k.startsWith("wenxi-") && k !== "wenxi-0123456789ab"), null, {
      timeout: 30_000,
    });
    const keys = await page.evaluate(() => caches.keys());
    assert.deepEqual(keys.filter((k) => k.startsWith("wenxi-")), ["wenxi-0123456789ab"]);
    assert.ok(keys.includes("someone-else"), "other caches are left alone");
  } finally {
    await b.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("install: Chromium parses the manifest and finds the app installable", { skip: skip || false, timeout: 120_000 }, async () => {
  const { server, b, page, context } = await firstVisit();
  try {
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send("Page.getAppManifest");
    assert.deepEqual(manifest.errors, [], "manifest errors");
    const data = JSON.parse(manifest.data);
    assert.equal(data.name, "文析 wenxi");
    assert.equal(data.display, "standalone");
    const sizes = data.icons.map((i) => i.sizes);
    assert.ok(sizes.includes("192x192") && sizes.includes("512x512"), `icons: ${sizes}`);
    for (const icon of data.icons) {
      const res = await page.request.get(new URL(icon.src, manifest.url).href);
      assert.equal(res.headers()["content-type"], "image/png");
      const png = await res.body();
      const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      assert.equal(`${w}x${h}`, icon.sizes, `${icon.src} is ${w}x${h}`);
    }
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    assert.deepEqual(installabilityErrors, [], "installability errors");
  } finally {
    await b.close();
    server.close();
  }
});
