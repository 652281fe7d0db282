// TBA Doctor popup loader. It starts the browser look-ups the popup needs before the wasm loads,
// so that their answers arrive while the engine compiles, and hands the promises to the wasm's
// `start`, which checks every answer and decides everything (crates/popup/src/hooks/use_popup.rs).
// `snapshot` asks the active tab's content script early; the wasm uses that answer only when the
// active tab is the one it describes. A look-up that is missing here is made by the wasm itself.
// The marks let scripts/bench-popup.mjs split the time to the verdict into loading and running.
import init, { install_catalog, start } from "./pkg/tba_popup.js";

performance.mark("tba-doctor:popup-js");
const api = globalThis.browser ?? globalThis.chrome;
const early = {};
try {
  early.permission = api.permissions.contains({ origins: ["https://*.netsuite.com/*"] });
  early.current = api.tabs.getCurrent();
  early.active = api.tabs.query({ active: true, currentWindow: true });
  early.all = api.tabs.query({});
  // Everything stored (only the settings); the wasm reads them (crates/rules/src/settings.rs).
  early.settings = api.storage.sync.get(null);
  early.snapshot = early.active.then(([tab]) => api.tabs.sendMessage(tab.id, { type: "GetSnapshot" }));
} catch {
  // An API that is not there: the wasm asks again and says what is missing.
}
// The wasm reads every outcome; this only keeps an early failure from being reported as unhandled.
for (const promise of Object.values(early)) promise.catch(() => {});
// The permission catalog is data beside the wasm (crates/rules/src/catalog.rs), read while it compiles.
const catalog = fetch("catalog.tsv").then((response) => response.text());
await init();
install_catalog(await catalog);
performance.mark("tba-doctor:popup-wasm");
start(early);
