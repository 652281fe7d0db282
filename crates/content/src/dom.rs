//! Small DOM helpers shared by the content script's features: element creation with text only,
//! queries that turn every failure into `None`, and performance marks.
//!
//! Nothing here reads page data into HTML: text goes in through `set_text_content` only, never
//! through a setter that parses markup, so page-derived strings can never become markup.
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlInputElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

// The browser's own UTF-8 copy of a string, kept with the wire's JavaScript side, which needs it too.
use crate::wire::utf8;

#[wasm_bindgen]
extern "C" {
    /// The content script's own `setTimeout` (a bare global, like `TextEncoder`).
    #[wasm_bindgen(js_name = setTimeout, catch)]
    pub(crate) fn set_timeout(handler: &JsValue, delay: i32) -> Result<JsValue, JsValue>;
}

/// Runs `then` in a task of its own, after the current one (and whatever is queued) ends; at once
/// if no timer can be set.
pub fn in_new_task(then: impl FnOnce() + 'static) {
    let handler = Closure::once_into_js(then);
    if set_timeout(&handler, 0).is_err()
        && let Some(handler) = handler.dyn_ref::<js_sys::Function>()
    {
        let _ = handler.call0(&JsValue::NULL);
    }
}

/// The string property `name` of `object`, copied by `wire::utf8`.
fn long_text(object: &JsValue, name: &str) -> Option<String> {
    utf8(&crate::wire::field(object, name))
}

/// The serialization of `element` and its contents (read only: parsed by `tba_rules::table`).
pub fn outer_html(element: &Element) -> Option<String> {
    long_text(element, "outerHTML")
}

/// The value of a (possibly large) input.
pub fn input_value(input: &HtmlInputElement) -> Option<String> {
    long_text(input, "value")
}

/// The page's document, when the script runs in a window.
pub fn document() -> Option<Document> {
    web_sys::window().and_then(|window| window.document())
}

/// Sets an attribute of our own UI. Its name is ours and valid, and a value never fails, so there
/// is nothing to report: every caller used to propagate an error that cannot happen, which cost
/// the budgeted wasm an exit path per call.
pub fn attr(element: &Element, name: &str, value: &str) {
    let _ = element.set_attribute(name, value);
}

#[wasm_bindgen]
extern "C" {
    /// A document or element of ours, for the two calls below.
    type Own;
    /// `document.createElement`, for the constant tag names of our own UI, which it cannot
    /// refuse; if it throws anyway, the exception stops the engine through `guard`, as any other
    /// does. (The checked binding cost the budgeted wasm an exit path per element drawn.)
    #[wasm_bindgen(method, js_name = createElement)]
    fn create_own(this: &Own, tag: &str) -> Element;
    /// `appendChild` of a new element of ours to one of ours, which cannot be refused either.
    #[wasm_bindgen(method, js_name = appendChild)]
    fn append_own(this: &Own, child: &Element);
}

/// Creates `<tag>` (a constant tag name) with optional text content.
pub fn element(document: &Document, tag: &str, text: Option<&str>) -> Element {
    let node = document.unchecked_ref::<Own>().create_own(tag);
    if let Some(text) = text {
        node.set_text_content(Some(text));
    }
    node
}

/// Creates `<tag>` with optional text and appends it to `parent` (an element of ours).
pub fn add(document: &Document, parent: &Element, tag: &str, text: Option<&str>) -> Element {
    let node = element(document, tag, text);
    parent.unchecked_ref::<Own>().append_own(&node);
    node
}

/// The style sheet of this module's own UI, `panel.css` for the role module and `auth-help.css`
/// for the auth module: data beside the wasm like the catalog, installed by the loaders through
/// [`crate::install_style`] before the engine draws anything.
static STYLE: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Keeps `text` as the style of this module's UI; refused when one is installed already.
pub fn install_style(text: String) -> Result<(), JsValue> {
    STYLE
        .set(text)
        .map_err(|_| JsValue::from_str("a style is installed already"))
}

/// The installed style of this module's UI; empty before [`install_style`].
pub fn style() -> &'static str {
    STYLE.get().map_or("", String::as_str)
}

/// Gives `host` an open shadow root (open, so that automation and tests reach the UI, while page CSS
/// cannot leak in) that starts with a `<style>` holding `style`.
pub fn open_shadow(
    document: &Document,
    host: &Element,
    style: &str,
) -> Result<ShadowRoot, JsValue> {
    let shadow = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?;
    let style_element = element(document, "style", Some(style));
    shadow.append_child(&style_element)?;
    Ok(shadow)
}

/// The first element under `root` (a document, element or shadow root) matching `selector`.
pub fn query(root: &JsValue, selector: &str) -> Option<Element> {
    if let Some(document) = root.dyn_ref::<Document>() {
        return document.query_selector(selector).ok().flatten();
    }
    if let Some(element) = root.dyn_ref::<Element>() {
        return element.query_selector(selector).ok().flatten();
    }
    if let Some(shadow) = root.dyn_ref::<web_sys::ShadowRoot>() {
        return shadow.query_selector(selector).ok().flatten();
    }
    None
}

/// Every element under `element` matching `selector`.
pub fn query_all(element: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = element.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|index| list.item(index))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .collect()
}

/// Sets or removes an attribute; `None` removes it. Failures (a detached node) are ignored: marks
/// are cosmetic and are redrawn on the next change.
pub fn set_or_remove(element: &Element, name: &str, value: Option<&str>) {
    let current = element.get_attribute(name);
    match value {
        Some(value) if current.as_deref() != Some(value) => {
            let _ = element.set_attribute(name, value);
        }
        None if current.is_some() => {
            let _ = element.remove_attribute(name);
        }
        _ => {}
    }
}

thread_local! {
    /// Whether [`mark`] marks: off unless the loader turned it on ([`enable_marks`]).
    static MARKS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Turns on [`mark`]. The page's timeline is the page's to read, so the shipped loaders never call
/// this; the test and benchmark copies of the extension do (`tests/e2e/extension-copy.mjs`).
pub fn enable_marks() {
    MARKS.set(true);
}

/// Adds a `performance.mark`, for the benchmark (`make bench`) and the e2e tests, once marks are
/// on ([`enable_marks`]); a missing API is ignored.
pub fn mark(name: &str) {
    if !MARKS.get() {
        return;
    }
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.mark(name);
    }
}

/// Logs a warning about TBA Doctor itself (never page data) to the console, for whoever debugs it.
pub fn warn(message: &str) {
    web_sys::console::warn_2(
        &JsValue::from_str("TBA Doctor:"),
        &JsValue::from_str(message),
    );
}
