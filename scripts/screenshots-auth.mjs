// Takes the screenshot of the authorization-error help shown in the README (headless Chromium).
// Usage: node scripts/screenshots-auth.mjs   (after `make`); writes docs/screenshots/auth-help.png
import path from "node:path";
import { fileURLToPath } from "node:url";
import { withChromium } from "../tests/e2e/chromium.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
await withChromium("screenshots", async (browser) => {
  const tab = await browser.open("https://1234567.app.netsuite.com/app/login/secure/authorizetoken.nl?fx=error");
  await tab.page.waitForSelector("#tba-doctor-auth-help");
  await tab.setViewport(1100, 860);
  await tab.screenshot(path.join(root, "docs/screenshots/auth-help.png"));
});
