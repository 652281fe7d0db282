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
  // settings at document_start; without it (it did not run), both start here.
  const preload = kind === "role" ? globalThis.tbaDoctorPreload : undefined;
  if (preload) performance.mark("tba-doctor:preloaded");
  // One wasm per feature: a page loads only the code it runs.
  const glueUrl = api.runtime.getURL(kind === "role" ? "pkg/tba_content_role.js" : "pkg/tba_content_auth.js");
  // The permission catalog (crates/rules/src/catalog.rs) and the style sheet of the feature's UI are
  // data beside the wasm.
  const text = (file) => fetch(api.runtime.getURL(file)).then((response) => response.text());
  const engineReady = preload?.engine ?? (async () => {
    const catalog = text("catalog.tsv");
    const style = text(kind === "role" ? "panel.css" : "auth-help.css");
    const engine = await import(glueUrl);
    await engine.default();
    engine.install_catalog(await catalog);
    engine.install_style(await style);
    return engine;
  })();
  // A failure (the engine did not load or instantiate, or its start threw: a Rust panic aborts as a
  // wasm `unreachable` trap, a WebAssembly.RuntimeError) is reported once: the role page gets
  // data-tba-doctor="error", the console one error, the popup an Unavailable answer, and whatever
  // the engine had drawn is taken out of the page.
  let failed = false;
  const fail = (stage, error) => {
    if (failed) return;
    failed = true;
    // The engine's own stop gives its reason as a string (crates/content/src/guard.rs).
    const name = error && error.name ? `${error.name}: ` : "";
    const detail = String(error && error.message ? error.message : error);
    const reason = stage === "run" && typeof error === "string" ? error : `engine-failed: ${stage}: ${name}${detail}`;
    if (kind === "role") {
      root.setAttribute("data-tba-doctor", "error");
      root.setAttribute("data-tba-doctor-error", reason.slice(0, 300));
    }
    for (const id of ["tba-doctor-panel", "tba-doctor-auth-help"]) document.getElementById(id)?.remove();
    for (const badge of document.querySelectorAll(".tba-doctor-badge")) badge.remove();
    for (const row of document.querySelectorAll("tr[data-tba-doctor]")) {
      row.removeAttribute("data-tba-doctor");
      row.style.removeProperty("box-shadow");
      if (row.getAttribute("title")?.startsWith("TBA Doctor:")) row.removeAttribute("title");
    }
    api.runtime.onMessage.addListener((_request, _sender, sendResponse) => {
      sendResponse({ type: "Unavailable", reason });
    });
    // Chrome checks WebAssembly in content scripts against the page's own CSP
    // (https://crbug.com/1385796): a page that forbids it fails at "load".
    console.error(`TBA Doctor's engine failed (${stage}) on this page:`, error);
  };
  // A trap or an exception later, in a callback the engine registered (a click, a MutationObserver,
  // a message), is noticed by the engine itself (crates/content/src/guard.rs), which calls `fail`
  // with its reason (a string) through `on_stop`. A RuntimeError also surfaces as an uncaught error
  // of this content script's realm (a rejection when the callback was a promise's).
  globalThis.addEventListener("error", (event) => {
    if (event.error instanceof WebAssembly.RuntimeError) fail("run", event.error);
  });
  globalThis.addEventListener("unhandledrejection", (event) => {
    if (event.reason instanceof WebAssembly.RuntimeError) fail("run", event.reason);
  });
  engineReady
    .catch((error) => {
      throw { stage: "load", error };
    })
    .then(async (engine) => {
      engine.on_stop((reason) => fail("run", reason));
      // Start in a task of its own, so that instantiating and the first reading of the page never
      // add up to one long task (product.md §7).
      await new Promise((resolve) => setTimeout(resolve, 0));
      // The stored settings: the preload's promise; the engine reads the answer, and asks storage
      // itself when there is none.
      try {
        engine.start(kind, preload?.settings);
      } catch (error) {
        throw { stage: "start", error };
      }
    })
    .catch((failure) => fail(failure.stage, failure.error));
})();
