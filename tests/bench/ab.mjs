// Paired comparison of two builds of the extension on the admin-700 role fixture in headless
// Chromium: each build in a browser of its own, page loads alternating between them (A B, B A, …),
// so that the shared machine's changing load hits both alike. `make bench` gives the current
// figures (BENCHMARKS.md); this tells whether a change made the content script faster (say so, with
// the figures, in the commit message).
//
// Usage: node tests/bench/ab.mjs DIR_A DIR_B [--runs N] [--args-a "SWITCHES"] [--args-b "SWITCHES"]
//   DIR_A, DIR_B: unpacked extensions (e.g. a copy of dist/extension from each commit);
//   --args-*: extra Chromium switches for one side (e.g. --js-flags=--liftoff-only).
import path from "node:path";
import { chromiumCopy } from "../e2e/extension-copy.mjs";
import { launchChromium } from "../e2e/chromium.mjs";
import { startServer } from "../e2e/server.mjs";
import { option, root } from "./report.mjs";
import { openAdmin700, warmReRead } from "./role-page.mjs";

const given = process.argv.slice(2, 4);
if (given.length !== 2 || given.some((dir) => dir.startsWith("-"))) {
  console.error("usage: node tests/bench/ab.mjs DIR_A DIR_B [--runs N] [--args-a S] [--args-b S]");
  process.exit(2);
}
const dirs = given.map((dir) => path.resolve(dir));
const RUNS = Number(option("--runs", "20"));
const args = [option("--args-a", ""), option("--args-b", "")].map((text) => text.split(" ").filter(Boolean));
async function load(browser) {
  const tab = await openAdmin700(browser);
  try {
    const sample = await tab.page.evaluate(() => {
      const mark = (name) => performance.getEntriesByName(name, "mark")[0]?.startTime ?? NaN;
      return {
        engine: (mark("tba-doctor:read") - mark("tba-doctor:start")) + (mark("tba-doctor:drawn") - mark("tba-doctor:profile")),
        wall: mark("tba-doctor:drawn") - mark("tba-doctor:start"),
        total: mark("tba-doctor:drawn") - mark("tba-doctor:loader"),
        rehearsal: mark("tba-doctor:rehearsed") - mark("tba-doctor:engine-ready"),
      };
    });
    sample.warm = (await warmReRead(tab)) ?? NaN;
    return sample;
  } finally {
    await tab.close();
  }
}

const server = await startServer({ certDir: path.join(root, "target/e2e-cert") });
const browsers = [];
try {
  for (const [side, dir] of dirs.entries()) {
    const copy = chromiumCopy(dir, path.join(root, "target", `bench-ab-${side}-ext`));
    browsers.push(await launchChromium({ extensionDir: copy.dir, extensionId: copy.id, port: server.port, args: args[side] }));
  }
  const samples = [[], []];
  for (let run = 0; run < RUNS; run++) {
    for (const side of run % 2 ? [1, 0] : [0, 1]) samples[side].push(await load(browsers[side]));
  }
  const median = (side, key) => {
    const values = samples[side].map((sample) => sample[key]).filter(Number.isFinite).sort((a, b) => a - b);
    return values.length ? values[Math.floor(values.length / 2)].toFixed(1) : "–";
  };
  const faster = samples[1].filter((sample, run) => sample.engine < samples[0][run].engine).length;
  for (const [side, name] of ["A", "B"].entries()) {
    console.log(`${name} ${dirs[side]}${args[side].length ? ` (${args[side].join(" ")})` : ""}: (a) ${median(side, "engine")} ms, start → drawn ${median(side, "wall")} ms, loader → drawn ${median(side, "total")} ms, engine-ready → rehearsed ${median(side, "rehearsal")} ms, warm re-read ${median(side, "warm")} ms (medians of ${RUNS})`);
  }
  console.log(`(a) lower for B in ${faster} of ${RUNS} pairs`);
} finally {
  for (const browser of browsers) await browser.close();
  await server.close();
}
