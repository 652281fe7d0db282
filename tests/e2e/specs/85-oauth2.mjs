// OAuth 2.0 beside TBA (issue #17): the new profiles' verdicts, the 2027.1 notice with "Also ready
// for OAuth 2.0" and its Pre-fill, in the page panel and in the popup, and the popup's SDF XML with
// the OAuth 2.0 lines when asked.
import { assert, pasteBack, screenOf, settle, test, waitFor } from "../harness.mjs";

const PANEL = "tba-doctor-panel";
const TBA_READY = "/app/setup/role.nl?id=1014&e=T&fx=tba-ready";
const OAUTH2_OFF = "/app/setup/role.nl?id=1015&e=T&fx=oauth2-off";

function panel() {
  const host = document.getElementById("tba-doctor-panel");
  if (!host || document.documentElement.getAttribute("data-tba-doctor") !== "ready") return null;
  const root = host.shadowRoot;
  const notice = root.querySelector("[data-tba-doctor-notice=tba-2027]");
  const list = root.querySelector("[data-oauth2-missing]");
  return {
    profile: host.getAttribute("data-profile"),
    status: host.getAttribute("data-status"),
    missing: host.getAttribute("data-missing"),
    notice: notice ? notice.textContent : null,
    oauth2Missing: list ? list.getAttribute("data-oauth2-missing") : null,
    text: root.textContent,
  };
}

/** Stores `profile` and waits until the page panel shows it. */
async function useProfile(browser, tab, profile) {
  const popup = await browser.openPopup();
  await screenOf(popup);
  await popup.eval((value) => (globalThis.browser ?? globalThis.chrome).storage.sync.set({ profile: value }), profile);
  await waitFor(tab, (value) => document.getElementById("tba-doctor-panel")?.getAttribute("data-profile") === value, [profile],
    { message: `profile ${profile}` });
  return popup;
}

/** Waits until the Setup sublist's add row holds a permission, and returns its key and level. */
function filledAddRow(tab) {
  return waitFor(tab, () => {
    const form = document.forms.setupmach_form;
    return form.elements.permkey4.value ? { key: form.elements.permkey4.value, level: form.elements.permlevel4.value } : null;
  }, [], { message: "add row filled" });
}

async function reset(popup) {
  await popup.eval(() => (globalThis.browser ?? globalThis.chrome).storage.sync.remove(["profile", "settings"]));
  await settle(200);
}

export default [
  test("oauth2: a role ready for REST with TBA gets the 2027.1 notice, and Pre-fill of what OAuth 2.0 also needs", async ({ browser, url }) => {
    const tab = await browser.open(url(TBA_READY));
    await waitFor(tab, panel, [], { message: "panel ready" });
    const popup = await useProfile(browser, tab, "rest");
    try {
      const seen = await tab.eval(panel);
      assert.equal(seen.status, "ok");
      assert.equal(seen.oauth2Missing, "ADMI_LOGIN_OAUTH2");
      assert.match(seen.notice, /2027\.1/);
      assert.match(seen.notice, /2028\.2/);
      assert.match(seen.notice, /Also ready for OAuth 2\.0/);
      await tab.click("#setupmachtxt");
      await tab.click(`#${PANEL} >>> [data-tba-doctor-notice] button[data-tba-doctor-action=prefill][data-permkey=ADMI_LOGIN_OAUTH2]`);
      const row = await filledAddRow(tab);
      assert.deepEqual(row, { key: "ADMI_LOGIN_OAUTH2", level: "4" });
      assert.equal(await tab.eval(() => window.__nsSim.submits), 0);
    } finally {
      await reset(popup);
    }
  }),

  test("oauth2: with the OAuth 2.0 feature off, the OAuth 2.0 profile says so", async ({ browser, url }) => {
    const tab = await browser.open(url(OAUTH2_OFF));
    await waitFor(tab, panel, [], { message: "panel ready" });
    const popup = await useProfile(browser, tab, "oauth2");
    try {
      const seen = await tab.eval(panel);
      assert.equal(seen.status, "feature-off");
      assert.match(seen.text, /OAuth 2\.0 is probably turned off/);
      assert.match(seen.text, /Manage Authentication > OAuth 2\.0/);
      // The page holds a TBA login: the notice, with no list (this is the OAuth 2.0 profile).
      assert.match(seen.notice ?? "", /2027\.1/);
      assert.equal(seen.oauth2Missing, null);
    } finally {
      await reset(popup);
    }
  }),

  test("oauth2: the AI Connector profile lists its three permissions and refuses the Administrator role", async ({ browser, url }) => {
    const tab = await browser.open(url("/app/setup/role.nl?id=3&e=T&fx=admin-700"));
    await waitFor(tab, panel, [], { message: "panel ready" });
    const popup = await useProfile(browser, tab, "ai-connector");
    try {
      const seen = await tab.eval(panel);
      assert.equal(seen.status, "needs-fix");
      assert.match(seen.text, /does not accept the Administrator role/);
      assert.match(seen.text, /MCP Server Connection/);
    } finally {
      await reset(popup);
    }
  }),
  test("oauth2: the popup shows the 2027.1 notice, pre-fills what OAuth 2.0 also needs, and copies it when asked", async ({ browser, url }) => {
    const tab = await browser.open(url(TBA_READY));
    await waitFor(tab, panel, [], { message: "panel ready" });
    const popup = await browser.openPopup();
    try {
      assert.equal(await screenOf(popup), "role-edit");
      await popup.eval(() => {
        const select = document.getElementById("profile");
        select.value = "rest";
        select.dispatchEvent(new Event("change", { bubbles: true }));
      });
      const seen = await waitFor(popup, () => {
        const notice = document.querySelector("[data-tba-doctor-notice=tba-2027]");
        const list = notice && notice.querySelector("[data-oauth2-missing]");
        const verdict = document.querySelector("[data-status]");
        return list && verdict.getAttribute("data-profile") === "rest" ? {
          status: verdict.getAttribute("data-status"),
          text: notice.textContent,
          missing: list.getAttribute("data-oauth2-missing"),
          prefill: [...notice.querySelectorAll("[data-tba-doctor-action=prefill]")].map((button) => button.dataset.permkey),
          include: document.getElementById("include-oauth2")?.checked,
          sdf: document.querySelectorAll("[data-tba-doctor-action=copy-sdf]").length,
        } : null;
      }, [], { message: "popup notice" });
      assert.equal(seen.status, "ok");
      assert.match(seen.text, /2027\.1/);
      assert.match(seen.text, /2028\.2/);
      assert.equal(seen.missing, "ADMI_LOGIN_OAUTH2");
      assert.deepEqual(seen.prefill, ["ADMI_LOGIN_OAUTH2"]);
      // The role is ready for TBA: no SDF XML to copy until the OAuth 2.0 lines are asked for.
      assert.equal(seen.include, false);
      assert.equal(seen.sdf, 0);
      await popup.click("#include-oauth2");
      await waitFor(popup, () => document.querySelectorAll("[data-tba-doctor-action=copy-sdf]").length === 1, [],
        { message: "copy-sdf offered" });
      await popup.click("[data-tba-doctor-action=copy-sdf]");
      const status = await waitFor(popup, () => document.querySelector(".copy-status").textContent);
      if (/^Copied/.test(status)) {
        assert.equal(await pasteBack(popup), "<permissions>\n" +
          "  <permission><permkey>ADMI_LOGIN_OAUTH2</permkey><permlevel>FULL</permlevel></permission>\n" +
          "</permissions>\n");
      } else {
        assert.match(status, /did not allow copying/);
        assert.match(await popup.eval(() => document.querySelector("textarea.copy-fallback").value), /ADMI_LOGIN_OAUTH2/);
      }
      await tab.click("#setupmachtxt");
      await popup.click("[data-tba-doctor-notice] [data-tba-doctor-action=prefill][data-permkey=ADMI_LOGIN_OAUTH2]");
      const row = await filledAddRow(tab);
      assert.deepEqual(row, { key: "ADMI_LOGIN_OAUTH2", level: "4" });
      assert.equal(await tab.eval(() => window.__nsSim.submits), 0);
    } finally {
      await reset(popup);
    }
  }),
];
