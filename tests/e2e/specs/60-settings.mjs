// Settings (issue 15, item 4): the profile choice is stored as one versioned object under
// `settings`; the bare `profile` key of earlier versions is migrated on read, and stored settings
// that cannot be read give the default profile with a visible note, in the page panel and the
// popup, while the stored value stays as it was until the user chooses a profile.
//
// Each test seeds storage.sync from an extension page (the popup page in a tab) and clears it at
// the end, so that the other specs start from nothing stored (the default profile).
import { assert, extensionErrors, settle, test, waitFor } from "../harness.mjs";

const EDIT_NONE = "/app/setup/role.nl?id=1001&e=T&fx=edit-none";

/** Runs `storage.sync.<method>(...args)` in an extension page and returns its answer. */
function storage(page, method, ...args) {
  return page.eval((name, values) => (globalThis.browser ?? globalThis.chrome).storage.sync[name](...values), method, args);
}

/** Replaces everything stored with `items`. */
async function seed(browser, items) {
  const page = await browser.openPopup();
  await storage(page, "clear");
  if (items) await storage(page, "set", items);
  await page.close();
}

/** The page panel as the tests look at it, once the engine is ready. */
function panel() {
  const host = document.getElementById("tba-doctor-panel");
  if (!host || document.documentElement.getAttribute("data-tba-doctor") !== "ready") return null;
  const note = host.shadowRoot.querySelector("[data-tba-doctor=settings-note]");
  return { profile: host.getAttribute("data-profile"), note: note ? note.textContent : null };
}

/** The popup as the tests look at it, once it has left its loading screen. */
function popupView() {
  const main = document.querySelector("main[data-screen]");
  if (!main || main.getAttribute("data-screen") === "loading") return null;
  const note = document.querySelector("[data-tba-doctor=settings-note]");
  const verdict = document.querySelector(".verdict[data-profile]");
  return {
    screen: main.getAttribute("data-screen"),
    chosen: document.getElementById("profile")?.value ?? null,
    verdict: verdict ? verdict.getAttribute("data-profile") : null,
    note: note ? note.textContent : null,
  };
}

/** Picks a profile in the popup's select, as a person's change. */
function pickProfile(popup, id) {
  return popup.eval((value) => {
    const select = document.getElementById("profile");
    select.value = value;
    select.dispatchEvent(new Event("change", { bubbles: true }));
  }, id);
}

/** JSON with object keys sorted: Chromium hands stored objects back with their keys sorted. */
function canonical(value) {
  return JSON.stringify(value, (_, inner) => (inner && typeof inner === "object" && !Array.isArray(inner)
    ? Object.fromEntries(Object.keys(inner).sort().map((key) => [key, inner[key]]))
    : inner));
}

/** Waits until storage holds exactly `expected`. */
async function storedBecomes(page, expected, message) {
  const deadline = Date.now() + 10_000;
  let last;
  while (Date.now() < deadline) {
    last = await storage(page, "get", null);
    if (canonical(last) === canonical(expected)) return;
    await settle(50);
  }
  throw new Error(`${message}: storage holds ${JSON.stringify(last)}`);
}

export default [
  test("settings: the bare profile key of earlier versions still chooses the profile, and a pick stores versioned settings", async ({ browser, url, newLog }) => {
    await seed(browser, { profile: "rest" });
    try {
      const tab = await browser.open(url(EDIT_NONE));
      const seen = await waitFor(tab, panel, [], { message: "page panel ready" });
      assert.deepEqual(seen, { profile: "rest", note: null });
      const popup = await browser.openPopup();
      const view = await waitFor(popup, popupView, [], { message: "popup ready" });
      assert.deepEqual(view, { screen: "role-edit", chosen: "rest", verdict: "rest", note: null });
      // Reading migrates without writing: the stored value is as it was.
      await settle();
      assert.deepEqual(await storage(popup, "get", null), { profile: "rest" });

      // Choosing writes the versioned settings and removes the bare key; the page follows.
      await pickProfile(popup, "soap");
      await storedBecomes(popup, { settings: { version: 1, profile: "soap" } }, "settings stored, bare key removed");
      await waitFor(tab, () => document.getElementById("tba-doctor-panel").getAttribute("data-profile") === "soap",
        [], { message: "page panel follows to soap" });
      await popup.close();
      const again = await browser.openPopup();
      assert.equal((await waitFor(again, popupView, [], { message: "popup ready again" })).chosen, "soap");
    } finally {
      await seed(browser, null);
    }
    assert.deepEqual(extensionErrors(newLog()).filter((line) => !/resource:\/\/\/modules\//.test(line.where)), []);
  }),

  test("settings: stored settings that cannot be read give the default profile with a note, and stay as stored", async ({ browser, url, newLog }) => {
    const unreadable = { settings: { version: 99, profile: "soap", custom_profiles: [] } };
    await seed(browser, unreadable);
    try {
      const tab = await browser.open(url(EDIT_NONE));
      const seen = await waitFor(tab, panel, [], { message: "page panel ready" });
      assert.equal(seen.profile, "cloudextend");
      assert.match(seen.note ?? "", /could not read its saved settings \(they were saved in a format this version of TBA Doctor does not know\), so it uses the default integration profile, CloudExtend \(Outlook, Excel\)\./);
      const popup = await browser.openPopup();
      const view = await waitFor(popup, popupView, [], { message: "popup ready" });
      assert.equal(view.chosen, "cloudextend");
      assert.equal(view.verdict, "cloudextend");
      assert.match(view.note ?? "", /could not read its saved settings/);
      // Nothing was written: neither the page nor the popup touched what is stored.
      await settle();
      assert.deepEqual(await storage(popup, "get", null), unreadable);

      // Another unreadable value arrives while the page is open (a wrong type): still the
      // default, with the note; the page reads it as it reads the first.
      await storage(popup, "set", { settings: "soap" });
      await waitFor(tab, () => {
        const note = document.getElementById("tba-doctor-panel").shadowRoot.querySelector("[data-tba-doctor=settings-note]");
        return note && /not in a format it knows/.test(note.textContent);
      }, [], { message: "page notes the new unreadable value" });
      assert.equal((await tab.eval(panel)).profile, "cloudextend");

      // Only a choice replaces them, and then the note goes.
      await pickProfile(popup, "soap");
      await storedBecomes(popup, { settings: { version: 1, profile: "soap" } }, "new settings stored");
      await waitFor(tab, () => {
        const host = document.getElementById("tba-doctor-panel");
        return host.getAttribute("data-profile") === "soap" && !host.shadowRoot.querySelector("[data-tba-doctor=settings-note]");
      }, [], { message: "page follows to soap without the note" });
      assert.equal(await popup.eval(() => document.querySelector("[data-tba-doctor=settings-note]")), null);
    } finally {
      await seed(browser, null);
    }
    assert.deepEqual(extensionErrors(newLog()).filter((line) => !/resource:\/\/\/modules\//.test(line.where)), []);
  }),
];
