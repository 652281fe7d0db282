//! Watches the permission tables for NetSuite's redraws (`buildtable()` replaces every row) and
//! calls back once per batch of changes.
//!
//! Only `childList` changes under the sublist table containers are observed: the marks this
//! extension sets are attributes, and the panel sits outside the containers, so its own drawing
//! never wakes the observer. The `Watch` owns its observer and closure and disconnects on drop.
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Element, MutationObserver, MutationObserverInit};

/// An owned MutationObserver over the sublist tables.
pub struct Watch {
    observer: MutationObserver,
    _callback: Closure<dyn FnMut(js_sys::Array, MutationObserver)>,
}

impl Watch {
    /// Observes `targets`; `on_change` runs once per delivered batch of mutation records.
    pub fn new(targets: &[Element], on_change: impl FnMut() + 'static) -> Result<Watch, JsValue> {
        let mut on_change = on_change;
        let callback = Closure::<dyn FnMut(js_sys::Array, MutationObserver)>::new(
            move |_records: js_sys::Array, _observer: MutationObserver| on_change(),
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
