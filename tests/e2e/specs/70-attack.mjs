// Attack tests (issue #16): a hostile or broken page can neither fool TBA Doctor into claiming lines
// were added, nor make it skip the 2FA confirmation, nor make it submit the role, nor leave it stuck.
// Each scenario is a fixture page with a test-only script (tests/fixtures/*.js) or, for the stuck
// states, a test-only copy of the extension whose wasm glue throws on demand (under target/e2e).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { assert, launchCopy, openPopupScreen, openRead, settle, test, waitFor } from "../harness.mjs";

const PANEL = "tba-doctor-panel";
const EDIT_NONE = "/app/setup/role.nl?id=1001&e=T&fx=edit-none";

/** The fixture page at `url`, read by the extension, with its Setup subtab shown. */
async function open(browser, at, url) {
  const tab = await openRead(browser, at(url));
  await tab.click("#setupmachtxt");
  return tab;
}

/** What the tests look at, read in the page. */
const panel = () => {
  // Through the prototype: the clobbering test shadows document.getElementById with an element.
  const host = Document.prototype.getElementById.call(document, "tba-doctor-panel");
  return {
    state: document.documentElement.getAttribute("data-tba-doctor"),
    missing: host && host.getAttribute("data-missing"),
    text: host && host.shadowRoot ? host.shadowRoot.textContent : "",
    lines: window.__nsSim.lines("setupmach").map(([key]) => key),
    submits: window.__nsSim.submits,
  };
};

/** A copy of the extension whose wasm imports (all but queueMicrotask) throw once when the page's root has data-e2e-throw. */
function launchThrowing(shared, port) {
  return launchCopy(shared, port, "throwing", { edit: throwingImports });
}

/** Makes the role engine's wasm imports in the copy at `dir` throw once on demand. */
function throwingImports(dir) {
  const pkg = path.join(dir, "pkg");
  const glue = path.join(pkg, readdirSync(pkg).find((file) => /^tba_content_role\.js$/.test(file)));
  let text = readFileSync(glue, "utf8");
  assert.match(text, /function __wbg_get_imports\(\) \{/);
  text = text.replace("function __wbg_get_imports() {", "function __wbg_get_imports() { return __e2e_throwing(__wbg_get_imports_real()); }\nfunction __wbg_get_imports_real() {");
  text += `
function __e2e_throwing(imports) {
  for (const module of Object.values(imports)) {
    for (const [name, f] of Object.entries(module)) {
      // The engine's own queueMicrotask (a bare global of the content script's world, out of the
      // page's reach) throws only for a callback that is not a function; it is how the engine
      // notices a throw anywhere else, so it stays real.
      if (typeof f !== "function" || String(f).includes("queueMicrotask")) continue;
      module[name] = function (...args) {
        const root = globalThis.document && document.documentElement;
        if (root && root.hasAttribute("data-e2e-throw")) {
          root.removeAttribute("data-e2e-throw");
          throw new Error("e2e: an import threw");
        }
        return f.apply(this, args);
      };
    }
  }
  return imports;
}
`;
  writeFileSync(glue, text);
}

/** After a throw: within a second the root says error with a reason, nothing of TBA Doctor is left. */
async function assertStopped(tab, entry) {
  const started = Date.now();
  await waitFor(tab, () => document.documentElement.getAttribute("data-tba-doctor") === "error", [], { timeout: 1000, message: `error within 1 s after a throw in the ${entry}` });
  assert.ok(Date.now() - started <= 1500);
  const left = await tab.eval(() => ({
    panel: document.getElementById("tba-doctor-panel") !== null,
    badges: document.querySelectorAll(".tba-doctor-badge").length,
    marks: document.querySelectorAll("tr[data-tba-doctor]").length,
    reason: document.documentElement.getAttribute("data-tba-doctor-error"),
  }));
  assert.equal(left.panel, false);
  assert.equal(left.badges, 0);
  assert.equal(left.marks, 0);
  assert.match(left.reason, /^engine-failed: run: [a-z-]+: midway/);
}

export default [
  test("attack: forged bridge answers (all lines done, then a second answer) never make the panel say added", async ({ browser, url: at }) => {
    const tab = await open(browser, at, `${EDIT_NONE}&forge-bridge`);
    const before = await tab.eval(panel);
    await tab.click(`#${PANEL} >>> button[data-tba-doctor-action=fix-all]`);
    await waitFor(tab, () => window.__forged > 0 && /Could not confirm/.test(document.getElementById("tba-doctor-panel").shadowRoot.textContent), [], { message: "could not confirm" });
    const after = await tab.eval(panel);
    assert.doesNotMatch(after.text, /Added or raised/);
    assert.equal(after.missing, before.missing);
    assert.deepEqual(after.lines, before.lines);
    await tab.click(`#${PANEL} >>> button[data-tba-doctor-action=prefill]`);
    await waitFor(tab, () => window.__forged > 1, [], { message: "prefill forged" });
    await settle(200);
    assert.doesNotMatch((await tab.eval(panel)).text, /is in the add row/);
  }),

  test("attack: nlapi functions that lie (the bridge reports done) do not make the panel say added", async ({ browser, url: at }) => {
    const tab = await open(browser, at, `${EDIT_NONE}&lying-nlapi`);
    const before = await tab.eval(panel);
    await tab.click(`#${PANEL} >>> button[data-tba-doctor-action=fix-all]`);
    await waitFor(tab, () => /Could not confirm/.test(document.getElementById("tba-doctor-panel").shadowRoot.textContent), [], { message: "could not confirm" });
    const after = await tab.eval(panel);
    assert.doesNotMatch(after.text, /Added or raised/);
    assert.equal(after.missing, before.missing);
    assert.deepEqual(after.lines, before.lines);
  }),

  test("attack: an Add control that is a <button> without type is never clicked; the lines are added, nothing submitted", async ({ browser, url: at }) => {
    const tab = await open(browser, at, `${EDIT_NONE}&add-control=untyped`);
    assert.equal(await tab.eval(() => document.getElementById("setupmach_addedit").tagName), "BUTTON");
    await tab.click(`#${PANEL} >>> button[data-tba-doctor-action=fix-all]`);
    await waitFor(tab, () => document.getElementById("tba-doctor-panel").getAttribute("data-missing") === "", [], { message: "fixed" });
    assert.equal((await tab.eval(panel)).submits, 0);
  }),

  test("attack: an Add control whose handler submits main_form and throws submits nothing", async ({ browser, url: at }) => {
    const tab = await open(browser, at, `${EDIT_NONE}&add-control=throws`);
    const before = await tab.eval(panel);
    await tab.click(`#${PANEL} >>> button[data-tba-doctor-action=fix-all]`);
    await waitFor(tab, () => /did not take/.test(document.getElementById("tba-doctor-panel").shadowRoot.textContent), [], { message: "not taken" });
    const after = await tab.eval(panel);
    assert.equal(after.submits, 0);
    assert.deepEqual(after.lines, before.lines);
    assert.equal(after.state, "ready");
  }),

  test("attack: a confirm button injected into the open shadow root neither runs Fix all when clicked by script nor skips the 2FA question when clicked by the admin", async ({ browser, url: at }) => {
    const tab = await open(browser, at, EDIT_NONE);
    const popup = await browser.openPopup();
    try {
      await popup.eval(() => (globalThis.browser ?? globalThis.chrome).storage.sync.set({ profile: "token-admin" }));
      await waitFor(tab, () => document.getElementById("tba-doctor-panel").getAttribute("data-profile") === "token-admin", [], { message: "profile followed" });
      const before = await tab.eval(panel);
      await tab.eval(() => {
        const shadow = document.getElementById("tba-doctor-panel").shadowRoot;
        const button = document.createElement("button");
        button.setAttribute("data-tba-doctor-action", "confirm-fix-all");
        button.id = "injected";
        button.textContent = "Confirm";
        shadow.querySelector("section").prepend(button);
        button.click();
        for (const real of shadow.querySelectorAll("button[data-tba-doctor-action=fix-all]")) real.click();
      });
      await settle(300);
      assert.deepEqual((await tab.eval(panel)).lines, before.lines, "a script's clicks do nothing");
      await tab.click(`#${PANEL} >>> #injected`);
      await waitFor(tab, () => document.getElementById("tba-doctor-panel").shadowRoot.querySelectorAll("[data-tba-doctor-action=confirm-fix-all]:not(#injected)").length > 0, [], { message: "the admin's click on an injected confirm asks the question" });
      assert.deepEqual((await tab.eval(panel)).lines, before.lines, "nothing added without the question answered");
    } finally {
      await popup.eval(() => (globalThis.browser ?? globalThis.chrome).storage.sync.set({ profile: "cloudextend" }));
    }
  }),

  test("attack: document.getElementById, forms and querySelector clobbered by named elements: the same verdict as the page unclobbered, and Fix all claims nothing", async ({ browser, url: at }) => {
    const plain = await open(browser, at, EDIT_NONE);
    const expected = await plain.eval(panel);
    const tab = await browser.open(at(`${EDIT_NONE}&clobber`));
    const state = await waitFor(tab, () => {
      const state = document.documentElement.getAttribute("data-tba-doctor");
      return (state === "ready" || state === "unsupported" || state === "error") && state;
    }, [], { message: "a final state" });
    assert.equal(await tab.eval(() => document.getElementsByName("getElementById").length), 1, "the page is clobbered");
    assert.equal(state, "ready");
    // The engine reads through its own world's DOM, which the page's named elements do not reach:
    // the same verdict as on the page unclobbered.
    await tab.eval(() => HTMLElement.prototype.click.call(Document.prototype.getElementById.call(document, "setupmachtxt")));
    const read = await tab.eval(panel);
    assert.equal(read.missing, expected.missing);
    // NetSuite's own functions run in the page's world, where getElementById is an <img> now: Fix
    // all says what NetSuite said, and claims nothing.
    await tab.click(`#${PANEL} >>> button[data-tba-doctor-action=fix-all]`);
    await waitFor(tab, () => /NetSuite said|Could not confirm|did not take/.test(Document.prototype.getElementById.call(document, "tba-doctor-panel").shadowRoot.textContent), [], { message: "an outcome" });
    const after = await tab.eval(panel);
    assert.doesNotMatch(after.text, /Added or raised/);
    assert.deepEqual(after.lines, read.lines);
    assert.equal(after.submits, 0);
  }),

  test("hardening: Fix all never runs over a line open with unsaved edits; it says so, changes nothing, and runs once the line is cancelled", async ({ browser, url: at }) => {
    const tab = await open(browser, at, EDIT_NONE);
    const before = await tab.eval(panel);
    // The admin picks a permission in the add row and a level, and does not click Add.
    await tab.eval(() => {
      window.nlapiSelectNewLineItem("setupmach");
      window.nlapiSetCurrentLineItemValue("setupmach", "permkey4", "ADMI_ACCOUNTINGBOOK");
      window.nlapiSetCurrentLineItemValue("setupmach", "permlevel4", "2");
    });
    await tab.click(`#${PANEL} >>> button[data-tba-doctor-action=fix-all]`);
    await waitFor(tab, () => /changes not added yet/.test(document.getElementById("tba-doctor-panel").shadowRoot.textContent), [], { message: "Fix all says a line is open" });
    const after = await tab.eval(panel);
    assert.deepEqual(after.lines, before.lines, "nothing added or raised");
    assert.equal(after.missing, before.missing);
    assert.equal(after.submits, 0);
    assert.equal(await tab.eval(() => window.nlapiGetCurrentLineItemValue("setupmach", "permkey4")), "ADMI_ACCOUNTINGBOOK", "the admin's edit is kept");
    await tab.eval(() => window.nlapiCancelLineItem("setupmach"));
    await tab.click(`#${PANEL} >>> button[data-tba-doctor-action=fix-all]`);
    await waitFor(tab, () => document.getElementById("tba-doctor-panel").getAttribute("data-missing") === "", [], { message: "fixed once the line is cancelled" });
    assert.equal((await tab.eval(panel)).submits, 0);
  }),

  test("hardening: an address naming another role than the page's own id: the page's id wins, and the panel and the popup say so", async ({ browser, url: at }) => {
    // Role 3 is the Administrator role; the page holds role 1001.
    const tab = await open(browser, at, "/app/setup/role.nl?id=3&e=T&fx=edit-none");
    const note = await waitFor(tab, () => {
      const host = document.getElementById("tba-doctor-panel");
      const line = host && host.shadowRoot.querySelector("[data-tba-doctor=page-note]");
      return line && line.textContent;
    }, [], { message: "a page note" });
    assert.match(note, /own role id is 1001, but its address names role 3: TBA Doctor reads role 1001/);
    assert.equal(await tab.eval(() => document.documentElement.getAttribute("data-tba-doctor")), "ready");
    const { popup, screen } = await openPopupScreen(browser);
    assert.equal(screen, "role-edit");
    assert.match(await popup.eval(() => document.body.textContent), /own role id is 1001, but its address names role 3/);
    await popup.close?.();
    // The same page at its own address says nothing.
    const plain = await open(browser, at, EDIT_NONE);
    assert.equal(await plain.eval(() => document.getElementById("tba-doctor-panel").shadowRoot.querySelectorAll("[data-tba-doctor=page-note]").length), 0);
  }),

  test("stuck states: an exception in each entry point (first run, redraw, panel click, popup message) stops the engine within 1 s; the popup says why", async ({ browser: shared, server, url: at }) => {
    const browser = await launchThrowing(shared, server.port);
    try {
      // First run: the root carries the attribute from the start; the first import after start-up throws.
      const first = await browser.open(at(`${EDIT_NONE}&e2e-throw`));
      await waitFor(first, () => document.documentElement.getAttribute("data-tba-doctor") === "error", [], { message: "first run stopped" });
      for (const entry of ["redraw", "panel click", "popup message"]) {
        const tab = await open(browser, at, EDIT_NONE);
        await tab.eval(() => document.documentElement.setAttribute("data-e2e-throw", ""));
        if (entry === "redraw") await tab.eval(() => window.nlapiRefreshLineItems("setupmach"));
        if (entry === "panel click") await tab.click(`#${PANEL} >>> button[data-tba-doctor-action=fix-all]`);
        if (entry === "popup message") {
          const { screen, text, popup } = await openPopupScreen(browser);
          assert.equal(screen, "unavailable", text);
          assert.match(text, /engine-failed: run: popup-message: (midway|held)/);
          await popup.close?.();
        }
        await assertStopped(tab, entry);
        if (entry !== "popup message") {
          const { screen, text } = await openPopupScreen(browser);
          assert.equal(screen, "unavailable", text);
          assert.match(text, /engine-failed: run: /);
        }
        await tab.close?.();
      }
    } finally {
      await browser.close().catch(() => {});
    }
  }),
];
