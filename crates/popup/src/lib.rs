//! TBA Doctor toolbar popup: shows the verdict for the current tab.
use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[component]
fn App() -> Html {
    html! { <main><h1>{ "TBA Doctor" }</h1><p data-state="not-netsuite">{ "This tab is not a NetSuite page." }</p></main> }
}

/// Entry point called by `extension/popup.js`.
#[wasm_bindgen]
pub fn start() {
    console_error_panic_hook::set_once();
    yew::Renderer::<App>::new().render();
}
