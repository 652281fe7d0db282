//! Bindings to the WebExtension APIs the content script uses: messages from the popup, storage
//! (the settings, read by `tba_rules::settings`) and i18n.
//!
//! Both browsers expose the APIs as `browser` (Firefox; Chrome since 148) and `chrome`; the bindings
//! take `browser` when it exists and `chrome` otherwise, and look every member up at run time, so a
//! missing API is a `None`, never a panic.
use js_sys::Function;

use crate::wire::Js;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

fn get(target: &JsValue, name: &str) -> Option<JsValue> {
    Some(crate::wire::field(target, name)).filter(|value| !value.is_undefined() && !value.is_null())
}

#[wasm_bindgen]
extern "C" {
    /// The module's own `globalThis`. Not `js_sys::global()`: that tries `self` first, and in a
    /// Firefox content script's imported module `self` is the page's window, which has no
    /// `browser`; only the content script's `globalThis` does.
    #[wasm_bindgen(thread_local_v2, js_name = globalThis)]
    static GLOBAL_THIS: JsValue;
}

/// The extension API namespace object (`browser`, else `chrome`).
pub fn namespace() -> Option<JsValue> {
    let global: JsValue = GLOBAL_THIS.with(JsValue::clone);
    get(&global, "browser").or_else(|| get(&global, "chrome"))
}

fn path(names: &[&str]) -> Option<JsValue> {
    names
        .iter()
        .try_fold(namespace()?, |value, name| get(&value, name))
}

fn add_listener(event_path: &[&str], listener: &Function) -> bool {
    let Some(event) = path(event_path) else {
        return false;
    };
    let Some(add) = get(&event, "addListener").and_then(|value| value.dyn_into::<Function>().ok())
    else {
        return false;
    };
    add.call1(&event, listener).is_ok()
}

/// Answers `runtime.onMessage` with `handler`, synchronously through `sendResponse`.
///
/// The listener lives as long as the page: the content script answers the popup until the tab
/// navigates away, so the closure is deliberately leaked.
pub fn on_message(handler: impl FnMut(JsValue) -> JsValue + 'static) -> bool {
    let mut handler = handler;
    let closure = Closure::<dyn FnMut(JsValue, JsValue, JsValue) -> JsValue>::new(
        move |message: JsValue, _sender: JsValue, send_response: JsValue| {
            let response = handler(message);
            if let Some(send) = send_response.dyn_ref::<Function>() {
                let _ = send.call1(&JsValue::NULL, &response);
            }
            JsValue::FALSE
        },
    );
    let added = add_listener(&["runtime", "onMessage"], closure.as_ref().unchecked_ref());
    closure.forget();
    added
}

/// Calls `handler` whenever `storage.sync` changes. It holds only the settings, which
/// `tba_rules::settings` reads from the whole of it, so any change may concern them.
///
/// Lives as long as the page, like [`on_message`].
pub fn on_settings_changed(handler: impl FnMut() + 'static) -> bool {
    let mut handler = handler;
    let closure =
        Closure::<dyn FnMut(JsValue, JsValue)>::new(move |_changes: JsValue, area: JsValue| {
            crate::guard::run("settings-listener", || {
                if area.as_string().as_deref() == Some("sync") {
                    handler();
                }
            });
        });
    let added = add_listener(&["storage", "onChanged"], closure.as_ref().unchecked_ref());
    closure.forget();
    added
}

/// Calls `then` once with what `storage.sync` holds (everything: `get(null)`); with nothing
/// stored when storage cannot be asked or fails.
///
/// `early` is the answer to the same question when `content-preload.js` already asked it at
/// document_start (a promise, so that the answer arrives while the engine loads); anything else,
/// and storage is asked here. The answer is read the same way either way, by
/// `tba_rules::settings`. A callback rather than a future: the role page needs no async runtime
/// for this one answer; a boxed one, so that the first reading and every later one share this
/// code.
pub fn stored_settings(early: JsValue, then: Box<dyn FnOnce(Js)>) {
    let then_of = |promise: &JsValue| {
        get(promise, "then").and_then(|then_fn| then_fn.dyn_into::<Function>().ok())
    };
    let asked = then_of(&early).map(|then_fn| (early, then_fn)).or_else(|| {
        let sync = path(&["storage", "sync"])?;
        let get_fn = get(&sync, "get")?.dyn_into::<Function>().ok()?;
        let promise = get_fn.call1(&sync, &JsValue::NULL).ok()?;
        let then_fn = then_of(&promise)?;
        Some((promise, then_fn))
    });
    match asked {
        Some((promise, then_fn)) => {
            // One function for both outcomes: what a rejection passes (an error) holds no settings.
            let settle = Closure::once_into_js(move |items: JsValue| then(Js(items)));
            let _ = then_fn.call2(&promise, &settle, &settle);
        }
        None => then(Js(JsValue::UNDEFINED)),
    }
}

/// The extension's own messages through `i18n.getMessage`: the `rules` message ids in the
/// browser's UI language. An id the browser does not know (getMessage answers "") is `None`.
#[cfg(target_arch = "wasm32")]
struct I18n;

#[cfg(target_arch = "wasm32")]
impl tba_rules::message::Lookup for I18n {
    fn get(&self, id: &str, substitutions: &[String]) -> Option<String> {
        let i18n = path(&["i18n"])?;
        let get_message = get(&i18n, "getMessage")?.dyn_into::<Function>().ok()?;
        let substitutions: js_sys::Array = substitutions
            .iter()
            .map(|text| JsValue::from_str(text))
            .collect();
        let text = get_message
            .call2(&i18n, &JsValue::from_str(id), &substitutions)
            .ok()?
            .as_string()?;
        (!text.is_empty()).then_some(text)
    }
}

/// The text of `message` for the person reading the page: the browser's i18n in the extension,
/// the shipped English messages in native tests.
pub fn text(message: &tba_rules::message::Message) -> String {
    with_lookup(|lookup| tba_rules::message::render(message, lookup))
}

/// The text of a message without arguments.
pub fn say(id: tba_rules::message::Id) -> String {
    text(&tba_rules::message::Message::plain(id))
}

/// The lookup [`text`] uses, for `rules` functions that word whole texts.
pub fn with_lookup<T>(use_it: impl FnOnce(&dyn tba_rules::message::Lookup) -> T) -> T {
    #[cfg(target_arch = "wasm32")]
    let lookup = I18n;
    #[cfg(not(target_arch = "wasm32"))]
    let lookup = tba_rules::message::english::Messages::load();
    use_it(&lookup)
}
