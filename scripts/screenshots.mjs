// Takes the screenshots of the role-page panel (headless Chromium), for the README and reviews.
// Usage: node scripts/screenshots.mjs   (after `make`); writes docs/screenshots/panel-*.png
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { withChromium } from "../tests/e2e/chromium.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "docs/screenshots");
mkdirSync(out, { recursive: true });
async function rolePage(browser, query) {
  const tab = await browser.open();
  await tab.setViewport(1100, 900);
  await tab.goto(`https://1234567.app.netsuite.com/app/setup/role.nl?${query}`);
  await tab.page.waitForFunction(() => document.documentElement.getAttribute("data-tba-doctor") === "ready");
  await tab.page.click("#setupmachtxt");
  return tab;
}

async function shoot(tab, name) {
  await tab.page.locator("#PERM_TAB_pane").screenshot({ path: path.join(out, name) });
  console.log(`wrote docs/screenshots/${name}`);
}

await withChromium("screenshots", async (browser) => {
  const edit = await rolePage(browser, "id=1004&e=T&fx=edit-too-low");
  await shoot(edit, "panel-edit-missing.png");
  await edit.page.locator("#tba-doctor-panel >> button[data-tba-doctor-action=fix-all]").click();
  await edit.page.waitForFunction(() => document.getElementById("tba-doctor-panel").getAttribute("data-status") === "ok");
  await shoot(edit, "panel-edit-fixed.png");
  const view = await rolePage(browser, "id=1005&fx=view");
  await shoot(view, "panel-view.png");
  // An address naming another role than the page holds: the page's note.
  const mismatch = await rolePage(browser, "id=3&e=T&fx=edit-none");
  await shoot(mismatch, "panel-page-note.png");
  // The 2027.1 notice with "Also ready for OAuth 2.0", for REST web services with TBA.
  const settings = await browser.openPopup();
  await settings.eval(() => chrome.storage.sync.set({ settings: { version: 1, profile: "rest" } }));
  const ready = await rolePage(browser, "id=1014&e=T&fx=tba-ready");
  await ready.page.waitForFunction(() => document.getElementById("tba-doctor-panel").getAttribute("data-profile") === "rest");
  await shoot(ready, "panel-oauth2-notice.png");
  await settings.eval(() => chrome.storage.sync.remove(["settings"]));
});
