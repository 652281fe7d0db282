//! Pure rules of TBA Doctor: everything that decides, with no browser crate and no I/O.
//!
//! Data flows one way: the content script gathers facts into a [`role::Role`], [`evaluate()`]
//! compares it with an integration [`profile`] and returns a [`evaluate::Verdict`], and the panel
//! and popup only display that verdict.
//!
//! ```
//! use tba_rules::{Level, Role, Status, Subtab, evaluate, profile};
//!
//! let mut role = Role::default();
//! role.grant("ADMI_LOGIN_OAUTH", Subtab::Setup, Level::Full);
//! role.grant("ADMI_WEBSERVICES", Subtab::Setup, Level::View);
//!
//! let cloudextend = profile::default_profile();
//! let verdict = evaluate(&role, cloudextend);
//! assert_eq!(verdict.status, Status::NeedsFix);
//! assert_eq!(verdict.missing_ids(), ["ADMI_MANAGE_OWN_OAUTH_TOKENS"]);
//! assert_eq!(verdict.too_low_ids(), ["ADMI_WEBSERVICES"]);
//!
//! // The plan adds and raises; applying it satisfies the profile.
//! let fixed = tba_rules::plan::apply(&role, &verdict.plan);
//! let again = evaluate(&fixed, cloudextend);
//! assert_eq!(again.status, Status::Ok);
//! assert!(again.plan.is_empty());
//! // User Access Tokens now makes Log in using Access Tokens unnecessary.
//! assert_eq!(again.redundant, ["ADMI_LOGIN_OAUTH"]);
//! ```
#![deny(missing_docs)]

pub mod assemble;
pub mod authmsg;
pub mod bridge;
pub mod catalog;
pub mod codec;
pub mod confirm;
pub mod crosscheck;
pub mod evaluate;
#[cfg(feature = "profiles")]
pub mod export;
mod fold;
pub mod idmap;
#[cfg(feature = "profiles")]
pub mod import;
#[cfg(feature = "profiles")]
pub mod json;
pub mod level;
pub mod marks;
pub mod message;
pub mod outcome;
pub mod page;
pub mod plan;
pub mod profile;
pub mod protocol;
pub mod role;
pub mod settings;
#[cfg(feature = "profiles")]
pub mod store;
pub mod table;
pub mod text;
pub mod wire;
pub mod wording;

pub use catalog::{Permission, Subtab};
pub use evaluate::{Status, Verdict, Warning, evaluate};
pub use level::{Level, LevelSet};
pub use plan::{FixOp, FixPlan};
pub use profile::{Profile, ProfileId};
pub use role::{Grant, Role};
