//! The popup's function components, one per file; each takes `<Name>Props` and reports clicks
//! through `on<verb>` callbacks. None of them calls a browser API.
pub mod app;
pub mod auth_help;
pub mod copy_actions;
pub mod fix_steps;
pub mod no_permission;
pub mod options_page;
pub mod other_netsuite;
pub mod profile_picker;
pub mod role_verdict;
pub mod unavailable;
pub mod words;

#[cfg(test)]
mod tests;
