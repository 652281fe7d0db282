// TBA Doctor content loader: the only script that runs on every NetSuite app page (and on the login
// host, system.netsuite.com).
//
// It decides in a few microseconds whether the page concerns TBA Doctor (the role page, or a page that
// shows NetSuite's "insufficient permission" authorization error) and only then loads the wasm content
// script. On any other page it returns at once: no attribute, no wasm fetched.
(() => {
  "use strict";
  const api = globalThis.browser ?? globalThis.chrome;
  // Performance marks for the tests and `make bench` only: the page's timeline is the page's to
  // read, so the shipped file has them off; tests/e2e/extension-copy.mjs turns them on in its copies.
  const MARKS = false;
  const mark = (name) => { if (MARKS) performance.mark(name); };
  const root = document.documentElement;
  const onRolePage = location.pathname === "/app/setup/role.nl";
  // A whitespace-tolerant pre-check on visible text (innerText leaves out <script> and <style>), made
  // on textContent first, which costs no layout, so that only a page holding the words anywhere pays
  // for innerText; the wasm engine then does the exact check.
  const sentence = /cannot\s+continue\s+this\s+authorization\s+flow/i;
  const mayShowAuthError = () =>
    document.body !== null &&
    sentence.test(document.body.textContent ?? "") &&
    sentence.test(document.body.innerText ?? "");
  const kind = onRolePage ? "role" : mayShowAuthError() ? "auth-error" : null;
  if (kind === null) return;
  if (kind === "role") root.setAttribute("data-tba-doctor", "loading");

  // For `make bench`: the engine's critical path starts here (document_idle).
  mark("tba-doctor:loader");
  // On the role page, content-preload.js started loading the engine and asked for the stored
  // settings at document_start; without it (it did not run), both start here.
  const preload = kind === "role" ? globalThis.tbaDoctorPreload : undefined;
  if (preload) mark("tba-doctor:preloaded");
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
    if (MARKS) engine.enable_marks();
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
