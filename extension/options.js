// TBA Doctor options page loader: fetches the permission catalog while the wasm compiles and hands
// it over, then starts the page (crates/popup/src/components/options_page.rs), which does the rest.
import init, { install_catalog, start_options } from "./pkg/tba_options.js";

const catalog = fetch("catalog.tsv").then((response) => response.text());
await init();
install_catalog(await catalog);
document.body.replaceChildren();
start_options();
