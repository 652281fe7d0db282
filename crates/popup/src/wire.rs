//! The popup channel's messages as plain JavaScript values, read and written by hand.
//!
//! The content script writes its answers in serde's JSON-compatible form of `tba_rules::protocol`
//! (`crates/content/src/wire.rs`: a `type` tag, `null` for `None`). Reading them here with
//! `Reflect` instead of `serde-wasm-bindgen` keeps the generic serde code out of the popup wasm,
//! which is smaller and starts sooner (the verdict budget, product.md §7). Every field is checked
//! for its type; what the values mean is checked afterwards by `Role::try_from` in `state`.
use js_sys::{Array, Object, Reflect};
use tba_rules::protocol::{GrantWire, Request, Response, RoleWire, Snapshot};
use wasm_bindgen::prelude::*;

/// Writes a request in serde's JSON-compatible form, as the content script reads it.
pub fn request_to_js(request: &Request) -> JsValue {
    let object = Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = Reflect::set(&object, &JsValue::from_str(key), &value);
    };
    match request {
        Request::GetSnapshot => set("type", "GetSnapshot".into()),
        Request::Prefill { permkey } => {
            set("type", "Prefill".into());
            set("permkey", permkey.as_str().into());
        }
        Request::FixAll { confirm_two_factor } => {
            set("type", "FixAll".into());
            set("confirm_two_factor", (*confirm_two_factor).into());
        }
    }
    object.into()
}

/// Reads a response; the error names the first field that is missing or of the wrong type.
pub fn response_from_js(value: &JsValue) -> Result<Response, String> {
    let value = Value(value);
    match value.text("type")?.as_str() {
        "Snapshot" => Ok(Response::Snapshot {
            snapshot: snapshot(&value.object("snapshot")?)?,
        }),
        "Refused" => Ok(Response::Refused {
            reason: value.text("reason")?,
            snapshot: snapshot(&value.object("snapshot")?)?,
        }),
        "Unavailable" => Ok(Response::Unavailable {
            reason: value.text("reason")?,
        }),
        _ => Err("unknown answer type".to_owned()),
    }
}

fn snapshot(value: &JsValue) -> Result<Snapshot, String> {
    let value = Value(value);
    Ok(Snapshot {
        page: value.text("page")?,
        profile: value.text("profile")?,
        role: value
            .maybe("role")
            .map(|role| role_wire(&role))
            .transpose()?,
        problems: value.texts("problems")?,
        bridge_ok: value.flag("bridge_ok")?,
        url: value.text("url")?,
        message: value.maybe_text("message")?,
    })
}

fn role_wire(value: &JsValue) -> Result<RoleWire, String> {
    let value = Value(value);
    let grants = value
        .list("grants")?
        .iter()
        .map(|grant| {
            let grant = Value(&grant);
            Ok(GrantWire {
                subtab: grant.text("subtab")?,
                id: grant.text("id")?,
                level: grant.whole("level", u8::MAX.into())? as u8,
            })
        })
        .collect::<Result<_, String>>()?;
    Ok(RoleWire {
        id: value
            .maybe("id")
            .map(|_| value.whole("id", u32::MAX.into()).map(|id| id as u32))
            .transpose()?,
        name: value.maybe_text("name")?,
        account: value.maybe_text("account")?,
        grants,
        web_services_only: value
            .maybe("web_services_only")
            .map(|_| value.flag("web_services_only"))
            .transpose()?,
        two_factor_required: value
            .maybe("two_factor_required")
            .map(|_| value.flag("two_factor_required"))
            .transpose()?,
        offered: value
            .maybe("offered")
            .map(|_| value.texts("offered"))
            .transpose()?,
    })
}

/// A JavaScript object whose fields are read with their names in the errors.
struct Value<'a>(&'a JsValue);

impl Value<'_> {
    fn field(&self, name: &str) -> JsValue {
        Reflect::get(self.0, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    }

    /// The field, unless it is `null` or missing (serde's `None`).
    fn maybe(&self, name: &str) -> Option<JsValue> {
        Some(self.field(name)).filter(|value| !value.is_null() && !value.is_undefined())
    }

    fn object(&self, name: &str) -> Result<JsValue, String> {
        self.maybe(name)
            .filter(JsValue::is_object)
            .ok_or_else(|| format!("{name} is not an object"))
    }

    fn text(&self, name: &str) -> Result<String, String> {
        self.field(name)
            .as_string()
            .ok_or_else(|| format!("{name} is not a string"))
    }

    fn maybe_text(&self, name: &str) -> Result<Option<String>, String> {
        self.maybe(name).map(|_| self.text(name)).transpose()
    }

    fn flag(&self, name: &str) -> Result<bool, String> {
        self.field(name)
            .as_bool()
            .ok_or_else(|| format!("{name} is not a boolean"))
    }

    /// A whole number from 0 to `max`.
    fn whole(&self, name: &str, max: f64) -> Result<f64, String> {
        self.field(name)
            .as_f64()
            .filter(|number| number.fract() == 0.0 && (0.0..=max).contains(number))
            .ok_or_else(|| format!("{name} is not a whole number from 0 to {max}"))
    }

    fn list(&self, name: &str) -> Result<Array, String> {
        self.field(name)
            .dyn_into::<Array>()
            .map_err(|_| format!("{name} is not a list"))
    }

    fn texts(&self, name: &str) -> Result<Vec<String>, String> {
        self.list(name)?
            .iter()
            .map(|text| {
                text.as_string()
                    .ok_or_else(|| format!("{name} holds a non-string"))
            })
            .collect()
    }
}
