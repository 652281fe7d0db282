// Popup (issue #5, and the popup part of #6): every tab state has its screen, the role verdict is
// the page panel's, Fix all and the profile choice act through the page, copies are confirmed, and
// the popup works from the keyboard.
//
// The popup page is opened as a tab (see chromium.mjs and firefox.mjs); it then describes the most
// recently used other tab, as it does when a user opens popup.html in a tab of their own.
import { readFileSync } from "node:fs";

import { authCases } from "../../fixtures/render.mjs";
import { assert, extensionErrors, pasteBack, screenOf, settle, test, waitFor } from "../harness.mjs";

/** The shipped English messages (the browsers run in English here). */
const MESSAGES = JSON.parse(readFileSync(new URL("../../../extension/_locales/en/messages.json", import.meta.url), "utf8"));
const EDIT_NONE = "/app/setup/role.nl?id=1001&e=T&fx=edit-none";

/** The popup's verdict attributes. */
function popupVerdict() {
  const verdict = document.querySelector(".verdict[data-status]");
  if (!verdict) return null;
  return {
    status: verdict.getAttribute("data-status"),
    missing: verdict.getAttribute("data-missing"),
    tooLow: verdict.getAttribute("data-too-low"),
    profile: verdict.getAttribute("data-profile"),
  };
}

/** The page panel's attributes, once the engine is ready. */
function panelVerdict() {
  const panel = document.getElementById("tba-doctor-panel");
  if (!panel || document.documentElement.getAttribute("data-tba-doctor") !== "ready") return null;
  return {
    status: panel.getAttribute("data-status"),
    missing: panel.getAttribute("data-missing") ?? "",
    tooLow: panel.getAttribute("data-too-low") ?? "",
    profile: panel.getAttribute("data-profile"),
  };
}

async function openRolePage(browser, url, path = EDIT_NONE) {
  const tab = await browser.open(url(path));
  await waitFor(tab, panelVerdict, [], { message: "page panel ready" });
  return tab;
}

/** Sets the profile through the popup's select, as a change event like a person's pick. */
function pickProfile(popup, id) {
  return popup.eval((value) => {
    const select = document.getElementById("profile");
    select.value = value;
    select.dispatchEvent(new Event("change", { bubbles: true }));
    return select.value;
  }, id);
}

/** Puts the stored profile back to the default, so later tests start from it. */
async function resetProfile(browser) {
  const popup = await browser.openPopup();
  await screenOf(popup);
  await pickProfile(popup, "cloudextend");
  await settle(200);
}

export default [
  test("popup: a tab that is not NetSuite gets the fix in five steps", async ({ browser, newLog }) => {
    await browser.open("about:blank");
    const popup = await browser.openPopup();
    assert.equal(await screenOf(popup), "not-netsuite");
    const facts = await popup.eval(() => ({
      text: document.body.innerText,
      steps: document.querySelectorAll("ol.steps > li").length,
      label: document.querySelector("label[for=profile]")?.textContent,
      options: [...document.querySelectorAll("#profile option")].map((option) => option.value),
    }));
    assert.match(facts.text, /not a NetSuite page/);
    assert.match(facts.text, /Setup > Users\/Roles > User Management > Manage Roles/);
    assert.match(facts.text, /User Access Tokens/);
    assert.match(facts.text, /click TBA Doctor again/);
    assert.equal(facts.steps, 5);
    assert.equal(facts.label, "Integration profile");
    assert.deepEqual(facts.options, ["cloudextend", "token-login", "self-service-tokens", "soap", "rest",
      "restlet", "oauth2", "suiteanalytics-connect", "token-admin", "oauth2-m2m", "restlet-oauth2",
      "suiteanalytics-connect-oauth2", "ai-connector"]);
    assert.deepEqual(extensionErrors(newLog()), []);
  }),

  test("popup: another NetSuite page links to that account's Manage Roles", async ({ browser, url }) => {
    await browser.open(url("/app/center/card.nl", "7654321-sb1"));
    const popup = await browser.openPopup();
    assert.equal(await screenOf(popup), "other-netsuite");
    const link = await popup.eval(() => document.querySelector("[data-tba-doctor-action=manage-roles]").href);
    assert.equal(link, "https://7654321-sb1.app.netsuite.com/app/setup/rolelist.nl");
  }),

  test("popup: the authorization-error page gets the same help as the page", async ({ browser, url }) => {
    const [errorCase] = authCases().filter((entry) => entry.name === "error");
    const tab = await browser.open(url(errorCase.url));
    await waitFor(tab, () => document.getElementById("tba-doctor-auth-help") !== null, [], { message: "page help" });
    const pageRequest = await tab.eval(() =>
      document.getElementById("tba-doctor-auth-help").shadowRoot.querySelector("textarea[data-tba-doctor=request]").value);
    const popup = await browser.openPopup();
    assert.equal(await screenOf(popup), "auth-error");
    const facts = await popup.eval(() => ({
      text: document.body.innerText,
      request: document.querySelector("textarea[data-tba-doctor=request]").value,
      link: document.querySelector("[data-tba-doctor-action=manage-roles]").href,
      copy: document.querySelectorAll("[data-tba-doctor-action=copy-request]").length,
    }));
    assert.equal(facts.request, pageRequest, "the popup's request is the page's");
    assert.match(facts.text, /User Access Tokens/);
    assert.match(facts.text, /SOAP Web Services/);
    assert.match(facts.text, /concurrency errors/);
    assert.equal(facts.link, "https://1234567.app.netsuite.com/app/setup/rolelist.nl");
    assert.equal(facts.copy, 1);
  }),

  test("popup: copy buttons give visible confirmation", async ({ browser, url }) => {
    const [errorCase] = authCases().filter((entry) => entry.name === "error");
    const tab = await browser.open(url(errorCase.url));
    await waitFor(tab, () => document.getElementById("tba-doctor-auth-help") !== null);
    const popup = await browser.openPopup();
    assert.equal(await screenOf(popup), "auth-error");
    await popup.click("[data-tba-doctor-action=copy-request]");
    const status = await waitFor(popup, () => document.querySelector(".copy-status").textContent);
    // Headless browsers may refuse the clipboard; then the text must be offered to copy by hand.
    if (/^Copied/.test(status)) {
      // Paste the clipboard back, so that "Copied" is checked, not taken on trust.
      const shown = await popup.eval(() => document.querySelector("textarea[data-tba-doctor=request]").value);
      assert.equal(await pasteBack(popup), shown);
      return;
    }
    assert.match(status, /did not allow copying .*Select the text below and press Ctrl\+C/);
    const fallback = await popup.eval(() => document.querySelector("textarea.copy-fallback").value);
    assert.match(fallback, /User Access Tokens/);
  }),

  test("popup: role page in edit mode shows the panel's verdict", async ({ browser, url, newLog }) => {
    const tab = await openRolePage(browser, url);
    const panel = await tab.eval(panelVerdict);
    const popup = await browser.openPopup();
    assert.equal(await screenOf(popup), "role-edit");
    const verdict = await popup.eval(popupVerdict);
    assert.deepEqual(verdict, panel);
    assert.equal(verdict.status, "needs-fix");
    assert.equal(verdict.missing, "ADMI_MANAGE_OWN_OAUTH_TOKENS ADMI_WEBSERVICES");
    const buttons = await popup.eval(() => ({
      prefill: [...document.querySelectorAll("[data-tba-doctor-action=prefill]")].map((button) => button.dataset.permkey),
      fixAll: document.querySelectorAll("[data-tba-doctor-action=fix-all]").length,
      sdf: document.querySelectorAll("[data-tba-doctor-action=copy-sdf]").length,
    }));
    // One Pre-fill per missing permission (a line held too low gets none: Fix all raises it).
    assert.deepEqual(buttons, { prefill: ["ADMI_MANAGE_OWN_OAUTH_TOKENS", "ADMI_WEBSERVICES"], fixAll: 1, sdf: 1 });
    await popup.click("[data-tba-doctor-action=copy-sdf]");
    const status = await waitFor(popup, () => document.querySelector(".copy-status").textContent);
    if (/^Copied/.test(status)) {
      assert.equal(await pasteBack(popup), "<permissions>\n" +
        "  <permission><permkey>ADMI_MANAGE_OWN_OAUTH_TOKENS</permkey><permlevel>FULL</permlevel></permission>\n" +
        "  <permission><permkey>ADMI_WEBSERVICES</permkey><permlevel>FULL</permlevel></permission>\n" +
        "</permissions>\n");
    } else {
      assert.match(status, /^Copied|did not allow copying/);
    }
    assert.deepEqual(extensionErrors(newLog()), []);
  }),

  test("popup: warnings are worded by the extension's messages.json through the browser's i18n", async ({ browser, url }) => {
    const tab = await openRolePage(browser, url, "/app/setup/role.nl?id=1001&e=T&fx=web-services-only");
    const onPage = await tab.eval(() => [...document.getElementById("tba-doctor-panel").shadowRoot.querySelectorAll(".warnings li")]
      .map((item) => item.textContent));
    assert.deepEqual(onPage, [MESSAGES.warning_web_services_only.message]);
    const popup = await browser.openPopup();
    assert.equal(await screenOf(popup), "role-edit");
    const shown = await waitFor(popup, () => document.querySelector(".warnings li[data-code=web-services-only]")?.textContent);
    assert.equal(shown, MESSAGES.warning_web_services_only.message);
  }),

  test("popup: Fix all acts on the page and shows the new verdict", async ({ browser, url }) => {
    const tab = await openRolePage(browser, url);
    const popup = await browser.openPopup();
    assert.equal(await screenOf(popup), "role-edit");
    await popup.click("[data-tba-doctor-action=fix-all]");
    const after = await waitFor(popup, () => {
      const verdict = document.querySelector(".verdict[data-status]");
      return verdict && verdict.getAttribute("data-status") === "ok" && verdict.getAttribute("data-status");
    }, [], { message: "popup verdict becomes ok" });
    assert.equal(after, "ok");
    const panel = await waitFor(tab, () => {
      const status = document.getElementById("tba-doctor-panel")?.getAttribute("data-status");
      return status === "ok" && status;
    }, [], { message: "page panel becomes ok" });
    assert.equal(panel, "ok");
    // Idempotent: the popup now offers no fix.
    assert.equal(await popup.eval(() => document.querySelectorAll("[data-tba-doctor-action=fix-all]").length), 0);
  }),

  test("popup: a line held too low gets no Pre-fill (Fix all raises it), as in the panel", async ({ browser, url, newLog }) => {
    const tab = await openRolePage(browser, url, "/app/setup/role.nl?id=1001&e=T&fx=edit-too-low");
    const panel = await tab.eval(() => ({
      tooLow: document.getElementById("tba-doctor-panel").getAttribute("data-too-low"),
      prefill: [...document.getElementById("tba-doctor-panel").shadowRoot.querySelectorAll("[data-tba-doctor-action=prefill]")].map((button) => button.dataset.permkey),
    }));
    assert.equal(panel.tooLow, "ADMI_WEBSERVICES");
    const popup = await browser.openPopup();
    assert.equal(await screenOf(popup), "role-edit");
    const prefill = await popup.eval(() => [...document.querySelectorAll("[data-tba-doctor-action=prefill]")].map((button) => button.dataset.permkey));
    assert.deepEqual(prefill, panel.prefill);
    assert.ok(!prefill.includes("ADMI_WEBSERVICES"), JSON.stringify(prefill));
    // The one it offers works: the page's add row gets it.
    await popup.click(`[data-tba-doctor-action=prefill][data-permkey=${prefill[0]}]`);
    await waitFor(tab, (id) => document.forms.setupmach_form.elements.permkey4.value === id, [prefill[0]], { message: "add row filled from the popup" });
    assert.deepEqual(extensionErrors(newLog()), []);
  }),

  test("popup: Pre-fill fills the page's add row and the popup stays on the role", async ({ browser, url }) => {
    const tab = await openRolePage(browser, url);
    const popup = await browser.openPopup();
    assert.equal(await screenOf(popup), "role-edit");
    await popup.click("[data-tba-doctor-action=prefill][data-permkey=ADMI_MANAGE_OWN_OAUTH_TOKENS]");
    const row = await waitFor(tab, () => {
      const form = document.forms.setupmach_form;
      return form.elements.permkey4.value ? { key: form.elements.permkey4.value, level: form.elements.permlevel4.value } : null;
    }, [], { message: "add row filled" });
    assert.deepEqual(row, { key: "ADMI_MANAGE_OWN_OAUTH_TOKENS", level: "4" });
    // The popup shows the snapshot it got back: still a role page, no refusal, buttons usable again.
    await waitFor(popup, () => document.querySelector("[data-tba-doctor-action=fix-all]")?.disabled === false, [],
      { message: "popup ready again" });
    assert.equal(await popup.eval(() => document.querySelector("main").dataset.screen), "role-edit");
    assert.equal(await popup.eval(() => document.querySelector(".notice")), null);
  }),

  test("popup: the profile choice persists and the page panel follows", async ({ browser, url }) => {
    const tab = await openRolePage(browser, url);
    try {
      const popup = await browser.openPopup();
      assert.equal(await screenOf(popup), "role-edit");
      assert.equal(await pickProfile(popup, "soap"), "soap");
      const verdict = await waitFor(popup, () => {
        const element = document.querySelector(".verdict[data-profile=soap]");
        return element && element.getAttribute("data-missing");
      }, [], { message: "popup re-evaluates for soap" });
      assert.match(verdict, /ADMI_WEBSERVICES/);
      assert.match(verdict, /ADMI_LOGIN_OAUTH\b/);
      await waitFor(tab, () => document.getElementById("tba-doctor-panel")?.getAttribute("data-profile") === "soap",
        [], { message: "page panel follows to soap" });
      const panel = await tab.eval(panelVerdict);
      assert.equal(panel.missing, verdict, "panel and popup agree for soap");
      await popup.close();
      const again = await browser.openPopup();
      assert.equal(await screenOf(again), "role-edit");
      assert.equal(await again.eval(() => document.getElementById("profile").value), "soap");
    } finally {
      await resetProfile(browser);
    }
  }),

  test("popup: keyboard reaches the select, then the buttons, in order", async ({ browser, url }) => {
    await openRolePage(browser, url);
    const popup = await browser.openPopup();
    assert.equal(await screenOf(popup), "role-edit");
    await popup.eval(() => { document.activeElement?.blur(); window.focus(); });
    const order = [];
    for (let step = 0; step < 12; step++) {
      await popup.press("Tab");
      const focused = await popup.eval(() => {
        const element = document.activeElement;
        if (!element || element === document.body) return "body";
        return element.getAttribute("data-tba-doctor-action") ?? element.id ?? element.tagName.toLowerCase();
      });
      order.push(focused || "unnamed");
      if (focused === "copy-sdf") break;
    }
    const actions = order.filter((name) => ["profile", "prefill", "fix-all", "copy-request", "copy-sdf"].includes(name));
    assert.deepEqual(actions, ["profile", "prefill", "prefill", "fix-all", "copy-request", "copy-sdf"], order.join(" "));
    // Enter on a focused button acts like a click.
    await popup.eval(() => document.querySelector("[data-tba-doctor-action=fix-all]").focus());
    await popup.press("Enter");
    await waitFor(popup, () => document.querySelector(".verdict")?.getAttribute("data-status") === "ok", [],
      { message: "Enter on Fix all fixes the role" });
  }),

  test("popup: Fix all asks before making the role 2FA-required, and the keyboard lands in the question", async ({ browser, url }) => {
    const tab = await openRolePage(browser, url);
    try {
      const popup = await browser.openPopup();
      assert.equal(await screenOf(popup), "role-edit");
      await pickProfile(popup, "token-admin");
      await waitFor(popup, () => document.querySelector(".verdict[data-profile=token-admin]") !== null);
      // Focused once the popup has settled on the new profile (an answer still on its way could
      // redraw the button and take the focus with it, as it did once on a loaded machine).
      await waitFor(popup, () => {
        const button = document.querySelector("[data-tba-doctor-action=fix-all]");
        if (!button || button.disabled) return false;
        button.focus();
        return document.activeElement === button;
      }, [], { message: "Fix all enabled and focused" });
      await popup.press("Enter");
      // Until the question is drawn the focus is still on Fix all: wait for it inside the question.
      const focused = await waitFor(popup, () => {
        const question = document.querySelector(".confirm");
        return question && question.contains(document.activeElement)
          ? document.activeElement.getAttribute("data-tba-doctor-action") : null;
      }, [], { message: "focus moves into the confirmation" });
      assert.equal(focused, "cancel-fix-all");
      assert.match(await popup.eval(() => document.querySelector(".confirm").textContent), /Access Token Management.*two-factor/);
      // Nothing was added yet.
      assert.equal(await tab.eval(() => document.getElementById("tba-doctor-panel").getAttribute("data-missing")),
        "ADMI_MANAGE_OAUTH_TOKENS");
      await popup.click("[data-tba-doctor-action=confirm-fix-all]");
      await waitFor(popup, () => document.querySelector(".verdict")?.getAttribute("data-status") === "ok", [],
        { message: "confirmed Fix all fixes the role" });
    } finally {
      await resetProfile(browser);
    }
  }),

  test("popup: a page whose security policy blocks the engine says so", async ({ browser, url }) => {
    const tab = await browser.open(url(`${EDIT_NONE}&csp=strict`));
    await waitFor(tab, () => document.documentElement.getAttribute("data-tba-doctor") === "error", [],
      { message: "engine fails under the strict CSP" });
    const popup = await browser.openPopup();
    assert.equal(await screenOf(popup), "unavailable");
    assert.match(await popup.eval(() => document.body.innerText), /security policy blocks/);
  }, { browsers: ["chromium"] }),
];
