// Takes the README screenshots of every popup screen at 380 px width (headless Chromium, plus
// Firefox for the screen where the NetSuite host permission is withheld, which Chrome never does).
// Usage: node scripts/screenshots-popup.mjs   (after `make`); writes docs/screenshots/popup-<screen>.png
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium } from "../tests/e2e/chromium.mjs";
import { chromiumCopy, firefoxCopy } from "../tests/e2e/extension-copy.mjs";
import { launchFirefox } from "../tests/e2e/firefox.mjs";
import { startServer } from "../tests/e2e/server.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(root, "docs/screenshots");
mkdirSync(outDir, { recursive: true });
const WIDTH = 380;
const at = (pathAndQuery, account = "1234567") => `https://${account}.app.netsuite.com${pathAndQuery}`;

// [file name, page to open first (or null), what to do in the popup before the picture]
const shots = [
  ["not-netsuite", "about:blank"],
  ["other-netsuite", at("/app/center/card.nl")],
  ["role-edit", at("/app/setup/role.nl?id=1001&e=T&fx=edit-none")],
  ["role-edit-dark", at("/app/setup/role.nl?id=1004&e=T&fx=edit-too-low"), { dark: true }],
  ["role-edit-ok", at("/app/setup/role.nl?id=1003&e=T&fx=edit-redundant")],
  ["role-edit-2fa-confirm", at("/app/setup/role.nl?id=1001&e=T&fx=edit-none"), { profile: "token-admin", click: "[data-tba-doctor-action=fix-all]" }],
  ["role-edit-copied", at("/app/setup/role.nl?id=1001&e=T&fx=edit-none"), { click: "[data-tba-doctor-action=copy-sdf]" }],
  ["oauth2-notice", at("/app/setup/role.nl?id=1014&e=T&fx=tba-ready"), { profile: "rest" }],
  ["role-view", at("/app/setup/role.nl?id=1005&fx=view")],
  ["role-new", at("/app/setup/role.nl")],
  ["feature-off", at("/app/setup/role.nl?id=1006&e=T&fx=feature-off")],
  ["unsupported", at("/app/setup/role.nl?id=1010&e=T&fx=malformed")],
  ["unavailable", at("/app/setup/role.nl?id=1001&e=T&fx=edit-none&csp=strict")],
  ["auth-error", at("/app/login/secure/authorizetoken.nl?fx=error")],
];

async function waitScreen(tab) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const screen = await tab.eval(() => document.querySelector("main")?.getAttribute("data-screen"));
    if (screen && screen !== "loading") return screen;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("popup stays on loading");
}

async function setProfile(popup, id) {
  await popup.eval((value) => {
    const select = document.getElementById("profile");
    select.value = value;
    select.dispatchEvent(new Event("change", { bubbles: true }));
  }, id);
  await new Promise((resolve) => setTimeout(resolve, 300));
}

const server = await startServer({ certDir: path.join(root, "target/e2e-cert") });
try {
  const copy = chromiumCopy(path.join(root, "dist/extension"), path.join(root, "target/screenshots-popup-ext"));
  const browser = await launchChromium({ extensionDir: copy.dir, extensionId: copy.id, port: server.port });
  try {
    for (const [name, first, options = {}] of shots) {
      const page = await browser.open(first);
      await new Promise((resolve) => setTimeout(resolve, 900));
      const popup = await browser.openPopup();
      await popup.page.emulateMedia({ colorScheme: options.dark ? "dark" : "light" });
      await popup.setViewport(WIDTH, 600);
      const screen = await waitScreen(popup);
      if (options.profile) await setProfile(popup, options.profile);
      if (options.click) {
        await popup.click(options.click);
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      await popup.page.screenshot({ path: path.join(outDir, `popup-${name}.png`), fullPage: true });
      console.log(`popup-${name}.png: data-screen=${screen}`);
      if (options.profile) await setProfile(popup, "cloudextend");
      await popup.close();
      await page.close();
    }
  } finally {
    await browser.close();
  }

  // Firefox lets a user withhold the NetSuite host permission; the popup then asks for it.
  const firefox = firefoxCopy(path.join(root, "dist/extension"), path.join(root, "target/screenshots-popup-ext-firefox"));
  const gecko = await launchFirefox({ extensionDir: firefox.dir, geckoId: firefox.geckoId, port: server.port });
  try {
    const popup = await gecko.openPopup();
    await waitScreen(popup);
    await popup.eval(() => browser.permissions.remove({ origins: ["https://*.netsuite.com/*"] }));
    await popup.eval(() => { location.reload(); });
    await new Promise((resolve) => setTimeout(resolve, 800));
    await popup.setViewport(WIDTH + 16, 420);
    const screen = await waitScreen(popup);
    await popup.screenshot(path.join(outDir, "popup-no-permission.png"));
    console.log(`popup-no-permission.png: data-screen=${screen} (Firefox)`);
  } finally {
    await gecko.close();
  }
} finally {
  await server.close();
}
