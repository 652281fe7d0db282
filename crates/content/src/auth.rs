//! The authorization-error helper: explains NetSuite's "insufficient permission" error in place.

/// Starts the authorization-error feature.
pub fn start() {}
