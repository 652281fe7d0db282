// The extension makes no network request outside its own files and the NetSuite page it is on
// (product.md section 7). Chromium reports every request of a tab, the extension's own included;
// classic WebDriver cannot see them, so this runs in Chromium only.
import { assert, test, waitFor } from "../harness.mjs";

const ROLE = "/app/setup/role.nl?id=1001&e=T&fx=edit-none";

export default [
  test("role page, Fix all and the popup: only the page's origin and the extension's own files", async ({ browser, url }) => {
    const role = await browser.open(url(ROLE));
    await waitFor(role, () => document.documentElement.getAttribute("data-tba-doctor") === "ready");
    await role.eval(() => document.getElementById("setupmachtxt").click());
    await role.click("#tba-doctor-panel >>> button[data-tba-doctor-action=fix-all]");
    await waitFor(role, () => document.getElementById("tba-doctor-panel").getAttribute("data-missing") === "",
      [], { message: "Fix all done" });
    const popup = await browser.openPopup();
    await waitFor(popup, () => document.querySelector("main[data-screen=role-edit]") !== null,
      [], { message: "popup shows the role" });

    // Prefixes, not URL.origin: Node gives "null" as the origin of a chrome-extension: URL.
    const extensionPrefix = browser.popupUrl.replace(/popup\.html$/, "");
    const pagePrefix = url("/");
    const outside = [...role.requests(), ...popup.requests()]
      .filter((address) => !address.startsWith(pagePrefix) && !address.startsWith(extensionPrefix));
    assert.deepEqual(outside, []);
    // The check sees the extension's own files, so it would see anything else too.
    assert.ok(role.requests().some((address) => address === `${extensionPrefix}pkg/tba_content_role_bg.wasm`));
    assert.ok(popup.requests().some((address) => address === `${extensionPrefix}pkg/tba_popup_bg.wasm`));
  }, { browsers: ["chromium"] }),
];
