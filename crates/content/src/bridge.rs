//! The content script's side of the MAIN-world bridge (`extension/bridge.js`): the transport of
//! the requests and replies `tba_rules::bridge` defines, writes and reads.
//!
//! NetSuite's sublist functions live in the page's own world; the bridge runs there and answers
//! a `tba-doctor:request` CustomEvent synchronously with a `tba-doctor:response` one, both with a
//! JSON string as detail. The answer comes from the page world and is treated as untrusted input:
//! one answer with the request's id, of bounded length, read by `tba_rules::bridge`, which refuses
//! anything the request does not call for. This module never decides what to change: callers pass
//! ready-made lines from the rules' fix plan.
use std::cell::RefCell;
use std::rc::Rc;

use tba_rules::bridge::{self, Line, LineResult, Probe, Reply, Request};
use tba_rules::wire::Value;
use tba_rules::wire::WireError;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, Document, Event};

use crate::wire::Js;

const REQUEST_EVENT: &str = "tba-doctor:request";
const RESPONSE_EVENT: &str = "tba-doctor:response";
/// Most answers kept per request (the bridge sends one; the rest are other scripts').
const MAX_ANSWERS: usize = 8;

/// Why the bridge could not do what was asked (typed in `rules`, which words it). No valid answer
/// (the bridge script is not in the page, or what answered is not the bridge: an answer
/// `tba_rules::bridge` refuses, or two answers to one request) is `NoAnswer`.
pub use tba_rules::outcome::BridgeFailure as BridgeError;

/// What the bridge did, from its reply as `tba_rules::bridge` read it: anything it refuses counts
/// as no answer.
fn done<T>(reply: Result<Reply<T>, WireError>) -> Result<T, BridgeError> {
    match reply {
        Ok(Reply::Done(done)) => Ok(done),
        Ok(Reply::Refused(reason)) => Err(refused(reason)),
        Err(_) => Err(BridgeError::NoAnswer),
    }
}

// Once, not in each of `done`'s copies.
#[inline(never)]
fn refused(reason: Option<String>) -> BridgeError {
    reason.map_or(BridgeError::Malformed, BridgeError::Said)
}

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` of a JavaScript string that stays in JavaScript: an answer never needs to be
    /// copied into wasm as a whole, only the fields read from it.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn parse_json(text: &JsValue) -> Result<JsValue, JsValue>;
}

/// Sends `request` and returns the one answer with its id, parsed but not yet read.
fn call(document: &Document, request: Request<'_>) -> Result<Js, BridgeError> {
    // A random id in base 36, made in JavaScript (no number formatting in wasm for this).
    let id: JsValue = js_sys::Number::from((js_sys::Math::random() * 1e15).floor())
        .to_string_with_radix(36)
        .map_err(|_| BridgeError::NoAnswer)?
        .into();
    let mut message: Js = request.encode();
    message.set("id", Js(id.clone()));
    let detail = js_sys::JSON::stringify(&message.0).map_err(|_| BridgeError::NoAnswer)?;

    let answers: Rc<RefCell<Vec<JsValue>>> = Rc::default();
    let listener = {
        let answers = Rc::clone(&answers);
        Closure::<dyn FnMut(Event)>::new(move |event: Event| {
            crate::guard::run("bridge-answer", || {
                if let Some(detail) = event
                    .dyn_ref::<CustomEvent>()
                    .map(CustomEvent::detail)
                    .filter(|detail| {
                        detail
                            .dyn_ref::<js_sys::JsString>()
                            .is_some_and(|text| text.length() as usize <= bridge::MAX_REPLY_CHARS)
                    })
                    && answers.borrow().len() < MAX_ANSWERS
                {
                    answers.borrow_mut().push(detail);
                }
            });
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

    // The first answer with this id; any other is ignored. Whoever sent it, it is only a hint:
    // what was done is read from the page afterwards (`tba_rules::confirm`).
    answers
        .borrow()
        .iter()
        .filter_map(|detail| parse_json(detail).ok())
        .find(|answer| crate::wire::field(answer, "id") == id)
        .map(Js)
        .ok_or(BridgeError::NoAnswer)
}

/// Asks which page functions exist and which ids the Setup picker (field `key_field`) offers.
pub fn probe(document: &Document, key_field: &str) -> Result<Probe, BridgeError> {
    let answer = call(document, Request::Probe { key_field })?;
    done(bridge::decode_probe(&answer))
}

/// Puts `line` into the machine's add row; the admin clicks Add.
pub fn prefill(document: &Document, line: &Line) -> Result<(), BridgeError> {
    let answer = call(document, Request::Prefill(line))?;
    done(bridge::decode_prefill(&answer))
}

/// Adds and raises `lines`, committing each like the admin would; returns one result per line.
pub fn fix(document: &Document, lines: &[Line]) -> Result<Vec<LineResult>, BridgeError> {
    let answer = call(document, Request::Fix(lines))?;
    done(bridge::decode_fix(&answer, lines))
}
