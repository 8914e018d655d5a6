// Shared steps of the offline and network tests (service worker journeys):
// whether the page registers the service worker, and the app's ready/analysis
// signals. Selectors relied on: #engine-status[data-state="ready"], #sample,
// #input, #analyze, body[data-analyses] (count of finished analyses),
// [role="tab"][data-tab=...], [data-table-wrap="figures"] [data-export="csv"],
// #export-report, #update-banner button.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { WWW } from "./harness.mjs";

/** Why the service-worker tests cannot run on this www/, or null if they can. */
export function skipReason(www = WWW) {
  const index = join(www, "index.html");
  if (!existsSync(index)) return "www/index.html does not exist yet";
  const main = join(www, "js/main.js");
  const code = readFileSync(index, "utf8") + (existsSync(main) ? readFileSync(main, "utf8") : "");
  if (!/sw-bridge|serviceWorker\.register/.test(code)) return "www/index.html (and js/main.js) register no service worker";
  return null;
}

/** Waits until the analysis engine in the page's worker is ready. */
export async function waitReady(page) {
  await page.waitForSelector('#engine-status[data-state="ready"]', { timeout: 60_000 });
}

/** Waits until the service worker controls the page. */
export async function waitControlled(page) {
  await page.waitForFunction(() => Boolean(navigator.serviceWorker && navigator.serviceWorker.controller), null, {
    timeout: 60_000,
  });
}

/** Runs `action` and waits for one more finished analysis. */
export async function analysed(page, action) {
  const n = await page.evaluate(() => Number(document.body.dataset.analyses || 0));
  await action();
  await page.waitForFunction((k) => Number(document.body.dataset.analyses || 0) > k, n, { timeout: 60_000 });
}

/** Clicks and returns the download's name and bytes. */
export async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  return { name: dl.suggestedFilename(), bytes: readFileSync(await dl.path()) };
}
