// Helpers for the page's user-journey tests, on top of harness.mjs: open the
// app, wait for the engine, run the sample, and record CSP violations.
import { serve, launch, OUT } from "./harness.mjs";
import { join } from "node:path";
import { readFileSync } from "node:fs";

/** Console noise that is not a defect: files other helpers add at merge time. */
const BENIGN = [/sw-bridge\.js/, /manifest\.webmanifest/, /icons\//, /Failed to load resource: the server responded with a status of 404/];

/**
 * Serves www/, launches Chromium, opens the page (optionally with a hash) and
 * installs a recorder for CSP violations (window.__csp).
 */
export async function openApp({ hash = "", viewport } = {}) {
  const server = await serve();
  const browser = await launch(viewport ? { viewport } : {});
  const { page } = browser;
  page.setDefaultTimeout(60_000);
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const t0 = Date.now();
  await page.goto(server.url + hash);
  return {
    server,
    browser,
    page,
    t0,
    /** Console errors and page errors that matter. */
    errors: () => browser.errors.filter((e) => !BENIGN.some((re) => re.test(e))),
    close: async () => {
      await browser.close();
      server.close();
    },
  };
}

/** Waits until the worker reports ready; returns ms from navigation. */
export async function waitReady(page, t0 = Date.now()) {
  await page.waitForSelector('#engine-status[data-state="ready"]', { timeout: 60_000 });
  return Date.now() - t0;
}

/** Number of finished analyses so far. */
export const analyses = (page) => page.evaluate(() => Number(document.body.dataset.analyses || 0));

/** Waits until more than `n` analyses have finished. */
export async function waitAnalysis(page, n, timeout = 60_000) {
  await page.waitForFunction((k) => Number(document.body.dataset.analyses || 0) > k, n, { timeout });
}

/** Clicks Sample and waits for the figures table. */
export async function runSample(page) {
  const n = await analyses(page);
  await page.click("#sample");
  await waitAnalysis(page, n);
}

/** Saves a screenshot to tests/browser/out/<name>.png. */
export async function shot(page, name, opts = {}) {
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path, ...opts });
  return path;
}

/** Clicks, waits for the download it starts; its file name and bytes. */
export async function downloaded(page, click) {
  const [dl] = await Promise.all([page.waitForEvent("download"), click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: readFileSync(path) };
}

/** Selects a tab by its data-tab name. */
export const tab = (page, name) => page.click(`[role="tab"][data-tab="${name}"]`);

/** Dispatches a synthetic drop of one file on the window (DataTransfer). */
export async function dropFile(page, name, bytes, type = "text/plain") {
  await page.evaluate(
    ({ name, b64, type }) => {
      const bin = atob(b64);
      const u8 = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) u8[i] = bin.charCodeAt(i);
      const dt = new DataTransfer();
      dt.items.add(new File([u8], name, { type }));
      const target = document.querySelector("#input-panel");
      for (const t of ["dragenter", "dragover", "drop"]) {
        target.dispatchEvent(new DragEvent(t, { dataTransfer: dt, bubbles: true, cancelable: true }));
      }
    },
    { name, b64: Buffer.from(bytes).toString("base64"), type },
  );
}

/**
 * Builds the sample repeated to about `mb` MB (UTF-8) inside the page and
 * drops it on the window as a file; returns its length in UTF-16 units.
 * With `oneLine`, every line break is removed first: one huge line.
 */
export async function dropBigSample(page, mb, name = "big.txt", oneLine = false) {
  return page.evaluate(
    async ({ mb, name, oneLine }) => {
      let s = await (await fetch("pkg/sample.txt")).text();
      if (oneLine) s = s.replace(/\s*\n\s*/g, "");
      const n = Math.ceil((mb * 1024 * 1024) / new TextEncoder().encode(s).length);
      const text = s.repeat(n);
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: "text/plain" }));
      window.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
      return text.length;
    },
    { mb, name, oneLine },
  );
}
