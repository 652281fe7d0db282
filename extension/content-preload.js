// TBA Doctor preload: runs on the role page only, at document_start.
//
// It starts loading the role-page engine (fetching, compiling and instantiating the wasm, all
// asynchronous), has the engine rehearse on a made-up page of its own (crates/content/src/rehearsal.rs)
// and asks storage.sync for the settings while NetSuite's page is still loading, so that all of it is
// done when content-loader.js runs at document_idle. It reads nothing from the page but its address
// and changes nothing on it; everything it starts is handed to content-loader.js through the
// extension's own content-script global, which the page cannot see.
(() => {
  "use strict";
  if (location.pathname !== "/app/setup/role.nl") return;
  const api = globalThis.browser ?? globalThis.chrome;
  // Performance marks for the tests and `make bench` only: the page's timeline is the page's to
  // read, so the shipped file has them off; tests/e2e/extension-copy.mjs turns them on in its copies.
  const MARKS = false;
  const mark = (name) => { if (MARKS) performance.mark(name); };
  // For `make bench`: wasm start-up is measured from here to "tba-doctor:engine-ready" below.
  mark("tba-doctor:preload");
  // Everything stored (the extension stores only its settings): the engine reads the settings from
  // it, whatever their format (crates/rules/src/settings.rs).
  let settings;
  try {
    settings = api.storage.sync.get(null);
    // Only keeps an early failure from being reported as unhandled; the engine reads the outcome.
    settings.catch(() => {});
  } catch {
    // No promise: the engine asks storage itself.
    settings = undefined;
  }
  // The permission catalog (crates/rules/src/catalog.rs) and the panel's style sheet are data beside
  // the wasm, read while the module compiles and installed before the engine runs.
  const text = (file) => fetch(api.runtime.getURL(file)).then((response) => response.text());
  const catalog = text("catalog.tsv");
  const style = text("panel.css");
  const rehearsal = text("rehearsal.html");
  for (const file of [catalog, style, rehearsal]) file.catch(() => {});
  const engine = import(api.runtime.getURL("pkg/tba_content_role.js")).then(async (module) => {
    await module.default();
    if (MARKS) module.enable_marks();
    module.install_catalog(await catalog);
    module.install_style(await style);
    mark("tba-doctor:engine-ready");
    // In a task of its own, then: the engine runs its role-page code once on a made-up page of its
    // own, so that the browser compiles that code now, while NetSuite's page is still loading,
    // rather than during the first reading of the real page.
    await new Promise((resolve) => setTimeout(resolve, 0));
    try {
      module.rehearse(await rehearsal);
    } catch (error) {
      // Only a head start: the real reading works without it. (It runs the same code on a fixed
      // page, so a failure here would be a bug that the first reading meets as well.) A trap (a
      // Rust panic) may have left the module's memory inconsistent, though: content-loader.js
      // reports it as a failed start-up.
      if (error instanceof WebAssembly.RuntimeError) throw error;
    }
    return module;
  });
  // content-loader.js reports a failure (e.g. a page whose policy forbids WebAssembly, or a trap).
  engine.catch(() => {});
  globalThis.tbaDoctorPreload = { engine, settings };
})();
