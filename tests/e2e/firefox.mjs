// Firefox driver for the e2e suite: Firefox ESR through geckodriver (plain WebDriver over HTTP),
// extension installed as a temporary add-on, *.netsuite.com forced to the loopback fixture server.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import net from "node:net";

const GECKODRIVER = process.env.GECKODRIVER ?? "geckodriver";
const FIREFOX = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";
const SHADOW_ROOT_KEY = "shadow-6066-11e4-a52e-4f735466cecf";
const ELEMENT_KEY = "element-6066-11e4-a52e-4f735466cecf";
// Firefox's own start-up chatter on stdout, which says nothing about the page or the extension.
// Firefox's own modules (resource:///modules/…, e.g. BackupService a few seconds after start-up) log errors
// that no page or extension causes.
const BROWSER_NOISE = /RSLoader|unrecognized command line flag|addons\.|Remote Settings|normandy|resource:\/\/\/modules\//i;

// WebDriver async script: resolves "ok" once arguments[0] is clickable (see FirefoxTab.click), or
// says what it still was when arguments[1] ms have passed.
const ACTIONABLE = `
  const [element, timeout, done] = arguments;
  const deadline = performance.now() + timeout;
  let last = null;
  const state = () => {
    if (!element.isConnected) return "detached";
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return "not visible";
    if (element.disabled || element.getAttribute("aria-disabled") === "true") return "disabled";
    const rect = [box.x, box.y, box.width, box.height].join(",");
    const stable = rect === last;
    last = rect;
    return stable ? "ok" : "moving";
  };
  const check = () => {
    const now = state();
    if (now === "ok") done("ok");
    else if (performance.now() > deadline) {
      // A disabled button's title says why (e.g. the extension's "Pre-fill and Fix all are off: …").
      const why = now === "disabled" && element.title ? " (title: " + element.title + ")" : "";
      done("still " + now + " after " + timeout + " ms" + why);
    }
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
`;

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

class WebDriver {
  constructor(base) {
    this.base = base;
  }
  async command(method, route, body) {
    const response = await fetch(`${this.base}${route}`, {
      method,
      headers: { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    const payload = await response.json();
    if (!response.ok) {
      const detail = payload.value ? `${payload.value.error}: ${payload.value.message}` : JSON.stringify(payload);
      throw new Error(`WebDriver ${method} ${route}: ${detail}`);
    }
    return payload.value;
  }
}

class FirefoxTab {
  constructor(browser, handle) {
    this.browser = browser;
    this.handle = handle;
    this.currentUrl = "about:blank";
  }
  async focus() {
    await this.browser.switchTo(this.handle);
  }
  async run(route, body, method = "POST") {
    await this.focus();
    return this.browser.driver.command(method, `/session/${this.browser.sessionId}${route}`, body);
  }
  async goto(url) {
    await this.run("/url", { url });
    this.currentUrl = url;
  }
  url() {
    return this.currentUrl;
  }
  /** Classic WebDriver cannot see a tab's requests: null means "unknown". */
  requests() {
    return null;
  }
  async eval(fn, ...args) {
    const script = `return (${fn.toString()}).apply(null, arguments);`;
    return this.run("/execute/sync", { script, args });
  }
  async find(selector) {
    const parts = selector.split(" >>> ");
    let element = await this.run("/element", { using: "css selector", value: parts[0] });
    for (const part of parts.slice(1)) {
      const shadow = await this.run(`/element/${element[ELEMENT_KEY]}/shadow`, undefined, "GET");
      element = await this.run(`/shadow/${shadow[SHADOW_ROOT_KEY]}/element`, { using: "css selector", value: part });
    }
    return element[ELEMENT_KEY];
  }
  /**
   * Clicks like Playwright does in Chromium: only once the element is connected, visible, enabled
   * and stable (the same box in two animation frames in a row), within 10 s. A plain WebDriver click
   * checks none of that: on a disabled button it succeeds and nothing happens, and on an element that
   * is still moving its mouse events can land beside it.
   */
  async click(selector) {
    const id = await this.find(selector);
    const ready = await this.run("/execute/async", {
      script: ACTIONABLE,
      args: [{ [ELEMENT_KEY]: id }, 10_000],
    });
    if (ready !== "ok") throw new Error(`click ${selector}: ${ready}`);
    await this.run(`/element/${id}/click`, {});
  }
  async press(key) {
    const keys = { Enter: "\uE007", Tab: "\uE004", Space: " ", Escape: "\uE00C" };
    const value = keys[key] ?? key;
    await this.run("/actions", {
      actions: [{ type: "key", id: "keyboard", actions: [{ type: "keyDown", value }, { type: "keyUp", value }] }],
    });
    await this.run("/actions", undefined, "DELETE");
  }
  async screenshot(file) {
    const { writeFile } = await import("node:fs/promises");
    const data = await this.run("/screenshot", undefined, "GET");
    await writeFile(file, Buffer.from(data, "base64"));
  }
  async setViewport(width, height) {
    await this.run("/window/rect", { width, height });
  }
  async close() {
    const handles = await this.run("/window/handles", undefined, "GET");
    if (handles.length === 1) {
      // Closing the last window would end the session: park it on a blank page for the next test.
      await this.run("/url", { url: "about:blank" });
      this.browser.spare = this.handle;
      return;
    }
    await this.run("/window", undefined, "DELETE");
    this.browser.current = null;
    const rest = handles.filter((handle) => handle !== this.handle);
    await this.browser.switchTo(rest[0]);
  }
}

/** `prefs` are added to the suite's own (e.g. to answer permission requests without a prompt). */
export async function launchFirefox({ extensionDir, geckoId, port, prefs = {} }) {
  const driverPort = await freePort();
  const uuid = randomUUID();
  const output = [];
  const child = spawn(GECKODRIVER, ["--host", "127.0.0.1", "--port", String(driverPort)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (chunk) => output.push(chunk.toString()));
  child.stderr.on("data", (chunk) => output.push(chunk.toString()));
  const driver = new WebDriver(`http://127.0.0.1:${driverPort}`);
  for (let attempt = 0; ; attempt++) {
    try {
      await driver.command("GET", "/status");
      break;
    } catch (error) {
      if (attempt > 100) throw new Error(`geckodriver did not start: ${error.message}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const session = await driver.command("POST", "/session", {
    capabilities: {
      alwaysMatch: {
        browserName: "firefox",
        acceptInsecureCerts: true,
        "moz:firefoxOptions": {
          binary: FIREFOX,
          args: ["-headless"],
          prefs: {
            "network.dns.forceResolve": "127.0.0.1",
            "network.socket.forcePort": `443=${port}`,
            "extensions.webextensions.uuids": JSON.stringify({ [geckoId]: uuid }),
            "devtools.console.stdout.content": true,
            "browser.shell.checkDefaultBrowser": false,
            "datareporting.policy.dataSubmissionEnabled": false,
            "network.captive-portal-service.enabled": false,
            "network.connectivity-service.enabled": false,
            "browser.safebrowsing.malware.enabled": false,
            "browser.safebrowsing.phishing.enabled": false,
            "app.update.disabledForTesting": true,
            "extensions.update.enabled": false,
            ...prefs,
          },
        },
      },
    },
  });
  const sessionId = session.sessionId;
  await driver.command("POST", `/session/${sessionId}/window/rect`, { width: 1280, height: 900 });
  await driver.command("POST", `/session/${sessionId}/moz/addon/install`, { path: extensionDir, temporary: true });
  const firstHandle = await driver.command("GET", `/session/${sessionId}/window`);
  const browser = {
    name: "firefox",
    driver,
    sessionId,
    current: firstHandle,
    spare: firstHandle,
    output,
    async switchTo(handle) {
      if (this.current === handle) return;
      await driver.command("POST", `/session/${sessionId}/window`, { handle });
      this.current = handle;
    },
    get log() {
      return output.join("").split("\n").filter((line) => /console\.(error|warn)|JavaScript error/.test(line) && !BROWSER_NOISE.test(line))
        .map((text) => ({ level: /console\.warn/.test(text) ? "warning" : "error", text, where: "" }));
    },
    popupUrl: `moz-extension://${uuid}/popup.html`,
    /** The newest tab whose address contains `part` (e.g. a tab the extension opened), or null. */
    async findTab(part) {
      const handles = await driver.command("GET", `/session/${sessionId}/window/handles`);
      const before = this.current;
      for (const handle of [...handles].reverse()) {
        await this.switchTo(handle);
        const url = await driver.command("GET", `/session/${sessionId}/url`);
        if (url.includes(part)) {
          const tab = new FirefoxTab(this, handle);
          tab.currentUrl = url;
          return tab;
        }
      }
      if (before) await this.switchTo(before);
      return null;
    },
    async open(url) {
      let handle = this.spare;
      this.spare = null;
      if (!handle) ({ handle } = await driver.command("POST", `/session/${sessionId}/window/new`, { type: "tab" }));
      const tab = new FirefoxTab(this, handle);
      if (url) await tab.goto(url);
      return tab;
    },
    async openPopup(query = "", via = "https://1234567.app.netsuite.com/app/center/card.nl") {
      return this.openPage(`popup.html${query}`, via);
    },
    /** Opens one of the extension's own pages (`options.html`) in a tab, through `via`. */
    async openPage(file, via = "https://1234567.app.netsuite.com/app/center/card.nl") {
      // WebDriver may not navigate to moz-extension:// itself; a page may, once the file is web-accessible.
      const tab = await this.open(via);
      const target = `moz-extension://${uuid}/${file}`;
      // In a later task: a script that navigates while WebDriver is still evaluating it can have its
      // sandbox torn down under it, and Marionette then fails the call (seen as NS_ERROR_OUT_OF_MEMORY
      // from evalInSandbox with one core busy).
      await tab.eval((href) => { setTimeout(() => { window.location.href = href; }, 0); }, target);
      for (let attempt = 0; attempt < 100; attempt++) {
        const where = await tab.run("/url", undefined, "GET");
        if (where.startsWith("moz-extension://")) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      tab.currentUrl = target;
      return tab;
    },
    async close() {
      try {
        await driver.command("DELETE", `/session/${sessionId}`);
      } finally {
        child.kill();
      }
    },
  };
  return browser;
}
