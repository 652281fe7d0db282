// Test-only copies of dist/extension: the store build is never modified, and nothing here ships.
//
// Chromium: a manifest `key` pins the extension id (the store strips `key` anyway).
// Firefox: popup.html and options.html are made web-accessible, so that WebDriver, which may not navigate to a
// moz-extension:// URL itself, can reach the popup page from a fixture page.
// Both: the performance marks the tests and benchmarks read are turned on (`marks: false` keeps
// them off, as shipped): `const MARKS = false;` becomes true in the scripts that run on the page.
import { createHash, generateKeyPairSync } from "node:crypto";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const MARKED = ["content-preload.js", "content-loader.js", "bridge.js"];

function setMarks(targetDir, marks) {
  if (!marks) return;
  for (const file of MARKED) {
    const at = path.join(targetDir, file);
    const text = readFileSync(at, "utf8");
    const on = text.replace("const MARKS = false;", "const MARKS = true;");
    if (on === text) throw new Error(`${file} has no "const MARKS = false;" to turn on`);
    writeFileSync(at, on);
  }
}

export function chromiumCopy(distDir, targetDir, { marks = true } = {}) {
  rmSync(targetDir, { recursive: true, force: true });
  cpSync(distDir, targetDir, { recursive: true });
  setMarks(targetDir, marks);
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

export function firefoxCopy(distDir, targetDir, { marks = true } = {}) {
  rmSync(targetDir, { recursive: true, force: true });
  cpSync(distDir, targetDir, { recursive: true });
  setMarks(targetDir, marks);
  const manifestPath = path.join(targetDir, "manifest.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  manifest.web_accessible_resources.push({ resources: ["popup.html", "options.html"], matches: ["https://*.netsuite.com/*"] });
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return { dir: targetDir, geckoId: manifest.browser_specific_settings.gecko.id };
}
