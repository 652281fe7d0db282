// Chromium driver for the e2e suite: Debian's chromium through playwright-core, extension loaded unpacked.
import { chromium } from "playwright-core";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromiumCopy } from "./extension-copy.mjs";
import { startServer } from "./server.mjs";

const EXECUTABLE = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

class ChromiumTab {
  constructor(page, log) {
    this.page = page;
    this.log = log;
    this.seen = [];
    page.on("request", (request) => this.seen.push(request.url()));
    page.on("console", (message) => log.push({ level: message.type(), text: message.text(), where: message.location()?.url ?? "" }));
    page.on("pageerror", (error) => log.push({ level: "error", text: `uncaught: ${error.message}`, where: "page" }));
  }
  async goto(url) {
    await this.page.goto(url, { waitUntil: "load" });
  }
  url() {
    return this.page.url();
  }
  /** Every URL this tab requested, the extension's own files included. */
  requests() {
    return [...this.seen];
  }
  async eval(fn, ...args) {
    return this.page.evaluate(([source, values]) => {
      // eslint-disable-next-line no-new-func
      return new Function(`return (${source}).apply(null, arguments[0]);`)(values);
    }, [fn.toString(), args]);
  }
  /** Clicks like a person; `host >>> inner` steps into host's open shadow root (as in firefox.mjs). */
  async click(selector) {
    const [first, ...rest] = selector.split(" >>> ");
    let locator = this.page.locator(first);
    for (const part of rest) locator = locator.locator(part);
    await locator.first().click({ timeout: 10_000 });
  }
  /** Makes this the foreground tab, as firefox.mjs switches to a tab before every command. */
  async focus() {
    await this.page.bringToFront();
  }
  /** Presses a key in the foreground tab: keys sent to a background tab can be lost. */
  async press(key) {
    await this.focus();
    await this.page.keyboard.press(key);
  }
  async screenshot(file) {
    await this.page.screenshot({ path: file, fullPage: false });
  }
  async setViewport(width, height) {
    await this.page.setViewportSize({ width, height });
  }
  async close() {
    await this.page.close();
  }
}

/**
 * `toolbar: true` (scripts/bench-popup.mjs) pins the extension's toolbar button and lets the
 * DevTools protocol's `Extensions.triggerAction` click it, so that the real toolbar popup opens.
 * `args` adds command-line switches (tests/bench/ab.mjs's `--args-a`, `--args-b`).
 */
export async function launchChromium({ extensionDir, extensionId, port, toolbar = false, args = [] }) {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), "tba-doctor-chromium-"));
  if (toolbar) {
    mkdirSync(path.join(userDataDir, "Default"));
    writeFileSync(path.join(userDataDir, "Default", "Preferences"),
      JSON.stringify({ extensions: { pinned_extensions: [extensionId] } }));
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: EXECUTABLE,
    headless: true,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=MAP *.netsuite.com 127.0.0.1:${port}, EXCLUDE localhost`,
      "--ignore-certificate-errors",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      ...(toolbar ? ["--enable-unsafe-extension-debugging"] : []),
      ...args,
    ],
  });
  const log = [];
  for (const page of context.pages()) await page.close().catch(() => {});
  return {
    name: "chromium",
    context,
    extensionId,
    log,
    async open(url) {
      const tab = new ChromiumTab(await context.newPage(), log);
      if (url) await tab.goto(url);
      return tab;
    },
    popupUrl: `chrome-extension://${extensionId}/popup.html`,
    /** The newest tab whose address contains `part` (e.g. a tab the extension opened), or null. */
    async findTab(part) {
      const page = context.pages().filter((candidate) => candidate.url().includes(part)).at(-1);
      return page ? new ChromiumTab(page, log) : null;
    },
    async openPopup(query = "") {
      return this.openPage(`popup.html${query}`);
    },
    /** Opens one of the extension's own pages (`options.html`) in a tab. */
    async openPage(file) {
      const tab = new ChromiumTab(await context.newPage(), log);
      await tab.goto(`chrome-extension://${extensionId}/${file}`);
      return tab;
    },
    async close() {
      await context.close();
    },
  };
}

/**
 * Runs `run(browser, server)` in headless Chromium with a test copy of dist/extension (under
 * target/<name>-ext) and the fixture server, and closes both afterwards: the set-up shared by the
 * screenshot and bench scripts (`toolbar` and `args` as in launchChromium).
 */
export async function withChromium(name, run, { toolbar = false, args = [] } = {}) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  const distDir = path.join(root, "dist/extension");
  if (!existsSync(path.join(distDir, "manifest.json"))) throw new Error("dist/extension is missing: run `make` first");
  const server = await startServer({ certDir: path.join(root, "target/e2e-cert") });
  try {
    const copy = chromiumCopy(distDir, path.join(root, "target", `${name}-ext`));
    const browser = await launchChromium({ extensionDir: copy.dir, extensionId: copy.id, port: server.port, toolbar, args });
    try {
      return await run(browser, server);
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
}
