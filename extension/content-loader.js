// TBA Doctor content loader: the only script that runs on every NetSuite page.
//
// It decides in a few microseconds whether the page concerns TBA Doctor (the role page, or a page that
// shows NetSuite's "insufficient permission" authorization error) and only then loads the wasm content
// script. On any other page it returns at once: no attribute, no wasm fetched.
(() => {
  "use strict";
  const api = globalThis.browser ?? globalThis.chrome;
  const root = document.documentElement;
  const onRolePage = location.pathname === "/app/setup/role.nl";
  // A cheap, whitespace-tolerant pre-check; the wasm engine does the exact visible-text check.
  const mayShowAuthError = () =>
    document.body !== null &&
    /cannot\s+continue\s+this\s+authorization\s+flow/i.test(document.body.textContent ?? "");
  const kind = onRolePage ? "role" : mayShowAuthError() ? "auth-error" : null;
  if (kind === null) return;
  if (kind === "role") root.setAttribute("data-tba-doctor", "loading");

  // For `make bench`: wasm start-up is measured from here to the engine's own "tba-doctor:start".
  performance.mark("tba-doctor:loader");
  // The role page's profile is asked for now, so that the answer arrives while the engine loads
  // (as popup.js does). The engine checks the answer, and asks storage itself when there is no promise.
  let storedProfile;
  if (kind === "role") {
    try {
      storedProfile = api.storage.sync.get("profile");
      // Only keeps an early failure from being reported as unhandled; the engine reads the outcome.
      storedProfile.catch(() => {});
    } catch {
      storedProfile = undefined;
    }
  }
  // One wasm per feature: a page loads only the code it runs.
  const glueUrl = api.runtime.getURL(kind === "role" ? "pkg/tba_content_role.js" : "pkg/tba_content_auth.js");
  import(glueUrl)
    .then(async (engine) => {
      await engine.default();
      // Start in a task of its own, so that instantiating and the first reading of the page never
      // add up to one long task (product.md §7).
      await new Promise((resolve) => setTimeout(resolve, 0));
      engine.start(kind, storedProfile);
    })
    .catch((error) => {
      // Chrome checks WebAssembly in content scripts against the page's own CSP
      // (https://crbug.com/1385796): a page that forbids it lands here. Say so to the popup.
      if (kind === "role") root.setAttribute("data-tba-doctor", "error");
      const reason = String(error && error.message ? error.message : error);
      api.runtime.onMessage.addListener((_request, _sender, sendResponse) => {
        sendResponse({ type: "Unavailable", reason: `engine-failed: ${reason}` });
      });
      console.info("TBA Doctor could not start its engine on this page:", reason);
    });
})();
