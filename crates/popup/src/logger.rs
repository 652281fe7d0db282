//! The popup's `log` backend: warnings and errors go to the browser console, with the level set
//! by the build profile. User-facing status is shown in the popup itself, never only logged.
use log::{Level, LevelFilter, Log, Metadata, Record};

struct ConsoleLogger;

static LOGGER: ConsoleLogger = ConsoleLogger;

impl Log for ConsoleLogger {
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        metadata.level() <= log::max_level()
    }

    fn log(&self, record: &Record<'_>) {
        if !self.enabled(record.metadata()) {
            return;
        }
        let text = wasm_bindgen::JsValue::from_str(&format!("TBA Doctor popup: {}", record.args()));
        match record.level() {
            Level::Error => web_sys::console::error_1(&text),
            Level::Warn => web_sys::console::warn_1(&text),
            _ => web_sys::console::info_1(&text),
        }
    }

    fn flush(&self) {}
}

/// Installs the console logger (once; later calls do nothing).
pub fn install() {
    if log::set_logger(&LOGGER).is_ok() {
        log::set_max_level(if cfg!(debug_assertions) {
            LevelFilter::Debug
        } else {
            LevelFilter::Warn
        });
    }
}
