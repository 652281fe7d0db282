// Takes the screenshot of the authorization-error help shown in the README (headless Chromium).
// Usage: node scripts/screenshots-auth.mjs   (after `make`); writes docs/screenshots/auth-help.png
import path from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium } from "../tests/e2e/chromium.mjs";
import { chromiumCopy } from "../tests/e2e/extension-copy.mjs";
import { startServer } from "../tests/e2e/server.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const server = await startServer({ certDir: path.join(root, "target/e2e-cert") });
const copy = chromiumCopy(path.join(root, "dist/extension"), path.join(root, "target/screenshots-ext"));
const browser = await launchChromium({ extensionDir: copy.dir, extensionId: copy.id, port: server.port });
try {
  const tab = await browser.open("https://1234567.app.netsuite.com/app/login/secure/authorizetoken.nl?fx=error");
  await tab.page.waitForSelector("#tba-doctor-auth-help");
  await tab.setViewport(1100, 860);
  await tab.screenshot(path.join(root, "docs/screenshots/auth-help.png"));
} finally {
  await browser.close();
  await server.close();
}
