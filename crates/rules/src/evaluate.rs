//! Evaluation: compares a `Role` with a `Profile` and gives a `Verdict` (per-requirement state,
//! redundant permissions, warnings, overall status and fix plan).
//!
//! A pure function of its inputs: the popup re-evaluates the role it receives and must get the
//! same verdict as the page panel, so nothing here may depend on anything but the `Role` and the
//! `Profile` (owned, validated data: see `profile`).

use crate::catalog::{self, Subtab, ids};
use crate::level::Level;
use crate::message::{Arg, Id, Message, Text};
use crate::plan::{FixOp, FixPlan};
use crate::profile::{Profile, ProfileId, REDUNDANCIES, Requirement};
use crate::role::Role;

/// The overall state of a role for a profile (`data-status`, product.md §6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// Every requirement is met and nothing blocks.
    Ok,
    /// Something is missing, too low, or a role setting is wrong.
    NeedsFix,
    /// A needed permission is not offered: the feature is off in the account. Beats `NeedsFix`.
    FeatureOff,
}

impl Status {
    /// The stable form: `"ok"`, `"needs-fix"` or `"feature-off"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::NeedsFix => "needs-fix",
            Status::FeatureOff => "feature-off",
        }
    }
}

/// How the role stands against one requirement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RequirementState {
    /// The role holds `by` at the needed level or higher.
    Satisfied {
        /// The permission that satisfies it.
        by: &'static str,
    },
    /// The role holds `id`, but below the needed level.
    TooLow {
        /// The permission held too low.
        id: &'static str,
        /// Its level.
        have: Level,
        /// The level needed.
        need: Level,
    },
    /// The role has none of the alternatives; `id` is the one to add.
    Missing {
        /// The permission to add.
        id: &'static str,
    },
    /// The role has none of the alternatives and the page offers none of them: the feature is off.
    NotOffered {
        /// The preferred permission.
        id: &'static str,
    },
}

impl RequirementState {
    /// The permission Pre-fill can put into its sublist's add row, when there is one: only a
    /// missing one. A line held too low is already in the sublist (a second line with the same key
    /// is refused by NetSuite), so Fix all raises it; one not offered cannot be chosen. The panel
    /// and the popup offer Pre-fill by this one rule, and the content script runs it by it.
    pub fn prefill_id(&self) -> Option<&'static str> {
        match *self {
            RequirementState::Missing { id } => Some(id),
            _ => None,
        }
    }
}

/// One requirement with its state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequirementCheck {
    /// The requirement of the profile (a copy: the verdict outlives the profile it was made with).
    pub requirement: Requirement,
    /// How the role stands.
    pub state: RequirementState,
}

/// Something the admin should know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// The plan would add permissions that make the role 2FA-required.
    WouldRequireTwoFactor {
        /// Those permission ids.
        ids: Vec<&'static str>,
    },
    /// This is the Administrator role.
    AdministratorRole,
    /// The role is Web Services Only, which the profile does not allow (blocks `Ok`).
    WebServicesOnly,
    /// SOAP Web Services is held below Full.
    SoapBelowFull {
        /// The level held.
        have: Level,
    },
    /// Needed permissions are not offered: Token-based Authentication (or another feature) is off
    /// (blocks `Ok`).
    FeatureOff {
        /// The permission ids not offered.
        ids: Vec<&'static str>,
    },
    /// Access Token Management does not let the role create tokens for itself or log in with them.
    TokenAdminLimits,
    /// The NetSuite2.com Connect data source is not accessible to the Administrator role.
    ConnectNotForAdministrator,
}

/// Where an admin turns Token-based Authentication on.
pub const ENABLE_FEATURES_PATH: &str =
    "Setup > Company > Enable Features > SuiteCloud > Manage Authentication";

impl Warning {
    /// A stable kebab-case code, e.g. `"web-services-only"`.
    pub fn code(&self) -> &'static str {
        match self {
            Warning::WouldRequireTwoFactor { .. } => "would-require-2fa",
            Warning::AdministratorRole => "administrator-role",
            Warning::WebServicesOnly => "web-services-only",
            Warning::SoapBelowFull { .. } => "soap-below-full",
            Warning::FeatureOff { .. } => "feature-off",
            Warning::TokenAdminLimits => "token-admin-limits",
            Warning::ConnectNotForAdministrator => "connect-not-for-administrator",
        }
    }

    /// Whether the warning keeps the status from being `Ok`.
    pub fn blocks(&self) -> bool {
        matches!(self, Warning::WebServicesOnly | Warning::FeatureOff { .. })
    }

    /// Where the rule comes from.
    pub fn source(&self) -> &'static str {
        match self {
            Warning::WouldRequireTwoFactor { .. } => {
                "product.md §4; netsuite-role-page.md §5.1 and §6.2 (Oracle section_1515446005)"
            }
            Warning::AdministratorRole => {
                "product.md §4; netsuite-role-page.md §6.1 and §6.2 (Oracle chapter_157017286140, section_1532968056)"
            }
            Warning::WebServicesOnly => {
                "product.md §3 and §4; netsuite-role-page.md §6.3 (Oracle section_1530099787, CloudExtend 3509654)"
            }
            Warning::SoapBelowFull { .. } => {
                "product.md §4; netsuite-role-page.md §5.1 (Oracle section_N3424476)"
            }
            Warning::FeatureOff { .. } => {
                "product.md §4; netsuite-role-page.md §2.4 and §6.1 (Oracle bridgehead_4253254429)"
            }
            Warning::TokenAdminLimits => {
                "product.md §3 and §4; netsuite-role-page.md §6.1 (Oracle bridgehead_4254081947)"
            }
            Warning::ConnectNotForAdministrator => {
                "netsuite-role-page.md §6.4 (Oracle section_1549964695)"
            }
        }
    }

    /// The sentence for admins.
    pub fn message(&self) -> Message {
        match self {
            Warning::WouldRequireTwoFactor { ids } => Message::with(
                Id::WarningWouldRequireTwoFactor,
                vec![Arg::permissions(ids.iter().copied())],
            ),
            Warning::AdministratorRole => Message::plain(Id::WarningAdministratorRole),
            Warning::WebServicesOnly => Message::plain(Id::WarningWebServicesOnly),
            Warning::SoapBelowFull { have } => {
                Message::with(Id::WarningSoapBelowFull, vec![Arg::Level(*have)])
            }
            Warning::FeatureOff { ids } => Message::with(
                Id::WarningFeatureOff,
                vec![
                    Arg::permissions(ids.iter().copied()),
                    Arg::Text(ENABLE_FEATURES_PATH.to_owned()),
                ],
            ),
            Warning::TokenAdminLimits => Message::plain(Id::WarningTokenAdminLimits),
            Warning::ConnectNotForAdministrator => {
                Message::plain(Id::WarningConnectNotForAdministrator)
            }
        }
    }
}

/// The result of evaluating a role against a profile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// The profile evaluated.
    pub profile: ProfileId,
    /// Its name.
    pub profile_name: Text,
    /// The overall status.
    pub status: Status,
    /// One check per requirement, in profile order.
    pub checks: Vec<RequirementCheck>,
    /// Permissions the role holds that another permission it holds makes unnecessary.
    pub redundant: Vec<&'static str>,
    /// Warnings, in a fixed order.
    pub warnings: Vec<Warning>,
    /// What to add or raise.
    pub plan: FixPlan,
}

impl Verdict {
    /// The permissions Fix all would add that make a role not yet 2FA-required require 2FA
    /// (netsuite-role-page.md §5.1): the one rule by which the panel and the popup ask before
    /// fixing. Empty: fix without asking (e.g. the Administrator role, which is 2FA-required
    /// already).
    pub fn fix_confirmation(&self) -> &[&'static str] {
        self.warnings
            .iter()
            .find_map(|warning| match warning {
                Warning::WouldRequireTwoFactor { ids } => Some(ids.as_slice()),
                _ => None,
            })
            .unwrap_or(&[])
    }

    fn ids_where(
        &self,
        pick: impl Fn(&RequirementState) -> Option<&'static str>,
    ) -> Vec<&'static str> {
        let mut ids: Vec<&'static str> = self
            .checks
            .iter()
            .filter_map(|check| pick(&check.state))
            .collect();
        catalog::sort_in_catalog_order(&mut ids, |id| *id);
        ids.dedup();
        ids
    }

    /// Ids of missing permissions (not the ones not offered), in catalog order (`data-missing`).
    pub fn missing_ids(&self) -> Vec<&'static str> {
        self.ids_where(|state| match *state {
            RequirementState::Missing { id } => Some(id),
            _ => None,
        })
    }

    /// Ids held below the needed level, in catalog order (`data-too-low`).
    pub fn too_low_ids(&self) -> Vec<&'static str> {
        self.ids_where(|state| match *state {
            RequirementState::TooLow { id, .. } => Some(id),
            _ => None,
        })
    }

    /// Ids that satisfy a requirement, in catalog order.
    pub fn satisfied_ids(&self) -> Vec<&'static str> {
        self.ids_where(|state| match *state {
            RequirementState::Satisfied { by } => Some(by),
            _ => None,
        })
    }

    /// Ids needed but not offered by the page, in catalog order.
    pub fn not_offered_ids(&self) -> Vec<&'static str> {
        self.ids_where(|state| match *state {
            RequirementState::NotOffered { id } => Some(id),
            _ => None,
        })
    }

    /// Whether the verdict carries a warning with this code.
    pub fn has_warning(&self, code: &str) -> bool {
        self.warnings.iter().any(|warning| warning.code() == code)
    }
}

/// Evaluates `role` against `profile`.
///
/// ```
/// use tba_rules::{catalog::Subtab, evaluate, level::Level, profile, role::Role};
///
/// let mut role = Role::default();
/// role.grant("ADMI_LOGIN_OAUTH", Subtab::Setup, Level::Full);
/// let soap = profile::builtin(profile::ProfileId::Soap).unwrap();
/// let verdict = evaluate::evaluate(&role, soap);
/// assert_eq!(verdict.missing_ids(), ["ADMI_WEBSERVICES"]);
/// ```
pub fn evaluate(role: &Role, profile: &Profile) -> Verdict {
    let checks: Vec<RequirementCheck> = profile
        .requirements
        .iter()
        .map(|requirement| RequirementCheck {
            requirement: requirement.clone(),
            state: check_requirement(role, requirement),
        })
        .collect();

    let plan = FixPlan::from_ops(checks.iter().filter_map(|check| {
        match check.state {
            RequirementState::Missing { id } => Some(FixOp::Add {
                id,
                subtab: catalog_subtab(id),
                level: check.requirement.level,
            }),
            RequirementState::TooLow { id, have, need } => Some(FixOp::Raise {
                id,
                subtab: role
                    .grants
                    .get(id)
                    .map_or_else(|| catalog_subtab(id), |grant| grant.subtab),
                from: have,
                to: need,
            }),
            RequirementState::Satisfied { .. } | RequirementState::NotOffered { .. } => None,
        }
    }));

    let redundant: Vec<&'static str> = REDUNDANCIES
        .iter()
        .filter(|rule| {
            role.level_of(rule.implied_by) == Level::Full
                && role.level_of(rule.redundant) > Level::None
        })
        .map(|rule| rule.redundant)
        .collect();

    let warnings = warnings(role, profile, &checks, &plan);
    let feature_off = checks
        .iter()
        .any(|check| matches!(check.state, RequirementState::NotOffered { .. }));
    let unmet = checks
        .iter()
        .any(|check| !matches!(check.state, RequirementState::Satisfied { .. }));
    let status = if feature_off {
        Status::FeatureOff
    } else if unmet || warnings.iter().any(Warning::blocks) {
        Status::NeedsFix
    } else {
        Status::Ok
    };
    Verdict {
        profile: profile.id,
        profile_name: profile.name.clone(),
        status,
        checks,
        redundant,
        warnings,
        plan,
    }
}

fn catalog_subtab(id: &str) -> Subtab {
    catalog::by_id(id).map_or(Subtab::Setup, |permission| permission.subtab)
}

/// Whether the page's permission picker offers `id`. The picker is only read on the Setup
/// subtab, so other subtabs count as offered.
fn offered(role: &Role, id: &str) -> bool {
    catalog_subtab(id) != Subtab::Setup || role.is_offered(id)
}

fn check_requirement(role: &Role, requirement: &Requirement) -> RequirementState {
    let need = requirement.level;
    if let Some(&by) = requirement
        .any_of
        .iter()
        .find(|id| role.level_of(id) >= need)
    {
        return RequirementState::Satisfied { by };
    }
    // Raising a line the role already has is better than adding a second way in.
    let held = requirement
        .any_of
        .iter()
        .filter(|id| role.has_line(id))
        .max_by_key(|id| (role.level_of(id), std::cmp::Reverse(catalog::position(id))));
    if let Some(&id) = held {
        return RequirementState::TooLow {
            id,
            have: role.level_of(id),
            need,
        };
    }
    match requirement.any_of.iter().find(|id| offered(role, id)) {
        Some(&id) => RequirementState::Missing { id },
        None => RequirementState::NotOffered {
            id: requirement.any_of.first().copied().unwrap_or(""),
        },
    }
}

fn warnings(
    role: &Role,
    profile: &Profile,
    checks: &[RequirementCheck],
    plan: &FixPlan,
) -> Vec<Warning> {
    let flags = profile.flags;
    let mut warnings = Vec::new();
    if role.is_administrator() {
        warnings.push(Warning::AdministratorRole);
    }
    if flags.forbids_web_services_only && role.web_services_only == Some(true) {
        warnings.push(Warning::WebServicesOnly);
    }
    let soap = role.level_of(ids::WEBSERVICES);
    if role.has_line(ids::WEBSERVICES) && soap > Level::None && soap < Level::Full {
        warnings.push(Warning::SoapBelowFull { have: soap });
    }
    let not_offered: Vec<&'static str> = checks
        .iter()
        .filter_map(|check| match check.state {
            RequirementState::NotOffered { id } => Some(id),
            _ => None,
        })
        .collect();
    if !not_offered.is_empty() {
        warnings.push(Warning::FeatureOff { ids: not_offered });
    }
    let two_factor_ids = plan.two_factor_ids();
    if !two_factor_ids.is_empty() && !role.is_two_factor_required() {
        warnings.push(Warning::WouldRequireTwoFactor {
            ids: two_factor_ids,
        });
    }
    if flags.warns_token_admin_limits {
        warnings.push(Warning::TokenAdminLimits);
    }
    if flags.warns_connect_not_for_administrator && role.is_administrator() {
        warnings.push(Warning::ConnectNotForAdministrator);
    }
    warnings
}
