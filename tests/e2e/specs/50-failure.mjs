// Failure visibility (issue #15 item 8): when the content wasm cannot start, the role page keeps
// nothing of TBA Doctor but data-tba-doctor="error", the console gets one error that says what
// failed, and the popup says so.
//
// The failure is made with a test-only copy of dist/extension whose role wasm is cut in half (under
// target/e2e, installed in a browser of its own); nothing in the shipped extension can trigger it.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { assert, launchCopy, openPopupScreen, settle, test, waitFor } from "../harness.mjs";

const EDIT_NONE = "/app/setup/role.nl?id=1001&e=T&fx=edit-none";

/** Cuts the role wasm of the extension copy in `dir` in half. */
function corruptRoleWasm(dir) {
  const pkg = path.join(dir, "pkg");
  const name = readdirSync(pkg).find((file) => /^tba_content_role.*_bg\.wasm$/.test(file));
  assert.ok(name, "the copy has a role wasm");
  const bytes = readFileSync(path.join(pkg, name));
  writeFileSync(path.join(pkg, name), bytes.subarray(0, bytes.length >> 1));
}

export default [
  test("failure: a content wasm that cannot start leaves only data-tba-doctor=\"error\", one console error, and the popup says so", async ({ browser: shared, server, url }) => {
    const browser = await launchCopy(shared, server.port, "corrupt", { edit: corruptRoleWasm });
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

      const { screen, text } = await openPopupScreen(browser);
      assert.equal(screen, "unavailable");
      assert.match(text, /TBA Doctor's engine failed|its WebAssembly is damaged/);
      assert.match(text, /engine-failed: load: /);
    } finally {
      await browser.close().catch(() => {});
    }
  }),
];
