// The extension makes no network request outside its own files and the NetSuite page it is on
// (product.md section 7). Chromium reports every request of a tab, the extension's own included.
// Classic WebDriver cannot see requests, so in Firefox the browser logs every HTTP channel it
// opens, in any process (MOZ_LOG's nsHttp module, set through prefs), and the test reads the log.
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { assert, launchCopy, test, waitFor } from "../harness.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
/** Firefox's own services (remote settings, add-on and update checks): the browser's requests, not the extension's; the prefs below turn most of them off. */
const FIREFOX_OWN = /^https?:\/\/([a-z0-9-]+\.)*(mozilla\.(com|net|org)|firefox\.com|mozaws\.net)\//;
/** A request the test itself makes from the page, to show that the log sees any host. */
const CONTROL = "https://control.tba-doctor.invalid/probe";

/** The URI of every HTTP channel in the nsHttp logs under `dir` (one file per process). */
function loggedRequests(dir) {
  const uris = [];
  for (const file of readdirSync(dir)) {
    for (const match of readFileSync(path.join(dir, file), "utf8").matchAll(/ uri=(\S+)/g)) uris.push(match[1]);
  }
  return uris;
}

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

  test("Firefox: role page, Pre-fill, Fix all, the popup and the authorization-error help open no HTTP channel outside the page's origin", async ({ browser: shared, server, url }) => {
    const logDir = path.join(root, "target/e2e/firefox-network-log");
    rmSync(logDir, { recursive: true, force: true });
    mkdirSync(logDir, { recursive: true });
    const browser = await launchCopy(shared, server.port, "network", {
      prefs: {
        "logging.config.LOG_FILE": path.join(logDir, "http.log"),
        "logging.config.sync": true,
        "logging.nsHttp": 3,
        // As in Firefox's own test profiles: no remote settings, add-on or region traffic.
        "services.settings.server": "data:,#remote-settings-dummy/v1",
        "extensions.getAddons.cache.enabled": false,
        "extensions.blocklist.enabled": false,
        "browser.region.network.url": "",
        "browser.topsites.contile.enabled": false,
      },
    });
    try {
      const role = await browser.open(url(ROLE));
      await waitFor(role, () => document.documentElement.getAttribute("data-tba-doctor") === "ready");
      await role.eval(() => document.getElementById("setupmachtxt").click());
      await role.click("#tba-doctor-panel >>> button[data-tba-doctor-action=prefill]");
      await waitFor(role, () => /is in the add row/.test(document.getElementById("tba-doctor-panel").shadowRoot.textContent), [], { message: "pre-filled" });
      await role.eval(() => window.nlapiCancelLineItem("setupmach"));
      await role.click("#tba-doctor-panel >>> button[data-tba-doctor-action=fix-all]");
      await waitFor(role, () => document.getElementById("tba-doctor-panel").getAttribute("data-missing") === "",
        [], { message: "Fix all done" });
      const popup = await browser.openPopup();
      await waitFor(popup, () => document.querySelector("main[data-screen]") !== null, [], { message: "popup shows a screen" });
      const auth = await browser.open(url("/app/login/secure/authorizetoken.nl?fx=error"));
      await waitFor(auth, () => document.getElementById("tba-doctor-auth-help") !== null, [], { message: "help shown" });
      await role.eval((address) => fetch(address).catch(() => null), CONTROL);
    } finally {
      await browser.close().catch(() => {});
    }
    const requests = loggedRequests(logDir);
    // The log sees the page's own requests, and a request to any other host.
    assert.ok(requests.includes(url(ROLE)), requests.join("\n"));
    assert.ok(requests.includes(CONTROL), requests.join("\n"));
    const outside = requests.filter((address) => !address.startsWith(url("/")) && address !== CONTROL && !FIREFOX_OWN.test(address));
    assert.deepEqual(outside, []);
  }, { browsers: ["firefox"] }),
];
