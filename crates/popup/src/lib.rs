//! TBA Doctor toolbar popup: shows the verdict for the current tab, the profile choice, one-click
//! fixes through the content script, and the texts to copy.
//!
//! `state` is pure and tested natively; `hooks` and `ext` hold every browser call; `components`
//! only render. Nothing from the page is trusted: see `state`.
pub mod components;
pub mod ext;
pub mod hooks;
mod logger;
pub mod options;
pub mod state;
// The wire's JavaScript side, one file for both crates (see its own doc).
#[path = "../../content/src/wire.rs"]
pub mod wire;

use wasm_bindgen::prelude::*;

/// Called by `extension/popup.js` (and `options.js`) with the text of the extension's `catalog.tsv`
/// before the page starts:
/// installs the permission catalog (`tba_rules::catalog::install`). Throws when the file is refused.
#[wasm_bindgen]
pub fn install_catalog(text: String) -> Result<(), JsValue> {
    tba_rules::catalog::install(text).map_err(|error| JsValue::from_str(&error.to_string()))
}

/// Sets up panic reports and logging, and returns the page's `<body>`, which Yew renders into.
fn page_root() -> Option<web_sys::HtmlElement> {
    console_error_panic_hook::set_once();
    logger::install();
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.body())
}

/// Entry point called by `extension/popup.js`, with the look-ups it started (`ext::Early`).
///
/// Yew renders once the tab is known (and its content script has answered, or has not within
/// `state::SLOW_ANSWER_MS`), so that the first screen is the verdict; until then the page shows
/// `popup.html`'s own "Reading this tab…", which Yew replaces.
#[cfg(not(feature = "options-page"))]
#[wasm_bindgen]
pub fn start(early: JsValue) {
    use std::cell::RefCell;
    use std::rc::Rc;
    use yew::Reducible;

    use crate::hooks::use_popup::{FirstLookups, Lookups};
    use crate::state::PopupState;

    let Some(root) = page_root() else {
        return;
    };
    let Lookups {
        stored_settings,
        tab,
    } = Lookups::start(&ext::Early::new(early));
    wasm_bindgen_futures::spawn_local(async move {
        let mut state = Rc::new(PopupState::default());
        // A page that does not answer within SLOW_ANSWER_MS gets the slow screen drawn, and its
        // answer applied by the hook when it comes.
        let pending = tab
            .find(|action| state = Rc::clone(&state).reduce(action))
            .await;
        let props = components::app::AppProps {
            initial: Rc::unwrap_or_clone(state),
            first: FirstLookups(Rc::new(RefCell::new(Some((stored_settings, pending))))),
        };
        yew::Renderer::<components::app::App>::with_root_and_props(root.into(), props).render();
    });
}

/// Entry point of the options page, called by `extension/options.js` after [`install_catalog`]
/// (the options build only, feature `options-page`).
#[cfg(feature = "options-page")]
#[wasm_bindgen]
pub fn start_options() {
    let Some(root) = page_root() else {
        return;
    };
    yew::Renderer::<components::options_page::OptionsPage>::with_root(root.into()).render();
}
