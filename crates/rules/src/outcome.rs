//! What a click on Pre-fill or Fix all came to, as types: the panel and the popup branch on these,
//! never on a sentence, and each has its message.
//!
//! The content script finds out what happened (it asks the page bridge and re-reads the page); this
//! module names the possibilities and words them.

use crate::catalog::Subtab;
use crate::message::{Arg, Id, Message};

/// How the page bridge (the MAIN-world script that calls NetSuite's page functions) failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BridgeFailure {
    /// Nothing answered: the bridge script is not in the page.
    NoAnswer,
    /// The bridge answered with an error; the text is NetSuite's or the bridge's, shown as it is.
    Said(String),
    /// The bridge's answer is not one it can give: neither a result nor an error text.
    Malformed,
}

impl BridgeFailure {
    /// "the page bridge did not answer", "NetSuite said: …".
    pub fn message(&self) -> Message {
        match self {
            BridgeFailure::NoAnswer => Message::plain(Id::BridgeNoAnswer),
            BridgeFailure::Said(text) => Message::plain(Id::BridgeSaid).text(text),
            BridgeFailure::Malformed => Message::plain(Id::BridgeMalformed),
        }
    }
}

/// Why Pre-fill and Fix all cannot run now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Blocked {
    /// The page could not be read completely: there is no verdict to act on.
    Unreadable,
    /// The role is open in view mode.
    ViewMode,
    /// The page lacks NetSuite functions the bridge needs (their names).
    MissingFunctions(Vec<String>),
    /// The bridge's probe of the page failed.
    Bridge(BridgeFailure),
    /// No verdict has been reached yet.
    NoVerdict,
    /// Pre-fill was asked for a permission that is not missing.
    NotMissing,
    /// The sublist the permission belongs to shows no editable fields.
    NoEditableFields(Subtab),
    /// The admin has a line open with edits not added yet on this subtab's sublist.
    OpenLine(Subtab),
}

impl Blocked {
    /// The reason as a clause, to go after "Cannot pre-fill:" and the like.
    pub fn message(&self) -> Message {
        let id = match self {
            Blocked::Unreadable => Id::BlockedUnreadable,
            Blocked::ViewMode => Id::BlockedViewMode,
            Blocked::MissingFunctions(_) => Id::BlockedMissingFunctions,
            Blocked::Bridge(_) => Id::BlockedBridge,
            Blocked::NoVerdict => Id::BlockedNoVerdict,
            Blocked::NotMissing => Id::BlockedNotMissing,
            Blocked::NoEditableFields(_) => Id::BlockedNoEditableFields,
            Blocked::OpenLine(_) => Id::BlockedOpenLine,
        };
        let message = Message::plain(id);
        match self {
            Blocked::MissingFunctions(names) => message.text(&crate::text::join(names, ", ")),
            Blocked::Bridge(failure) => message.message(failure.message()),
            Blocked::NoEditableFields(subtab) | Blocked::OpenLine(subtab) => {
                message.subtab(*subtab)
            }
            _ => message,
        }
    }

    /// The reason on its own, as a sentence (the panel's line under disabled buttons, their title).
    pub fn sentence(&self) -> Message {
        Message::plain(Id::BlockedSentence).message(self.message())
    }
}

/// One line NetSuite did not take in a Fix all: the permission and the alerts NetSuite showed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotTaken {
    /// The permission id.
    pub id: String,
    /// NetSuite's alert texts, as the page showed them.
    pub alerts: Vec<String>,
}

/// What a Pre-fill, a Fix all or its confirmation came to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The permission is in its sublist's add row, for the admin to click Add.
    Prefilled {
        /// The permission id.
        id: String,
    },
    /// Every line of the plan was added or raised.
    Fixed {
        /// The ids of the plan.
        ids: Vec<String>,
    },
    /// The plan was empty.
    NothingToFix,
    /// The admin cancelled the 2FA confirmation.
    Cancelled,
    /// Fix all waits for the confirmation of these 2FA-making permissions.
    ConfirmFirst {
        /// The ids that would make the role 2FA-required.
        ids: Vec<String>,
    },
    /// NetSuite refused some lines of a Fix all.
    NotTaken(Vec<NotTaken>),
    /// The bridge says these lines were added or pre-filled, and the page, read again, does not
    /// show them (`crate::confirm`).
    Unconfirmed {
        /// The ids the page does not show.
        ids: Vec<String>,
    },
    /// Pre-fill could not run.
    CannotPrefill(Blocked),
    /// Fix all could not run.
    CannotFix(Blocked),
    /// Pre-fill ran, and the bridge failed.
    PrefillFailed(BridgeFailure),
    /// Fix all ran, and the bridge failed.
    FixFailed(BridgeFailure),
}

impl Outcome {
    /// Whether the action did what was asked (or there was nothing to do). Anything else is
    /// answered to the popup as a refusal.
    pub fn succeeded(&self) -> bool {
        matches!(
            self,
            Outcome::Prefilled { .. } | Outcome::Fixed { .. } | Outcome::NothingToFix
        )
    }

    /// The sentence the panel shows, and the popup as a refusal's reason.
    pub fn message(&self) -> Message {
        // The id first, then the argument: one `Message` built in one place keeps the budgeted
        // content wasm small.
        let id = match self {
            Outcome::Prefilled { .. } => Id::OutcomePrefilled,
            Outcome::Fixed { .. } => Id::OutcomeFixed,
            Outcome::NothingToFix => Id::OutcomeNothingToFix,
            Outcome::Cancelled => Id::OutcomeCancelled,
            Outcome::ConfirmFirst { .. } => Id::OutcomeConfirmFirst,
            Outcome::Unconfirmed { .. } => Id::OutcomeUnconfirmed,
            Outcome::NotTaken(_) => Id::OutcomeNotTaken,
            Outcome::CannotPrefill(_) => Id::OutcomeCannotPrefill,
            Outcome::CannotFix(_) => Id::OutcomeCannotFix,
            Outcome::PrefillFailed(_) => Id::OutcomePrefillFailed,
            Outcome::FixFailed(_) => Id::OutcomeFixFailed,
        };
        let message = Message::plain(id);
        match self {
            Outcome::Prefilled { id } => message.permission(id),
            Outcome::Fixed { ids }
            | Outcome::ConfirmFirst { ids }
            | Outcome::Unconfirmed { ids } => {
                message.arg(Arg::permissions(ids.iter().map(String::as_str)))
            }
            Outcome::NotTaken(lines) => {
                message.arg(Arg::Messages(lines.iter().map(NotTaken::message).collect()))
            }
            Outcome::CannotPrefill(blocked) | Outcome::CannotFix(blocked) => {
                message.message(blocked.message())
            }
            Outcome::PrefillFailed(failure) | Outcome::FixFailed(failure) => {
                message.message(failure.message())
            }
            Outcome::NothingToFix | Outcome::Cancelled => message,
        }
    }
}

impl NotTaken {
    /// "Name" or "Name (NetSuite's alerts)".
    fn message(&self) -> Message {
        let alerts = crate::text::join(&self.alerts, " ");
        if alerts.is_empty() {
            Message::plain(Id::OutcomeNotTakenLine).permission(&self.id)
        } else {
            Message::plain(Id::OutcomeNotTakenLineAlerts)
                .permission(&self.id)
                .text(&alerts)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::{english::Messages, render};

    fn text(outcome: &Outcome) -> String {
        render(&outcome.message(), &Messages::load())
    }

    #[test]
    fn outcomes_are_worded_and_typed() {
        let prefilled = Outcome::Prefilled {
            id: "ADMI_WEBSERVICES".to_owned(),
        };
        assert!(prefilled.succeeded());
        assert_eq!(
            text(&prefilled),
            "SOAP Web Services is in the add row: check it and click Add, then Save."
        );
        let fixed = Outcome::Fixed {
            ids: vec!["ADMI_LOGIN_OAUTH".to_owned(), "ADMI_WEBSERVICES".to_owned()],
        };
        assert!(fixed.succeeded());
        assert_eq!(
            text(&fixed),
            "Added or raised: Log in using Access Tokens and SOAP Web Services. Review the lines and click Save."
        );
        assert!(Outcome::NothingToFix.succeeded());
        for refused in [
            Outcome::Cancelled,
            Outcome::ConfirmFirst { ids: Vec::new() },
            Outcome::NotTaken(Vec::new()),
            Outcome::Unconfirmed { ids: Vec::new() },
            Outcome::CannotFix(Blocked::ViewMode),
            Outcome::FixFailed(BridgeFailure::NoAnswer),
        ] {
            assert!(!refused.succeeded(), "{refused:?}");
        }
        assert_eq!(
            text(&Outcome::CannotPrefill(Blocked::MissingFunctions(vec![
                "nlapiSetLineItemValue".to_owned(),
                "machine".to_owned(),
            ]))),
            "Cannot pre-fill: Pre-fill and Fix all are off: this page lacks NetSuite's functions nlapiSetLineItemValue, machine; add the lines by hand on the Setup subtab."
        );
        assert_eq!(
            text(&Outcome::CannotFix(Blocked::NoEditableFields(
                Subtab::Lists
            ))),
            "Cannot fix: the Lists sublist has no editable fields."
        );
        assert_eq!(
            text(&Outcome::FixFailed(BridgeFailure::Said(
                "<b>no</b>".to_owned()
            ))),
            "Fix all did not work: NetSuite said: <b>no</b>."
        );
        assert_eq!(
            text(&Outcome::NotTaken(vec![
                NotTaken {
                    id: "ADMI_WEBSERVICES".to_owned(),
                    alerts: vec!["Duplicate".to_owned(), "line.".to_owned()],
                },
                NotTaken {
                    id: "ADMI_LOGIN_OAUTH".to_owned(),
                    alerts: Vec::new(),
                },
            ])),
            "NetSuite did not take: SOAP Web Services (Duplicate line.) and Log in using Access Tokens."
        );
        assert_eq!(
            text(&Outcome::Unconfirmed {
                ids: vec!["ADMI_LOGIN_OAUTH".to_owned()]
            }),
            "Could not confirm Log in using Access Tokens: the page does not show it added or in the add row. Check the lines before you click Save."
        );
        assert_eq!(
            text(&Outcome::CannotFix(Blocked::OpenLine(Subtab::Setup))),
            "Cannot fix: a line on the Setup subtab has changes not added yet; click Add (or OK) or Cancel there first."
        );
        assert_eq!(
            render(
                &Blocked::Bridge(BridgeFailure::NoAnswer).sentence(),
                &Messages::load()
            ),
            "Pre-fill and Fix all are off: the page bridge did not answer. Reload the page to try again."
        );
    }
}
