// Test-only copies of dist/extension: the store build is never modified, and nothing here ships.
//
// Chromium: a manifest `key` pins the extension id (the store strips `key` anyway).
// Firefox: popup.html is made web-accessible, so that WebDriver, which may not navigate to a
// moz-extension:// URL itself, can reach the popup page from a fixture page.
import { createHash, generateKeyPairSync } from "node:crypto";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export function chromiumCopy(distDir, targetDir) {
  rmSync(targetDir, { recursive: true, force: true });
  cpSync(distDir, targetDir, { recursive: true });
  const manifestPath = path.join(targetDir, "manifest.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  const { publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const der = publicKey.export({ type: "spki", format: "der" });
  manifest.key = der.toString("base64");
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  const hex = createHash("sha256").update(der).digest("hex").slice(0, 32);
  const id = [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join("");
  return { dir: targetDir, id };
}

export function firefoxCopy(distDir, targetDir) {
  rmSync(targetDir, { recursive: true, force: true });
  cpSync(distDir, targetDir, { recursive: true });
  const manifestPath = path.join(targetDir, "manifest.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  manifest.web_accessible_resources.push({ resources: ["popup.html"], matches: ["https://*.netsuite.com/*"] });
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return { dir: targetDir, geckoId: manifest.browser_specific_settings.gecko.id };
}
