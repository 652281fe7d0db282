// Attack tests (issue #16 item 4): "never saves" holds by construction. The bridge commits a line
// only through the sublist's own Add control once it has checked that the control cannot submit a
// form, or through NetSuite's nlapiCommitLineItem, and no form is submitted while it acts. Each
// scenario is a fixture page with a test-only script (tests/fixtures/add-control.js).
import { assert, test, waitFor } from "../harness.mjs";

const PANEL = "tba-doctor-panel";
const EDIT_NONE = "/app/setup/role.nl?id=1001&e=T&fx=edit-none";

async function open(browser, at, url) {
  const tab = await browser.open(at(url));
  await waitFor(tab, () => {
    const state = document.documentElement.getAttribute("data-tba-doctor");
    return state !== null && state !== "loading";
  }, [], { message: "the extension read the page" });
  await tab.click("#setupmachtxt");
  return tab;
}

const panel = () => {
  const host = document.getElementById("tba-doctor-panel");
  return {
    state: document.documentElement.getAttribute("data-tba-doctor"),
    missing: host && host.getAttribute("data-missing"),
    text: host && host.shadowRoot ? host.shadowRoot.textContent : "",
    lines: window.__nsSim.lines("setupmach").map(([key]) => key),
    submits: window.__nsSim.submits,
  };
};

export default [
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

];
