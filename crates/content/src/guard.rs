//! No stuck states: every call from the browser into the engine goes through [`entry`], which
//! notices a call that never returned and stops the engine cleanly.
//!
//! A wasm trap (a Rust panic aborts as `unreachable`) or an exception thrown by a browser function
//! the engine called unwinds straight through the engine's frames: nothing of Rust runs on the way
//! out, so whatever was borrowed stays borrowed and the panel keeps a verdict nobody updates. Each
//! outermost [`entry`] counts itself in and queues a microtask before it starts; the microtask runs
//! as soon as the call's JavaScript stack is empty, returned or thrown, and finds the count still
//! up only when the call did not return. Then the engine is *stopped*: the loader's failure handler
//! ([`on_stop`]) takes everything TBA Doctor drew out of the page and sets `data-tba-doctor="error"`
//! and `data-tba-doctor-error` with the reason, which names the entry point, and every later entry
//! does nothing (the popup's gets the reason as an `Unavailable` answer). The engine's memory is
//! left as the abort left it; nothing runs on it again.
use std::cell::{Cell, RefCell};

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::dom;

thread_local! {
    /// Entries begun and not yet returned (nested ones included).
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    /// The entry point the outermost running entry is, for the reason.
    static RUNNING: Cell<&'static str> = const { Cell::new("") };
    /// Why the engine stopped, once it has.
    static STOPPED: RefCell<Option<String>> = const { RefCell::new(None) };
    /// The loader's failure handler.
    static HANDLER: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    /// The check queued by each outermost entry, made once.
    static CHECK: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

#[wasm_bindgen]
extern "C" {
    /// The content script's own `queueMicrotask`.
    #[wasm_bindgen(js_name = queueMicrotask, catch)]
    fn queue_microtask(callback: &js_sys::Function) -> Result<(), JsValue>;
}

/// Runs `work` as the entry point `name`, unless the engine has stopped: then `stopped` gets the
/// reason instead. See the module documentation.
pub fn entry<R>(
    name: &'static str,
    work: impl FnOnce() -> R,
    stopped: impl FnOnce(&str) -> R,
) -> R {
    // Kept small: this body is copied for every entry point, the work of `enter` and `leave` is not.
    if !enter(name) {
        return stopped(&reason().unwrap_or_default());
    }
    let result = work();
    leave();
    result
}

/// Counts an entry in (queueing the check for an outermost one), unless the engine has stopped.
#[inline(never)]
fn enter(name: &'static str) -> bool {
    if STOPPED.with_borrow(Option::is_some) {
        return false;
    }
    let depth = DEPTH.get();
    if depth == 0 {
        RUNNING.set(name);
        queue_check();
    }
    DEPTH.set(depth + 1);
    true
}

/// Counts a returned entry out.
#[inline(never)]
fn leave() {
    DEPTH.set(DEPTH.get().saturating_sub(1));
}

/// [`entry`] for work that answers nothing.
pub fn run(name: &'static str, work: impl FnOnce()) {
    entry(name, work, |_| ());
}

/// Why the engine stopped, if it has: `engine-failed: run: ` and the entry point and what befell
/// it, `panel-click: midway` (an exception or trap stopped it) or `popup-message: held` (it found
/// the engine's state still held by a call that never returned), as the popup's `Unavailable`
/// answer gives it.
pub fn reason() -> Option<String> {
    STOPPED.with_borrow(Clone::clone)
}

/// Stops the engine now, for what befell `entry` (see [`reason`]), and reports it through the loader's failure handler ([`on_stop`]). Idempotent.
pub fn stop(entry: &str, what: &str) {
    if reason().is_some() {
        return;
    }
    let mut reason = String::from("engine-failed: run: ");
    reason.push_str(entry);
    reason.push_str(": ");
    reason.push_str(what);
    STOPPED.set(Some(reason));
    report();
}

/// Installs the loader's failure handler (`content-loader.js`'s `fail`, which takes everything TBA
/// Doctor drew out of the page, sets `data-tba-doctor="error"` and `data-tba-doctor-error`, logs
/// one console error and answers the popup); called at once when the engine stopped before it
/// was installed (during the rehearsal).
pub fn on_stop(handler: js_sys::Function) {
    HANDLER.set(Some(handler));
    report();
}

fn report() {
    if let (Some(reason), Some(handler)) = (reason(), HANDLER.with_borrow(Clone::clone)) {
        let _ = handler.call1(&JsValue::NULL, &JsValue::from_str(&reason));
    }
}

fn queue_check() {
    let queued = CHECK.with_borrow_mut(|check| {
        let check = check.get_or_insert_with(|| {
            Closure::<dyn Fn()>::new(after_entry)
                .into_js_value()
                .unchecked_into()
        });
        queue_microtask(check).is_ok()
    });
    if !queued {
        dom::warn("no-entry-check");
    }
}

/// Runs once the outermost entry's stack is empty: an entry still counted never returned.
fn after_entry() {
    if DEPTH.get() > 0 {
        stop(RUNNING.get(), "midway");
    }
}
