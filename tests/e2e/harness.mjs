// The e2e suite's own small test API: tests are browser-neutral and run once per browser.
import assert from "node:assert/strict";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium } from "./chromium.mjs";
import { chromiumCopy, firefoxCopy } from "./extension-copy.mjs";
import { launchFirefox } from "./firefox.mjs";

export { assert };

/** Declares a test; `browsers` limits it to some browsers (default: all). */
export function test(name, run, { browsers = ["chromium", "firefox"] } = {}) {
  return { name, run, browsers };
}

/** Polls `fn` in the tab until it returns a truthy value, and returns that value. */
export async function waitFor(tab, fn, args = [], { timeout = 10_000, message } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await tab.eval(fn, ...args);
      if (last) return last;
    } catch (error) {
      last = error.message;
    }
    if (Date.now() > deadline) {
      const page = await tab.eval(pageSummary).catch((error) => error.message);
      throw new Error(`${message ?? "condition"} not met within ${timeout} ms (last: ${JSON.stringify(last)}; page: ${JSON.stringify(page)})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * What the extension shows on the page, for a failure message: CI prints only a test's error, so it
 * has to say why (the panel's own words, its hooks, disabled buttons), not only that it waited.
 */
function pageSummary() {
  const hosts = document.querySelectorAll("#tba-doctor-panel");
  const host = hosts[0];
  const root = host && host.shadowRoot;
  const status = root && root.querySelector("[role=status]");
  return {
    url: location.href.slice(0, 200),
    state: document.documentElement.getAttribute("data-tba-doctor"),
    hosts: hosts.length,
    hooks: host ? Object.fromEntries([...host.attributes].map((attribute) => [attribute.name, attribute.value.slice(0, 200)])) : null,
    status: status ? status.textContent.slice(0, 400) : null,
    text: root ? [...root.children].filter((child) => child.localName !== "style").map((child) => child.textContent).join(" ").replace(/\s+/g, " ").slice(0, 600) : null,
    disabled: root ? [...root.querySelectorAll("button[disabled]")].map((button) => button.getAttribute("data-tba-doctor-action")) : [],
    marks: [...document.querySelectorAll("tr[data-tba-doctor]")].length,
  };
}

/** Gives the page and the extension a moment to do anything they were going to do. */
export function settle(ms = 400) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Opens `url` in a new tab and waits until the extension has read the page (data-tba-doctor leaves loading). */
export async function openRead(browser, url) {
  const tab = await browser.open(url);
  await waitFor(tab, () => {
    const state = document.documentElement.getAttribute("data-tba-doctor");
    return state !== null && state !== "loading";
  }, [], { message: "data-tba-doctor leaves loading" });
  return tab;
}

/** Waits until the popup has left its loading screen and returns the screen's name. */
export function screenOf(popup) {
  return waitFor(popup, () => {
    const main = document.querySelector("main[data-screen]");
    const screen = main && main.getAttribute("data-screen");
    return screen && screen !== "loading" ? screen : null;
  }, [], { message: "popup leaves loading" });
}

/** Opens the popup and waits for its screen: the popup, the screen's name and the popup's visible text. */
export async function openPopupScreen(browser) {
  const popup = await browser.openPopup();
  const screen = await screenOf(popup);
  return { popup, screen, text: await popup.eval(() => document.body.innerText) };
}

/** Pastes the clipboard into a new textarea of the popup and returns the text (checks a "Copied"). */
export async function pasteBack(popup) {
  await popup.eval(() => {
    const paste = document.createElement("textarea");
    paste.id = "test-paste";
    document.body.append(paste);
    paste.focus();
  });
  if (popup.page) {
    await popup.press("Control+V");
  } else {
    // WebDriver actions: Control (\uE009) down, v, Control up.
    await popup.run("/actions", {
      actions: [{ type: "key", id: "keyboard", actions: [{ type: "keyDown", value: "\uE009" }, { type: "keyDown", value: "v" },
        { type: "keyUp", value: "v" }, { type: "keyUp", value: "\uE009" }] }],
    });
    await popup.run("/actions", undefined, "DELETE");
  }
  return waitFor(popup, () => document.getElementById("test-paste").value, [], { timeout: 3000, message: "paste" });
}

/** Reads an attribute of document.documentElement. */
export function rootAttribute(tab, name) {
  return tab.eval((attribute) => document.documentElement.getAttribute(attribute), name);
}

/**
 * The error-level console lines that the extension could have caused: anything from its own files,
 * anything naming it, and uncaught errors. The page's own resource errors (a missing favicon) are not.
 */
export function extensionErrors(log) {
  return log.filter((line) => line.level === "error" &&
    (/(chrome|moz)-extension:|tba[ _-]?doctor|tba_content|tba_popup|wasm|uncaught|JavaScript error/i.test(`${line.text} ${line.where}`)));
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Launches another instance of `shared`'s browser on a copy of dist/extension made for one test
 * (under target/e2e/ext-<browser>-<name>): `marks` as in extension-copy.mjs, `edit(dir)` changes the
 * copy before the browser loads it, `prefs` are Firefox prefs. The test closes it.
 */
export function launchCopy(shared, port, name, { marks = true, edit = () => {}, prefs = {} } = {}) {
  const target = path.join(root, "target/e2e", `ext-${shared.name}-${name}`);
  const dist = path.join(root, "dist/extension");
  if (shared.name === "chromium") {
    const copy = chromiumCopy(dist, target, { marks });
    edit(copy.dir);
    return launchChromium({ extensionDir: copy.dir, extensionId: copy.id, port });
  }
  const copy = firefoxCopy(dist, target, { marks });
  edit(copy.dir);
  return launchFirefox({ extensionDir: copy.dir, geckoId: copy.geckoId, port, prefs });
}
