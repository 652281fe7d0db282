//! Which mark each row of a permission table carries for a verdict (product.md §6): `ok` or
//! `too-low` on the rows of the permissions the profile requires, and `redundant` on the row of a
//! permission made unnecessary by another one the role holds, whatever the profile.
//!
//! The content script puts them on the rows (`data-tba-doctor` on the `<tr>`); the native fixture
//! runner checks them against each case's expectations.

use crate::evaluate::Verdict;
use crate::role::Role;

/// The mark of one row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowMark {
    /// A required permission held at the needed level.
    Ok,
    /// A required permission held below the needed level.
    TooLow,
    /// A permission another one the role holds makes unnecessary.
    Redundant,
}

impl RowMark {
    /// The value of the row's `data-tba-doctor` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            RowMark::Ok => "ok",
            RowMark::TooLow => "too-low",
            RowMark::Redundant => "redundant",
        }
    }
}

/// The mark of each permission id the verdict concerns. A profile concerns a handful of ids, so a
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

/// The row marks of `verdict` on `role`: every alternative of a requirement the role holds at the
/// needed level is `ok`, then a more specific mark (`too-low`, then `redundant`) replaces it.
pub fn row_marks(role: &Role, verdict: &Verdict) -> RowMarks {
    let mut marks = RowMarks::default();
    for check in &verdict.checks {
        for id in check.requirement.any_of {
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

#[cfg(test)]
mod tests {
    use super::{RowMark, row_marks};
    use crate::{Level, ProfileId, Role, Subtab, evaluate};

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
        let verdict = evaluate(&role, ProfileId::CloudExtend);
        let marks = row_marks(&role, &verdict);
        assert_eq!(marks.get("ADMI_LOGIN_OAUTH"), Some(RowMark::Redundant));
        assert_eq!(marks.get("ADMI_MANAGE_OWN_OAUTH_TOKENS"), Some(RowMark::Ok));
        assert_eq!(marks.get("ADMI_WEBSERVICES"), Some(RowMark::TooLow));
        assert_eq!(
            marks.len(),
            3,
            "rows the profile does not concern carry no mark"
        );
        assert_eq!(
            [RowMark::Ok, RowMark::TooLow, RowMark::Redundant].map(RowMark::as_str),
            ["ok", "too-low", "redundant"]
        );
    }

    #[test]
    fn every_alternative_held_at_full_is_ok_unless_redundant() {
        let role = role(&[
            ("ADMI_LOGIN_OAUTH", Subtab::Setup, Level::Full),
            ("ADMI_MANAGE_OWN_OAUTH_TOKENS", Subtab::Setup, Level::Full),
        ]);
        let verdict = evaluate(&role, ProfileId::TokenLogin);
        let marks = row_marks(&role, &verdict);
        assert_eq!(marks.get("ADMI_LOGIN_OAUTH"), Some(RowMark::Redundant));
        assert_eq!(marks.get("ADMI_MANAGE_OWN_OAUTH_TOKENS"), Some(RowMark::Ok));
        assert!(!marks.is_empty());
    }
}
