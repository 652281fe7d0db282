// Popup, Firefox: the NetSuite host permission withheld (Firefox lets users withhold an MV3
// extension's host permissions) gives the "no-permission" screen, and its button grants it.
//
// The test runs in a Firefox of its own, so that a failure cannot leave the suite's browser without
// the permission, and with `extensions.webextOptionalPermissionPrompts` off, so that the button's
// `permissions.request` (made from the real click) is granted without the prompt a person would see.
import { assert, extensionErrors, launchCopy, test, waitFor } from "../harness.mjs";

const NETSUITE = { origins: ["https://*.netsuite.com/*"] };

/** Waits until the popup shows `screen` (its `data-screen`). */
function showing(popup, screen) {
  return waitFor(popup, (name) => document.querySelector("main[data-screen]")?.getAttribute("data-screen") === name,
    [screen], { message: `popup shows ${screen}` });
}

export default [
  test("popup: without the NetSuite host permission it asks for it, and the grant brings the verdict", async ({ browser: shared, server, url }) => {
    const browser = await launchCopy(shared, server.port, "permission", {
      prefs: { "extensions.webextOptionalPermissionPrompts": false },
    });
    try {
      const role = await browser.open(url("/app/setup/role.nl?id=1001&e=T&fx=edit-none"));
      await waitFor(role, () => document.documentElement.getAttribute("data-tba-doctor") === "ready", [],
        { message: "page panel ready" });
      const panelMissing = await role.eval(() => document.getElementById("tba-doctor-panel").getAttribute("data-missing"));
      const popup = await browser.openPopup();
      await showing(popup, "role-edit");

      assert.equal(await popup.eval((permissions) => browser.permissions.remove(permissions), NETSUITE), true);
      assert.equal(await popup.eval((permissions) => browser.permissions.contains(permissions), NETSUITE), false);
      await popup.eval(() => { location.reload(); });
      await showing(popup, "no-permission");
      const screen = await popup.eval(() => ({
        buttons: [...document.querySelectorAll("button")].map((button) => button.dataset.tbaDoctorAction),
        picker: document.querySelectorAll("#profile").length,
        text: document.querySelector("main").textContent,
      }));
      assert.deepEqual(screen.buttons, ["grant"]);
      assert.equal(screen.picker, 0);
      assert.match(screen.text, /netsuite\.com/i);

      // The click is a real one (WebDriver element click), so permissions.request has its user gesture.
      await popup.click("[data-tba-doctor-action=grant]");
      await showing(popup, "role-edit");
      const verdict = await waitFor(popup, () => {
        const element = document.querySelector(".verdict[data-status]");
        return element && { status: element.getAttribute("data-status"), missing: element.getAttribute("data-missing") };
      }, [], { message: "verdict after the grant" });
      assert.deepEqual(verdict, { status: "needs-fix", missing: panelMissing });
      assert.equal(await popup.eval((permissions) => browser.permissions.contains(permissions), NETSUITE), true);
      assert.deepEqual(extensionErrors(browser.log), []);
    } finally {
      await browser.close();
    }
  }, { browsers: ["firefox"] }),
];
