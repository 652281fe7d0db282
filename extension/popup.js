// TBA Doctor popup loader: instantiates the Yew popup's wasm and hands over.
import init, { start } from "./pkg/tba_popup.js";

await init();
start();
