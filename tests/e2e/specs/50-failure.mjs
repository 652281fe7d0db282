// Failure visibility (issue #15 item 8): when the content wasm cannot start, the role page keeps
// nothing of TBA Doctor but data-tba-doctor="error", the console gets one error that says what
// failed, and the popup says so.
//
// The failure is made with a test-only copy of dist/extension whose role wasm is cut in half (under
// target/e2e, installed in a browser of its own); nothing in the shipped extension can trigger it.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium } from "../chromium.mjs";
import { chromiumCopy, firefoxCopy } from "../extension-copy.mjs";
import { launchFirefox } from "../firefox.mjs";
import { assert, settle, test, waitFor } from "../harness.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const distDir = path.join(root, "dist/extension");
const EDIT_NONE = "/app/setup/role.nl?id=1001&e=T&fx=edit-none";

/** Cuts the role wasm of the extension copy in `dir` in half. */
function corruptRoleWasm(dir) {
  const pkg = path.join(dir, "pkg");
  const name = readdirSync(pkg).find((file) => /^tba_content_role.*_bg\.wasm$/.test(file));
  assert.ok(name, "the copy has a role wasm");
  const bytes = readFileSync(path.join(pkg, name));
  writeFileSync(path.join(pkg, name), bytes.subarray(0, bytes.length >> 1));
}

/** A browser of the same kind as `shared` with a corrupt copy of the extension. */
async function launchBroken(shared, port) {
  const target = path.join(root, "target/e2e", `ext-${shared.name}-corrupt`);
  if (shared.name === "chromium") {
    const copy = chromiumCopy(distDir, target);
    corruptRoleWasm(copy.dir);
    return launchChromium({ extensionDir: copy.dir, extensionId: copy.id, port });
  }
  const copy = firefoxCopy(distDir, target);
  corruptRoleWasm(copy.dir);
  return launchFirefox({ extensionDir: copy.dir, geckoId: copy.geckoId, port });
}

export default [
  test("failure: a content wasm that cannot start leaves only data-tba-doctor=\"error\", one console error, and the popup says so", async ({ browser: shared, server, url }) => {
    const browser = await launchBroken(shared, server.port);
    try {
      const tab = await browser.open(url(EDIT_NONE));
      await waitFor(tab, () => document.documentElement.getAttribute("data-tba-doctor") === "error", [],
        { message: "the root says error" });
      await settle();
      const left = await tab.eval(() => ({
        panel: document.getElementById("tba-doctor-panel") !== null,
        badges: document.querySelectorAll(".tba-doctor-badge").length,
        marks: document.querySelectorAll("[data-tba-doctor]:not(html)").length,
        root: document.documentElement.getAttribute("data-tba-doctor"),
      }));
      assert.deepEqual(left, { panel: false, badges: 0, marks: 0, root: "error" });
      const errors = browser.log.filter((line) => line.level === "error" && /TBA Doctor's engine failed \(load\)/.test(line.text));
      assert.equal(errors.length, 1, JSON.stringify(browser.log));

      const popup = await browser.openPopup();
      const screen = await waitFor(popup, () => {
        const main = document.querySelector("main[data-screen]");
        const name = main && main.getAttribute("data-screen");
        return name && name !== "loading" ? name : null;
      }, [], { message: "popup leaves loading" });
      assert.equal(screen, "unavailable");
      const text = await popup.eval(() => document.body.innerText);
      assert.match(text, /TBA Doctor's engine failed|its WebAssembly is damaged/);
      assert.match(text, /engine-failed: load: /);
    } finally {
      await browser.close().catch(() => {});
    }
  }),
];
