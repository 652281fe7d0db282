//! `tba_rules::wire::Value` over JavaScript values, so that the messages `tba_rules` defines are
//! written and read by its one implementation (`protocol` for the popup channel, `bridge` for the
//! MAIN-world bridge).
//!
//! This file is the only JavaScript side of the wire, and the popup includes it as its own module
//! (`#[path]` in `crates/popup/src/lib.rs`): both crates need it, and `tba_rules` may not depend on
//! `js-sys`. Every member is looked up with `Reflect`, which answers `undefined` rather than
//! throwing, so nothing here fails. Serde is not used: its generic code and float formatting cost
//! more of the content wasm's size budget (product.md §7) than this.
use js_sys::{Array, JsString, Object};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// A JavaScript value as a `tba_rules::wire::Value`.
#[derive(Clone, Debug)]
pub struct Js(pub JsValue);

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = TextEncoder)]
    type Utf8Encoder;

    #[wasm_bindgen(constructor, js_class = TextEncoder, catch)]
    fn new() -> Result<Utf8Encoder, JsValue>;

    #[wasm_bindgen(method, js_class = TextEncoder)]
    fn encode(this: &Utf8Encoder, text: &JsValue) -> js_sys::Uint8Array;

    /// `Reflect.get` with the key passed as a Rust string (one call, no key object to drop); it
    /// throws on a value that is not an object, hence `catch`.
    #[wasm_bindgen(js_namespace = Reflect, js_name = get, catch)]
    fn reflect_get(target: &JsValue, key: &str) -> Result<JsValue, JsValue>;

    /// `Reflect.set` likewise; only called on objects this file made, which never throw.
    #[wasm_bindgen(js_namespace = Reflect, js_name = set)]
    fn reflect_set(target: &JsValue, key: &str, value: &JsValue) -> bool;
}

/// Copies `value` into Rust with the browser's own encoder, when it is a string.
///
/// The glue's usual way of returning a string encodes it character by character in JavaScript,
/// which costs milliseconds for the tens of kilobytes of a large role's sublist data while that
/// code is still cold; here the browser encodes and copies natively.
pub fn utf8(value: &JsValue) -> Option<String> {
    if !value.is_string() {
        return None;
    }
    String::from_utf8(Utf8Encoder::new().ok()?.encode(value).to_vec()).ok()
}

/// `target[name]`, or `undefined` when `target` is not an object (which `Reflect.get` throws on).
pub fn field(target: &JsValue, name: &str) -> JsValue {
    reflect_get(target, name).unwrap_or(JsValue::UNDEFINED)
}

/// What `storage.sync` holds, as `tba_rules::settings::read` reads it: the members it asks for,
/// looked up one by one (both adapters read the settings through this one implementation).
impl tba_rules::settings::Stored for Js {
    fn member(&self, name: &str) -> Option<Js> {
        let value = field(&self.0, name);
        (!value.is_undefined()).then_some(Js(value))
    }

    fn text(&self, max_units: usize) -> Option<String> {
        self.0
            .dyn_ref::<JsString>()
            .filter(|text| text.length() as usize <= max_units)
            .and_then(|_| self.0.as_string())
    }

    fn number(&self) -> Option<f64> {
        self.0.as_f64()
    }
}

impl tba_rules::wire::Value for Js {
    fn null() -> Js {
        Js(JsValue::NULL)
    }

    fn boolean(value: bool) -> Js {
        Js(JsValue::from_bool(value))
    }

    fn number(value: f64) -> Js {
        Js(JsValue::from_f64(value))
    }

    fn text(value: &str) -> Js {
        Js(JsValue::from_str(value))
    }

    fn list() -> Js {
        Js(Array::new().into())
    }

    fn push(&mut self, item: Js) {
        if let Some(list) = self.0.dyn_ref::<Array>() {
            list.push(&item.0);
        }
    }

    fn object() -> Js {
        Js(Object::new().into())
    }

    fn set(&mut self, field: &str, value: Js) {
        if self.0.is_object() {
            reflect_set(&self.0, field, &value.0);
        }
    }

    fn get(&self, name: &str) -> Js {
        Js(field(&self.0, name))
    }

    fn is_null(&self) -> bool {
        self.0.is_null() || self.0.is_undefined()
    }

    fn is_object(&self) -> bool {
        self.0.is_object()
    }

    fn as_bool(&self) -> Option<bool> {
        self.0.as_bool()
    }

    fn as_f64(&self) -> Option<f64> {
        self.0.as_f64()
    }

    fn as_string(&self) -> Option<String> {
        self.0.as_string()
    }

    fn text_units(&self) -> Option<usize> {
        self.0
            .dyn_ref::<JsString>()
            .map(|text| text.length() as usize)
    }

    fn list_len(&self) -> Option<usize> {
        self.0.dyn_ref::<Array>().map(|list| list.length() as usize)
    }

    fn item(&self, index: usize) -> Js {
        Js(self
            .0
            .dyn_ref::<Array>()
            .map_or(JsValue::UNDEFINED, |list| list.get(index as u32)))
    }

    /// `Array.prototype.join` in JavaScript and one copy: each string that crosses into wasm
    /// costs more than checking it.
    fn words(&self) -> Option<String> {
        utf8(&self.0.dyn_ref::<Array>()?.join(" ").into())
    }
}
