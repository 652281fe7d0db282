// Authorization-error helper (issue #6): help in place where NetSuite says the role has insufficient
// permission, and nowhere else. One test per fixture of tests/fixtures/auth/.
import { authCases } from "../../fixtures/render.mjs";
import { assert, extensionErrors, settle, test, waitFor } from "../harness.mjs";

const HOST = "tba-doctor-auth-help";

function helpFacts() {
  const host = document.getElementById("tba-doctor-auth-help");
  if (!host) return { present: false };
  const root = host.shadowRoot;
  const before = host.previousElementSibling;
  return {
    present: true,
    open: root !== null,
    text: root ? root.textContent : "",
    request: root ? root.querySelector("textarea[data-tba-doctor=request]").value : "",
    link: root ? root.querySelector("[data-tba-doctor-action=manage-roles]").href : "",
    afterMessage: before !== null && /authorization\s+flow/i.test(before.textContent),
    imagesInShadow: root ? root.querySelectorAll("img").length : -1,
    hosts: document.querySelectorAll("#tba-doctor-auth-help").length,
  };
}

const cases = authCases().map(({ name, url, expected }) =>
  test(`${name}: help ${expected.trigger ? "shown" : "not shown"}`, async ({ browser, url: at, newLog }) => {
    const tab = await browser.open(at(url));
    if (!expected.trigger) {
      await settle(800);
      const facts = await tab.eval(helpFacts);
      assert.equal(facts.present, false, "no help box where NetSuite shows no error");
      assert.equal(await tab.eval(() => document.documentElement.getAttribute("data-tba-doctor")), null);
      // Nor is the engine fetched (Chromium lists the extension's own requests; Firefox: null).
      const engines = tab.requests()?.filter((address) => /tba_content_\w+_bg\.wasm$/.test(address));
      if (engines) assert.deepEqual(engines, []);
      return;
    }
    await waitFor(tab, (id) => document.getElementById(id) !== null, [HOST], { message: "help box appears" });
    const facts = await tab.eval(helpFacts);
    assert.equal(facts.open, true, "open shadow root");
    assert.equal(facts.hosts, 1);
    assert.equal(facts.afterMessage, true, "the box sits right after the element that shows the message");
    assert.match(facts.text, /User Access Tokens/);
    assert.match(facts.text, /concurrency errors/);
    assert.match(facts.request, /1234567/, "account id in the request");
    assert.match(facts.request, /User Access Tokens/);
    assert.match(facts.request, /SOAP Web Services/);
    assert.match(facts.request, /Manage Roles/);
    if (expected.roleName) assert.ok(facts.request.includes(expected.roleName), `role name in ${facts.request}`);
    assert.equal(facts.link, "https://1234567.app.netsuite.com/app/setup/rolelist.nl");
    // Chromium lists the extension's own requests (Firefox: null): this page loads the auth
    // engine only, not the role page's.
    const engines = tab.requests()?.filter((address) => /tba_content_\w+_bg\.wasm$/.test(address));
    if (engines) assert.deepEqual(engines.map((address) => address.split("/").pop()), ["tba_content_auth_bg.wasm"]);
    assert.deepEqual(extensionErrors(newLog()), []);
  }),
);

export default [
  ...cases,
  test("copy button gives visible confirmation", async ({ browser, url }) => {
    const [errorCase] = authCases().filter((entry) => entry.name === "error");
    const tab = await browser.open(url(errorCase.url));
    await waitFor(tab, (id) => document.getElementById(id) !== null, [HOST]);
    await tab.click(`#${HOST} >>> [data-tba-doctor-action=copy-request]`);
    const status = await waitFor(tab, (id) =>
      document.getElementById(id).shadowRoot.querySelector("[role=status]").textContent, [HOST]);
    // Headless browsers may refuse the clipboard; then the fallback must say what to do instead.
    assert.match(status, /^(Copied\.|Select the text above and press Ctrl\+C)/);
  }),
];
