//! The OAuth 2.0 profiles, the rules that depend on the profile (2FA, Web Services Only, the
//! Administrator role, the features) and the 2027.1 change, one table row per case.
//!
//! Each row renders the whole verdict as text, with what Fix all asks to confirm and the 2027.1
//! notice (`Verdict::transition`), so a failure shows everything.

use std::borrow::Cow;

use tba_rules::evaluate::{Also, Feature, RequirementState, Warning};
use tba_rules::message::{Text, english::Messages, render};
use tba_rules::profile::{Flags, ProfileDraft, RequirementDraft};
use tba_rules::{Level, Profile, ProfileId, Role, Subtab, Verdict, evaluate};

const UAT: &str = "ADMI_MANAGE_OWN_OAUTH_TOKENS";
const LOGIN: &str = "ADMI_LOGIN_OAUTH";
const SOAP: &str = "ADMI_WEBSERVICES";
const REST: &str = "ADMI_RESTWEBSERVICES";
const OAUTH2: &str = "ADMI_LOGIN_OAUTH2";
const CONNECT: &str = "ADMI_SUITEANALYTICSCONNECT";
const WORKBOOK: &str = "REPO_ANALYTICS";
const MCP: &str = "ADMI_MCP_SERVER";

/// A role holding `ids` at Full (REPO_* on the Reports subtab).
fn role(ids: &[&str]) -> Role {
    let mut role = Role::default();
    for id in ids {
        let subtab = if id.starts_with("REPO_") {
            Subtab::Reports
        } else {
            Subtab::Setup
        };
        role.grant(id, subtab, Level::Full);
    }
    role
}

/// `role` on a page whose picker offers every catalog permission of the Setup subtab but `not`.
fn without(role: Role, not: &[&str]) -> Role {
    let offered = tba_rules::catalog::all()
        .iter()
        .map(|permission| permission.id)
        .filter(|id| !not.contains(id))
        .map(str::to_owned)
        .collect::<tba_rules::idmap::IdSet>();
    Role {
        offered: Some(offered),
        ..role
    }
}

fn administrator(role: Role) -> Role {
    Role {
        id: Some(tba_rules::role::ADMINISTRATOR_ROLE_ID),
        ..role
    }
}

fn render_verdict(verdict: &Verdict) -> String {
    let states: Vec<String> = verdict
        .checks
        .iter()
        .map(|check| match check.state {
            RequirementState::Satisfied { by } => format!("ok:{by}"),
            RequirementState::TooLow { id, .. } => format!("low:{id}"),
            RequirementState::Missing { id } => format!("missing:{id}"),
            RequirementState::NotOffered { id } => format!("not-offered:{id}"),
        })
        .collect();
    let warnings: Vec<&str> = verdict.warnings.iter().map(Warning::code).collect();
    let transition = match verdict
        .transition
        .as_ref()
        .map(|transition| &transition.also)
    {
        None => "-".to_owned(),
        Some(Also::Soap) => "soap".to_owned(),
        Some(Also::Nothing) => "notice".to_owned(),
        Some(Also::Checks(checks)) => {
            let also: Vec<String> = checks
                .iter()
                .map(|check| match check.state {
                    RequirementState::Missing { id } => format!("+{id}"),
                    RequirementState::TooLow { id, .. } => format!("^{id}"),
                    RequirementState::NotOffered { id } => format!("?{id}"),
                    RequirementState::Satisfied { by } => format!("={by}"),
                })
                .collect();
            format!("also [{}]", also.join(" "))
        }
    };
    format!(
        "{} | {} | plan: {} | warnings: {} | confirm: {} | 2027: {}",
        verdict.status.as_str(),
        states.join(" "),
        verdict.plan.ids().join(" "),
        warnings.join(" "),
        verdict.fix_confirmation().join(" "),
        transition
    )
}

fn builtin(id: ProfileId) -> &'static Profile {
    tba_rules::profile::builtin(id).expect("a built-in profile")
}

#[test]
fn the_oauth2_profiles_and_the_rules_that_depend_on_the_profile() {
    use ProfileId::*;
    let two_factor = Role {
        two_factor_required: Some(true),
        ..role(&[CONNECT, OAUTH2])
    };
    let cases: &[(&str, Role, ProfileId, &str)] = &[
        // The OAuth 2.0 profiles (Oracle section_157771510070, section_162686838198,
        // article_4160616848).
        (
            "REST with OAuth 2.0 (authorization code): the OAuth 2.0 login and REST Web Services",
            role(&[]),
            OAuth2,
            "needs-fix | missing:ADMI_LOGIN_OAUTH2 missing:ADMI_RESTWEBSERVICES | plan: ADMI_LOGIN_OAUTH2 ADMI_RESTWEBSERVICES | warnings:  | confirm:  | 2027: -",
        ),
        (
            "REST with OAuth 2.0 on a role that still logs in with TBA: the notice, nothing more to add",
            role(&[UAT, OAUTH2, REST]),
            OAuth2,
            "ok | ok:ADMI_LOGIN_OAUTH2 ok:ADMI_RESTWEBSERVICES | plan:  | warnings:  | confirm:  | 2027: notice",
        ),
        (
            "client credentials (M2M): the same permissions, and the note on the mapping",
            role(&[]),
            OAuth2M2m,
            "needs-fix | missing:ADMI_LOGIN_OAUTH2 missing:ADMI_RESTWEBSERVICES | plan: ADMI_LOGIN_OAUTH2 ADMI_RESTWEBSERVICES | warnings: m2m-mapping | confirm:  | 2027: -",
        ),
        (
            "RESTlets with OAuth 2.0: the OAuth 2.0 login; not Web Services Only; the SuiteScript features",
            Role {
                web_services_only: Some(true),
                ..role(&[OAUTH2])
            },
            RestletOAuth2,
            "needs-fix | ok:ADMI_LOGIN_OAUTH2 | plan:  | warnings: web-services-only suitescript-features | confirm:  | 2027: -",
        ),
        (
            "RESTlets with OAuth 2.0, ready",
            Role {
                web_services_only: Some(false),
                ..role(&[OAUTH2])
            },
            RestletOAuth2,
            "ok | ok:ADMI_LOGIN_OAUTH2 | plan:  | warnings: suitescript-features | confirm:  | 2027: -",
        ),
        (
            "SuiteAnalytics Connect with OAuth 2.0: Connect and the OAuth 2.0 login (not a token login)",
            role(&[LOGIN]),
            SuiteAnalyticsConnectOAuth2,
            "needs-fix | missing:ADMI_SUITEANALYTICSCONNECT missing:ADMI_LOGIN_OAUTH2 | plan: ADMI_LOGIN_OAUTH2 ADMI_SUITEANALYTICSCONNECT | warnings:  | confirm:  | 2027: notice",
        ),
        (
            "SuiteAnalytics Connect refuses a 2FA-required role (with a password)",
            two_factor.clone(),
            SuiteAnalyticsConnectOAuth2,
            "ok | ok:ADMI_SUITEANALYTICSCONNECT ok:ADMI_LOGIN_OAUTH2 | plan:  | warnings: two-factor-refused | confirm:  | 2027: -",
        ),
        (
            "a 2FA-required role is no concern of a token or OAuth 2.0 login",
            Role {
                two_factor_required: Some(true),
                ..role(&[OAUTH2, REST])
            },
            OAuth2,
            "ok | ok:ADMI_LOGIN_OAUTH2 ok:ADMI_RESTWEBSERVICES | plan:  | warnings:  | confirm:  | 2027: -",
        ),
        (
            "the AI Connector: MCP Server Connection, the OAuth 2.0 login and REST Web Services",
            role(&[]),
            AiConnector,
            "needs-fix | missing:ADMI_MCP_SERVER missing:ADMI_LOGIN_OAUTH2 missing:ADMI_RESTWEBSERVICES | plan: ADMI_LOGIN_OAUTH2 ADMI_MCP_SERVER ADMI_RESTWEBSERVICES | warnings:  | confirm:  | 2027: -",
        ),
        (
            "the AI Connector refuses the Administrator role, whatever it holds",
            administrator(role(&[MCP, OAUTH2, REST])),
            AiConnector,
            "needs-fix | ok:ADMI_MCP_SERVER ok:ADMI_LOGIN_OAUTH2 ok:ADMI_RESTWEBSERVICES | plan:  | warnings: administrator-role administrator-refused | confirm:  | 2027: -",
        ),
        // The OAuth 2.0 feature (Oracle section_157771482304).
        (
            "no Log in using OAuth 2.0 Access Tokens in the picker: OAuth 2.0 is off",
            without(role(&[]), &[OAUTH2]),
            OAuth2,
            "feature-off | not-offered:ADMI_LOGIN_OAUTH2 missing:ADMI_RESTWEBSERVICES | plan: ADMI_RESTWEBSERVICES | warnings: feature-off | confirm:  | 2027: -",
        ),
        (
            "TBA and OAuth 2.0 both off, each said apart",
            without(role(&[]), &[OAUTH2, LOGIN, UAT, "ADMI_MANAGE_OAUTH_TOKENS"]),
            SuiteAnalyticsConnect,
            "feature-off | missing:ADMI_SUITEANALYTICSCONNECT not-offered:ADMI_LOGIN_OAUTH | plan: ADMI_SUITEANALYTICSCONNECT | warnings: feature-off | confirm:  | 2027: also [?ADMI_LOGIN_OAUTH2]",
        ),
        // 2FA by profile: Fix all asks whatever the profile, the warning only where it matters.
        (
            "token administrator: Fix all asks before Access Token Management, no 2FA warning",
            role(&[]),
            TokenAdmin,
            "needs-fix | missing:ADMI_MANAGE_OAUTH_TOKENS | plan: ADMI_MANAGE_OAUTH_TOKENS | warnings: token-admin-limits | confirm: ADMI_MANAGE_OAUTH_TOKENS | 2027: notice",
        ),
        (
            "SuiteAnalytics Connect (TBA) on the Administrator role: 2FA-required, refused with a password",
            administrator(role(&[CONNECT, LOGIN])),
            SuiteAnalyticsConnect,
            "ok | ok:ADMI_SUITEANALYTICSCONNECT ok:ADMI_LOGIN_OAUTH | plan:  | warnings: administrator-role two-factor-refused connect-not-for-administrator | confirm:  | 2027: also [+ADMI_LOGIN_OAUTH2]",
        ),
        // The 2027.1 change and "Also ready for OAuth 2.0".
        (
            "a role ready for REST with TBA lacks only the OAuth 2.0 login",
            role(&[LOGIN, REST, WORKBOOK]),
            Rest,
            "ok | ok:ADMI_LOGIN_OAUTH ok:ADMI_RESTWEBSERVICES ok:REPO_ANALYTICS | plan:  | warnings:  | confirm:  | 2027: also [+ADMI_LOGIN_OAUTH2]",
        ),
        (
            "what the plan adds is not said twice",
            role(&[]),
            Rest,
            "needs-fix | missing:ADMI_LOGIN_OAUTH missing:ADMI_RESTWEBSERVICES missing:REPO_ANALYTICS | plan: ADMI_LOGIN_OAUTH ADMI_RESTWEBSERVICES REPO_ANALYTICS | warnings:  | confirm:  | 2027: also [+ADMI_LOGIN_OAUTH2]",
        ),
        (
            "a role ready for both says so",
            role(&[LOGIN, OAUTH2, REST, WORKBOOK]),
            Rest,
            "ok | ok:ADMI_LOGIN_OAUTH ok:ADMI_RESTWEBSERVICES ok:REPO_ANALYTICS | plan:  | warnings:  | confirm:  | 2027: also []",
        ),
        (
            "OAuth 2.0 off: the OAuth 2.0 line is not offered, the TBA verdict is unchanged",
            without(role(&[LOGIN, REST, WORKBOOK]), &[OAUTH2]),
            Rest,
            "ok | ok:ADMI_LOGIN_OAUTH ok:ADMI_RESTWEBSERVICES ok:REPO_ANALYTICS | plan:  | warnings:  | confirm:  | 2027: also [?ADMI_LOGIN_OAUTH2]",
        ),
        (
            "RESTlets with TBA: the OAuth 2.0 login",
            role(&[LOGIN]),
            Restlet,
            "ok | ok:ADMI_LOGIN_OAUTH | plan:  | warnings:  | confirm:  | 2027: also [+ADMI_LOGIN_OAUTH2]",
        ),
        (
            "token login, self-service tokens: the OAuth 2.0 login",
            role(&[UAT]),
            SelfServiceTokens,
            "ok | ok:ADMI_MANAGE_OWN_OAUTH_TOKENS | plan:  | warnings:  | confirm:  | 2027: also [+ADMI_LOGIN_OAUTH2]",
        ),
        (
            "SOAP cannot move to OAuth 2.0",
            role(&[LOGIN, SOAP]),
            Soap,
            "ok | ok:ADMI_LOGIN_OAUTH ok:ADMI_WEBSERVICES | plan:  | warnings:  | confirm:  | 2027: soap",
        ),
        (
            "CloudExtend logs in to SOAP web services",
            role(&[UAT, SOAP]),
            CloudExtend,
            "ok | ok:ADMI_MANAGE_OWN_OAUTH_TOKENS ok:ADMI_WEBSERVICES | plan:  | warnings:  | confirm:  | 2027: soap",
        ),
    ];
    for (statement, role, profile, expected) in cases {
        let verdict = evaluate(role, builtin(*profile));
        assert_eq!(render_verdict(&verdict), *expected, "case: {statement}");
    }
}

#[test]
fn web_services_only_and_the_administrator_rules_apply_to_the_profiles_the_sources_name() {
    let blocked = Role {
        web_services_only: Some(true),
        ..administrator(role(&[]))
    };
    let mut web_services_only = Vec::new();
    let mut administrator_refused = Vec::new();
    for profile in tba_rules::profile::builtins() {
        let verdict = evaluate(&blocked, profile);
        if verdict.has_warning("web-services-only") {
            web_services_only.push(profile.id.as_str());
        }
        if verdict.has_warning("administrator-refused") {
            administrator_refused.push(profile.id.as_str());
        }
    }
    assert_eq!(
        web_services_only,
        ["cloudextend", "restlet", "restlet-oauth2"]
    );
    assert_eq!(administrator_refused, ["ai-connector"]);
}

#[test]
fn a_profile_whose_login_refuses_two_factor_is_warned_before_a_fix_makes_the_role_one() {
    let draft = ProfileDraft {
        id: "custom:connect-admin".to_owned(),
        name: Text::Plain("Connect and its tokens".to_owned()),
        summary: Text::Plain("A BI tool, and someone who makes its tokens".to_owned()),
        requirements: vec![
            RequirementDraft {
                any_of: vec![CONNECT.to_owned()],
                level: Level::Full,
                why: Text::Plain("Connect".to_owned()),
            },
            RequirementDraft {
                any_of: vec!["ADMI_MANAGE_OAUTH_TOKENS".to_owned()],
                level: Level::Full,
                why: Text::Plain("tokens for others".to_owned()),
            },
        ],
        flags: Flags {
            refuses_two_factor: true,
            ..Flags::default()
        },
    };
    let profile = Profile::validate(draft).expect("a valid profile");
    let verdict = evaluate(&role(&[]), &profile);
    assert_eq!(
        verdict.warnings,
        [Warning::TwoFactorRefused {
            ids: vec!["ADMI_MANAGE_OAUTH_TOKENS"]
        }]
    );
    assert_eq!(verdict.fix_confirmation(), ["ADMI_MANAGE_OAUTH_TOKENS"]);
    let english = Messages::load();
    let said = render(&verdict.warnings[0].message(), &english);
    assert!(
        said.starts_with("Adding Access Token Management makes this role require two-factor"),
        "{said}"
    );
    assert!(
        verdict.transition.is_none(),
        "a custom profile names no TBA login"
    );
}

#[test]
fn the_oauth2_lines_join_the_request_and_the_sdf_only_when_asked() {
    let verdict = evaluate(&role(&[]), builtin(ProfileId::Rest));
    assert_eq!(verdict.plan.ids(), [LOGIN, REST, WORKBOOK]);
    let transition = verdict.transition.as_ref().expect("a TBA profile");
    assert_eq!(transition.missing_ids(), [OAUTH2]);
    assert_eq!(
        verdict.plan_with_oauth2().ids(),
        [LOGIN, OAUTH2, REST, WORKBOOK]
    );
    let snippet = tba_rules::text::sdf_snippet(&verdict.plan_with_oauth2());
    assert!(snippet.contains("<permkey>ADMI_LOGIN_OAUTH2</permkey><permlevel>FULL</permlevel>"));
    assert!(!tba_rules::text::sdf_snippet(&verdict.plan).contains(OAUTH2));
    // A profile without the notice adds nothing.
    let oauth2 = evaluate(&role(&[]), builtin(ProfileId::OAuth2));
    assert_eq!(oauth2.plan_with_oauth2(), oauth2.plan);
}

#[test]
fn the_notice_and_the_feature_messages_say_what_and_where() {
    let english = Messages::load();
    let say = |message| render(&message, &english);
    let notice = say(tba_rules::wording::tba_2027_notice());
    for part in ["2027.1", "2028.2", "keep working", "OAuth 2.0", "Oracle"] {
        assert!(notice.contains(part), "{part} in {notice}");
    }
    let off = evaluate(&without(role(&[]), &[OAUTH2]), builtin(ProfileId::OAuth2));
    let warning = off
        .warnings
        .iter()
        .find(|warning| warning.code() == "feature-off")
        .expect("feature off");
    assert!(matches!(
        warning,
        Warning::FeatureOff {
            feature: Feature::OAuth2,
            ..
        }
    ));
    let said = say(warning.message());
    assert!(
        said.contains("OAuth 2.0 is probably turned off")
            && said.contains(
                "Setup > Company > Enable Features > SuiteCloud > Manage Authentication > OAuth 2.0"
            ),
        "{said}"
    );
    let ready = evaluate(
        &without(role(&[LOGIN, REST, WORKBOOK]), &[OAUTH2]),
        builtin(ProfileId::Rest),
    );
    let also_off = ready
        .transition
        .as_ref()
        .map(|transition| transition.feature_off())
        .expect("a TBA profile");
    assert_eq!(also_off.len(), 1, "{also_off:?}");
    assert!(say(also_off[0].message()).contains("OAuth 2.0 is probably turned off"));
    let m2m = evaluate(&role(&[]), builtin(ProfileId::OAuth2M2m));
    let said = say(m2m.warnings[0].message());
    assert!(
        said.contains("Setup > Integration > OAuth 2.0 Client Credentials (M2M) Setup")
            && said.contains("OAuth 2.0 Authorized Applications Management")
            && said.contains("sandbox refresh"),
        "{said}"
    );
}

#[test]
fn every_new_profile_names_its_sources() {
    for id in [
        ProfileId::OAuth2M2m,
        ProfileId::RestletOAuth2,
        ProfileId::SuiteAnalyticsConnectOAuth2,
        ProfileId::AiConnector,
    ] {
        let profile = builtin(id);
        let sources = profile.sources().expect("a built-in profile");
        assert!(sources.profile.contains("Oracle"), "{:?}", id);
        assert_eq!(sources.requirements.len(), profile.requirements.len());
        assert_eq!(ProfileId::parse(id.as_str()), Some(id));
    }
    assert!(
        builtin(ProfileId::AiConnector)
            .sources()
            .is_some_and(|sources| sources.requirements[0].contains("article_4160616848"))
    );
    // Borrowed: the content script builds nothing at start.
    assert!(matches!(
        builtin(ProfileId::AiConnector).requirements,
        Cow::Borrowed(_)
    ));
}
