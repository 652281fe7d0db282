// Attack tests (issue #16 item 4): "never saves" holds by construction. The bridge commits a line
// only through the sublist's own Add control once it has checked that the control cannot submit a
// form, or through NetSuite's nlapiCommitLineItem, and no form is submitted while it acts. Each
// scenario is a fixture page with a test-only script (tests/fixtures/add-control.js).
import { assert, openRead, test, waitFor } from "../harness.mjs";

const PANEL = "tba-doctor-panel";
const EDIT_NONE = "/app/setup/role.nl?id=1001&e=T&fx=edit-none";

/** The fixture page at `url`, read by the extension, with its Setup subtab shown. */
async function open(browser, at, url) {
  const tab = await openRead(browser, at(url));
  await tab.click("#setupmachtxt");
  return tab;
}

/** What the tests look at, read in the page. */
const page = () => ({
  state: document.documentElement.getAttribute("data-tba-doctor"),
  lines: window.__nsSim.lines("setupmach").map(([key]) => key),
  submits: window.__nsSim.submits,
});

export default [
  test("attack: an Add control that is a <button> without type is never clicked; the lines are added, nothing submitted", async ({ browser, url: at }) => {
    const tab = await open(browser, at, `${EDIT_NONE}&add-control=untyped`);
    assert.equal(await tab.eval(() => document.getElementById("setupmach_addedit").tagName), "BUTTON");
    await tab.click(`#${PANEL} >>> button[data-tba-doctor-action=fix-all]`);
    await waitFor(tab, () => document.getElementById("tba-doctor-panel").getAttribute("data-missing") === "", [], { message: "fixed" });
    assert.equal((await tab.eval(page)).submits, 0);
  }),

  test("attack: an Add control whose handler submits main_form and throws submits nothing", async ({ browser, url: at }) => {
    const tab = await open(browser, at, `${EDIT_NONE}&add-control=throws`);
    const before = await tab.eval(page);
    await tab.click(`#${PANEL} >>> button[data-tba-doctor-action=fix-all]`);
    await waitFor(tab, () => /did not take/.test(document.getElementById("tba-doctor-panel").shadowRoot.textContent), [], { message: "not taken" });
    const after = await tab.eval(page);
    assert.equal(after.submits, 0);
    assert.deepEqual(after.lines, before.lines);
    assert.equal(after.state, "ready");
  }),
];
