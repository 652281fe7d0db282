//! TBA Doctor content script: gathers facts from a NetSuite page and applies the rules' verdict.
use wasm_bindgen::prelude::*;

/// Entry point called by `extension/content-loader.js` once the wasm module is instantiated.
#[wasm_bindgen]
pub fn start() {
    console_error_panic_hook::set_once();
    let document = web_sys::window()
        .and_then(|window| window.document())
        .expect("a content script always runs in a window with a document");
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("data-tba-doctor", "ready");
    }
}
