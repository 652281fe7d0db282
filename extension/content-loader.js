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

  // For `make bench`: the engine's critical path starts here (document_idle).
  performance.mark("tba-doctor:loader");
  // On the role page, content-preload.js started loading the engine and asked for the stored
  // profile at document_start; without it (it did not run), both start here.
  const preload = kind === "role" ? globalThis.tbaDoctorPreload : undefined;
  if (preload) performance.mark("tba-doctor:preloaded");
  // One wasm per feature: a page loads only the code it runs.
  const glueUrl = api.runtime.getURL(kind === "role" ? "pkg/tba_content_role.js" : "pkg/tba_content_auth.js");
  // The permission catalog is data beside the wasm (crates/rules/src/catalog.rs).
  const catalog = preload ? undefined : fetch(api.runtime.getURL("catalog.tsv")).then((response) => response.text());
  const engineReady = preload?.engine ?? import(glueUrl).then(async (engine) => {
    await engine.default();
    engine.install_catalog(await catalog);
    return engine;
  });
  engineReady
    .then(async (engine) => {
      // Start in a task of its own, so that instantiating and the first reading of the page never
      // add up to one long task (product.md §7).
      await new Promise((resolve) => setTimeout(resolve, 0));
      // The stored profile: the preload's promise; the engine checks the answer, and asks storage
      // itself when there is none.
      engine.start(kind, preload?.profile);
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
