//! Rendering tests: each screen rendered natively with Yew's server renderer, checked for its
//! text, its stable hooks (`data-screen`, `data-status`, `data-tba-doctor-action`) and escaping.
use std::rc::Rc;

use tba_rules::Subtab;
use tba_rules::catalog::ids;
use tba_rules::level::Level;
use tba_rules::profile::ProfileId;
use tba_rules::protocol::{Page, Response, Snapshot};
use tba_rules::role::{Grant, Role};
use yew::{LocalServerRenderer, Reducible};

use crate::components::app::{PopupView, PopupViewProps};
use crate::state::{Action, CopyOutcome, CopyTarget, PopupState, TabFacts};

fn render(state: PopupState) -> String {
    let props = PopupViewProps {
        state,
        callbacks: Default::default(),
    };
    futures::executor::block_on(
        LocalServerRenderer::<PopupView>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

/// The state once storage has answered (nothing stored) and the popup has seen the tab at `url`.
fn seen(url: &str) -> Rc<PopupState> {
    Rc::new(PopupState::default())
        .reduce(Action::LoadSettings(Default::default(), None))
        .reduce(Action::SeeTab(Some(TabFacts {
            id: Some(7),
            url: Some(url.to_owned()),
            last_accessed: 0.0,
        })))
}

fn role_state(
    page: Page,
    url: &str,
    grants: &[(&str, Level)],
    profile_id: ProfileId,
) -> PopupState {
    asking_state(page, url, grants, profile_id, None)
}

/// [`role_state`] with the content script's open 2FA question.
fn asking_state(
    page: Page,
    url: &str,
    grants: &[(&str, Level)],
    profile_id: ProfileId,
    confirm: Option<Vec<String>>,
) -> PopupState {
    let role = Role {
        id: Some(1001),
        name: Some("Integration <script>alert(1)</script>".to_owned()),
        account: Some("1234567".to_owned()),
        grants: grants
            .iter()
            .map(|(id, level)| {
                let grant = Grant {
                    subtab: Subtab::Setup,
                    level: *level,
                };
                ((*id).to_owned(), grant)
            })
            .collect(),
        web_services_only: Some(false),
        two_factor_required: Some(false),
        offered: None,
    };
    let snapshot = Snapshot {
        page,
        profile: profile_id.as_str().to_owned(),
        role: Some(role),
        problems: Vec::new(),
        bridge_ok: true,
        confirm,
        odd_ids: 0,
    };
    let state = seen(url)
        .reduce(Action::ChooseProfile(profile_id))
        .reduce(Action::ReceiveAnswer(Box::new(Response::Snapshot {
            snapshot,
        })));
    (*state).clone()
}

const EDIT_URL: &str = "https://1234567.app.netsuite.com/app/setup/role.nl?id=1001&e=T";

#[test]
fn loading_shows_only_a_status() {
    let html = render(PopupState::default());
    assert!(html.contains(r#"data-screen="loading""#), "{html}");
    assert!(!html.contains("TBA Doctor"), "{html}");
}

#[test]
fn not_netsuite_shows_five_steps_for_the_profile_and_the_labelled_select() {
    let state = Rc::new(PopupState::default())
        .reduce(Action::ChooseProfile(ProfileId::Rest))
        .reduce(Action::SeeTab(None));
    let html = render((*state).clone());
    assert!(html.contains(r#"data-screen="not-netsuite""#), "{html}");
    assert!(html.contains("This tab is not a NetSuite page."));
    assert!(html.matches("<li>").count() >= 5);
    assert!(
        html.contains("Setup &gt; Users/Roles &gt; User Management &gt; Manage Roles"),
        "{html}"
    );
    assert!(html.contains("SuiteAnalytics Workbook"));
    assert!(html.contains("Reports subtab"));
    assert!(html.contains("click TBA Doctor again"));
    assert!(html.contains(r#"<label for="profile">"#));
    assert!(html.contains(r#"<select id="profile""#));
    assert_eq!(html.matches("<option").count(), 13);
    assert!(
        html.contains(r#"value="rest" selected="selected""#),
        "{html}"
    );
    for profile in tba_rules::profile::builtins() {
        let name = crate::ext::text(&profile.name.message());
        let summary = crate::ext::text(&profile.summary_text().message());
        assert!(html.contains(&name), "{name}");
        assert!(html.contains(&summary), "{summary}");
    }
}

#[test]
fn other_netsuite_links_to_manage_roles() {
    let state = seen("https://7654321-sb2.app.netsuite.com/app/center/card.nl").reduce(
        Action::MissAnswer {
            reason: "no receiver".to_owned(),
        },
    );
    let html = render((*state).clone());
    assert!(html.contains(r#"data-screen="other-netsuite""#), "{html}");
    assert!(html.contains(r#"href="https://7654321-sb2.app.netsuite.com/app/setup/rolelist.nl""#));
}

#[test]
fn unavailable_says_reload_or_explains_the_security_policy() {
    let state = seen(EDIT_URL).reduce(Action::MissAnswer {
        reason: "Receiving end does not exist".to_owned(),
    });
    let html = render((*state).clone());
    assert!(html.contains(r#"data-screen="unavailable""#), "{html}");
    assert!(html.contains("Reload the tab"));
    let blocked = seen(EDIT_URL).reduce(Action::ReceiveAnswer(Box::new(Response::Unavailable {
        reason: "engine-failed: CompileError: WebAssembly.instantiate(): Refused to compile or \
                 instantiate WebAssembly module because 'wasm-unsafe-eval' is not an allowed \
                 source of script in the following Content Security Policy directive"
            .to_owned(),
    })));
    let html = render((*blocked).clone());
    assert!(html.contains("security policy blocks"), "{html}");
    assert!(html.contains("Chrome checks the WebAssembly of extensions"));
}

#[test]
fn no_permission_offers_a_grant_button() {
    let state = Rc::new(PopupState::default()).reduce(Action::LackPermission);
    let html = render((*state).clone());
    assert!(html.contains(r#"data-screen="no-permission""#), "{html}");
    assert!(html.contains(r#"data-tba-doctor-action="grant""#));
    assert!(html.contains("Allow access to NetSuite"));
}

#[test]
fn role_edit_shows_verdict_requirements_and_actions() {
    let state = role_state(
        Page::RoleEdit,
        EDIT_URL,
        &[
            (ids::WEBSERVICES, Level::View),
            (ids::LOGIN_OAUTH, Level::Full),
            (ids::USER_ACCESS_TOKENS, Level::Full),
        ],
        ProfileId::CloudExtend,
    );
    let html = render(state);
    assert!(html.contains(r#"data-screen="role-edit""#), "{html}");
    assert!(html.contains(r#"data-status="needs-fix""#));
    assert!(html.contains(r#"data-missing="""#), "{html}");
    assert!(html.contains(r#"data-too-low="ADMI_WEBSERVICES""#));
    // A line held too low is raised by Fix all; Pre-fill is only for a missing one.
    assert_eq!(
        html.matches(r#"data-tba-doctor-action="prefill""#).count(),
        0,
        "{html}"
    );
    assert!(html.contains(r#"data-tba-doctor-action="fix-all""#));
    assert!(html.contains(r#"data-tba-doctor-action="copy-request""#));
    assert!(html.contains(r#"data-tba-doctor-action="copy-sdf""#));
    assert!(html.contains(r#"data-tba-doctor-action="make-profile""#));
    assert!(html.contains("Too low: View (needs Full)"));
    assert!(
        html.contains("Log in using Access Tokens is not needed: User Access Tokens includes it."),
        "{html}"
    );
    assert!(html.contains(r#"data-code="soap-below-full""#));
    // Page text is escaped, never markup.
    assert!(!html.contains("<script>"), "{html}");
    assert!(html.contains("&lt;script&gt;"));
}

#[test]
fn role_edit_asks_for_two_factor_confirmation() {
    // The content script's answer carries its open question.
    let state = asking_state(
        Page::RoleEdit,
        EDIT_URL,
        &[],
        ProfileId::TokenAdmin,
        Some(vec!["ADMI_MANAGE_OAUTH_TOKENS".to_owned()]),
    );
    let html = render(state);
    assert!(
        html.contains(r#"data-tba-doctor-action="confirm-fix-all""#),
        "{html}"
    );
    assert!(html.contains("Access Token Management"));
    assert!(html.contains("two-factor authentication"));
    assert!(!html.contains(r#"data-tba-doctor-action="fix-all""#));
}

#[test]
fn role_ok_has_no_fix_buttons() {
    let state = role_state(
        Page::RoleEdit,
        EDIT_URL,
        &[
            (ids::WEBSERVICES, Level::Full),
            (ids::USER_ACCESS_TOKENS, Level::Full),
        ],
        ProfileId::CloudExtend,
    );
    let html = render(state);
    assert!(html.contains(r#"data-status="ok""#), "{html}");
    assert!(!html.contains(r#"data-tba-doctor-action="fix-all""#));
    assert!(!html.contains(r#"data-tba-doctor-action="prefill""#));
    assert!(!html.contains(r#"data-tba-doctor-action="copy-sdf""#));
    assert!(html.contains(r#"data-tba-doctor-action="copy-request""#));
}

#[test]
fn role_view_links_to_the_edit_page_without_fix_buttons() {
    let state = role_state(
        Page::RoleView,
        "https://1234567.app.netsuite.com/app/setup/role.nl?id=1001",
        &[],
        ProfileId::CloudExtend,
    );
    let html = render(state);
    assert!(html.contains(r#"data-screen="role-view""#), "{html}");
    assert!(
        html.contains(
            r#"href="https://1234567.app.netsuite.com/app/setup/role.nl?id=1001&amp;e=T""#
        ),
        "{html}"
    );
    assert!(!html.contains(r#"data-tba-doctor-action="prefill""#));
    assert!(!html.contains(r#"data-tba-doctor-action="fix-all""#));
}

#[test]
fn role_new_is_editable_and_says_to_save() {
    let state = role_state(
        Page::RoleNew,
        "https://1234567.app.netsuite.com/app/setup/role.nl",
        &[],
        ProfileId::Restlet,
    );
    let html = render(state);
    assert!(html.contains(r#"data-screen="role-new""#), "{html}");
    assert!(html.contains(r#"data-tba-doctor-action="fix-all""#));
    assert!(html.contains("not saved yet"));
}

#[test]
fn auth_error_explains_and_offers_the_request() {
    let snapshot = Snapshot {
        page: Page::AuthError,
        profile: String::new(),
        role: Some(Role {
            name: Some("Sales & <Marketing>".to_owned()),
            account: Some("1234567".to_owned()),
            ..Role::default()
        }),
        problems: Vec::new(),
        bridge_ok: false,
        confirm: None,
        odd_ids: 0,
    };
    let state = seen("https://1234567.app.netsuite.com/app/login/secure/authorizetoken.nl")
        .reduce(Action::ReceiveAnswer(Box::new(Response::Snapshot {
            snapshot,
        })))
        .reduce(Action::FinishCopy(CopyOutcome::Copied(CopyTarget::Request)));
    let html = render((*state).clone());
    assert!(html.contains(r#"data-screen="auth-error""#), "{html}");
    assert!(html.contains("User Access Tokens"));
    assert!(html.contains("SOAP Web Services"));
    assert!(html.contains("concurrency errors"));
    assert!(html.contains("Sales &amp; &lt;Marketing&gt;"), "{html}");
    assert!(html.contains(r#"href="https://1234567.app.netsuite.com/app/setup/rolelist.nl""#));
    assert!(html.contains(r#"data-tba-doctor-action="copy-request""#));
    assert!(html.contains("Copied"), "{html}");
}

#[test]
fn a_refused_copy_shows_the_text_to_copy_by_hand() {
    let state = role_state(Page::RoleEdit, EDIT_URL, &[], ProfileId::CloudExtend);
    let state = Rc::new(state).reduce(Action::FinishCopy(CopyOutcome::Failed(
        CopyTarget::Sdf,
        "Document is not focused".to_owned(),
    )));
    let html = render((*state).clone());
    assert!(
        html.contains("did not allow copying (Document is not focused)"),
        "{html}"
    );
    assert!(html.contains("copy-fallback"));
    assert!(
        html.contains("&lt;permkey&gt;ADMI_MANAGE_OWN_OAUTH_TOKENS&lt;/permkey&gt;"),
        "{html}"
    );
}

#[test]
fn stored_settings_that_cannot_be_read_are_noted_beside_the_choice_until_a_pick() {
    let unreadable = Rc::new(PopupState::default())
        .reduce(Action::LoadSettings(
            tba_rules::settings::Settings::default(),
            Some(tba_rules::settings::Note::UnknownProfile {
                id: "<b>old</b>".to_owned(),
            }),
        ))
        .reduce(Action::SeeTab(None));
    let html = render((*unreadable).clone());
    assert!(
        html.contains(r#"data-tba-doctor="settings-note""#),
        "{html}"
    );
    assert!(
        html.contains("the saved profile “&lt;b&gt;old&lt;/b&gt;” is not one"),
        "the stored id is text, never markup: {html}"
    );
    assert!(html.contains(r#"value="cloudextend" selected="selected""#));
    let picked = unreadable.reduce(Action::ChooseProfile(ProfileId::Soap));
    assert!(!render((*picked).clone()).contains("settings-note"));
}

#[test]
fn a_tba_role_gets_the_2027_notice_and_what_oauth2_would_also_need() {
    let grants = [
        (ids::LOGIN_OAUTH, Level::Full),
        (ids::REST_WEBSERVICES, Level::Full),
    ];
    let state = role_state(Page::RoleEdit, EDIT_URL, &grants, ProfileId::Rest);
    let html = render(state.clone());
    assert!(
        html.contains(r#"data-tba-doctor-notice="tba-2027""#),
        "{html}"
    );
    assert!(html.contains("2027.1") && html.contains("2028.2"), "{html}");
    assert!(html.contains("Also ready for OAuth 2.0"), "{html}");
    assert!(
        html.contains(r#"data-oauth2-missing="ADMI_LOGIN_OAUTH2""#),
        "{html}"
    );
    assert!(
        html.contains(r#"data-tba-doctor-action="prefill" data-permkey="ADMI_LOGIN_OAUTH2""#),
        "{html}"
    );
    assert!(html.contains(r#"id="include-oauth2""#), "{html}");
    // The copied texts hold the OAuth 2.0 line only when the admin asks.
    let plain = state.copy_text(CopyTarget::Sdf).expect("an SDF snippet");
    assert!(!plain.contains("ADMI_LOGIN_OAUTH2"), "{plain}");
    let asked = Rc::new(state).reduce(Action::IncludeOAuth2(true));
    let sdf = asked.copy_text(CopyTarget::Sdf).expect("an SDF snippet");
    assert!(
        sdf.contains("<permkey>ADMI_LOGIN_OAUTH2</permkey>"),
        "{sdf}"
    );
    let request = asked.copy_text(CopyTarget::Request).expect("a request");
    assert!(
        request.contains("Log in using OAuth 2.0 Access Tokens") && request.contains("2027.1"),
        "{request}"
    );
    assert!(render((*asked).clone()).contains(r#"checked"#));
}

#[test]
fn soap_is_told_it_must_move_to_rest_and_oauth2_profiles_get_no_list() {
    let grants = [
        (ids::LOGIN_OAUTH, Level::Full),
        (ids::WEBSERVICES, Level::Full),
    ];
    let html = render(role_state(
        Page::RoleEdit,
        EDIT_URL,
        &grants,
        ProfileId::Soap,
    ));
    assert!(
        html.contains(r#"data-tba-doctor-notice="tba-2027""#),
        "{html}"
    );
    assert!(
        html.contains("OAuth 2.0 cannot serve SOAP web services"),
        "{html}"
    );
    assert!(!html.contains("data-oauth2-missing"), "{html}");
    let html = render(role_state(Page::RoleEdit, EDIT_URL, &[], ProfileId::OAuth2));
    assert!(!html.contains("data-tba-doctor-notice"), "{html}");
    let html = render(role_state(
        Page::RoleEdit,
        EDIT_URL,
        &[],
        ProfileId::AiConnector,
    ));
    assert!(html.contains("MCP Server Connection"), "{html}");
}

mod options_page {
    //! The options page's hooks (README "Stable page hooks"), rendered from a state.

    use tba_rules::import::Kept;
    use tba_rules::message::english::Messages;
    use tba_rules::profile::builtins;
    use tba_rules::store::{Corrupt, Saved};
    use yew::LocalServerRenderer;

    use crate::components::options_page::{OptionsPage, OptionsPageProps};
    use crate::options::OptionsState;

    fn render(initial: OptionsState) -> String {
        futures::executor::block_on(
            LocalServerRenderer::<OptionsPage>::with_props(OptionsPageProps { initial }).render(),
        )
    }

    #[test]
    fn the_import_box_and_its_preview_carry_the_stable_hooks() {
        let mut state = OptionsState::default();
        state.loaded(Vec::new());
        state.name = "Our sync".to_owned();
        state.set_text(
            "Permission | Level\nCustomers | Full\nCustmers | View\nSales Order | Sometimes\n"
                .to_owned(),
        );
        state.preview();
        let html = render(state);
        for hook in [
            r#"<textarea id="import-text""#,
            r#"id="profile-name" type="text""#,
            r#"data-tba-doctor-action="import-preview""#,
            r#"data-tba-doctor-action="import-save""#,
            r#"data-import-line="2" data-status="matched" data-permkey="LIST_CUSTJOB" data-level="4""#,
            r#"data-import-line="3" data-status="unknown""#,
            r#"data-import-line="4" data-status="error""#,
        ] {
            assert!(html.contains(hook), "{hook} not in the page");
        }
        assert!(
            !html.contains(r#"data-import-line="1""#),
            "the header row is no entry"
        );
        assert!(html.contains("Closest: Customers"), "{html}");
    }

    #[test]
    fn saved_builtin_and_corrupt_profiles_are_listed_with_their_actions() {
        let english = Messages::load();
        let mut state = OptionsState::default();
        state.loaded(Vec::new());
        state.duplicate("rest", &english);
        let ready = state.ready().expect("ready");
        state.loaded(vec![
            Saved::Profile {
                profile: ready.profile.clone(),
                kept: vec![Kept {
                    key: "customrecord_x".to_owned(),
                    level: tba_rules::Level::View,
                }],
            },
            Saved::Corrupt {
                id: "custom:broken".to_owned(),
                problem: Corrupt::Mixed,
                text: Some("{}".to_owned()),
            },
        ]);
        state.ask_delete(&ready.id);
        let html = render(state);
        assert!(
            html.contains(&format!(r#"data-profile-id="{}""#, ready.id)),
            "{html}"
        );
        assert!(
            html.contains("3 permissions, 1 custom record permissions kept"),
            "{html}"
        );
        assert!(
            html.contains(r#"data-profile-id="custom:broken" data-corrupt="true""#),
            "{html}"
        );
        assert!(html.contains("two different saves"), "{html}");
        assert!(html.contains(r#"data-tba-doctor-action="confirm-delete""#));
        for builtin in builtins() {
            assert!(html.contains(&format!(
                r#"data-profile-id="{}" data-builtin="true""#,
                builtin.id.as_str()
            )));
        }
    }
}
