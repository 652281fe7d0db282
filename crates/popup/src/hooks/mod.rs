//! Hooks that run the popup's effects (extension API calls); the reducer in `state.rs` stays pure.
pub mod use_popup;
