// Less exposure (issue #16, item 6): TBA Doctor runs, and its files can be fetched, only where it
// works (NetSuite's app hosts, and the login host system.netsuite.com for the authorization-error
// help), and the shipped build leaves nothing in the page's performance timeline.
import { authCases } from "../../fixtures/render.mjs";
import { assert, launchCopy, settle, test, waitFor } from "../harness.mjs";

const HELP = "tba-doctor-auth-help";
const authErrorPath = () => authCases().find((entry) => entry.name === "error").url;

/** The marks and measures of TBA Doctor in the page's own timeline. */
const ourEntries = () => [...performance.getEntriesByType("mark"), ...performance.getEntriesByType("measure")]
  .map((entry) => entry.name)
  .filter((name) => name.startsWith("tba-doctor"));

/** Whether a script of the page at `tab` can fetch the extension file at `address`. */
const pageCanFetch = (tab, address) => tab.eval((file) => fetch(file).then((response) => response.ok, () => false), address);

export default [
  test("shipped build: no performance mark or measure of TBA Doctor in the page's timeline (the tests' copies have them)", async ({ browser: shared, server, url }) => {
    const role = await shared.open(url("/app/setup/role.nl?id=1001&e=T&fx=edit-none"));
    await waitFor(role, () => document.documentElement.getAttribute("data-tba-doctor") === "ready", [], { message: "role page read" });
    const marked = await role.eval(ourEntries);
    assert.ok(marked.includes("tba-doctor:start"), `the check sees marks where they are on: ${marked}`);

    const browser = await launchCopy(shared, server.port, "shipped", { marks: false });
    try {
      const tab = await browser.open(url("/app/setup/role.nl?id=1001&e=T&fx=edit-none"));
      await waitFor(tab, () => document.documentElement.getAttribute("data-tba-doctor") === "ready", [], { message: "role page read" });
      await tab.eval(() => window.nlapiRefreshLineItems("setupmach"));
      await settle(300);
      assert.deepEqual(await tab.eval(ourEntries), [], "role page");
      const auth = await browser.open(url(authErrorPath()));
      await waitFor(auth, (id) => document.getElementById(id) !== null, [HELP], { message: "help shown" });
      assert.deepEqual(await auth.eval(ourEntries), [], "authorization-error page");
    } finally {
      await browser.close().catch(() => {});
    }
  }),

  test("hosts: the authorization-error help on the login host system.netsuite.com, not on a Suitelet or storefront host", async ({ browser }) => {
    const login = await browser.open(`https://system.netsuite.com${authErrorPath()}`);
    await waitFor(login, (id) => document.getElementById(id) !== null, [HELP], { message: "help on the login host" });
    for (const host of ["1234567.extforms.netsuite.com", "checkout.netsuite.com"]) {
      const tab = await browser.open(`https://${host}${authErrorPath()}`);
      await settle(800);
      assert.ok(await tab.eval(() => document.body.innerText.includes("cannot continue this authorization flow")), `${host}: the page shows the sentence`);
      assert.equal(await tab.eval((id) => document.getElementById(id), HELP), null, `${host}: no help`);
      const engines = tab.requests()?.filter((address) => /tba_content_\w+_bg\.wasm$/.test(address));
      if (engines) assert.deepEqual(engines, [], `${host}: no engine fetched`);
    }
  }),

  test("hosts: a role page address on a Suitelet host gets no engine, no bridge, no attribute", async ({ browser }) => {
    const tab = await browser.open("https://1234567.extforms.netsuite.com/app/setup/role.nl?id=1001&e=T&fx=edit-none");
    await settle(800);
    assert.equal(await tab.eval(() => document.documentElement.getAttribute("data-tba-doctor")), null);
    assert.equal(await tab.eval(() => document.getElementById("tba-doctor-panel")), null);
  }),

  test("web-accessible files: the role engine only to app hosts, the help's files to app and login hosts, nothing to a storefront", async ({ browser, url }) => {
    const base = browser.popupUrl.replace(/popup\.html$/, "");
    const app = await browser.open(url("/app/center/card.nl"));
    const login = await browser.open("https://system.netsuite.com/app/center/card.nl");
    const shop = await browser.open("https://checkout.netsuite.com/app/center/card.nl");
    // The first checks show that a fetch can succeed, so that the refusals below mean something.
    assert.equal(await pageCanFetch(app, `${base}pkg/tba_content_role.js`), true, "app host: role engine");
    assert.equal(await pageCanFetch(app, `${base}pkg/tba_content_auth.js`), true, "app host: help engine");
    assert.equal(await pageCanFetch(login, `${base}pkg/tba_content_auth.js`), true, "login host: help engine");
    assert.equal(await pageCanFetch(login, `${base}pkg/tba_content_role.js`), false, "login host: no role engine");
    for (const file of ["pkg/tba_content_role.js", "pkg/tba_content_auth.js", "catalog.tsv", "panel.css"]) {
      assert.equal(await pageCanFetch(shop, `${base}${file}`), false, `storefront: ${file}`);
    }
  }),
];
