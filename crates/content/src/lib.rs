//! TBA Doctor content script: gathers facts from a NetSuite page and applies the rules' verdict.
//!
//! `extension/content-loader.js` decides which feature a page needs and calls [`start`] with it:
//! `"role"` on the role page (module `role`), `"auth-error"` on a page that may show NetSuite's
//! "insufficient permission" authorization error (module `auth`). Nothing here decides policy: that
//! is `tba_rules`.
use wasm_bindgen::prelude::*;

pub mod auth;
pub mod bridge;
pub mod dom;
pub mod ext;
pub mod marks;
pub mod panel;
pub mod read;
pub mod role;
pub mod watch;
pub mod wire;

/// Entry point called by `extension/content-loader.js` once the wasm module is instantiated.
#[wasm_bindgen]
pub fn start(kind: &str) {
    match kind {
        "role" => role::start(),
        "auth-error" => auth::start(),
        _ => {}
    }
}
