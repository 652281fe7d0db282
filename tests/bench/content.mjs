// `make bench`: measures the content script on the admin-700 role fixture (700 permissions) in
// headless Chromium and writes the content section of BENCHMARKS.md.
//
// Per page load: (a) wasm `tba-doctor:start` → `tba-doctor:drawn` (read both routes, evaluate, draw
// panel, marks and badges), wasm start-up (`tba-doctor:preload` in content-preload.js, at
// document_start → `tba-doctor:engine-ready`), the rehearsal that follows it (`tba-doctor:rehearsal`
// → `tba-doctor:rehearsed`, crates/content/src/rehearsal.rs), what start-up still adds after document_idle
// (`tba-doctor:loader` in content-loader.js → start), and (b) a plain JavaScript read of the same
// hidden inputs (split + map) timed in the same page.
// A second browser runs the same loads with V8 compiling the whole wasm module up front, to state
// how much of (a) is lazy compilation (wasm start-up paid on each function's first call).
// Long tasks come from a PerformanceObserver('longtask') installed before the page loads.
// (c) gzipped sizes (gzip -9) of the shipped wasm files.
//
// Usage: node tests/bench/content.mjs [--runs N]   (after `make`)
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { withChromium } from "../e2e/chromium.mjs";
import { openAdmin700, warmReRead } from "./role-page.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const runsFlag = process.argv.indexOf("--runs");
const RUNS = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 25;
const BUDGET_MS = 15;
const NOTE = "How the first run got here (paired runs of `node tests/bench/ab.mjs`, two browsers at once, 16–24 pairs each, so their absolute figures are higher than the table's): V8 compiles each wasm function with its baseline compiler (Liftoff) on its first call and recompiles it with its optimizing compiler (TurboFan) only once it has run long enough; a page cannot ask for anything else. Until commit 46e348a that compiling and baseline code made up most of (a): about 400 functions and 77 KB of code compiled during the first run (`--js-flags=--trace-wasm-compilation-times`). Since then content-preload.js has the engine rehearse once the module is instantiated (crates/content/src/rehearsal.rs, the row above): the whole first run on a small made-up role page of its own, then the table parser and the codec over 300 made-up rows. The rehearsal on the made-up page alone took (a) from 27.3 to 15.2 ms (lower in 20 of 20 pairs), without changing document_idle → drawn (96.0 against 93.9 ms); the 300 made-up rows, after which V8 had optimized the table parser before the first run, then 15.2 → 12.9 ms (11 of 16), document_idle → drawn 104.5 against 99.5 ms. Rehearsing on a made-up page of 300 lines instead cost the admin 14 ms on this fixture (document_idle → drawn 105.0 against 119.4 ms, because the fixture page is ready before the engine is) and was dropped; 800 rows instead of 300 were not clearly better (9 of 16 pairs). Work taken out of the reading: one B-tree search per hidden line instead of two and no copy of each tag's class list in the table parser took the warm re-read from 11.2 to 9.2 ms ((a) not clearly: 8 of 16); one cell buffer for all lines in the codec, a merge sort instead of a heap sort for duplicate ids (fewer string comparisons) and the rehearsal also reading the page address took (a) from 15.6 to 13.4 ms (15 of 20). All of it against commit 46e348a (24 pairs): (a) 24.7 → 10.0 ms, lower in 24 of 24; document_idle → drawn 85.3 against 85.6 ms; warm re-read 7.9 → 7.3 ms. On a NetSuite page loaded over the network the rehearsal is done long before document_idle; on this fixture, served from this machine, it is not, so part of it falls after document_idle (the row on what start-up still adds). Tried and dropped earlier: inlining more (opt-level s: 9 of 24 pairs) and the `//# allFunctionsCalledOnLoad` compile hint on the glue (9 of 20).";
const BUDGET_RATIO = 1.5;
const BUDGET_CONTENT_GZ = 60 * 1024;

function installLongTaskObserver() {
  window.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__benchLongTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch {
    window.__benchLongTasks = null;
  }
}

function measureInPage() {
  const mark = (name) => performance.getEntriesByName(name, "mark")[0]?.startTime ?? null;
  const t0 = performance.now();
  const elements = document.forms.main_form.elements;
  const grants = new Map();
  for (const machine of ["tranmach", "repomach", "listsmach", "setupmach", "custrecordmach"]) {
    const fields = elements[`${machine}fields`];
    const data = elements[`${machine}data`];
    if (!fields || !data) continue;
    const names = fields.value.split("\u0001");
    const key = names.findIndex((name) => /^permkey\d*$/.test(name));
    const level = names.findIndex((name) => /^permlevel\d*$/.test(name));
    const rows = data.value ? data.value.split("\u0002").map((row) => row.split("\u0001")) : [];
    for (const cells of rows) grants.set(cells[key], Number(cells[level]));
  }
  const plainMs = performance.now() - t0;
  return {
    preload: mark("tba-doctor:preload"),
    engineReady: mark("tba-doctor:engine-ready"),
    rehearsal: mark("tba-doctor:rehearsal"),
    rehearsed: mark("tba-doctor:rehearsed"),
    loader: mark("tba-doctor:loader"),
    start: mark("tba-doctor:start"),
    read: mark("tba-doctor:read"),
    profile: mark("tba-doctor:profile"),
    drawn: mark("tba-doctor:drawn"),
    plainMs,
    grants: grants.size,
    longTasks: window.__benchLongTasks,
  };
}

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const fmt = (ms) => ms.toFixed(2);

if (!existsSync(path.join(root, "dist/extension/manifest.json"))) {
  console.error("dist/extension is missing: run `make` first");
  process.exit(2);
}
const samples = [];
await withChromium("bench", async (browser) => {
  for (let run = 0; run < RUNS; run++) {
    const tab = await openAdmin700(browser, { initScript: installLongTaskObserver });
    const sample = await tab.page.evaluate(measureInPage);
    sample.warm = await warmReRead(tab);
    if (sample.start === null || sample.drawn === null) throw new Error(`marks missing: ${JSON.stringify(sample)}`);
    samples.push(sample);
    await tab.close();
  }
});

// The same first run with V8 told to compile the whole module while instantiating
// (--no-wasm-lazy-compilation, a V8 switch no page can set): the difference to (a) is the part of
// (a) that is V8 compiling each function on its first call, i.e. wasm start-up paid late.
const eagerSamples = [];
await withChromium("bench-eager", async (browser) => {
  for (let run = 0; run < RUNS; run++) {
    const tab = await openAdmin700(browser);
    eagerSamples.push(await tab.page.evaluate(measureInPage));
    await tab.close();
  }
}, { args: ["--js-flags=--no-wasm-lazy-compilation"] });

// (a) is the engine's own work: start → first read, then profile known → drawn. In between, the
// engine waits for the stored profile and always yields one task (no long task), and the page runs freely.
const engineWork = (sample) => (sample.read - sample.start) + (sample.drawn - sample.profile);
const engine = samples.map(engineWork);
const eager = eagerSamples.map(engineWork);
const eagerStartup = eagerSamples.map((sample) => sample.engineReady - sample.preload);
const warm = samples.map((sample) => sample.warm).filter((value) => value !== null);
const wall = samples.map((sample) => sample.drawn - sample.start);
const storage = samples.map((sample) => sample.profile - sample.read);
const startup = samples.map((sample) => sample.engineReady - sample.preload);
const rehearsal = samples.map((sample) => sample.rehearsed - sample.rehearsal);
const afterIdle = samples.map((sample) => sample.start - sample.loader);
const idleToDrawn = samples.map((sample) => sample.drawn - sample.loader);
const plain = samples.map((sample) => sample.plainMs);
// Long tasks that overlap the extension's windows: the rehearsal's task (at document_start) and
// loader → drawn. The fixture page's own set-up (parsing 700 rows, the simulation's first
// buildtable) runs before the loader and is not ours.
const allLongTasks = samples.flatMap((sample) => sample.longTasks ?? []);
const overlaps = (task, from, to) => task.start + task.duration > from && task.start < to;
const longTasks = samples.flatMap((sample) => (sample.longTasks ?? [])
  .filter((task) => overlaps(task, sample.loader, sample.drawn) || overlaps(task, sample.rehearsal, sample.rehearsed))
  .map((task) => task.duration));
const longTaskObserved = samples.every((sample) => sample.longTasks !== null);
const sizes = readdirSync(path.join(root, "dist/extension/pkg")).filter((name) => name.endsWith(".wasm")).sort().map((name) => {
  const file = path.join(root, "dist/extension/pkg", name);
  const gz = execFileSync("sh", ["-c", `gzip -9c "${file}" | wc -c`]).toString().trim();
  return { name, raw: readFileSync(file).length, gz: Number(gz) };
});
// One content-script module per feature; a page loads one of them, and each has the budget.
const content = sizes.filter((entry) => entry.name.startsWith("tba_content_"));

const engineMedian = quantile(engine, 0.5);
const plainMedian = quantile(plain, 0.5);
const verdicts = [
  [`(a) start → panel drawn, median ≤ ${BUDGET_MS} ms`, engineMedian <= BUDGET_MS],
  [`(a) ≤ ${BUDGET_RATIO} × (b) plain JS read (median)`, engineMedian <= BUDGET_RATIO * plainMedian],
  ["no long task over 50 ms", longTaskObserved && longTasks.length === 0],
  ["each content-script wasm ≤ 60 KB gzipped", content.length > 0 && content.every((entry) => entry.gz <= BUDGET_CONTENT_GZ)],
];
const chromium = execFileSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", ["--version"], { stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
const section = [
  "<!-- content-bench:start -->",
  "## Content script (role page)",
  "",
  `Made by \`make bench\` (\`node tests/bench/content.mjs --runs ${RUNS}\`) on ${new Date().toISOString().slice(0, 10)}, ${chromium}, headless, fixture \`admin-700\` (Administrator role with 700 permissions), ${RUNS} page loads, then ${RUNS} more with V8's lazy wasm compilation switched off for comparison.`,
  "",
  "| measure | median | p95 |",
  "|---|---|---|",
  `| (a) first run, engine work: \`tba-doctor:start\` → \`:read\`, then \`:profile\` → \`:drawn\` (read both routes, evaluate, panel, marks, badges; includes V8 compiling each wasm function on its first call) | ${fmt(engineMedian)} ms | ${fmt(quantile(engine, 0.95))} ms |`,
  `| the same first run with the whole module compiled while instantiating (\`--js-flags=--no-wasm-lazy-compilation\`; not settable by a page, shown to separate V8's lazy compilation from the engine's own work) | ${fmt(quantile(eager, 0.5))} ms | ${fmt(quantile(eager, 0.95))} ms |`,
  `| warm re-read after a \`buildtable()\` redraw: \`tba-doctor:refresh\` → \`:refreshed\` (same work, code already compiled) | ${fmt(quantile(warm, 0.5))} ms | ${fmt(quantile(warm, 0.95))} ms |`,
  `| start → drawn wall clock, including the wait for the stored profile (asked for at document_start) | ${fmt(quantile(wall, 0.5))} ms | ${fmt(quantile(wall, 0.95))} ms |`,
  `| of which between \`:read\` and \`:profile\`: the stored profile (usually already there) and the task boundary before evaluating and drawing, in which the page runs its own tasks and may render a frame | ${fmt(quantile(storage, 0.5))} ms | ${fmt(quantile(storage, 0.95))} ms |`,
  `| wasm start-up: \`tba-doctor:preload\` (content-preload.js, document_start) → \`:engine-ready\` (fetch, compile, instantiate, while the page loads) | ${fmt(quantile(startup, 0.5))} ms | ${fmt(quantile(startup, 0.95))} ms |`,
  `| the same start-up with the whole module compiled while instantiating | ${fmt(quantile(eagerStartup, 0.5))} ms | ${fmt(quantile(eagerStartup, 0.95))} ms |`,
  `| then, as part of start-up, the rehearsal in a task of its own: \`tba-doctor:rehearsal\` → \`:rehearsed\` (the engine reads, evaluates and draws a made-up role on a page of its own, then parses 300 made-up rows, so that V8 compiles that code, and optimizes the parser, before the first run) | ${fmt(quantile(rehearsal, 0.5))} ms | ${fmt(quantile(rehearsal, 0.95))} ms |`,
  `| what start-up still adds after document_idle: \`tba-doctor:loader\` (content-loader.js) → \`:start\` | ${fmt(quantile(afterIdle, 0.5))} ms | ${fmt(quantile(afterIdle, 0.95))} ms |`,
  `| document_idle → panel drawn: \`tba-doctor:loader\` → \`:drawn\` (what the admin waits for once the page is ready) | ${fmt(quantile(idleToDrawn, 0.5))} ms | ${fmt(quantile(idleToDrawn, 0.95))} ms |`,
  `| (b) plain JS read of the same hidden inputs (split + map, ${samples[0].grants} ids) | ${fmt(plainMedian)} ms | ${fmt(quantile(plain, 0.95))} ms |`,
  "",
  `Long tasks over 50 ms (PerformanceObserver 'longtask') overlapping the extension's windows, the rehearsal and loader → drawn: ${longTaskObserved ? `${longTasks.length}${longTasks.length ? ` (longest ${fmt(Math.max(...longTasks))} ms)` : ""}` : "observer not available"}; in the whole load, the fixture page's own set-up included: ${allLongTasks.length}.`,
  `Timer resolution in the page is 0.1 ms, so (b) is near the floor of what can be measured.`,
  NOTE,
  `Machine: ${os.cpus().length} CPUs, load average ${os.loadavg().map((value) => value.toFixed(1)).join(" / ")} when the run ended (other jobs share it; figures on a quiet machine are lower).`,
  "",
  "| wasm file | bytes | gzip -9 |",
  "|---|---|---|",
  ...sizes.map((entry) => `| \`dist/extension/pkg/${entry.name}\` | ${entry.raw} | ${entry.gz} (${(entry.gz / 1024).toFixed(1)} KB) |`),
  "",
  "Budgets (product.md §7):",
  "",
  ...verdicts.map(([what, ok]) => `- ${ok ? "met" : "**not met**"}: ${what}`),
  "<!-- content-bench:end -->",
].join("\n");

const file = path.join(root, "BENCHMARKS.md");
let text = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n\nFigures from `make bench`; each section says which command made it.\n";
const pattern = /<!-- content-bench:start -->[\s\S]*?<!-- content-bench:end -->/;
text = pattern.test(text) ? text.replace(pattern, section) : `${text.trimEnd()}\n\n${section}\n`;
writeFileSync(file, text);
console.log(section);
