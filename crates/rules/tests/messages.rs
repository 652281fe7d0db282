//! Every message id `rules` can produce exists in `extension/_locales/en/messages.json` with
//! exactly the placeholders its arguments fill, `messages.json` has no id nothing uses, and the
//! messages rules produce carry as many arguments as their ids take.

use tba_rules::message::english::Messages;
use tba_rules::message::{Arg, Id, Message, render};
use tba_rules::profile;
use tba_rules::{Level, Role, Subtab, evaluate};

/// Ids the manifest uses (`__MSG_<id>__`) rather than `rules`.
const MANIFEST_IDS: &[&str] = &["extName", "extDescription"];

#[test]
fn every_id_exists_with_its_placeholders() {
    let messages = Messages::load();
    assert!(!messages.entries.is_empty(), "messages.json did not parse");
    for id in Id::ALL {
        let entry = messages
            .entries
            .get(id.as_str())
            .unwrap_or_else(|| panic!("{} is not in messages.json", id.as_str()));
        let mut contents: Vec<&str> = entry.placeholders.values().map(String::as_str).collect();
        contents.sort_unstable();
        let expected: Vec<String> = (1..=id.arity())
            .map(|number| format!("${number}"))
            .collect();
        assert_eq!(contents, expected, "{}: placeholders", id.as_str());
        for name in entry.placeholders.keys() {
            let used = entry
                .text
                .to_ascii_lowercase()
                .contains(&format!("${name}$"));
            assert!(
                used,
                "{}: placeholder {name} is not in the text",
                id.as_str()
            );
        }
        assert!(
            !entry.text.contains("$1") && !entry.text.trim().is_empty(),
            "{}: use named placeholders, and say something",
            id.as_str()
        );
    }
}

#[test]
fn messages_json_has_no_unused_id() {
    let manifest = include_str!("../../../manifest.json");
    for id in Messages::load().entries.keys() {
        let by_rules = Id::ALL.iter().any(|known| known.as_str() == id);
        let by_manifest =
            MANIFEST_IDS.contains(&id.as_str()) && manifest.contains(&format!("__MSG_{id}__"));
        assert!(
            by_rules || by_manifest,
            "{id} is in messages.json but nothing uses it"
        );
    }
}

/// Checks a produced message (and those nested in it) against its id's arity.
fn check_arity(message: &Message) {
    assert_eq!(
        message.args.len(),
        message.id.arity(),
        "{} takes {} arguments",
        message.id.as_str(),
        message.id.arity()
    );
    for arg in &message.args {
        if let Arg::Message(nested) = arg {
            check_arity(nested);
        }
    }
}

#[test]
fn produced_messages_fill_every_placeholder() {
    let english = Messages::load();
    let mut roles = Vec::new();
    for (id, web_services_only, soap) in [
        (Some(3), Some(true), Level::View),
        (Some(1001), Some(false), Level::Edit),
        (None, None, Level::None),
    ] {
        let mut role = Role {
            id,
            web_services_only,
            ..Role::default()
        };
        role.grant("ADMI_WEBSERVICES", Subtab::Setup, soap);
        roles.push(role.clone());
        role.offered = Some(["ADMI_WEBSERVICES".to_owned()].into_iter().collect());
        roles.push(role);
    }
    let mut seen = 0;
    for role in &roles {
        for profile in profile::builtins() {
            for warning in evaluate(role, profile).warnings {
                let message = warning.message();
                check_arity(&message);
                let text = render(&message, &english);
                assert!(!text.contains('$'), "{text}");
                assert_ne!(text, message.id.as_str(), "not looked up");
                seen += 1;
            }
        }
    }
    assert!(seen > 20, "only {seen} warnings checked");
}

#[test]
fn lists_levels_and_subtabs_render_through_their_messages() {
    let english = Messages::load();
    let message = Message::with(
        Id::WarningWouldRequireTwoFactor,
        vec![Arg::permissions([
            "ADMI_KERNEL",
            "ADMI_INTEGRAPP",
            "ADMI_MANAGE_OAUTH_TOKENS",
        ])],
    );
    let text = render(&message, &english);
    assert!(
        text.starts_with(
            "Adding Core Administration Permissions, Integration Application and Access Token \
             Management makes"
        ),
        "{text}"
    );
    let two = Message::with(
        Id::ListPair,
        vec![Arg::Level(Level::View), Arg::Subtab(Subtab::Setup)],
    );
    assert_eq!(render(&two, &english), "View and Setup");
    // An id the lookup does not know renders as the id, never as nothing.
    let empty = Messages::default();
    assert_eq!(render(&message, &empty), "warning_would_require_2fa");
}

/// The English messages, checking that every lookup fills exactly its id's placeholders.
struct Checking(Messages);

impl tba_rules::message::Lookup for Checking {
    fn get(&self, id: &str, substitutions: &[String]) -> Option<String> {
        let known = Id::ALL
            .iter()
            .find(|known| known.as_str() == id)
            .unwrap_or_else(|| panic!("{id} is not a message id"));
        assert_eq!(substitutions.len(), known.arity(), "{id}: substitutions");
        self.0.get(id, substitutions)
    }
}

#[test]
fn the_requests_are_worded_by_messages_with_every_placeholder_filled() {
    let checking = Checking(Messages::load());
    for role in [
        Role {
            id: Some(1001),
            name: Some("Sales".to_owned()),
            account: Some("123".to_owned()),
            ..Role::default()
        },
        Role::default(),
        Role {
            id: Some(3),
            web_services_only: Some(true),
            ..Role::default()
        },
    ] {
        for profile in profile::builtins() {
            let verdict = evaluate(&role, profile);
            let text = tba_rules::text::admin_request(&role, &verdict, true, &checking);
            assert!(
                text.starts_with("Hello,\n\n") && text.ends_with("Thank you.\n"),
                "{text}"
            );
            assert!(!text.contains('$') && !text.contains("request_"), "{text}");
        }
    }
    for (account, name) in [(Some("1"), Some("R")), (None, None)] {
        let text = tba_rules::text::auth_error_request(account, name, &checking);
        assert!(!text.contains('$') && !text.contains("auth_"), "{text}");
    }
}
