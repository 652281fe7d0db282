//! Native tests of the popup state: every screen derived from (tab, answer, profile), the tab
//! choice, and the reducer's verbs.
use super::*;
use tba_rules::Subtab;
use tba_rules::catalog::ids;
use tba_rules::level::Level;
use tba_rules::profile::{self, ProfileId};
use tba_rules::role::Grant;

fn tab(id: i32, url: Option<&str>, last_accessed: f64) -> TabFacts {
    TabFacts {
        id: Some(id),
        url: url.map(str::to_owned),
        last_accessed,
    }
}

fn grant(id: &str, level: Level) -> (String, Grant) {
    (
        id.to_owned(),
        Grant {
            subtab: Subtab::Setup,
            level,
        },
    )
}

fn role_of(grants: Vec<(String, Grant)>) -> Role {
    Role {
        id: Some(1001),
        name: Some("Integration <b>role</b>".to_owned()),
        account: Some("1234567".to_owned()),
        grants: grants.into_iter().collect(),
        web_services_only: Some(false),
        two_factor_required: Some(false),
        offered: None,
    }
}

fn snapshot(page: Page, role: Option<Role>) -> Snapshot {
    Snapshot {
        page,
        profile: "cloudextend".to_owned(),
        role,
        problems: Vec::new(),
        bridge_ok: true,
        confirm: None,
        odd_ids: 0,
    }
}

const ROLE_URL: &str = "https://1234567.app.netsuite.com/app/setup/role.nl?id=1001&e=T";

/// Settings read from storage, with no note.
fn load(profile: ProfileId) -> Action {
    Action::LoadSettings(Settings { profile }, None)
}

/// The state after seeing `url` in tab 7 and receiving `response`.
fn answered(url: &str, response: Response, profile_id: ProfileId) -> Rc<PopupState> {
    let state = Rc::new(PopupState::default())
        .reduce(Action::ChooseProfile(profile_id))
        .reduce(Action::SeeTab(Some(tab(7, Some(url), 1.0))));
    state.reduce(Action::ReceiveAnswer(Box::new(response)))
}

fn role_screen(state: &PopupState) -> RoleScreen {
    match state.screen() {
        Screen::Role(role) => (**role).clone(),
        other => panic!("expected a role screen, got {other:?}"),
    }
}

#[test]
fn choose_tab_prefers_the_active_tab_in_a_real_popup() {
    let active = [tab(3, None, 5.0)];
    let all = [tab(4, None, 9.0)];
    assert_eq!(choose_tab(None, &active, &all), Some(tab(3, None, 5.0)));
    assert_eq!(choose_tab(None, &[], &all), None);
}

#[test]
fn choose_tab_takes_the_last_used_other_tab_when_the_popup_is_a_tab() {
    let own = tab(1, None, 100.0);
    let all = [
        own.clone(),
        tab(2, Some(ROLE_URL), 50.0),
        tab(3, None, 20.0),
    ];
    assert_eq!(
        choose_tab(Some(&own), std::slice::from_ref(&own), &all),
        Some(tab(2, Some(ROLE_URL), 50.0))
    );
    assert_eq!(
        choose_tab(
            Some(&own),
            std::slice::from_ref(&own),
            std::slice::from_ref(&own)
        ),
        None
    );
}

#[test]
fn tabs_without_a_visible_url_or_off_netsuite_are_not_netsuite() {
    for seen in [
        None,
        Some(tab(1, None, 0.0)),
        Some(tab(1, Some("https://example.com/app/setup/role.nl"), 0.0)),
        Some(tab(
            1,
            Some("http://1234567.app.netsuite.com/app/setup/role.nl"),
            0.0,
        )),
        Some(TabFacts {
            id: None,
            url: Some(ROLE_URL.to_owned()),
            last_accessed: 0.0,
        }),
    ] {
        let state = Rc::new(PopupState::default()).reduce(Action::SeeTab(seen.clone()));
        assert_eq!(*state.screen(), Screen::NotNetSuite, "{seen:?}");
        assert_eq!(state.screen().name(), "not-netsuite");
    }
}

#[test]
fn screen_names_follow_the_facts() {
    assert_eq!(PopupState::default().screen().name(), "loading");
    let state = Rc::new(PopupState::default()).reduce(Action::LackPermission);
    assert_eq!(*state.screen(), Screen::NoPermission);
    assert_eq!(state.screen().name(), "no-permission");
    // Asking a NetSuite tab is still loading.
    let asking =
        Rc::new(PopupState::default()).reduce(Action::SeeTab(Some(tab(7, Some(ROLE_URL), 0.0))));
    assert_eq!(asking.screen().name(), "loading");
    assert_eq!(asking.answering_tab(), None);
}

#[test]
fn silence_means_other_netsuite_except_on_role_pages() {
    let other = Rc::new(PopupState::default())
        .reduce(Action::SeeTab(Some(tab(
            7,
            Some("https://1234567-sb1.app.netsuite.com/app/center/card.nl"),
            0.0,
        ))))
        .reduce(Action::MissAnswer {
            reason: "Could not establish connection".to_owned(),
        });
    assert_eq!(
        *other.screen(),
        Screen::OtherNetSuite {
            roles_url: "https://1234567-sb1.app.netsuite.com/app/setup/rolelist.nl".to_owned()
        }
    );
    let role = Rc::new(PopupState::default())
        .reduce(Action::SeeTab(Some(tab(7, Some(ROLE_URL), 0.0))))
        .reduce(Action::MissAnswer {
            reason: "Receiving end does not exist".to_owned(),
        });
    assert_eq!(*role.screen(), Screen::Unavailable(Unavailable::NoReceiver));
    assert_eq!(role.screen().name(), "unavailable");
}

#[test]
fn engine_failure_and_bad_answers_are_unavailable() {
    let blocked = answered(
        ROLE_URL,
        Response::Unavailable {
            reason: "engine-failed: WebAssembly.instantiate(): Refused to compile or instantiate \
                     WebAssembly module because 'wasm-unsafe-eval' is not an allowed source"
                .to_owned(),
        },
        ProfileId::CloudExtend,
    );
    match blocked.screen() {
        Screen::Unavailable(cause) => assert!(cause.blocked_by_policy()),
        other => panic!("{other:?}"),
    }
    let failed = answered(
        ROLE_URL,
        Response::Unavailable {
            reason: "engine-failed: network error".to_owned(),
        },
        ProfileId::CloudExtend,
    );
    match failed.screen() {
        Screen::Unavailable(cause) => assert!(!cause.blocked_by_policy()),
        other => panic!("{other:?}"),
    }
    let bad = Rc::new(PopupState::default())
        .reduce(Action::SeeTab(Some(tab(7, Some(ROLE_URL), 0.0))))
        .reduce(Action::RejectAnswer {
            reason: "no type".to_owned(),
        });
    assert_eq!(
        *bad.screen(),
        Screen::Unavailable(Unavailable::Invalid {
            reason: "no type".to_owned()
        })
    );
}

// An answer with an invalid role is no `Response` (the rules' wire tests refuse each kind of
// invalid role); a role page's snapshot without one is shown as unsupported.
#[test]
fn role_pages_without_a_role_are_unsupported() {
    let no_role = answered(
        ROLE_URL,
        Response::Snapshot {
            snapshot: snapshot(Page::RoleEdit, None),
        },
        ProfileId::CloudExtend,
    );
    assert_eq!(no_role.screen().name(), "unsupported");
}

#[test]
fn role_edit_shows_the_same_verdict_as_evaluate() {
    let wire = role_of(vec![grant(ids::WEBSERVICES, Level::View)]);
    for profile_id in ProfileId::ALL {
        let state = answered(
            ROLE_URL,
            Response::Snapshot {
                snapshot: snapshot(Page::RoleEdit, Some(wire.clone())),
            },
            profile_id,
        );
        let role = role_screen(&state);
        let expected = evaluate(&wire, profile::builtin(profile_id).unwrap());
        assert_eq!(role.verdict, expected, "{profile_id:?}");
        assert_eq!(role.mode, RoleMode::Edit);
        assert!(role.editable());
        assert_eq!(role.edit_url, None);
        assert_eq!(state.screen().name(), "role-edit");
    }
    let state = answered(
        ROLE_URL,
        Response::Snapshot {
            snapshot: snapshot(Page::RoleEdit, Some(wire)),
        },
        ProfileId::CloudExtend,
    );
    let role = role_screen(&state);
    assert_eq!(role.verdict.status.as_str(), "needs-fix");
    assert_eq!(role.verdict.missing_ids(), [ids::USER_ACCESS_TOKENS]);
    assert_eq!(role.verdict.too_low_ids(), [ids::WEBSERVICES]);
    let lines = requirement_lines(&role.verdict);
    let states: Vec<(&str, &str)> = lines.iter().map(|line| (line.id, line.state)).collect();
    assert_eq!(
        states,
        [
            (ids::USER_ACCESS_TOKENS, "missing"),
            (ids::WEBSERVICES, "too-low")
        ]
    );
    assert_eq!(lines[1].detail, "Too low: View (needs Full)");
    // Pre-fill only for the missing one: the too-low line is in the sublist already, and Fix all
    // raises it (the content script refuses to pre-fill it).
    let prefill: Vec<bool> = lines.iter().map(|line| line.can_prefill).collect();
    assert_eq!(prefill, [true, false]);
    assert_eq!(
        state.copy_text(CopyTarget::Sdf).as_deref(),
        Some(text::sdf_snippet(&role.verdict.plan).as_str())
    );
    assert!(
        state
            .copy_text(CopyTarget::Request)
            .is_some_and(|request| request.contains("User Access Tokens"))
    );
}

#[test]
fn changing_the_profile_re_evaluates_the_same_role() {
    let wire = role_of(vec![grant(ids::LOGIN_OAUTH, Level::Full)]);
    let state = answered(
        ROLE_URL,
        Response::Snapshot {
            snapshot: snapshot(Page::RoleEdit, Some(wire)),
        },
        ProfileId::TokenLogin,
    );
    assert_eq!(role_screen(&state).verdict.status.as_str(), "ok");
    let state = state.reduce(Action::ChooseProfile(ProfileId::Soap));
    assert_eq!(
        role_screen(&state).verdict.missing_ids(),
        [ids::WEBSERVICES]
    );
}

#[test]
fn the_screen_is_derived_again_only_when_the_profile_or_the_tab_changes() {
    let state = answered(
        ROLE_URL,
        Response::Snapshot {
            snapshot: snapshot(Page::RoleEdit, Some(role_of(Vec::new()))),
        },
        ProfileId::CloudExtend,
    );
    let copied =
        Rc::clone(&state).reduce(Action::FinishCopy(CopyOutcome::Copied(CopyTarget::Request)));
    let busy = Rc::clone(&copied).reduce(Action::StartChange);
    assert!(Rc::ptr_eq(&state.screen, &busy.screen));
    let same_profile = Rc::clone(&busy).reduce(load(ProfileId::CloudExtend));
    assert!(Rc::ptr_eq(&state.screen, &same_profile.screen));
    let other = Rc::clone(&state).reduce(Action::ChooseProfile(ProfileId::Soap));
    assert_eq!(role_screen(&other).verdict.profile, ProfileId::Soap);
    // Whatever the route to a state, its screen is the one its facts give.
    for derived in [&state, &copied, &busy, &same_profile, &other] {
        assert_eq!(*derived.screen(), derived.derive_screen());
    }
}

#[test]
fn role_view_links_to_the_edit_page_and_new_roles_are_editable() {
    let wire = role_of(Vec::new());
    let view = answered(
        "https://1234567.app.netsuite.com/app/setup/role.nl?id=1001",
        Response::Snapshot {
            snapshot: snapshot(Page::RoleView, Some(wire.clone())),
        },
        ProfileId::CloudExtend,
    );
    let role = role_screen(&view);
    assert_eq!(view.screen().name(), "role-view");
    assert!(!role.editable());
    assert_eq!(
        role.edit_url.as_deref(),
        Some("https://1234567.app.netsuite.com/app/setup/role.nl?id=1001&e=T")
    );
    let new = answered(
        "https://1234567.app.netsuite.com/app/setup/role.nl",
        Response::Snapshot {
            snapshot: snapshot(Page::RoleNew, Some(Role { id: None, ..wire })),
        },
        ProfileId::CloudExtend,
    );
    assert_eq!(new.screen().name(), "role-new");
    assert!(role_screen(&new).editable());
    assert_eq!(role_screen(&new).edit_url, None);
}

#[test]
fn an_answer_with_odd_ids_keeps_the_rest_and_says_what_was_left_out() {
    let mut page = snapshot(
        Page::RoleEdit,
        Some(role_of(vec![grant("ADMI_LOGIN_OAUTH", Level::Full)])),
    );
    page.odd_ids = 2;
    page.problems = vec!["a note from the page".to_owned()];
    let state = answered(
        ROLE_URL,
        Response::Snapshot { snapshot: page },
        ProfileId::CloudExtend,
    );
    let screen = role_screen(&state);
    assert_eq!(screen.role.level_of("ADMI_LOGIN_OAUTH"), Level::Full);
    assert_eq!(
        screen.problems,
        [
            "a note from the page",
            "2 permission id(s) in the page's answer were not valid permission ids and were left \
             out."
        ]
    );
}

#[test]
fn unsupported_pages_list_what_could_not_be_read() {
    let mut page = snapshot(Page::Unsupported, None);
    page.problems = vec![
        "the Setup sublist data is missing".to_owned(),
        "NetSuite may have changed the page".to_owned(),
    ];
    let state = answered(
        ROLE_URL,
        Response::Snapshot { snapshot: page },
        ProfileId::CloudExtend,
    );
    assert_eq!(
        *state.screen(),
        Screen::Unsupported {
            problems: vec![
                "the Setup sublist data is missing".to_owned(),
                "NetSuite may have changed the page".to_owned()
            ]
        }
    );
}

#[test]
fn auth_error_pages_get_the_request_with_account_and_role() {
    let url = "https://1234567-sb1.app.netsuite.com/app/login/secure/authorizetoken.nl";
    let wire = Role {
        name: Some("Sales Rep".to_owned()),
        account: None,
        ..Role::default()
    };
    let state = answered(
        url,
        Response::Snapshot {
            snapshot: snapshot(Page::AuthError, Some(wire)),
        },
        ProfileId::CloudExtend,
    );
    let Screen::AuthError(auth) = state.screen() else {
        panic!("{:?}", state.screen());
    };
    assert_eq!(
        auth.account.as_deref(),
        Some("1234567_SB1"),
        "from the host"
    );
    assert_eq!(auth.role_name.as_deref(), Some("Sales Rep"));
    assert_eq!(
        auth.roles_url,
        "https://1234567-sb1.app.netsuite.com/app/setup/rolelist.nl"
    );
    assert_eq!(
        state.copy_text(CopyTarget::Request),
        Some(text::auth_error_request(
            Some("1234567_SB1"),
            Some("Sales Rep"),
            &tba_rules::message::english::Messages::load()
        ))
    );
    assert_eq!(state.copy_text(CopyTarget::Sdf), None);
}

#[test]
fn the_two_factor_question_is_the_content_scripts() {
    // The content script asks (`tba_rules::confirm::gate`, one rule for the panel and the popup);
    // the popup shows the question its answer carries and nothing of its own.
    let wire = role_of(Vec::new());
    let asked = Snapshot {
        confirm: Some(vec!["ADMI_MANAGE_OAUTH_TOKENS".to_owned()]),
        ..snapshot(Page::RoleEdit, Some(wire.clone()))
    };
    let state = answered(
        ROLE_URL,
        Response::Snapshot { snapshot: asked },
        ProfileId::TokenAdmin,
    );
    assert_eq!(
        state.two_factor_question(),
        Some(&["ADMI_MANAGE_OAUTH_TOKENS".to_owned()][..])
    );
    // The answer to the confirmation (or a cancel) closes it.
    let state = state.reduce(Action::ReceiveAnswer(Box::new(Response::Snapshot {
        snapshot: snapshot(Page::RoleEdit, Some(wire)),
    })));
    assert_eq!(state.two_factor_question(), None);
}

#[test]
fn changes_show_the_new_snapshot_and_refusals_say_why() {
    let before = role_of(Vec::new());
    let after = role_of(vec![
        grant(ids::USER_ACCESS_TOKENS, Level::Full),
        grant(ids::WEBSERVICES, Level::Full),
    ]);
    let state = answered(
        ROLE_URL,
        Response::Snapshot {
            snapshot: snapshot(Page::RoleEdit, Some(before.clone())),
        },
        ProfileId::CloudExtend,
    );
    assert_eq!(state.answering_tab(), Some(7));
    let state = state.reduce(Action::StartChange);
    assert!(state.busy);
    let state = state.reduce(Action::ReceiveAnswer(Box::new(Response::Snapshot {
        snapshot: snapshot(Page::RoleEdit, Some(after)),
    })));
    assert!(!state.busy);
    assert_eq!(role_screen(&state).verdict.status.as_str(), "ok");
    let refused = state
        .reduce(Action::StartChange)
        .reduce(Action::ReceiveAnswer(Box::new(Response::Refused {
            reason: "the pre-fill bridge did not answer".to_owned(),
            snapshot: snapshot(Page::RoleEdit, Some(before)),
        })));
    assert_eq!(
        refused.notice.as_deref(),
        Some("the pre-fill bridge did not answer")
    );
    assert_eq!(role_screen(&refused).verdict.status.as_str(), "needs-fix");
    // The page went away between the snapshot and the change.
    let gone = refused
        .reduce(Action::StartChange)
        .reduce(Action::MissAnswer {
            reason: "Receiving end does not exist".to_owned(),
        });
    assert!(!gone.busy);
    assert!(
        gone.notice
            .as_deref()
            .is_some_and(|notice| notice.contains("Reload the tab"))
    );
    assert_eq!(gone.screen().name(), "role-edit");
}

#[test]
fn copies_are_confirmed_and_reset_by_a_new_profile() {
    let state = Rc::new(PopupState::default())
        .reduce(Action::FinishCopy(CopyOutcome::Copied(CopyTarget::Request)));
    assert_eq!(state.copy, Some(CopyOutcome::Copied(CopyTarget::Request)));
    let state = state.reduce(Action::ChooseProfile(ProfileId::Rest));
    assert_eq!(state.copy, None);
    assert_eq!(CopyTarget::Request.action(), "copy-request");
    assert_eq!(CopyTarget::Sdf.action(), "copy-sdf");
}

#[test]
fn the_guide_names_each_profiles_permissions_and_subtabs() {
    assert_eq!(
        guide_permissions(profile::default_profile()),
        [
            ("User Access Tokens", tba_rules::Subtab::Setup),
            ("SOAP Web Services", tba_rules::Subtab::Setup)
        ]
    );
    assert!(
        guide_permissions(profile::builtin(ProfileId::Rest).unwrap())
            .contains(&("SuiteAnalytics Workbook", tba_rules::Subtab::Reports))
    );
    for profile in profile::builtins() {
        assert!(!guide_permissions(profile).is_empty(), "{:?}", profile.id);
    }
}

#[test]
fn until_storage_answers_no_answer_is_shown() {
    let mut page = snapshot(Page::RoleEdit, Some(role_of(Vec::new())));
    page.profile = "soap".to_owned();
    let answer = |page: &Snapshot| {
        Action::ReceiveAnswer(Box::new(Response::Snapshot {
            snapshot: page.clone(),
        }))
    };
    let seen =
        Rc::new(PopupState::default()).reduce(Action::SeeTab(Some(tab(7, Some(ROLE_URL), 1.0))));
    let early = seen.reduce(answer(&page));
    assert_eq!(early.screen(), &Screen::Loading);
    // Storage decides the profile, whatever the page reported, and a note it brings is shown
    // with the first verdict rather than a moment after it.
    let note = Some(tba_rules::settings::Note::UnknownVersion);
    let defaults = early
        .clone()
        .reduce(Action::LoadSettings(Settings::default(), note.clone()));
    assert_eq!(
        role_screen(&defaults).verdict.profile,
        ProfileId::CloudExtend
    );
    let loaded = early.reduce(Action::LoadSettings(
        Settings {
            profile: ProfileId::Rest,
        },
        note.clone(),
    ));
    assert_eq!(role_screen(&loaded).verdict.profile, ProfileId::Rest);
    assert_eq!(loaded.settings_note, note);
    let again = loaded.reduce(answer(&page));
    assert_eq!(again.settings.profile, ProfileId::Rest);
}

#[test]
fn a_late_storage_answer_does_not_undo_the_users_pick() {
    let state = Rc::new(PopupState::default())
        .reduce(Action::ChooseProfile(ProfileId::OAuth2))
        .reduce(load(ProfileId::CloudExtend));
    assert_eq!(state.settings.profile, ProfileId::OAuth2);
}

#[test]
fn only_webassembly_start_failures_count_as_the_page_policy() {
    for (reason, blocked) in [
        ("engine-failed: WebAssembly.instantiateStreaming(): ", true),
        (
            "engine-failed: CompileError: Refused to compile because 'wasm-unsafe-eval' is not allowed",
            true,
        ),
        (
            "engine-failed: Failed to fetch dynamically imported module: chrome-extension://x/pkg/tba_content.js",
            false,
        ),
        (
            "engine-failed: TypeError: NetworkError when attempting to fetch resource.",
            false,
        ),
    ] {
        let cause = Unavailable::EngineFailed {
            reason: reason.to_owned(),
        };
        assert_eq!(cause.blocked_by_policy(), blocked, "{reason}");
    }
    assert!(!Unavailable::NoReceiver.blocked_by_policy());
}

#[test]
fn a_note_on_unreadable_settings_lasts_until_the_user_chooses() {
    let note = Some(tba_rules::settings::Note::Unreadable);
    let state = Rc::new(PopupState::default())
        .reduce(Action::LoadSettings(Settings::default(), note.clone()));
    assert_eq!(state.settings_note, note);
    assert_eq!(state.settings.profile, ProfileId::CloudExtend);
    let chosen = state.reduce(Action::ChooseProfile(ProfileId::Rest));
    assert_eq!(chosen.settings_note, None);
    assert_eq!(chosen.settings.profile, ProfileId::Rest);
    // A late answer from storage changes neither.
    let late = chosen.reduce(Action::LoadSettings(Settings::default(), note));
    assert_eq!(late.settings_note, None);
    assert_eq!(late.settings.profile, ProfileId::Rest);
}

#[test]
fn a_page_that_does_not_answer_in_time_gets_the_slow_screen_then_its_answer() {
    let asking = Rc::new(PopupState::default())
        .reduce(load(ProfileId::CloudExtend))
        .reduce(Action::SeeTab(Some(tab(7, Some(ROLE_URL), 1.0))));
    assert_eq!(asking.screen().name(), "loading");
    let slow = Rc::clone(&asking).reduce(Action::SeeSlowAnswer);
    assert_eq!(slow.screen().name(), "page-slow");
    // The late answer replaces it.
    let role = role_of(vec![grant(ids::WEBSERVICES, Level::Full)]);
    let answered = slow.reduce(Action::ReceiveAnswer(Box::new(Response::Snapshot {
        snapshot: snapshot(Page::RoleEdit, Some(role)),
    })));
    assert_eq!(answered.screen().name(), "role-edit");
    assert!(!answered.slow);
    // A slow mark arriving after the answer changes nothing.
    let late = Rc::clone(&answered).reduce(Action::SeeSlowAnswer);
    assert_eq!(*late, *answered);
    // A page that never answers at all still ends as no answer.
    let missed = asking
        .reduce(Action::SeeSlowAnswer)
        .reduce(Action::MissAnswer {
            reason: "Could not establish connection. Receiving end does not exist.".to_owned(),
        });
    assert_ne!(missed.screen().name(), "page-slow");
}

#[test]
fn a_change_the_page_does_not_answer_in_time_says_so_beside_the_verdict() {
    let role = role_of(vec![grant(ids::WEBSERVICES, Level::Full)]);
    let state = answered(
        ROLE_URL,
        Response::Snapshot {
            snapshot: snapshot(Page::RoleEdit, Some(role.clone())),
        },
        ProfileId::CloudExtend,
    )
    .reduce(Action::StartChange)
    .reduce(Action::SeeSlowAnswer);
    assert_eq!(state.screen().name(), "role-edit");
    assert!(state.busy);
    let notice = state.notice.clone().unwrap_or_default();
    assert!(notice.contains("has not answered yet"), "{notice}");
    let done = state.reduce(Action::ReceiveAnswer(Box::new(Response::Snapshot {
        snapshot: snapshot(Page::RoleEdit, Some(role)),
    })));
    assert!(!done.busy && !done.slow && done.notice.is_none());
}
