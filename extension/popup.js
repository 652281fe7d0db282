// TBA Doctor popup loader: instantiates the Yew popup's wasm and hands over.
// The marks let scripts/bench-popup.mjs split the time to the verdict into loading and running.
import init, { start } from "./pkg/tba_popup.js";

performance.mark("tba-doctor:popup-js");
await init();
performance.mark("tba-doctor:popup-wasm");
start();
