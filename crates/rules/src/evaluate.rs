//! Evaluation: compares a `Role` with a `Profile` and gives a `Verdict` (per-requirement state,
//! redundant permissions, warnings, overall status and fix plan).
//!
//! A pure function of its inputs: the popup re-evaluates the role it receives and must get the
//! same verdict as the page panel, so nothing here may depend on anything but the `Role` and the
//! `Profile` (owned, validated data: see `profile`).

use crate::catalog::{self, Subtab, ids};
use crate::level::Level;
use crate::message::{Id, Message, Text};
use crate::plan::{FixOp, FixPlan};
use crate::profile::{OAuth2Route, Profile, ProfileId, REDUNDANCIES, Requirement};
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
    /// The subtab of the line a fix touches: the role's line when it has one, else the
    /// catalog's.
    pub subtab: Subtab,
}

/// The account feature that offers a permission (for a permission the page does not offer).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Feature {
    /// Token-based Authentication.
    Tba,
    /// OAuth 2.0.
    OAuth2,
    /// Another feature (REST Web Services, SuiteAnalytics Connect, a SuiteApp, …).
    Other,
}

impl Feature {
    /// The feature that offers `id`.
    pub fn of(id: &str) -> Feature {
        match id {
            ids::LOGIN_OAUTH | ids::USER_ACCESS_TOKENS | ids::ACCESS_TOKEN_MANAGEMENT => {
                Feature::Tba
            }
            ids::LOGIN_OAUTH2 | ids::MANAGE_OAUTH2 => Feature::OAuth2,
            _ => Feature::Other,
        }
    }
}

/// Something the admin should know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// The integration does not accept a 2FA-required role (`Flags::refuses_two_factor`), and
    /// the role is one (`ids` empty) or the plan would make it one (by adding `ids`).
    TwoFactorRefused {
        /// The 2FA-making permission ids the plan adds; empty when the role is 2FA-required
        /// already.
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
    /// Needed permissions are not offered: the feature that offers them is off (blocks `Ok`).
    /// One warning per feature.
    FeatureOff {
        /// The permission ids not offered.
        ids: Vec<&'static str>,
        /// The feature that offers them.
        feature: Feature,
    },
    /// Access Token Management does not let the role create tokens for itself or log in with them.
    TokenAdminLimits,
    /// The NetSuite2.com Connect data source is not accessible to the Administrator role.
    ConnectNotForAdministrator,
    /// The integration refuses the Administrator role (blocks `Ok`).
    AdministratorRefused,
    /// Client credentials (M2M): where the mapping is made, by whom, and that a sandbox refresh
    /// clears it.
    M2mMapping,
    /// RESTlets need the Client and Server SuiteScript features.
    SuiteScriptFeatures,
}

/// Where an admin turns Token-based Authentication on.
pub const ENABLE_FEATURES_PATH: &str =
    "Setup > Company > Enable Features > SuiteCloud > Manage Authentication";

impl Warning {
    /// A stable kebab-case code, e.g. `"web-services-only"`.
    pub fn code(&self) -> &'static str {
        match self {
            Warning::TwoFactorRefused { .. } => "two-factor-refused",
            Warning::AdministratorRole => "administrator-role",
            Warning::WebServicesOnly => "web-services-only",
            Warning::SoapBelowFull { .. } => "soap-below-full",
            Warning::FeatureOff { .. } => "feature-off",
            Warning::TokenAdminLimits => "token-admin-limits",
            Warning::ConnectNotForAdministrator => "connect-not-for-administrator",
            Warning::AdministratorRefused => "administrator-refused",
            Warning::M2mMapping => "m2m-mapping",
            Warning::SuiteScriptFeatures => "suitescript-features",
        }
    }

    /// Whether the warning keeps the status from being `Ok`.
    pub fn blocks(&self) -> bool {
        matches!(
            self,
            Warning::WebServicesOnly | Warning::FeatureOff { .. } | Warning::AdministratorRefused
        )
    }

    /// Where the rule comes from.
    pub fn source(&self) -> &'static str {
        match self {
            Warning::TwoFactorRefused { .. } => {
                "netsuite-role-page.md §5.1 and §6.2 (Oracle section_1515446005; section_N328126: 2FA 'is not compatible with web services or SuiteAnalytics Connect'; chapter_4247329078: 'You can use 2FA roles … with TBA')"
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
                "product.md §4; netsuite-role-page.md §2.4 and §6.1 (Oracle bridgehead_4253254429); OAuth 2.0: Oracle section_157771482304"
            }
            Warning::TokenAdminLimits => {
                "product.md §3 and §4; netsuite-role-page.md §6.1 (Oracle bridgehead_4254081947)"
            }
            Warning::ConnectNotForAdministrator => {
                "netsuite-role-page.md §6.4 (Oracle section_1549964695)"
            }
            Warning::AdministratorRefused => {
                "Oracle article_4160616848 (NetSuite AI Connector Service FAQ)"
            }
            Warning::M2mMapping => "Oracle section_162686838198",
            Warning::SuiteScriptFeatures => {
                "netsuite-more-pages.md (Oracle bridgehead_4253254429); Oracle article_4160616848"
            }
        }
    }

    /// The sentence for admins.
    pub fn message(&self) -> Message {
        // The id first, then the arguments: one `Message` built in one place keeps the budgeted
        // content wasm small.
        let id = match self {
            Warning::TwoFactorRefused { ids } if ids.is_empty() => Id::WarningTwoFactorRefused,
            Warning::TwoFactorRefused { .. } => Id::WarningTwoFactorRefusedWould,
            Warning::AdministratorRole => Id::WarningAdministratorRole,
            Warning::WebServicesOnly => Id::WarningWebServicesOnly,
            Warning::SoapBelowFull { .. } => Id::WarningSoapBelowFull,
            Warning::FeatureOff { feature, .. } => match feature {
                Feature::Tba => Id::WarningFeatureOff,
                Feature::OAuth2 => Id::WarningOAuth2Off,
                Feature::Other => Id::WarningOtherFeatureOff,
            },
            Warning::TokenAdminLimits => Id::WarningTokenAdminLimits,
            Warning::ConnectNotForAdministrator => Id::WarningConnectNotForAdministrator,
            Warning::AdministratorRefused => Id::WarningAdministratorRefused,
            Warning::M2mMapping => Id::WarningM2mMapping,
            Warning::SuiteScriptFeatures => Id::WarningSuiteScriptFeatures,
        };
        let message = Message::plain(id);
        match self {
            Warning::TwoFactorRefused { ids } if !ids.is_empty() => message.permissions(ids),
            Warning::SoapBelowFull { have } => message.level(*have),
            // The TBA message takes its click path as an argument, as the authorization-error
            // request's does; the others hold theirs (a translation words NetSuite's menus).
            Warning::FeatureOff {
                ids,
                feature: Feature::Tba,
            } => message.permissions(ids).text(ENABLE_FEATURES_PATH),
            Warning::FeatureOff { ids, .. } => message.permissions(ids),
            _ => message,
        }
    }
}

/// The change of NetSuite 2027.1 as it concerns a role that logs in with TBA, or a TBA profile
/// (Oracle section_158921905537, subsect_156934879823): existing TBA integrations keep working,
/// new integrations must use OAuth 2.0, and SOAP web services, which OAuth 2.0 cannot serve, end
/// in 2028.2.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transition {
    /// What the role would additionally need to serve the same integration over OAuth 2.0.
    pub also: Also,
}

/// What the same integration needs over OAuth 2.0 (`Transition::also`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Also {
    /// The requirements of the integration over OAuth 2.0 that the role does not meet and the
    /// verdict's own plan does not fix; empty when the role is ready for OAuth 2.0 too.
    Checks(Vec<RequirementCheck>),
    /// A SOAP integration: OAuth 2.0 cannot serve it; it must move to REST web services.
    Soap,
    /// Nothing to add: the profile uses OAuth 2.0 already, or no counterpart is known.
    Nothing,
}

impl Transition {
    fn checks(&self) -> &[RequirementCheck] {
        match &self.also {
            Also::Checks(checks) => checks,
            Also::Soap | Also::Nothing => &[],
        }
    }

    /// The ids the role lacks for OAuth 2.0, in catalog order (`data-oauth2-missing`); each
    /// can be pre-filled.
    pub fn missing_ids(&self) -> Vec<&'static str> {
        ids_where(self.checks(), RequirementState::prefill_id)
    }

    /// What adds and raises the lines OAuth 2.0 needs beyond the verdict's plan.
    pub fn plan(&self) -> FixPlan {
        FixPlan::from_ops(self.checks().iter().filter_map(|check| check.op()))
    }

    /// The OAuth 2.0 permissions the page does not offer, as feature-off warnings (one per
    /// feature, as the verdict's own).
    pub fn feature_off(&self) -> Vec<Warning> {
        let mut warnings = Vec::new();
        feature_off(self.checks(), &mut warnings);
        warnings
    }
}

impl RequirementCheck {
    /// The line a fix adds or raises for it, if any.
    fn op(&self) -> Option<FixOp> {
        match self.state {
            RequirementState::Missing { id } => Some(FixOp::Add {
                id,
                subtab: catalog_subtab(id),
                level: self.requirement.level,
            }),
            RequirementState::TooLow { id, have, need } => Some(FixOp::Raise {
                id,
                subtab: self.subtab,
                from: have,
                to: need,
            }),
            RequirementState::Satisfied { .. } | RequirementState::NotOffered { .. } => None,
        }
    }
}

/// The ids `pick` takes from `checks`, in catalog order, once each. (A function pointer, not a
/// generic: one copy of the code serves every list.)
fn ids_where(
    checks: &[RequirementCheck],
    pick: fn(&RequirementState) -> Option<&'static str>,
) -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = checks
        .iter()
        .filter_map(|check| pick(&check.state))
        .collect();
    catalog::sort_in_catalog_order(&mut ids, |id| *id);
    ids.dedup();
    ids
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
    /// The permissions of the plan that make the role 2FA-required, when it is not yet.
    pub two_factor: Vec<&'static str>,
    /// The change of 2027.1, when it concerns this role or profile.
    pub transition: Option<Transition>,
}

impl Verdict {
    /// The permissions Fix all would add that make a role not yet 2FA-required require 2FA
    /// (netsuite-role-page.md §5.1): the one rule by which the panel and the popup ask before
    /// fixing. Empty: fix without asking (e.g. the Administrator role, which is 2FA-required
    /// already).
    ///
    /// Whatever the profile: the warning about it (`Warning::TwoFactorRefused`) is only for the
    /// integrations that refuse such a role, but the role's users are concerned in any case.
    pub fn fix_confirmation(&self) -> &[&'static str] {
        &self.two_factor
    }

    fn ids_where(&self, pick: fn(&RequirementState) -> Option<&'static str>) -> Vec<&'static str> {
        ids_where(&self.checks, pick)
    }

    /// The plan with the lines OAuth 2.0 needs besides (the admin request and SDF snippet with
    /// the OAuth 2.0 lines).
    pub fn plan_with_oauth2(&self) -> FixPlan {
        let extra = self.transition.as_ref().map(Transition::plan);
        FixPlan::from_ops(
            self.plan
                .ops
                .iter()
                .chain(extra.iter().flat_map(|plan| plan.ops.iter()))
                .copied(),
        )
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
    let checks = check_all(role, &profile.requirements);
    let plan = FixPlan::from_ops(checks.iter().filter_map(RequirementCheck::op));

    let redundant: Vec<&'static str> = REDUNDANCIES
        .iter()
        .filter(|rule| {
            role.level_of(rule.implied_by) == Level::Full
                && role.level_of(rule.redundant) > Level::None
        })
        .map(|rule| rule.redundant)
        .collect();

    let two_factor = if role.is_two_factor_required() {
        Vec::new()
    } else {
        plan.two_factor_ids()
    };
    let warnings = warnings(role, profile, &checks, &two_factor);
    let transition = transition(role, profile, &plan);
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
        two_factor,
        transition,
    }
}

fn check_all(role: &Role, requirements: &[Requirement]) -> Vec<RequirementCheck> {
    requirements
        .iter()
        .map(|requirement| {
            let state = check_requirement(role, requirement);
            let id = match state {
                RequirementState::Satisfied { by: id }
                | RequirementState::TooLow { id, .. }
                | RequirementState::Missing { id }
                | RequirementState::NotOffered { id } => id,
            };
            RequirementCheck {
                requirement: requirement.clone(),
                state,
                subtab: role
                    .grants
                    .get(id)
                    .map_or_else(|| catalog_subtab(id), |grant| grant.subtab),
            }
        })
        .collect()
}

/// The 2027.1 notice: for a TBA profile, or a role that holds a TBA login permission; with what
/// the same integration needs over OAuth 2.0 beyond `plan`.
fn transition(role: &Role, profile: &Profile, plan: &FixPlan) -> Option<Transition> {
    let holds_tba = [ids::LOGIN_OAUTH, ids::USER_ACCESS_TOKENS]
        .iter()
        .any(|id| role.level_of(id) > Level::None);
    if !profile.flags.tba && !holds_tba {
        return None;
    }
    let also = match &profile.oauth2 {
        OAuth2Route::Needs(requirements) => {
            let planned = plan.ids();
            let mut checks = check_all(role, requirements);
            checks.retain(|check| match check.state {
                RequirementState::Satisfied { .. } => false,
                RequirementState::TooLow { id, .. } | RequirementState::Missing { id } => {
                    !planned.contains(&id)
                }
                RequirementState::NotOffered { .. } => true,
            });
            Also::Checks(checks)
        }
        OAuth2Route::Soap => Also::Soap,
        OAuth2Route::None => Also::Nothing,
    };
    Some(Transition { also })
}

/// One feature-off warning per feature of the permissions `checks` finds not offered.
fn feature_off(checks: &[RequirementCheck], warnings: &mut Vec<Warning>) {
    for feature in [Feature::Tba, Feature::OAuth2, Feature::Other] {
        let ids: Vec<&'static str> = checks
            .iter()
            .filter_map(|check| match check.state {
                RequirementState::NotOffered { id } if Feature::of(id) == feature => Some(id),
                _ => None,
            })
            .collect();
        if !ids.is_empty() {
            warnings.push(Warning::FeatureOff { ids, feature });
        }
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
    two_factor: &[&'static str],
) -> Vec<Warning> {
    let flags = profile.flags;
    let mut warnings = Vec::new();
    if role.is_administrator() {
        warnings.push(Warning::AdministratorRole);
        if flags.refuses_administrator {
            warnings.push(Warning::AdministratorRefused);
        }
    }
    if flags.forbids_web_services_only && role.web_services_only == Some(true) {
        warnings.push(Warning::WebServicesOnly);
    }
    let soap = role.level_of(ids::WEBSERVICES);
    if role.has_line(ids::WEBSERVICES) && soap > Level::None && soap < Level::Full {
        warnings.push(Warning::SoapBelowFull { have: soap });
    }
    feature_off(checks, &mut warnings);
    if flags.refuses_two_factor && (role.is_two_factor_required() || !two_factor.is_empty()) {
        warnings.push(Warning::TwoFactorRefused {
            ids: two_factor.to_vec(),
        });
    }
    if flags.warns_token_admin_limits {
        warnings.push(Warning::TokenAdminLimits);
    }
    if flags.warns_connect_not_for_administrator && role.is_administrator() {
        warnings.push(Warning::ConnectNotForAdministrator);
    }
    if flags.notes_m2m_mapping {
        warnings.push(Warning::M2mMapping);
    }
    if flags.notes_suitescript {
        warnings.push(Warning::SuiteScriptFeatures);
    }
    warnings
}
