// Takes the README screenshots of the options page (headless Chromium): the profile lists with one
// saved profile, and the import preview of a vendor-shaped table.
// Usage: node scripts/screenshots-options.mjs   (after `make`); writes docs/screenshots/options-*.png
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { withChromium } from "../tests/e2e/chromium.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "docs/screenshots");
mkdirSync(out, { recursive: true });
// Payhawk's published table (crates/rules/tests/import/payhawk.txt), its source lines left out.
const table = readFileSync(path.join(root, "crates/rules/tests/import/payhawk.txt"), "utf8")
  .split("\n").filter((line) => !line.startsWith("# ")).slice(0, 24).join("\n");

function setField([selector, value]) {
  const field = document.querySelector(selector);
  field.value = value;
  field.dispatchEvent(new Event("input", { bubbles: true }));
}

await withChromium("screenshots-options", async (browser) => {
  const page = await browser.openPage("options.html");
  await page.setViewport(1000, 900);
  await page.page.waitForSelector("section.saved");
  await page.page.evaluate(setField, ["#profile-name", "Payhawk"]);
  await page.page.evaluate(setField, ["#import-text", table]);
  await page.page.click("[data-tba-doctor-action=import-save]");
  await page.page.waitForSelector("[data-profile-id='custom:payhawk']");
  await page.page.click("[data-tba-doctor-action=new-profile]");
  await page.page.evaluate(() => { document.querySelector("details.builtins").open = true; });
  await page.page.screenshot({ path: path.join(out, "options-profiles.png"), fullPage: false });
  console.log("wrote docs/screenshots/options-profiles.png");
  await page.page.evaluate(() => { document.querySelector("details.builtins").open = false; });
  await page.page.evaluate(setField, ["#profile-name", "Payhawk"]);
  await page.page.evaluate(setField, ["#import-text", `${table}\nCustmer Deposit | Full\nItems | Read/Write`]);
  await page.page.click("[data-tba-doctor-action=import-preview]");
  await page.page.waitForSelector("[data-import-line]");
  await page.page.locator("section.import").screenshot({ path: path.join(out, "options-preview.png") });
  console.log("wrote docs/screenshots/options-preview.png");
});
