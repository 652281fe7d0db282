//! The role page: reads the role, evaluates it, draws the panel and marks, drives the pre-fill bridge.

/// Starts the role-page feature.
pub fn start() {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .expect("a content script always runs in a window with a document");
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("data-tba-doctor", "ready");
    }
}
