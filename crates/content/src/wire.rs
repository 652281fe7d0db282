//! The popup channel's messages as plain JavaScript values, converted by hand.
//!
//! `tba_rules::protocol` defines the wire types (their serde derives describe the JSON shape). The
//! content script converts them with `Reflect` instead of `serde-wasm-bindgen`: the generic serde
//! code and the float formatting it pulls in cost more of the content wasm's size budget
//! (product.md §7) than these few dozen lines. The shapes are exactly serde's JSON-compatible form
//! (`type` tag, `null` for `None`); the popup reads them by hand too (`crates/popup/src/wire.rs`).
use js_sys::{Array, Object, Reflect};
use tba_rules::protocol::{MAX_ID_LEN, Request, Response, RoleWire, Snapshot};
use wasm_bindgen::prelude::*;

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn set(object: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}

fn text(value: Option<&str>) -> JsValue {
    value.map_or(JsValue::NULL, JsValue::from_str)
}

fn flag(value: Option<bool>) -> JsValue {
    value.map_or(JsValue::NULL, JsValue::from_bool)
}

fn strings<'a>(values: impl IntoIterator<Item = &'a String>) -> Array {
    values
        .into_iter()
        .map(|value| JsValue::from_str(value))
        .collect()
}

/// Reads a request; anything that is not exactly one of the three shapes is `None`.
pub fn request_from_js(value: &JsValue) -> Option<Request> {
    if !value.is_object() {
        return None;
    }
    match get(value, "type").as_string()?.as_str() {
        "GetSnapshot" => Some(Request::GetSnapshot),
        "Prefill" => {
            let permkey = get(value, "permkey").as_string()?;
            (permkey.len() <= MAX_ID_LEN).then_some(Request::Prefill { permkey })
        }
        "FixAll" => Some(Request::FixAll {
            confirm_two_factor: get(value, "confirm_two_factor").as_bool()?,
        }),
        _ => None,
    }
}

fn role_to_js(role: &RoleWire) -> JsValue {
    let object = Object::new();
    set(
        &object,
        "id",
        &role
            .id
            .map_or(JsValue::NULL, |id| JsValue::from_f64(f64::from(id))),
    );
    set(&object, "name", &text(role.name.as_deref()));
    set(&object, "account", &text(role.account.as_deref()));
    let grants: Array = role
        .grants
        .iter()
        .map(|grant| {
            let entry = Object::new();
            set(&entry, "subtab", &JsValue::from_str(&grant.subtab));
            set(&entry, "id", &JsValue::from_str(&grant.id));
            set(&entry, "level", &JsValue::from_f64(f64::from(grant.level)));
            JsValue::from(entry)
        })
        .collect();
    set(&object, "grants", &grants);
    set(&object, "web_services_only", &flag(role.web_services_only));
    set(
        &object,
        "two_factor_required",
        &flag(role.two_factor_required),
    );
    set(
        &object,
        "offered",
        &role
            .offered
            .as_ref()
            .map_or(JsValue::NULL, |offered| strings(offered).into()),
    );
    object.into()
}

fn snapshot_to_js(snapshot: &Snapshot) -> JsValue {
    let object = Object::new();
    set(&object, "page", &JsValue::from_str(&snapshot.page));
    set(&object, "profile", &JsValue::from_str(&snapshot.profile));
    set(
        &object,
        "role",
        &snapshot.role.as_ref().map_or(JsValue::NULL, role_to_js),
    );
    set(&object, "problems", &strings(&snapshot.problems));
    set(
        &object,
        "bridge_ok",
        &JsValue::from_bool(snapshot.bridge_ok),
    );
    set(&object, "url", &JsValue::from_str(&snapshot.url));
    set(&object, "message", &text(snapshot.message.as_deref()));
    object.into()
}

/// Writes a response in serde's JSON-compatible form.
pub fn response_to_js(response: &Response) -> JsValue {
    let object = Object::new();
    match response {
        Response::Snapshot { snapshot } => {
            set(&object, "type", &JsValue::from_str("Snapshot"));
            set(&object, "snapshot", &snapshot_to_js(snapshot));
        }
        Response::Refused { reason, snapshot } => {
            set(&object, "type", &JsValue::from_str("Refused"));
            set(&object, "reason", &JsValue::from_str(reason));
            set(&object, "snapshot", &snapshot_to_js(snapshot));
        }
        Response::Unavailable { reason } => {
            set(&object, "type", &JsValue::from_str("Unavailable"));
            set(&object, "reason", &JsValue::from_str(reason));
        }
    }
    object.into()
}
