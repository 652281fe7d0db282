//! TBA Doctor toolbar popup: shows the verdict for the current tab, the profile choice, one-click
//! fixes through the content script, and the texts to copy.
//!
//! `state` is pure and tested natively; `hooks` and `ext` hold every browser call; `components`
//! only render. Nothing from the page is trusted: see `state`.
pub mod components;
pub mod ext;
pub mod hooks;
mod logger;
pub mod state;

use wasm_bindgen::prelude::*;

/// Entry point called by `extension/popup.js`.
#[wasm_bindgen]
pub fn start() {
    console_error_panic_hook::set_once();
    logger::install();
    let Some(root) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.body())
    else {
        return;
    };
    // Ask the browser first: its first answer takes longer than Yew's first render.
    let first = hooks::use_popup::FirstLookups(std::rc::Rc::new(std::cell::RefCell::new(Some(
        hooks::use_popup::Lookups::start(),
    ))));
    let props = components::app::AppProps { first };
    yew::Renderer::<components::app::App>::with_root_and_props(root.into(), props).render();
}
