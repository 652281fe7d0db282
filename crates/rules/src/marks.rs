//! What the page shows beside NetSuite's own controls: the mark each permission row carries
//! (`data-tba-doctor` on the row, product.md §6) and the change counts on the subtab links.

use crate::catalog::Subtab;
use crate::evaluate::Verdict;
use crate::message::{Id, Message};
use crate::role::Role;

/// The mark of one permission row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowMark {
    /// The row satisfies a requirement of the profile.
    Ok,
    /// The row is held below the level a requirement needs.
    TooLow,
    /// The row is not needed: another permission the role holds includes it.
    Redundant,
}

impl RowMark {
    /// The stable form on the row: `ok`, `too-low`, `redundant`.
    pub fn as_str(self) -> &'static str {
        match self {
            RowMark::Ok => "ok",
            RowMark::TooLow => "too-low",
            RowMark::Redundant => "redundant",
        }
    }

    /// The row's tooltip. Each starts with "TBA Doctor:", by which the extension knows its own
    /// titles from NetSuite's.
    pub fn title(self) -> Message {
        Message::plain(match self {
            RowMark::Ok => Id::RowMarkOk,
            RowMark::TooLow => Id::RowMarkTooLow,
            RowMark::Redundant => Id::RowMarkRedundant,
        })
    }
}

/// The mark of each permission id the profile concerns. A profile concerns a handful of ids, so a
/// list does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RowMarks(Vec<(&'static str, RowMark)>);

impl RowMarks {
    /// Sets the mark of `id`, replacing an earlier one.
    fn set(&mut self, id: &'static str, mark: RowMark) {
        match self.0.iter_mut().find(|(known, _)| *known == id) {
            Some(entry) => entry.1 = mark,
            None => self.0.push((id, mark)),
        }
    }

    /// The mark of `id`, if it has one.
    pub fn get(&self, id: &str) -> Option<RowMark> {
        self.0
            .iter()
            .find(|(known, _)| *known == id)
            .map(|(_, mark)| *mark)
    }

    /// How many ids are marked.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether no id is marked.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The row marks of `verdict` for `role`: a row that meets a requirement is `ok`, unless it is too
/// low for another or redundant (the more specific mark wins).
pub fn row_marks(role: &Role, verdict: &Verdict) -> RowMarks {
    let mut marks = RowMarks::default();
    for check in &verdict.checks {
        for &id in check.requirement.any_of.iter() {
            if role.has_line(id) && role.level_of(id) >= check.requirement.level {
                marks.set(id, RowMark::Ok);
            }
        }
    }
    for id in verdict.too_low_ids() {
        marks.set(id, RowMark::TooLow);
    }
    for id in &verdict.redundant {
        marks.set(id, RowMark::Redundant);
    }
    marks
}

/// The number of lines the fix plan adds or raises on each subtab, in [`Subtab::ALL`] order.
pub fn changes_by_subtab(verdict: &Verdict) -> [(Subtab, usize); 5] {
    Subtab::ALL.map(|subtab| {
        let count = verdict
            .plan
            .ops
            .iter()
            .filter(|op| op.subtab() == subtab)
            .count();
        (subtab, count)
    })
}

/// The label of a change count badge: on the Permissions tab (`subtab` `None`) or on a subtab.
pub fn badge_label(count: usize, subtab: Option<Subtab>) -> Message {
    let id = match (count == 1, subtab.is_some()) {
        (true, false) => Id::BadgeChange,
        (false, false) => Id::BadgeChanges,
        (true, true) => Id::BadgeChangeOn,
        (false, true) => Id::BadgeChangesOn,
    };
    let message = Message::plain(id).count(count);
    match subtab {
        Some(subtab) => message.subtab(subtab),
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::{english::Messages, render};
    use crate::{Level, ProfileId, evaluate};

    fn role(grants: &[(&str, Subtab, Level)]) -> Role {
        let mut role = Role::default();
        for (id, subtab, level) in grants {
            role.grant(id, *subtab, *level);
        }
        role
    }

    #[test]
    fn marks_follow_the_verdict() {
        let role = role(&[
            ("ADMI_LOGIN_OAUTH", Subtab::Setup, Level::Full),
            ("ADMI_MANAGE_OWN_OAUTH_TOKENS", Subtab::Setup, Level::Full),
            ("ADMI_WEBSERVICES", Subtab::Setup, Level::Edit),
            ("ADMI_CUSTFIELD", Subtab::Setup, Level::Full),
        ]);
        let verdict = evaluate(
            &role,
            crate::profile::builtin(ProfileId::CloudExtend).expect("built-in"),
        );
        let marks = row_marks(&role, &verdict);
        assert_eq!(marks.get("ADMI_LOGIN_OAUTH"), Some(RowMark::Redundant));
        assert_eq!(marks.get("ADMI_MANAGE_OWN_OAUTH_TOKENS"), Some(RowMark::Ok));
        assert_eq!(marks.get("ADMI_WEBSERVICES"), Some(RowMark::TooLow));
        assert_eq!(
            marks.len(),
            3,
            "rows the profile does not concern carry no mark"
        );
        let counts = changes_by_subtab(&verdict);
        assert_eq!(counts.iter().map(|(_, count)| count).sum::<usize>(), 1);
        assert_eq!(counts[3], (Subtab::Setup, 1));
    }

    #[test]
    fn every_alternative_held_at_full_is_ok_unless_redundant() {
        let role = role(&[
            ("ADMI_LOGIN_OAUTH", Subtab::Setup, Level::Full),
            ("ADMI_MANAGE_OWN_OAUTH_TOKENS", Subtab::Setup, Level::Full),
        ]);
        let verdict = evaluate(
            &role,
            crate::profile::builtin(ProfileId::TokenLogin).expect("built-in"),
        );
        let marks = row_marks(&role, &verdict);
        assert_eq!(marks.get("ADMI_LOGIN_OAUTH"), Some(RowMark::Redundant));
        assert_eq!(marks.get("ADMI_MANAGE_OWN_OAUTH_TOKENS"), Some(RowMark::Ok));
        assert!(
            row_marks(
                &Role::default(),
                &evaluate(
                    &Role::default(),
                    crate::profile::builtin(ProfileId::TokenLogin).expect("built-in")
                )
            )
            .is_empty()
        );
    }

    #[test]
    fn badges_and_titles_are_worded() {
        let messages = Messages::load();
        assert_eq!(
            render(&badge_label(1, None), &messages),
            "1 TBA permission change needed"
        );
        assert_eq!(
            render(&badge_label(3, Some(Subtab::Setup)), &messages),
            "3 TBA permission changes needed on Setup"
        );
        for mark in [RowMark::Ok, RowMark::TooLow, RowMark::Redundant] {
            assert!(render(&mark.title(), &messages).starts_with("TBA Doctor: "));
        }
        assert_eq!(
            render(&RowMark::TooLow.title(), &messages),
            "TBA Doctor: too low"
        );
    }
}
