// Screenshots of the sample page for the README: 1280x800 and 390x844, in
// Chinese and English, light and dark theme, into docs/screenshots/.
// Run after scripts/build-web.sh:  node scripts/screenshots.mjs
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { serve, launch, ROOT } from "../tests/browser/harness.mjs";

const DIR = join(ROOT, "docs/screenshots");
mkdirSync(DIR, { recursive: true });
const server = await serve();
try {
  for (const [w, hgt] of [[1280, 800], [390, 844]]) {
    for (const lang of ["zh", "en"]) {
      for (const theme of ["light", "dark"]) {
        const b = await launch({ viewport: { width: w, height: hgt }, colorScheme: theme, deviceScaleFactor: 1 });
        try {
          const { page } = b;
          await page.addInitScript((l) => localStorage.setItem("wenxi.lang", l), lang);
          await page.goto(server.url + "#sample");
          await page.waitForFunction(() => Number(document.body.dataset.analyses || 0) > 0, null, { timeout: 60_000 });
          // A desktop shows the page from its top (input, history, results);
          // a phone scrolls to the results, which the text box would fill.
          await page.evaluate(() => document.activeElement?.blur());
          if (w < 720) await page.evaluate(() => document.querySelector("#results").scrollIntoView({ block: "start" }));
          await page.waitForTimeout(300);
          const file = join(DIR, `sample-${w}x${hgt}-${lang}-${theme}.png`);
          await page.screenshot({ path: file });
          console.log(file);
        } finally {
          await b.close();
        }
      }
    }
  }
} finally {
  server.close();
}
