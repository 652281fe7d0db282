//! How the in-page panel words a verdict: its summary line, each requirement's line and tag, the
//! redundancy notes, the 2FA confirmation and the 2027.1 notice. The panel only places these
//! messages; the popup uses the notice's too.

use crate::Status;
use crate::evaluate::{Also, RequirementCheck, RequirementState, Transition, Verdict};
use crate::message::{Id, Message};
use crate::profile::REDUNDANCIES;

/// The verdict in one sentence, for the integration named `profile`.
pub fn summary(verdict: &Verdict, profile: &str) -> Message {
    let changes = verdict.missing_ids().len() + verdict.too_low_ids().len();
    match verdict.status {
        Status::Ok => Message::plain(Id::PanelSummaryOk).text(profile),
        Status::FeatureOff => Message::plain(Id::PanelSummaryFeatureOff),
        Status::NeedsFix if changes == 0 => Message::plain(Id::PanelSummarySetting).text(profile),
        Status::NeedsFix => Message::plain(if changes == 1 {
            Id::PanelSummaryChange
        } else {
            Id::PanelSummaryChanges
        })
        .count(changes)
        .text(profile),
    }
}

/// The tag of a requirement's line (its class is the state's stable name) and the line's text.
pub fn check_line(check: &RequirementCheck) -> (Message, Message) {
    let level = check.requirement.level;
    match check.state {
        RequirementState::Satisfied { by } => (
            Message::plain(Id::PanelTagOk),
            Message::plain(Id::PanelCheckOk).permission(by).level(level),
        ),
        RequirementState::TooLow { id, have, need } => (
            Message::plain(Id::PanelTagTooLow),
            Message::plain(Id::PanelCheckTooLow)
                .permission(id)
                .level(have)
                .level(need),
        ),
        RequirementState::Missing { id } => (
            Message::plain(Id::PanelTagMissing),
            Message::plain(Id::PanelCheckMissing)
                .message(alternatives(&check.requirement.any_of, id))
                .level(level),
        ),
        RequirementState::NotOffered { id } => (
            Message::plain(Id::PanelTagNotOffered),
            Message::plain(Id::PanelCheckNotOffered).permission(id),
        ),
    }
}

/// "User Access Tokens or Log in using Access Tokens": the alternatives of a requirement, the one
/// a fix adds first.
pub fn alternatives(any_of: &[&str], first: &str) -> Message {
    let mut message = Message::plain(Id::PanelAlternative).permission(first);
    for other in any_of.iter().filter(|id| **id != first) {
        message = Message::plain(Id::PanelOr)
            .message(message)
            .permission(other);
    }
    message
}

/// The note on a permission the role holds but does not need.
pub fn redundant_note(id: &str) -> Message {
    let by = REDUNDANCIES
        .iter()
        .find(|rule| rule.redundant == id)
        .map(|rule| rule.implied_by);
    match by {
        Some(by) => Message::plain(Id::PanelRedundantBy)
            .permission(id)
            .permission(by),
        None => Message::plain(Id::PanelRedundant).permission(id),
    }
}

/// The question before a Fix all that adds the 2FA-making permissions `ids`.
pub fn confirm_two_factor(ids: &[&str]) -> Message {
    Message::plain(if ids.len() == 1 {
        Id::PanelConfirm2faOne
    } else {
        Id::PanelConfirm2faMany
    })
    .permissions(ids)
}

/// The 2027.1 notice itself: the dates, that TBA integrations keep working, the source.
pub fn tba_2027_notice() -> Message {
    Message::plain(Id::NoticeTba2027)
}

/// What the notice says after itself about OAuth 2.0 for this role: ready, what it would also
/// need (the list follows), or that SOAP cannot move; `None` when there is nothing to say.
pub fn oauth2_line(transition: &Transition) -> Option<Id> {
    match &transition.also {
        Also::Checks(checks) if checks.is_empty() => Some(Id::NoticeAlsoReady),
        Also::Checks(_) => Some(Id::NoticeAlsoNeeds),
        Also::Soap => Some(Id::NoticeSoap),
        Also::Nothing => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::{english::Messages, render};
    use crate::{Level, ProfileId, Role, Subtab, evaluate};

    #[test]
    fn the_panel_words_a_verdict() {
        let messages = Messages::load();
        let say = |message: &Message| render(message, &messages);
        let mut role = Role::default();
        role.grant("ADMI_WEBSERVICES", Subtab::Setup, Level::Edit);
        let verdict = evaluate(
            &role,
            crate::profile::builtin(ProfileId::CloudExtend).expect("built-in"),
        );
        assert_eq!(
            say(&summary(&verdict, "CloudExtend")),
            "This role needs 2 permission changes for CloudExtend."
        );
        let lines: Vec<(String, String)> = verdict
            .checks
            .iter()
            .map(|check| {
                let (tag, text) = check_line(check);
                (say(&tag), say(&text))
            })
            .collect();
        assert!(
            lines.contains(&(
                "Too low".to_owned(),
                "SOAP Web Services is Edit; it must be Full".to_owned()
            )),
            "{lines:?}"
        );
        assert!(
            lines.contains(&("Missing".to_owned(), "User Access Tokens (Full)".to_owned())),
            "{lines:?}"
        );
        assert_eq!(
            say(&alternatives(
                &["ADMI_LOGIN_OAUTH", "ADMI_MANAGE_OWN_OAUTH_TOKENS"],
                "ADMI_MANAGE_OWN_OAUTH_TOKENS"
            )),
            "User Access Tokens or Log in using Access Tokens"
        );
        assert_eq!(
            say(&alternatives(&["A_ONE"], "A_ONE")),
            "A_ONE",
            "an id the catalog does not know is shown as it is"
        );
        assert_eq!(
            say(&redundant_note("ADMI_LOGIN_OAUTH")),
            "Log in using Access Tokens is not needed: User Access Tokens includes it (not an error)."
        );
        assert_eq!(
            say(&confirm_two_factor(&["ADMI_MANAGE_OAUTH_TOKENS"])),
            "Adding Access Token Management makes this role require two-factor authentication: its users can then no longer use their password for API access. Add it anyway?"
        );
        role.grant("ADMI_WEBSERVICES", Subtab::Setup, Level::Full);
        role.grant("ADMI_MANAGE_OWN_OAUTH_TOKENS", Subtab::Setup, Level::Full);
        assert_eq!(
            say(&summary(
                &evaluate(
                    &role,
                    crate::profile::builtin(ProfileId::CloudExtend).expect("built-in")
                ),
                "CloudExtend"
            )),
            "This role has every permission CloudExtend needs."
        );
    }
}
