//! Watches the permission tables for NetSuite's redraws (`buildtable()` replaces every row) and
//! calls back at most once per animation frame, however many batches of changes arrive: a page
//! that redraws in a loop costs one re-read a frame, not one per redraw.
//!
//! Only `childList` changes under the sublist table containers are observed: the marks this
//! extension sets are attributes, and the panel sits outside the containers, so its own drawing
//! never wakes the observer. The `Watch` owns its observer and closure and disconnects on drop.
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Element, MutationObserver, MutationObserverInit};

#[wasm_bindgen]
extern "C" {
    /// The content script's own `requestAnimationFrame` (a bare global, like `setTimeout`).
    #[wasm_bindgen(js_name = requestAnimationFrame, catch)]
    fn request_animation_frame(handler: &JsValue) -> Result<JsValue, JsValue>;
}

/// An owned MutationObserver over the sublist tables.
pub struct Watch {
    observer: MutationObserver,
    _callback: Closure<dyn FnMut(js_sys::Array, MutationObserver)>,
}

impl Watch {
    /// Observes `targets`; `on_change` runs in the next animation frame after a batch of mutation
    /// records, once for all the batches before that frame (at once when no frame can be asked
    /// for).
    pub fn new(targets: &[Element], on_change: impl FnMut() + 'static) -> Result<Watch, JsValue> {
        let on_change: Rc<RefCell<dyn FnMut()>> = Rc::new(RefCell::new(on_change));
        let pending = Rc::new(Cell::new(false));
        let callback = Closure::<dyn FnMut(js_sys::Array, MutationObserver)>::new(
            move |_records: js_sys::Array, _observer: MutationObserver| {
                crate::guard::run("redraw-watcher", || schedule(&on_change, &pending));
            },
        );
        let observer = MutationObserver::new(callback.as_ref().unchecked_ref())?;
        let options = MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        for target in targets {
            observer.observe_with_options(target, &options)?;
        }
        Ok(Watch {
            observer,
            _callback: callback,
        })
    }

    /// Drops pending records, after this extension changed the tables itself and already redrew.
    pub fn discard_pending(&self) {
        let _ = self.observer.take_records();
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Asks for one re-read at the next frame (in a hidden tab: the next task), unless one is pending.
fn schedule(on_change: &Rc<RefCell<dyn FnMut()>>, pending: &Rc<Cell<bool>>) {
    if pending.replace(true) {
        return;
    }
    let (on_change, pending) = (Rc::clone(on_change), Rc::clone(pending));
    let run = move || {
        pending.set(false);
        if let Ok(mut on_change) = on_change.try_borrow_mut() {
            on_change();
        }
    };
    // A hidden tab gets no animation frames: it re-reads in a task of its own instead.
    let visible = crate::dom::document().is_some_and(|document| !document.hidden());
    let frame = Closure::once_into_js(run);
    let asked = if visible {
        request_animation_frame(&frame)
    } else {
        crate::dom::set_timeout(&frame, 0)
    };
    if asked.is_err()
        && let Some(frame) = frame.dyn_ref::<js_sys::Function>()
    {
        let _ = frame.call0(&JsValue::NULL);
    }
}
