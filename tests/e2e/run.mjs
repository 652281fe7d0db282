// Runs the browser end-to-end suite in Chromium and Firefox against the fixture server.
//
// Usage: node tests/e2e/run.mjs [--browser chromium|firefox] [--filter TEXT]
// A failing test leaves a screenshot and the browser console log under target/e2e/<browser>/.
// Ends with the line "N passed, M failed".
import { mkdirSync, readdirSync, rmSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium } from "./chromium.mjs";
import { chromiumCopy, firefoxCopy } from "./extension-copy.mjs";
import { launchFirefox } from "./firefox.mjs";
import { startServer } from "./server.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const distDir = path.join(root, "dist/extension");
const outDir = path.join(root, "target/e2e");
const SUITE_TIMEOUT_MS = 40 * 60 * 1000;
const TEST_TIMEOUT_MS = 90_000;

const options = { browsers: ["chromium", "firefox"], filter: "" };
for (let index = 2; index < process.argv.length; index++) {
  const flag = process.argv[index];
  if (flag === "--browser") options.browsers = [process.argv[++index]];
  else if (flag === "--filter") options.filter = process.argv[++index];
  else throw new Error(`unknown flag ${flag}`);
}

if (!existsSync(path.join(distDir, "manifest.json"))) {
  console.error("dist/extension is missing: run `make` first");
  process.exit(2);
}

const suiteTimer = setTimeout(() => {
  console.error(`e2e suite exceeded ${SUITE_TIMEOUT_MS / 60000} minutes; stopping`);
  process.exit(3);
}, SUITE_TIMEOUT_MS);
suiteTimer.unref();

const specFiles = readdirSync(path.join(here, "specs")).filter((name) => name.endsWith(".mjs")).sort();
const tests = [];
for (const file of specFiles) {
  const module = await import(path.join(here, "specs", file));
  for (const entry of module.default) tests.push({ ...entry, file });
}

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const server = await startServer({ certDir: path.join(root, "target/e2e-cert") });
let passed = 0;
let failed = 0;
// The failed tests' labels, repeated at the end so that a log's tail names them.
const failures = [];

function safeName(text) {
  return text.replace(/[^A-Za-z0-9._-]+/g, "-").slice(0, 80);
}

for (const browserName of options.browsers) {
  const selected = tests.filter((entry) => entry.browsers.includes(browserName) && entry.name.includes(options.filter));
  if (selected.length === 0) continue;
  const artifacts = path.join(outDir, browserName);
  mkdirSync(artifacts, { recursive: true });
  let browser;
  if (browserName === "chromium") {
    const copy = chromiumCopy(distDir, path.join(outDir, "ext-chromium"));
    browser = await launchChromium({ extensionDir: copy.dir, extensionId: copy.id, port: server.port });
  } else {
    const copy = firefoxCopy(distDir, path.join(outDir, "ext-firefox"));
    browser = await launchFirefox({ extensionDir: copy.dir, geckoId: copy.geckoId, port: server.port });
  }
  for (const entry of selected) {
    const tabs = [];
    const tracked = {
      ...browser,
      name: browser.name,
      popupUrl: browser.popupUrl,
      get log() { return browser.log; },
      open: async (url) => { const tab = await browser.open(url); tabs.push(tab); return tab; },
      openPopup: async (...args) => { const tab = await browser.openPopup(...args); tabs.push(tab); return tab; },
    };
    const logStart = browser.log.length;
    const context = {
      browser: tracked,
      server,
      artifacts,
      url: (pathAndQuery, account = "1234567") => `https://${account}.app.netsuite.com${pathAndQuery}`,
      newLog: () => browser.log.slice(logStart),
    };
    const started = Date.now();
    let failure = null;
    try {
      await Promise.race([
        entry.run(context),
        new Promise((_, reject) => setTimeout(() => reject(new Error(`test timed out after ${TEST_TIMEOUT_MS} ms`)), TEST_TIMEOUT_MS)),
      ]);
    } catch (error) {
      failure = error;
    }
    const label = `${browserName} › ${entry.file.replace(/\.mjs$/, "")} › ${entry.name}`;
    if (failure) {
      failed++;
      failures.push(label);
      console.log(`FAIL ${label} (${Date.now() - started} ms)\n     ${String(failure.stack ?? failure).split("\n").slice(0, 4).join("\n     ")}`);
      const base = path.join(artifacts, safeName(entry.name));
      for (const [index, tab] of tabs.entries()) {
        await tab.screenshot(`${base}-${index}.png`).catch(() => {});
      }
      writeFileSync(`${base}.log`, browser.log.slice(logStart).map((line) => `[${line.level}] ${line.text} ${line.where}`).join("\n") + "\n");
    } else {
      passed++;
      console.log(`ok   ${label} (${Date.now() - started} ms)`);
    }
    for (const tab of tabs.reverse()) await tab.close().catch(() => {});
  }
  await browser.close().catch(() => {});
  if (browser.output) writeFileSync(path.join(artifacts, "geckodriver.log"), browser.output.join(""));
}

await server.close();
for (const label of failures) console.log(`failed: ${label}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
