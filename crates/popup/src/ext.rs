//! Bindings to the WebExtension APIs the popup and the options page use: tabs, messages to the
//! content script, storage.sync (the settings, read and written by `tba_rules::settings`; the
//! custom profiles, by `tba_rules::store`), host permissions, the clipboard and file downloads.
//!
//! Both browsers expose the APIs as `browser` (Firefox; Chrome since 148) and `chrome`; the bindings
//! take `browser` when it exists and `chrome` otherwise and look every member up at run time, so a
//! missing API is an error value, never a panic. Nothing here decides anything: `state.rs` does.
use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use tba_rules::protocol::Request;
use tba_rules::settings::{self, Note, Settings, Value};

use crate::state::TabFacts;
use crate::wire;

/// The host permission the extension works with (manifest.json `host_permissions`).
pub const NETSUITE_ORIGIN: &str = "https://*.netsuite.com/*";

/// Why an extension API call failed, in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExtError(pub String);

impl ExtError {
    fn missing(what: &str) -> ExtError {
        ExtError(format!("{what} is not available"))
    }

    fn from_js(value: JsValue) -> ExtError {
        let text = Reflect::get(&value, &JsValue::from_str("message"))
            .ok()
            .and_then(|message| message.as_string())
            .or_else(|| value.as_string())
            .unwrap_or_else(|| "unknown error".to_owned());
        ExtError(text)
    }
}

fn get(target: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(target, &JsValue::from_str(name))
        .ok()
        .filter(|value| !value.is_undefined() && !value.is_null())
}

fn namespace() -> Option<JsValue> {
    let global: JsValue = js_sys::global().into();
    get(&global, "browser").or_else(|| get(&global, "chrome"))
}

/// Calls `api.<path…>.<method>(args…)` and returns its promise, without awaiting it.
///
/// Calling synchronously matters for `permissions.request` and the clipboard: both need the
/// user's click to be on the stack, which an `await` before the call would lose.
fn call(path: &[&str], method: &str, args: &[JsValue]) -> Result<Promise, ExtError> {
    let dotted = format!("{}.{method}", path.join("."));
    let target = namespace()
        .and_then(|api| path.iter().try_fold(api, |value, name| get(&value, name)))
        .ok_or_else(|| ExtError::missing(&dotted))?;
    let function = get(&target, method)
        .and_then(|value| value.dyn_into::<Function>().ok())
        .ok_or_else(|| ExtError::missing(&dotted))?;
    let arguments: Array = args.iter().collect();
    let result = function
        .apply(&target, &arguments)
        .map_err(ExtError::from_js)?;
    result
        .dyn_into::<Promise>()
        .map_err(|_| ExtError(format!("{dotted} did not return a promise")))
}

async fn settle(promise: Result<Promise, ExtError>) -> Result<JsValue, ExtError> {
    JsFuture::from(promise?).await.map_err(ExtError::from_js)
}

fn tab_facts(tab: &JsValue) -> TabFacts {
    TabFacts {
        id: get(tab, "id")
            .and_then(|id| id.as_f64())
            .filter(|id| id.fract() == 0.0 && *id >= 0.0 && *id <= f64::from(i32::MAX))
            .map(|id| id as i32),
        url: get(tab, "url").and_then(|url| url.as_string()),
        last_accessed: get(tab, "lastAccessed")
            .and_then(|time| time.as_f64())
            .unwrap_or(0.0),
    }
}

async fn query_tabs(promise: Result<Promise, ExtError>) -> Result<Vec<TabFacts>, ExtError> {
    let tabs = settle(promise).await?;
    let tabs = tabs
        .dyn_into::<Array>()
        .map_err(|_| ExtError("tabs.query did not return a list".to_owned()))?;
    Ok(tabs.iter().map(|tab| tab_facts(&tab)).collect())
}

/// The look-ups `popup.js` starts before the wasm loads (its `early` object), by name.
///
/// Each look-up below takes its promise from here when there is one, and otherwise calls the
/// browser itself; `Early::none()` always calls. A value that is not a promise counts as missing.
#[derive(Clone)]
pub struct Early(JsValue);

impl Early {
    /// The object `popup.js` hands to `start`.
    pub fn new(early: JsValue) -> Early {
        Early(early)
    }

    /// No early look-ups: every look-up calls the browser.
    pub fn none() -> Early {
        Early(JsValue::UNDEFINED)
    }

    fn promise(&self, name: &str) -> Option<Promise> {
        get(&self.0, name).and_then(|value| value.dyn_into::<Promise>().ok())
    }

    fn or_call(
        &self,
        name: &str,
        call_now: impl FnOnce() -> Result<Promise, ExtError>,
    ) -> Result<Promise, ExtError> {
        self.promise(name).map_or_else(call_now, Ok)
    }
}

/// The tab this page runs in when the popup page is open as a tab; `None` in a real popup.
///
/// This and the other look-ups below call the browser at once (or take the promise `popup.js`
/// started) and return a future of the answer, so that the popup can start them all together and
/// wait for them in any order.
pub fn current_tab(early: &Early) -> impl Future<Output = Option<TabFacts>> + use<> {
    let promise = early.or_call("current", || call(&["tabs"], "getCurrent", &[]));
    async move {
        settle(promise)
            .await
            .ok()
            .filter(|tab| tab.is_object())
            .map(|tab| tab_facts(&tab))
    }
}

/// The active tab of the current window.
pub fn active_tabs(early: &Early) -> impl Future<Output = Result<Vec<TabFacts>, ExtError>> + use<> {
    query_tabs(early.or_call("active", || {
        let query = Object::new();
        let _ = Reflect::set(&query, &"active".into(), &JsValue::TRUE);
        let _ = Reflect::set(&query, &"currentWindow".into(), &JsValue::TRUE);
        call(&["tabs"], "query", &[query.into()])
    }))
}

/// Every tab of every window.
pub fn all_tabs(early: &Early) -> impl Future<Output = Result<Vec<TabFacts>, ExtError>> + use<> {
    query_tabs(early.or_call("all", || call(&["tabs"], "query", &[Object::new().into()])))
}

/// The answer of the active tab's content script to `Request::GetSnapshot`, when `popup.js` asked
/// for it before the wasm loaded; `None` when it did not. The caller checks that the active tab is
/// the tab it describes before using the answer.
pub fn early_snapshot(
    early: &Early,
) -> Option<impl Future<Output = Result<JsValue, ExtError>> + use<>> {
    early.promise("snapshot").map(|promise| settle(Ok(promise)))
}

/// Resolves after `ms` milliseconds (at once when no timer can be set).
pub async fn sleep(ms: i32) {
    let promise = Promise::new(&mut |resolve, _reject| {
        let set = Reflect::get(&js_sys::global(), &JsValue::from_str("setTimeout"))
            .ok()
            .and_then(|set| set.dyn_into::<js_sys::Function>().ok());
        let waited = set.is_some_and(|set| {
            set.call2(&JsValue::NULL, &resolve, &JsValue::from(ms))
                .is_ok()
        });
        if !waited {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Sends `request` to the content script of tab `tab_id` and returns its raw answer.
pub fn send_message(
    tab_id: i32,
    request: &Request,
) -> impl Future<Output = Result<JsValue, ExtError>> + use<> {
    let message = request.encode::<wire::Js>().0;
    settle(call(
        &["tabs"],
        "sendMessage",
        &[JsValue::from(tab_id), message],
    ))
}

/// The stored settings, and a note when what is stored cannot be read (the defaults apply then).
/// Storage is asked for everything (`get(null)`): it holds only the settings, and which keys they
/// use is `tba_rules::settings`' business. When storage cannot be asked, the defaults.
pub fn stored_settings(early: &Early) -> impl Future<Output = (Settings, Option<Note>)> + use<> {
    let promise = early.or_call("settings", || {
        call(&["storage", "sync"], "get", &[JsValue::NULL])
    });
    async move {
        let items = settle(promise).await.unwrap_or(JsValue::UNDEFINED);
        settings::read(&crate::wire::Js(items))
    }
}

/// The JavaScript form of a value to store.
fn to_js(value: &Value) -> JsValue {
    match value {
        Value::Null => JsValue::NULL,
        Value::Bool(flag) => JsValue::from_bool(*flag),
        Value::Number(number) => JsValue::from_f64(*number),
        Value::Text(text) => JsValue::from_str(text),
        Value::List(items) => items.iter().map(to_js).collect::<Array>().into(),
        Value::Object(members) => {
            let object = Object::new();
            for (key, member) in members {
                let _ = Reflect::set(&object, &JsValue::from_str(key), &to_js(member));
            }
            object.into()
        }
    }
}

/// Stores `settings` as `tba_rules::settings::write` says (set, then remove the keys it
/// replaces); the page panel follows through `storage.onChanged`.
pub async fn store_settings(settings: &Settings) -> Result<(), ExtError> {
    let write = settings::write(settings);
    settle(call(&["storage", "sync"], "set", &[to_js(&write.set)])).await?;
    let keys: Array = write
        .remove
        .iter()
        .map(|key| JsValue::from_str(key))
        .collect();
    settle(call(&["storage", "sync"], "remove", &[keys.into()]))
        .await
        .map(|_| ())
}

/// Everything `storage.sync` holds, as (key, value) pairs in key order.
pub async fn stored_items() -> Result<Vec<(String, JsValue)>, ExtError> {
    let items = settle(call(&["storage", "sync"], "get", &[JsValue::NULL])).await?;
    let Some(object) = items.dyn_ref::<Object>() else {
        return Ok(Vec::new());
    };
    let mut pairs: Vec<(String, JsValue)> = Object::keys(object)
        .iter()
        .filter_map(|key| {
            let value = Reflect::get(object, &key).unwrap_or(JsValue::UNDEFINED);
            Some((key.as_string()?, value))
        })
        .collect();
    pairs.sort_by(|left, right| left.0.cmp(&right.0));
    Ok(pairs)
}

/// The size the `storage.sync` quotas count for an item: its key's length and its value's JSON,
/// in UTF-8 bytes.
pub fn item_size(key: &str, value: &JsValue) -> usize {
    let json = js_sys::JSON::stringify(value)
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default();
    key.len() + json.len()
}

/// Sets `items` in one `storage.sync.set`, then removes `remove` (`tba_rules::store::Save`).
pub async fn write_items(items: &[(String, Value)], remove: &[String]) -> Result<(), ExtError> {
    let object = Object::new();
    for (key, value) in items {
        let _ = Reflect::set(&object, &JsValue::from_str(key), &to_js(value));
    }
    settle(call(&["storage", "sync"], "set", &[object.into()])).await?;
    if remove.is_empty() {
        return Ok(());
    }
    let keys: Array = remove.iter().map(|key| JsValue::from_str(key)).collect();
    settle(call(&["storage", "sync"], "remove", &[keys.into()]))
        .await
        .map(|_| ())
}

/// The key in `storage.local` of the draft "Make a profile from this role" leaves for the options
/// page.
const DRAFT_KEY: &str = "profile-draft";

/// Leaves `name` and `text` for the options page's import box (`storage.local`, this browser
/// only), then opens the options page in a new tab.
pub async fn open_draft(name: &str, text: &str) -> Result<(), ExtError> {
    let draft = Object::new();
    let _ = Reflect::set(&draft, &JsValue::from_str("name"), &JsValue::from_str(name));
    let _ = Reflect::set(&draft, &JsValue::from_str("text"), &JsValue::from_str(text));
    let items = Object::new();
    let _ = Reflect::set(&items, &JsValue::from_str(DRAFT_KEY), &draft);
    settle(call(&["storage", "local"], "set", &[items.into()])).await?;
    let origin = web_sys::window()
        .and_then(|window| window.location().origin().ok())
        .ok_or_else(|| ExtError::missing("location"))?;
    let options = Object::new();
    let url = JsValue::from_str(&format!("{origin}/options.html"));
    let _ = Reflect::set(&options, &JsValue::from_str("url"), &url);
    settle(call(&["tabs"], "create", &[options.into()]))
        .await
        .map(|_| ())
}

/// The draft [`open_draft`] left (name and text), removed once read; `None` when there is none.
pub async fn take_draft() -> Option<(String, String)> {
    let items = settle(call(
        &["storage", "local"],
        "get",
        &[JsValue::from_str(DRAFT_KEY)],
    ))
    .await
    .ok()?;
    let draft = get(&items, DRAFT_KEY)?;
    let _ = settle(call(
        &["storage", "local"],
        "remove",
        &[JsValue::from_str(DRAFT_KEY)],
    ))
    .await;
    let text = |field: &str| {
        let value = get(&draft, field)?;
        // A draft is the extension's own, but storage is read like any input: its length is
        // asked before the string is copied.
        let length = value.dyn_ref::<js_sys::JsString>()?.length();
        (usize::try_from(length).ok()? <= tba_rules::import::MAX_TEXT_BYTES)
            .then(|| value.as_string())?
    };
    Some((text("name")?, text("text")?))
}

/// Offers `text` as a file named `name` to download (a `Blob` and a link with `download`).
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), ExtError> {
    let parts = Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(ExtError::from_js)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(ExtError::from_js)?;
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or_else(|| ExtError::missing("document"))?;
    let link = document
        .create_element("a")
        .map_err(ExtError::from_js)?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| ExtError::missing("a"))?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

fn origins() -> JsValue {
    let permissions = Object::new();
    let origins: Array = [JsValue::from_str(NETSUITE_ORIGIN)].into_iter().collect();
    let _ = Reflect::set(&permissions, &"origins".into(), &origins);
    permissions.into()
}

/// Whether the NetSuite host permission is granted (Firefox lets users withhold it).
pub fn has_host_permission(early: &Early) -> impl Future<Output = Result<bool, ExtError>> + use<> {
    let promise = early.or_call("permission", || {
        call(&["permissions"], "contains", &[origins()])
    });
    async move {
        let granted = settle(promise).await?;
        Ok(granted.as_bool().unwrap_or(false))
    }
}

/// Asks for the NetSuite host permission. Must be called from a click handler, before any await.
pub fn request_host_permission() -> Result<Promise, ExtError> {
    call(&["permissions"], "request", &[origins()])
}

/// Awaits a promise returned by one of the synchronous calls here.
pub async fn finish(promise: Promise) -> Result<JsValue, ExtError> {
    JsFuture::from(promise).await.map_err(ExtError::from_js)
}

/// Starts writing `text` to the clipboard. Must be called from a click handler, before any await.
pub fn write_clipboard(text: &str) -> Result<Promise, ExtError> {
    let window = web_sys::window().ok_or_else(|| ExtError::missing("window"))?;
    let navigator: JsValue = window.navigator().into();
    let clipboard = get(&navigator, "clipboard").ok_or_else(|| ExtError::missing("clipboard"))?;
    let write = get(&clipboard, "writeText")
        .and_then(|value| value.dyn_into::<Function>().ok())
        .ok_or_else(|| ExtError::missing("clipboard.writeText"))?;
    write
        .call1(&clipboard, &JsValue::from_str(text))
        .map_err(ExtError::from_js)?
        .dyn_into::<Promise>()
        .map_err(|_| ExtError("clipboard.writeText did not return a promise".to_owned()))
}

/// Marks a moment for the benchmark (`scripts/bench-popup.mjs`).
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.mark(name);
    }
}

/// The extension's own messages through `i18n.getMessage`: the `rules` message ids in the
/// browser's UI language. An id the browser does not know (getMessage answers "") is `None`.
#[cfg(target_arch = "wasm32")]
struct I18n;

#[cfg(target_arch = "wasm32")]
impl tba_rules::message::Lookup for I18n {
    fn get(&self, id: &str, substitutions: &[String]) -> Option<String> {
        let i18n = get(&namespace()?, "i18n")?;
        let get_message = get(&i18n, "getMessage")?.dyn_into::<Function>().ok()?;
        let substitutions: Array = substitutions
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

/// The text of `message` for the person reading the popup: the browser's i18n in the extension,
/// the shipped English messages in native tests.
pub fn text(message: &tba_rules::message::Message) -> String {
    with_lookup(|lookup| tba_rules::message::render(message, lookup))
}

/// The lookup [`text`] uses, for `rules` functions that word whole texts (the admin request).
pub fn with_lookup<T>(use_it: impl FnOnce(&dyn tba_rules::message::Lookup) -> T) -> T {
    #[cfg(target_arch = "wasm32")]
    let lookup = I18n;
    #[cfg(not(target_arch = "wasm32"))]
    let lookup = tba_rules::message::english::Messages::load();
    use_it(&lookup)
}
