//! One case per statement of product.md §3 and §4 and netsuite-role-page.md §6.
//!
//! Each case renders the verdict as compact text, so a failure shows the whole verdict.

use tba_rules::evaluate::RequirementState;
use tba_rules::{FixOp, Level, Profile, ProfileId, Role, Subtab, Verdict, evaluate};

/// Builds a role from `(id, level number)` pairs; REPO_* ids go on the Reports subtab.
fn role(grants: &[(&str, u8)]) -> Role {
    let mut role = Role::default();
    for (id, level) in grants {
        let subtab = if id.starts_with("REPO_") {
            Subtab::Reports
        } else {
            Subtab::Setup
        };
        let level = Level::from_number(*level).expect("test levels are 0-4");
        role.grant(id, subtab, level);
    }
    role
}

fn offered(role: Role, ids: &[&str]) -> Role {
    Role {
        offered: Some(
            ids.iter()
                .map(|id| (*id).to_owned())
                .collect::<tba_rules::idmap::IdSet>(),
        ),
        ..role
    }
}

fn render(verdict: &Verdict) -> String {
    let states: Vec<String> = verdict
        .checks
        .iter()
        .map(|check| match check.state {
            RequirementState::Satisfied { by } => format!("ok:{by}"),
            RequirementState::TooLow { id, have, .. } => format!("low:{id}={}", have.label()),
            RequirementState::Missing { id } => format!("missing:{id}"),
            RequirementState::NotOffered { id } => format!("not-offered:{id}"),
        })
        .collect();
    let ops: Vec<String> = verdict
        .plan
        .ops
        .iter()
        .map(|op| match *op {
            FixOp::Add { id, subtab, level } => {
                format!("add {id}@{} {}", subtab.machine(), level.sdf())
            }
            FixOp::Raise {
                id,
                subtab,
                from,
                to,
            } => {
                format!(
                    "raise {id}@{} {}->{}",
                    subtab.machine(),
                    from.sdf(),
                    to.sdf()
                )
            }
        })
        .collect();
    let warnings: Vec<&str> = verdict
        .warnings
        .iter()
        .map(|warning| warning.code())
        .collect();
    format!(
        "{} | {} | plan: {} | redundant: {} | warnings: {}",
        verdict.status.as_str(),
        states.join(" "),
        ops.join(", "),
        verdict.redundant.join(" "),
        warnings.join(" ")
    )
}

/// The built-in profile `id`.
fn builtin(id: ProfileId) -> &'static Profile {
    tba_rules::profile::builtin(id).expect("a built-in profile")
}

/// One statement: the role, the profile, and the rendered verdict expected.
fn check(statement: &str, role: &Role, profile: ProfileId, expected: &str) {
    let verdict = evaluate(role, builtin(profile));
    assert_eq!(render(&verdict), expected, "statement: {statement}");
}

const UAT: &str = "ADMI_MANAGE_OWN_OAUTH_TOKENS";
const LOGIN: &str = "ADMI_LOGIN_OAUTH";
const SOAP: &str = "ADMI_WEBSERVICES";
const REST: &str = "ADMI_RESTWEBSERVICES";
const ATM: &str = "ADMI_MANAGE_OAUTH_TOKENS";
const OAUTH2: &str = "ADMI_LOGIN_OAUTH2";
const CONNECT: &str = "ADMI_SUITEANALYTICSCONNECT";
const WORKBOOK: &str = "REPO_ANALYTICS";

#[test]
fn product_section_3_profiles() {
    use ProfileId::*;
    let cases: &[(&str, Role, ProfileId, &str)] = &[
        (
            "CloudExtend needs User Access Tokens and SOAP Web Services at Full",
            role(&[]),
            CloudExtend,
            "needs-fix | missing:ADMI_MANAGE_OWN_OAUTH_TOKENS missing:ADMI_WEBSERVICES | plan: add ADMI_MANAGE_OWN_OAUTH_TOKENS@setupmach FULL, add ADMI_WEBSERVICES@setupmach FULL | redundant:  | warnings: ",
        ),
        (
            "CloudExtend with both at Full is ready",
            role(&[(UAT, 4), (SOAP, 4)]),
            CloudExtend,
            "ok | ok:ADMI_MANAGE_OWN_OAUTH_TOKENS ok:ADMI_WEBSERVICES | plan:  | redundant:  | warnings: ",
        ),
        (
            "CloudExtend: Log in using Access Tokens does not replace User Access Tokens",
            role(&[(LOGIN, 4), (SOAP, 4)]),
            CloudExtend,
            "needs-fix | missing:ADMI_MANAGE_OWN_OAUTH_TOKENS ok:ADMI_WEBSERVICES | plan: add ADMI_MANAGE_OWN_OAUTH_TOKENS@setupmach FULL | redundant:  | warnings: ",
        ),
        (
            "token login: Log in using Access Tokens is enough",
            role(&[(LOGIN, 4)]),
            TokenLogin,
            "ok | ok:ADMI_LOGIN_OAUTH | plan:  | redundant:  | warnings: ",
        ),
        (
            "token login: User Access Tokens implies it",
            role(&[(UAT, 4)]),
            TokenLogin,
            "ok | ok:ADMI_MANAGE_OWN_OAUTH_TOKENS | plan:  | redundant:  | warnings: ",
        ),
        (
            "token login: the plan adds Log in using Access Tokens",
            role(&[]),
            TokenLogin,
            "needs-fix | missing:ADMI_LOGIN_OAUTH | plan: add ADMI_LOGIN_OAUTH@setupmach FULL | redundant:  | warnings: ",
        ),
        (
            "self-service tokens need User Access Tokens; Log in using Access Tokens does not create tokens",
            role(&[(LOGIN, 4)]),
            SelfServiceTokens,
            "needs-fix | missing:ADMI_MANAGE_OWN_OAUTH_TOKENS | plan: add ADMI_MANAGE_OWN_OAUTH_TOKENS@setupmach FULL | redundant:  | warnings: ",
        ),
        (
            "SOAP needs token login and SOAP Web Services",
            role(&[(UAT, 4)]),
            Soap,
            "needs-fix | ok:ADMI_MANAGE_OWN_OAUTH_TOKENS missing:ADMI_WEBSERVICES | plan: add ADMI_WEBSERVICES@setupmach FULL | redundant:  | warnings: ",
        ),
        (
            "REST needs token login, REST Web Services and SuiteAnalytics Workbook on the Reports subtab",
            role(&[(LOGIN, 4), (REST, 4)]),
            Rest,
            "needs-fix | ok:ADMI_LOGIN_OAUTH ok:ADMI_RESTWEBSERVICES missing:REPO_ANALYTICS | plan: add REPO_ANALYTICS@repomach FULL | redundant:  | warnings: ",
        ),
        (
            "REST with all three is ready",
            role(&[(LOGIN, 4), (REST, 4), (WORKBOOK, 4)]),
            Rest,
            "ok | ok:ADMI_LOGIN_OAUTH ok:ADMI_RESTWEBSERVICES ok:REPO_ANALYTICS | plan:  | redundant:  | warnings: ",
        ),
        (
            "RESTlets need token login",
            role(&[]),
            Restlet,
            "needs-fix | missing:ADMI_LOGIN_OAUTH | plan: add ADMI_LOGIN_OAUTH@setupmach FULL | redundant:  | warnings: ",
        ),
        (
            "OAuth 2.0 needs Log in using OAuth 2.0 Access Tokens and REST Web Services; TBA login does not count",
            role(&[(LOGIN, 4), (REST, 4)]),
            OAuth2,
            "needs-fix | missing:ADMI_LOGIN_OAUTH2 ok:ADMI_RESTWEBSERVICES | plan: add ADMI_LOGIN_OAUTH2@setupmach FULL | redundant:  | warnings: ",
        ),
        (
            "SuiteAnalytics Connect with OAuth 2.0 login is ready",
            role(&[(CONNECT, 4), (OAUTH2, 4)]),
            SuiteAnalyticsConnect,
            "ok | ok:ADMI_SUITEANALYTICSCONNECT ok:ADMI_LOGIN_OAUTH2 | plan:  | redundant:  | warnings: ",
        ),
        (
            "SuiteAnalytics Connect with nothing adds Connect and token login",
            role(&[]),
            SuiteAnalyticsConnect,
            "needs-fix | missing:ADMI_SUITEANALYTICSCONNECT missing:ADMI_LOGIN_OAUTH | plan: add ADMI_LOGIN_OAUTH@setupmach FULL, add ADMI_SUITEANALYTICSCONNECT@setupmach FULL | redundant:  | warnings: ",
        ),
        (
            "token administrator needs Access Token Management, and is told its limits (a token login works with a 2FA role: Fix all asks before adding it, see below)",
            role(&[]),
            TokenAdmin,
            "needs-fix | missing:ADMI_MANAGE_OAUTH_TOKENS | plan: add ADMI_MANAGE_OAUTH_TOKENS@setupmach FULL | redundant:  | warnings: token-admin-limits",
        ),
        (
            "token administrator that has it is ready but still told its limits",
            role(&[(ATM, 4)]),
            TokenAdmin,
            "ok | ok:ADMI_MANAGE_OAUTH_TOKENS | plan:  | redundant:  | warnings: token-admin-limits",
        ),
    ];
    for (statement, role, profile, expected) in cases {
        check(statement, role, *profile, expected);
    }
}

#[test]
fn product_section_4_rules() {
    use ProfileId::*;
    let admin = Role {
        id: Some(3),
        ..role(&[])
    };
    let two_factor = Role {
        two_factor_required: Some(true),
        ..role(&[])
    };
    let web_services_only = |grants: &[(&str, u8)]| Role {
        web_services_only: Some(true),
        ..role(grants)
    };
    let cases: &[(&str, Role, ProfileId, &str)] = &[
        (
            "§4.1 User Access Tokens makes Log in using Access Tokens redundant, not an error",
            role(&[(UAT, 4), (LOGIN, 4)]),
            TokenLogin,
            "ok | ok:ADMI_LOGIN_OAUTH | plan:  | redundant: ADMI_LOGIN_OAUTH | warnings: ",
        ),
        (
            "§4.1 redundancy is reported whatever the profile",
            role(&[(UAT, 4), (LOGIN, 4)]),
            TokenAdmin,
            "needs-fix | missing:ADMI_MANAGE_OAUTH_TOKENS | plan: add ADMI_MANAGE_OAUTH_TOKENS@setupmach FULL | redundant: ADMI_LOGIN_OAUTH | warnings: token-admin-limits",
        ),
        (
            "§4.2 Access Token Management does not let the role log in with tokens",
            role(&[(ATM, 4)]),
            TokenLogin,
            "needs-fix | missing:ADMI_LOGIN_OAUTH | plan: add ADMI_LOGIN_OAUTH@setupmach FULL | redundant:  | warnings: ",
        ),
        (
            "§4.2 Access Token Management does not let the role create its own tokens",
            role(&[(ATM, 4)]),
            SelfServiceTokens,
            "needs-fix | missing:ADMI_MANAGE_OWN_OAUTH_TOKENS | plan: add ADMI_MANAGE_OWN_OAUTH_TOKENS@setupmach FULL | redundant:  | warnings: ",
        ),
        (
            "§4.2 Access Token Management is no login for web services either",
            role(&[(ATM, 4), (SOAP, 4)]),
            Soap,
            "needs-fix | missing:ADMI_LOGIN_OAUTH ok:ADMI_WEBSERVICES | plan: add ADMI_LOGIN_OAUTH@setupmach FULL | redundant:  | warnings: ",
        ),
        (
            "§4.3 Log in using Access Tokens does not create tokens (CloudExtend)",
            role(&[(LOGIN, 4), (SOAP, 4)]),
            CloudExtend,
            "needs-fix | missing:ADMI_MANAGE_OWN_OAUTH_TOKENS ok:ADMI_WEBSERVICES | plan: add ADMI_MANAGE_OWN_OAUTH_TOKENS@setupmach FULL | redundant:  | warnings: ",
        ),
        (
            "§4.4 adding a 2FA permission is warned about",
            role(&[]),
            TokenAdmin,
            "needs-fix | missing:ADMI_MANAGE_OAUTH_TOKENS | plan: add ADMI_MANAGE_OAUTH_TOKENS@setupmach FULL | redundant:  | warnings: token-admin-limits",
        ),
        (
            "§4.4 no 2FA warning when the role already requires 2FA",
            two_factor.clone(),
            TokenAdmin,
            "needs-fix | missing:ADMI_MANAGE_OAUTH_TOKENS | plan: add ADMI_MANAGE_OAUTH_TOKENS@setupmach FULL | redundant:  | warnings: token-admin-limits",
        ),
        (
            "§4.4 plans that add no 2FA permission bring no 2FA warning",
            role(&[]),
            CloudExtend,
            "needs-fix | missing:ADMI_MANAGE_OWN_OAUTH_TOKENS missing:ADMI_WEBSERVICES | plan: add ADMI_MANAGE_OWN_OAUTH_TOKENS@setupmach FULL, add ADMI_WEBSERVICES@setupmach FULL | redundant:  | warnings: ",
        ),
        (
            "§4.5 the Administrator role is warned about, and is always 2FA-required",
            admin.clone(),
            TokenAdmin,
            "needs-fix | missing:ADMI_MANAGE_OAUTH_TOKENS | plan: add ADMI_MANAGE_OAUTH_TOKENS@setupmach FULL | redundant:  | warnings: administrator-role token-admin-limits",
        ),
        (
            "§4.5 Administrator with CloudExtend permissions is ok but warned",
            Role {
                id: Some(3),
                ..role(&[(UAT, 4), (SOAP, 4)])
            },
            CloudExtend,
            "ok | ok:ADMI_MANAGE_OWN_OAUTH_TOKENS ok:ADMI_WEBSERVICES | plan:  | redundant:  | warnings: administrator-role",
        ),
        (
            "§4.6 Web Services Only roles do not work with RESTlets; the plan cannot fix the checkbox",
            web_services_only(&[(LOGIN, 4)]),
            Restlet,
            "needs-fix | ok:ADMI_LOGIN_OAUTH | plan:  | redundant:  | warnings: web-services-only",
        ),
        (
            "§4.6 CloudExtend needs a role that is not Web Services Only",
            web_services_only(&[(UAT, 4), (SOAP, 4)]),
            CloudExtend,
            "needs-fix | ok:ADMI_MANAGE_OWN_OAUTH_TOKENS ok:ADMI_WEBSERVICES | plan:  | redundant:  | warnings: web-services-only",
        ),
        (
            "§4.6 Web Services Only is fine for SOAP",
            web_services_only(&[(LOGIN, 4), (SOAP, 4)]),
            Soap,
            "ok | ok:ADMI_LOGIN_OAUTH ok:ADMI_WEBSERVICES | plan:  | redundant:  | warnings: ",
        ),
        (
            "§4.7 SOAP Web Services below Full is too low, raised, and warned about",
            role(&[(LOGIN, 4), (SOAP, 3)]),
            Soap,
            "needs-fix | ok:ADMI_LOGIN_OAUTH low:ADMI_WEBSERVICES=Edit | plan: raise ADMI_WEBSERVICES@setupmach EDIT->FULL | redundant:  | warnings: soap-below-full",
        ),
        (
            "§4.7 SOAP at View under CloudExtend",
            role(&[(UAT, 4), (SOAP, 1)]),
            CloudExtend,
            "needs-fix | ok:ADMI_MANAGE_OWN_OAUTH_TOKENS low:ADMI_WEBSERVICES=View | plan: raise ADMI_WEBSERVICES@setupmach VIEW->FULL | redundant:  | warnings: soap-below-full",
        ),
        (
            "§4.7 a SOAP line at None is raised, not added twice",
            role(&[(UAT, 4), (SOAP, 0)]),
            CloudExtend,
            "needs-fix | ok:ADMI_MANAGE_OWN_OAUTH_TOKENS low:ADMI_WEBSERVICES=None | plan: raise ADMI_WEBSERVICES@setupmach NONE->FULL | redundant:  | warnings: ",
        ),
        (
            "§4.8 a permission the page does not offer means the feature is off: no plan op for it",
            offered(role(&[]), &[SOAP, REST]),
            TokenLogin,
            "feature-off | not-offered:ADMI_LOGIN_OAUTH | plan:  | redundant:  | warnings: feature-off",
        ),
        (
            "§4.8 feature off beats needs-fix, and offered permissions are still planned",
            offered(role(&[]), &[SOAP]),
            CloudExtend,
            "feature-off | not-offered:ADMI_MANAGE_OWN_OAUTH_TOKENS missing:ADMI_WEBSERVICES | plan: add ADMI_WEBSERVICES@setupmach FULL | redundant:  | warnings: feature-off",
        ),
        (
            "§4.8 an offered alternative is planned instead",
            offered(role(&[]), &[UAT]),
            TokenLogin,
            "needs-fix | missing:ADMI_MANAGE_OWN_OAUTH_TOKENS | plan: add ADMI_MANAGE_OWN_OAUTH_TOKENS@setupmach FULL | redundant:  | warnings: ",
        ),
        (
            "§4.8 a permission the role already has counts even if the picker does not list it",
            offered(role(&[(LOGIN, 4)]), &[]),
            TokenLogin,
            "ok | ok:ADMI_LOGIN_OAUTH | plan:  | redundant:  | warnings: ",
        ),
        (
            "§4.8 the picker only covers the Setup subtab: REPO_ANALYTICS is still planned",
            offered(role(&[(LOGIN, 4)]), &[REST]),
            Rest,
            "needs-fix | ok:ADMI_LOGIN_OAUTH missing:ADMI_RESTWEBSERVICES missing:REPO_ANALYTICS | plan: add ADMI_RESTWEBSERVICES@setupmach FULL, add REPO_ANALYTICS@repomach FULL | redundant:  | warnings: ",
        ),
        (
            "§4.8 when the offered list is unknown, everything counts as offered",
            role(&[]),
            TokenLogin,
            "needs-fix | missing:ADMI_LOGIN_OAUTH | plan: add ADMI_LOGIN_OAUTH@setupmach FULL | redundant:  | warnings: ",
        ),
    ];
    for (statement, role, profile, expected) in cases {
        check(statement, role, *profile, expected);
    }
}

#[test]
fn role_page_section_6_statements() {
    use ProfileId::*;
    let cases: &[(&str, Role, ProfileId, &str)] = &[
        (
            "§6.1 tokens for an Administrator role come only from the administrator",
            Role {
                id: Some(3),
                ..role(&[(ATM, 4)])
            },
            TokenAdmin,
            "ok | ok:ADMI_MANAGE_OAUTH_TOKENS | plan:  | redundant:  | warnings: administrator-role token-admin-limits",
        ),
        (
            "§6.2 OAuth 2.0 Authorized Applications Management is not required by any profile",
            role(&[("ADMI_MANAGE_OAUTH2", 4), (OAUTH2, 4), (REST, 4)]),
            OAuth2,
            "ok | ok:ADMI_LOGIN_OAUTH2 ok:ADMI_RESTWEBSERVICES | plan:  | redundant:  | warnings: ",
        ),
        (
            "§6.4 the CloudExtend authorization-flow error: User Access Tokens and SOAP Web Services",
            role(&[(LOGIN, 4)]),
            CloudExtend,
            "needs-fix | missing:ADMI_MANAGE_OWN_OAUTH_TOKENS missing:ADMI_WEBSERVICES | plan: add ADMI_MANAGE_OWN_OAUTH_TOKENS@setupmach FULL, add ADMI_WEBSERVICES@setupmach FULL | redundant:  | warnings: ",
        ),
        (
            "§6.4 Connect is not accessible to the Administrator role",
            Role {
                id: Some(3),
                ..role(&[(CONNECT, 4), (LOGIN, 4)])
            },
            SuiteAnalyticsConnect,
            "ok | ok:ADMI_SUITEANALYTICSCONNECT ok:ADMI_LOGIN_OAUTH | plan:  | redundant:  | warnings: administrator-role two-factor-refused connect-not-for-administrator",
        ),
    ];
    for (statement, role, profile, expected) in cases {
        check(statement, role, *profile, expected);
    }
}

#[test]
fn fix_all_asks_first_only_when_it_would_make_the_role_two_factor_required() {
    let token_admin = builtin(ProfileId::TokenAdmin);
    let integration = role(&[]);
    let verdict = evaluate(&integration, token_admin);
    assert_eq!(verdict.fix_confirmation(), ["ADMI_MANAGE_OAUTH_TOKENS"]);
    // The Administrator role is 2FA-required already: the same plan needs no confirmation.
    let mut administrator = role(&[]);
    administrator.id = Some(tba_rules::role::ADMINISTRATOR_ROLE_ID);
    let verdict = evaluate(&administrator, token_admin);
    assert_eq!(verdict.plan.ids(), ["ADMI_MANAGE_OAUTH_TOKENS"]);
    assert_eq!(verdict.fix_confirmation(), Vec::<&str>::new());
    // Nor does a role whose 2FA checkbox is set, nor a plan that adds nothing 2FA-making.
    let mut two_factor = role(&[]);
    two_factor.two_factor_required = Some(true);
    assert!(
        evaluate(&two_factor, token_admin)
            .fix_confirmation()
            .is_empty()
    );
    assert!(
        evaluate(&integration, builtin(ProfileId::CloudExtend))
            .fix_confirmation()
            .is_empty()
    );
}

#[test]
fn verdict_id_lists_are_in_catalog_order() {
    let low_soap = offered(role(&[(SOAP, 1)]), &[SOAP]);
    let verdict = evaluate(&low_soap, builtin(ProfileId::CloudExtend));
    assert_eq!(verdict.missing_ids(), Vec::<&str>::new());
    assert_eq!(verdict.not_offered_ids(), [UAT]);
    assert_eq!(verdict.too_low_ids(), [SOAP]);
    let verdict = evaluate(&role(&[]), builtin(ProfileId::Rest));
    assert_eq!(verdict.missing_ids(), [LOGIN, REST, WORKBOOK]);
    let verdict = evaluate(&role(&[(UAT, 4), (REST, 4)]), builtin(ProfileId::Rest));
    assert_eq!(verdict.satisfied_ids(), [UAT, REST]);
}

#[test]
fn warning_messages_are_sentences() {
    let role = Role {
        id: Some(3),
        web_services_only: Some(true),
        ..offered(role(&[(SOAP, 2)]), &[SOAP, ATM])
    };
    let english = tba_rules::message::english::Messages::load();
    for profile in tba_rules::profile::builtins() {
        for warning in evaluate(&role, profile).warnings {
            let message = tba_rules::message::render(&warning.message(), &english);
            assert!(message.ends_with('.'), "{message}");
            assert!(message.starts_with(char::is_uppercase), "{message}");
            assert!(!warning.source().is_empty());
        }
    }
    let verdict = evaluate(
        &offered(Role::default(), &[]),
        builtin(ProfileId::TokenLogin),
    );
    let message = tba_rules::message::render(&verdict.warnings[0].message(), &english);
    assert!(
        message.contains("Setup > Company > Enable Features > SuiteCloud > Manage Authentication"),
        "{message}"
    );
    assert!(message.contains("Log in using Access Tokens"), "{message}");
}
