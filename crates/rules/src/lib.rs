//! Pure rules of TBA Doctor: everything that decides, with no browser crate and no I/O.
#![deny(missing_docs)]
