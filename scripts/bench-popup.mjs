// Popup budgets (BENCHMARKS.md, "## Popup"): the popup wasm's gzipped size, and the time from the
// popup page's start (its performance time origin) to the verdict in the DOM, which the popup marks
// as "tba-doctor:popup-verdict", in headless Chromium against the edit-none fixture role page.
//
// The time is also split at popup.js's first line ("tba-doctor:popup-js"): what comes before it is
// the browser creating the page, which the popup's code cannot change.
//
// Usage: node scripts/bench-popup.mjs [--runs N] [--reload]   (after `make`; default 15 runs)
// Prints one line per measure and exits non-zero when a budget is exceeded.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { withChromium } from "../tests/e2e/chromium.mjs";

const SIZE_BUDGET = 150 * 1024;
const TIME_BUDGET_MS = 100;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const runsFlag = process.argv.indexOf("--runs");
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 15;
// --reload: reopen the popup page in the same tab (a warm renderer) instead of a new tab per open.
const reload = process.argv.includes("--reload");

const wasm = readFileSync(path.join(root, "dist/extension/pkg/tba_popup_bg.wasm"));
const gzipped = gzipSync(wasm, { level: 9 }).length;

const times = [];
const ours = [];
await withChromium("bench-popup", async (browser) => {
  const role = await browser.open("https://1234567.app.netsuite.com/app/setup/role.nl?id=1001&e=T&fx=edit-none");
  await role.page.waitForSelector("html[data-tba-doctor=ready]");
  // One warm-up open: the first one also compiles the wasm for the profile directory's code cache.
  let popup = reload ? await browser.openPopup() : null;
  for (let run = 0; run <= runs; run++) {
    if (reload) {
      await popup.page.reload();
    } else {
      await role.page.bringToFront();
      popup = await browser.openPopup();
    }
    const at = await popup.page.waitForFunction(() => {
      const [verdict] = performance.getEntriesByName("tba-doctor:popup-verdict");
      const [script] = performance.getEntriesByName("tba-doctor:popup-js");
      return verdict && script ? { verdict: verdict.startTime, script: script.startTime } : null;
    }, null, { timeout: 10_000 }).then((handle) => handle.jsonValue());
    const screen = await popup.eval(() => document.querySelector("main").dataset.screen);
    if (screen !== "role-edit") throw new Error(`popup showed ${screen}, not role-edit`);
    if (run > 0) {
      times.push(at.verdict);
      ours.push(at.verdict - at.script);
    }
    if (!reload) await popup.close();
  }
});
times.sort((left, right) => left - right);
ours.sort((left, right) => left - right);
const median = times[Math.floor(times.length / 2)];
const oursMedian = ours[Math.floor(ours.length / 2)];
const sizeOk = gzipped <= SIZE_BUDGET;
const timeOk = median <= TIME_BUDGET_MS;
console.log(`popup wasm: ${wasm.length} B raw, ${gzipped} B gzip -9 (budget ${SIZE_BUDGET} B) ${sizeOk ? "ok" : "OVER"}`);
console.log(`popup verdict in DOM: median ${median.toFixed(1)} ms, min ${times[0].toFixed(1)}, max ${times.at(-1).toFixed(1)} over ${times.length} opens${reload ? " by reload" : " in new tabs"} (budget ${TIME_BUDGET_MS} ms) ${timeOk ? "ok" : "OVER"}`);
console.log(`  of which after popup.js starts (engine load, browser look-ups, message, render): median ${oursMedian.toFixed(1)} ms`);
process.exit(sizeOk && timeOk ? 0 : 1);
