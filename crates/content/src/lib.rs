//! TBA Doctor content script: gathers facts from a NetSuite page and applies the rules' verdict.
//!
//! `extension/content-loader.js` decides which feature a page needs and calls [`start`] with it:
//! `"role"` on the role page (module `role`), `"auth-error"` on a page that may show NetSuite's
//! "insufficient permission" authorization error (module `auth`). Nothing here decides policy: that
//! is `tba_rules`.
//!
//! Each feature is a cargo feature too, so that `scripts/build.sh` ships one wasm per feature
//! (`tba_content_role`, `tba_content_auth`) and a page loads only the code it runs. Native tests
//! and clippy build both.
// A one-feature build leaves the other feature's helpers in `ext` and `wire` unused.
#![cfg_attr(not(all(feature = "role", feature = "auth")), allow(dead_code))]
use wasm_bindgen::prelude::*;

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(feature = "auth")]
pub mod auth;
#[cfg(feature = "role")]
pub mod bridge;
pub mod dom;
pub mod ext;
pub mod guard;
#[cfg(feature = "role")]
pub mod marks;
#[cfg(feature = "role")]
pub mod panel;
#[cfg(feature = "role")]
pub mod read;
#[cfg(feature = "role")]
pub mod rehearsal;
#[cfg(feature = "role")]
pub mod role;
#[cfg(feature = "role")]
pub mod watch;
pub mod wire;

/// Called by the loaders with the text of the extension's `catalog.tsv` before anything else runs:
/// installs the permission catalog (`tba_rules::catalog::install`). Throws when the file is refused
/// or a catalog is installed already, so that the loader reports the engine as failed.
#[wasm_bindgen]
pub fn install_catalog(text: String) -> Result<(), JsValue> {
    tba_rules::catalog::install(text).map_err(|error| JsValue::from_str(&error.describe()))
}

/// Called by the loaders of the test and benchmark copies of the extension only: turns on the
/// engine's performance marks (see [`dom::enable_marks`]).
#[wasm_bindgen]
pub fn enable_marks() {
    dom::enable_marks();
}

/// Called by the loaders with the text of this module's style sheet (`panel.css` or
/// `auth-help.css` in the extension) before anything is drawn (see [`dom::install_style`]).
#[wasm_bindgen]
pub fn install_style(text: String) -> Result<(), JsValue> {
    dom::install_style(text)
}

/// Called by `extension/content-loader.js` with its failure handler before the engine starts (see
/// [`guard::on_stop`]).
#[wasm_bindgen]
pub fn on_stop(handler: js_sys::Function) {
    guard::on_stop(handler);
}

/// Entry point called by `extension/content-loader.js` once the wasm module is instantiated. A
/// kind this build does not hold does nothing. `stored_settings` is the early
/// `storage.sync.get` promise of `content-preload.js` on the role page, passed on by the loader
/// (see [`ext::stored_settings`]).
#[wasm_bindgen]
pub fn start(kind: &str, stored_settings: JsValue) {
    #[cfg(not(feature = "role"))]
    let _ = stored_settings;
    guard::run("start-up", || match kind {
        #[cfg(feature = "role")]
        "role" => role::start(stored_settings),
        #[cfg(feature = "auth")]
        "auth-error" => auth::start(),
        _ => {}
    });
}

/// Called by `extension/content-preload.js` on the role page once the module is instantiated,
/// before the page is read, with the text of the extension's `rehearsal.html`: runs the role-page
/// code on that made-up page (see [`rehearsal`]).
#[cfg(feature = "role")]
#[wasm_bindgen]
pub fn rehearse(page: &str) {
    guard::run("rehearsal", || role::rehearse(page));
}
