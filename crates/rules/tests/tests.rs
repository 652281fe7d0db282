//! Integration tests of `tba-rules`: one table-driven case per statement of product.md §3/§4 and
//! netsuite-role-page.md §6, and property tests of the fix plan and the codec.

mod boundaries;
mod bounds;
mod catalog;
mod fixtures;
mod import;
mod messages;
mod meter;
mod oauth2;
mod properties;
mod rules;
mod store;
mod tidy;
mod wire;
