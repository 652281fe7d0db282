//! The content script's side of the MAIN-world bridge (`extension/bridge.js`): typed requests out,
//! checked answers back.
//!
//! NetSuite's sublist functions live in the page's own world; the bridge runs there and answers
//! a `tba-doctor:request` CustomEvent synchronously with a `tba-doctor:response` one, both with a
//! JSON string as detail. The answer comes from the page world and is treated as untrusted input:
//! every value is checked here before use. This module never decides what to change: callers pass
//! ready-made lines from the rules' fix plan.
use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, JSON, Object, Reflect};
use tba_rules::protocol::{MAX_OFFERED, is_valid_id};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, Document, Event};

const REQUEST_EVENT: &str = "tba-doctor:request";
const RESPONSE_EVENT: &str = "tba-doctor:response";
/// The page functions Pre-fill and Fix all need.
const NEEDED_FUNCTIONS: [&str; 6] = [
    "nlapiSelectNewLineItem",
    "nlapiSelectLineItem",
    "nlapiSetCurrentLineItemValue",
    "nlapiCommitLineItem",
    "nlapiGetLineItemCount",
    "nlapiGetLineItemValue",
];

/// Why the bridge could not do what was asked (typed in `rules`, which words it).
pub use tba_rules::outcome::BridgeFailure as BridgeError;

/// What the probe found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Probe {
    /// Page functions that Pre-fill and Fix all need and the page lacks.
    pub missing_functions: Vec<&'static str>,
    /// The ids the Setup permission picker offers, when it could be read.
    pub offered: Option<tba_rules::idmap::IdSet>,
}

/// One sublist line to write: which machine, which fields, which permission at which level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// `add` or `raise`.
    pub kind: &'static str,
    /// Machine name, e.g. `setupmach`.
    pub machine: &'static str,
    /// The key field, from `<m>fields`.
    pub key_field: String,
    /// The level field, from `<m>fields`.
    pub level_field: String,
    /// Permission id.
    pub permkey: String,
    /// Level number 1–4 as text.
    pub level: String,
}

impl Line {
    fn to_object(&self) -> Object {
        let object = Object::new();
        set(&object, "kind", self.kind);
        set(&object, "machine", self.machine);
        set(&object, "keyField", &self.key_field);
        set(&object, "levelField", &self.level_field);
        set(&object, "permkey", &self.permkey);
        set(&object, "level", &self.level);
        object
    }
}

/// The result of one Fix all line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineResult {
    /// Permission id.
    pub permkey: String,
    /// `done`, `already`, `failed` or `refused`.
    pub result: String,
    /// Messages NetSuite showed while committing the line.
    pub alerts: Vec<String>,
}

fn set(object: &Object, key: &str, value: &str) {
    let _ = Reflect::set(object, &JsValue::from_str(key), &JsValue::from_str(value));
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn text(value: &JsValue, key: &str, max_chars: usize) -> Option<String> {
    get(value, key)
        .as_string()
        .map(|text| text.chars().take(max_chars).collect())
}

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` of a JavaScript string that stays in JavaScript: an answer never needs to be
    /// copied into wasm as a whole, only the fields read from it.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn parse_json(text: &JsValue) -> Result<JsValue, JsValue>;
}

/// Sends `request` (an object without id) and returns the parsed answer.
fn call(document: &Document, request: &Object) -> Result<JsValue, BridgeError> {
    // A random id in base 36, made in JavaScript (no number formatting in wasm for this).
    let id: JsValue = js_sys::Number::from((js_sys::Math::random() * 1e15).floor())
        .to_string_with_radix(36)
        .map_err(|_| BridgeError::NoAnswer)?
        .into();
    let _ = Reflect::set(request, &JsValue::from_str("id"), &id);
    let detail = JSON::stringify(request).map_err(|_| BridgeError::NoAnswer)?;

    let answers: Rc<RefCell<Vec<JsValue>>> = Rc::default();
    let listener = {
        let answers = Rc::clone(&answers);
        Closure::<dyn FnMut(Event)>::new(move |event: Event| {
            if let Some(detail) = event
                .dyn_ref::<CustomEvent>()
                .map(CustomEvent::detail)
                .filter(JsValue::is_string)
            {
                answers.borrow_mut().push(detail);
            }
        })
    };
    let target: &web_sys::EventTarget = document.as_ref();
    let _ =
        target.add_event_listener_with_callback(RESPONSE_EVENT, listener.as_ref().unchecked_ref());
    let init = CustomEventInit::new();
    init.set_detail(&detail);
    let dispatched = CustomEvent::new_with_event_init_dict(REQUEST_EVENT, &init)
        .and_then(|event| target.dispatch_event(&event));
    let _ = target
        .remove_event_listener_with_callback(RESPONSE_EVENT, listener.as_ref().unchecked_ref());
    drop(listener);
    dispatched.map_err(|_| BridgeError::NoAnswer)?;

    let answers = answers.borrow();
    let answer = answers
        .iter()
        .filter_map(|detail| parse_json(detail).ok())
        .find(|answer| get(answer, "id") == id)
        .ok_or(BridgeError::NoAnswer)?;
    if get(&answer, "ok").as_bool() == Some(true) || get(&answer, "results").is_object() {
        Ok(answer)
    } else {
        Err(text(&answer, "error", 300).map_or(BridgeError::Malformed, BridgeError::Said))
    }
}

/// Asks which page functions exist and which ids the Setup picker (field `key_field`) offers.
pub fn probe(document: &Document, key_field: &str) -> Result<Probe, BridgeError> {
    let request = Object::new();
    set(&request, "op", "probe");
    set(&request, "keyField", key_field);
    let answer = call(document, &request)?;
    let functions = get(&answer, "functions");
    let missing_functions = NEEDED_FUNCTIONS
        .into_iter()
        .filter(|name| get(&functions, name).as_bool() != Some(true))
        .collect();
    // One string for the whole list (a valid id has no space), not one per id: each string that
    // crosses the wasm boundary costs more than checking it.
    let offered = get(&answer, "offered")
        .dyn_into::<Array>()
        .ok()
        .and_then(|values| crate::dom::utf8(&values.slice(0, MAX_OFFERED as u32).join(" ")))
        .map(|values| {
            // Inserted one by one: collecting into a set would sort first, which costs more code.
            let mut offered = tba_rules::idmap::IdSet::new();
            for id in values.split_ascii_whitespace() {
                if is_valid_id(id) {
                    offered.insert(id.to_owned());
                }
            }
            offered
        });
    Ok(Probe {
        missing_functions,
        offered,
    })
}

/// Puts `line` into the machine's add row; the admin clicks Add.
pub fn prefill(document: &Document, line: &Line) -> Result<(), BridgeError> {
    let request = line.to_object();
    set(&request, "op", "prefill");
    call(document, &request).map(|_| ())
}

/// Adds and raises `lines`, committing each like the admin would; returns one result per line.
pub fn fix(document: &Document, lines: &[Line]) -> Result<Vec<LineResult>, BridgeError> {
    let request = Object::new();
    set(&request, "op", "fix");
    let ops: Array = lines.iter().map(Line::to_object).collect();
    let _ = Reflect::set(&request, &JsValue::from_str("ops"), &ops);
    let answer = call(document, &request)?;
    let results = get(&answer, "results")
        .dyn_into::<Array>()
        .map_err(|_| BridgeError::Malformed)?;
    Ok(results
        .iter()
        .take(lines.len())
        .map(|result| LineResult {
            permkey: text(&result, "permkey", 80).unwrap_or_default(),
            result: text(&result, "result", 20).unwrap_or_default(),
            alerts: get(&result, "alerts")
                .dyn_into::<Array>()
                .map(|alerts| {
                    alerts
                        .iter()
                        .take(5)
                        .filter_map(|alert| alert.as_string())
                        .map(|alert| alert.chars().take(300).collect())
                        .collect()
                })
                .unwrap_or_default(),
        })
        .collect())
}
