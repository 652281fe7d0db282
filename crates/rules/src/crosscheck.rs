//! Reading a sublist by two routes (product.md §6, bullet 6): the hidden sublist data and the
//! visible table. This module compares the two, and turns visible rows into grants where there is
//! no hidden data (view mode).
//!
//! A label the catalog does not know (another UI language, a custom permission) is reported as
//! unknown, never as a disagreement; the hidden data decides.

use crate::fold::fold;

use crate::catalog::{self, Subtab, same_words};
use crate::codec::{DecodedSublist, Diagnostic, SublistLine};
use crate::level::Level;
use crate::message::{Arg, Id, Message};
use crate::role::Role;

/// One row of the visible permission table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VisibleRow {
    /// The Permission cell text.
    pub label: String,
    /// The Level cell text.
    pub level_text: String,
    /// The hidden line number the row's element id names (`<m>_row_<n>`), when it names one.
    pub line: Option<usize>,
}

/// A difference between the hidden data and the visible table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Disagreement {
    /// Both have the id, at different levels.
    LevelDiffers {
        /// Permission id.
        id: String,
        /// Level in the hidden data.
        hidden: Level,
        /// Level in the visible table.
        visible: Level,
    },
    /// Only the hidden data has the id.
    OnlyHidden {
        /// Permission id.
        id: String,
    },
    /// Only the visible table has the id.
    OnlyVisible {
        /// Permission id.
        id: String,
    },
}

impl Disagreement {
    /// A short lower-case description, without a trailing period; the permission is named by its
    /// id, which is what the hidden data holds.
    pub fn message(&self) -> Message {
        match self {
            Disagreement::LevelDiffers {
                id,
                hidden,
                visible,
            } => Message::with(
                Id::DisagreementLevel,
                vec![
                    Arg::Text(id.clone()),
                    Arg::Level(*hidden),
                    Arg::Level(*visible),
                ],
            ),
            Disagreement::OnlyHidden { id } => {
                Message::with(Id::DisagreementOnlyHidden, vec![Arg::Text(id.clone())])
            }
            Disagreement::OnlyVisible { id } => {
                Message::with(Id::DisagreementOnlyVisible, vec![Arg::Text(id.clone())])
            }
        }
    }
}

/// The result of comparing both routes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CrossCheck {
    /// Differences; empty unless both routes were read completely.
    pub disagreements: Vec<Disagreement>,
    /// How many visible labels match neither a hidden line's label nor a catalog name.
    pub unknown_labels: usize,
}

/// Compares the hidden data with the visible table.
///
/// A visible row is matched to the hidden line its row number names when that line has the same
/// `_display` label, which is how NetSuite draws the table; when some row does not match that way,
/// every row is matched by the lines' own `_display` labels (the same UI language), then by catalog
/// name. Disagreements are reported only when both routes are complete. An id only in the hidden
/// data is not reported while some visible label is unknown, because that label may be the same
/// row in another language.
pub fn cross_check(
    hidden: &DecodedSublist,
    visible: &[VisibleRow],
    visible_complete: bool,
) -> CrossCheck {
    // A table that was not read has nothing to compare or report.
    if visible.is_empty() && !visible_complete {
        return CrossCheck::default();
    }
    let unique_ids = !hidden
        .diagnostics
        .iter()
        .any(|diagnostic| matches!(diagnostic, Diagnostic::DuplicateKey { .. }));
    if unique_ids && let Some(indices) = by_row_number(hidden, visible) {
        let mut check = CrossCheck::default();
        if hidden.complete && visible_complete {
            let mut seen = vec![false; hidden.lines.len()];
            for (row, &index) in visible.iter().zip(&indices) {
                if let Some(seen) = seen.get_mut(index) {
                    *seen = true;
                }
                if let Some(disagreement) = hidden
                    .lines
                    .get(index)
                    .and_then(|line| level_differs(line, &row.level_text))
                {
                    check.disagreements.push(disagreement);
                }
            }
            for (line, seen) in hidden.lines.iter().zip(seen) {
                if !seen {
                    check.disagreements.push(Disagreement::OnlyHidden {
                        id: line.id.clone(),
                    });
                }
            }
        }
        return check;
    }
    // Sorted (key, line index) pairs: a binary search finds a key's first line.
    let folded_labels: Vec<(usize, String)> = hidden
        .lines
        .iter()
        .enumerate()
        .filter_map(|(index, line)| Some((index, fold(line.label.as_ref()?))))
        .collect();
    let labels = sorted_keys(
        folded_labels
            .iter()
            .map(|(index, label)| (label.as_str(), *index)),
    );
    let ids = sorted_keys(
        hidden
            .lines
            .iter()
            .enumerate()
            .map(|(index, line)| (line.id.as_str(), index)),
    );

    let mut check = CrossCheck::default();
    let mut visible_levels: Vec<(String, &str)> = Vec::new();
    for row in visible {
        let id = first_index(&labels, &fold(&row.label))
            .map(|index| hidden.lines[index].id.clone())
            .or_else(|| catalog::by_name(&row.label).map(|permission| permission.id.to_owned()));
        match id {
            Some(id) => visible_levels.push((id, &row.level_text)),
            None => check.unknown_labels += 1,
        }
    }

    if !(hidden.complete && visible_complete) {
        return check;
    }
    let mut seen = vec![false; hidden.lines.len()];
    for (id, level_text) in &visible_levels {
        let Some(index) = first_index(&ids, id) else {
            check
                .disagreements
                .push(Disagreement::OnlyVisible { id: id.clone() });
            continue;
        };
        seen[index] = true;
        if let Some(disagreement) = level_differs(&hidden.lines[index], level_text) {
            check.disagreements.push(disagreement);
        }
    }
    if check.unknown_labels == 0 {
        for (index, line) in hidden.lines.iter().enumerate() {
            // Each id once, at its first line.
            let first = first_index(&ids, &line.id);
            if first == Some(index) && !seen[index] {
                check.disagreements.push(Disagreement::OnlyHidden {
                    id: line.id.clone(),
                });
            }
        }
    }
    check
}

/// The hidden line index of every visible row, matched by row number and the same label; `None`
/// as soon as one row does not match that way.
fn by_row_number(hidden: &DecodedSublist, visible: &[VisibleRow]) -> Option<Vec<usize>> {
    visible
        .iter()
        .map(|row| {
            let index = hidden.line_index(row.line?)?;
            let label = hidden.lines.get(index)?.label.as_deref()?;
            same_words(label, &row.label).then_some(index)
        })
        .collect()
}

/// The disagreement between `line` and a visible level text, when both levels can be read.
fn level_differs(line: &SublistLine, level_text: &str) -> Option<Disagreement> {
    let hidden = line.level?;
    let visible = Level::parse(level_text)?;
    (hidden != visible).then(|| Disagreement::LevelDiffers {
        id: line.id.clone(),
        hidden,
        visible,
    })
}

/// `(key, line index)` pairs sorted by key; the pairs of one key keep their order, which is index
/// order for every caller.
fn sorted_keys<'a>(pairs: impl Iterator<Item = (&'a str, usize)>) -> Vec<(&'a str, usize)> {
    let mut pairs: Vec<(&str, usize)> = pairs.collect();
    // Stable, by key only: the pairs come in index order (and one sort keeps the wasm small).
    pairs.sort_by(|left, right| left.0.cmp(right.0));
    pairs
}

/// The first line index of `key` in pairs sorted by [`sorted_keys`].
fn first_index(pairs: &[(&str, usize)], key: &str) -> Option<usize> {
    let at = pairs.partition_point(|(candidate, _)| *candidate < key);
    pairs
        .get(at)
        .filter(|(candidate, _)| *candidate == key)
        .map(|(_, index)| *index)
}

/// Adds the visible rows of `subtab` to `role` (view mode, where there is no hidden data) and
/// returns the permission id each row shows, in row order (`None` for a label the catalog does
/// not know on that subtab), which is how the rows are marked.
///
/// Only catalog permissions of that subtab are matched. A row whose level text cannot be read
/// counts as present at `Level::None`, so a fix raises it rather than adding a second line; when a
/// permission appears twice, the higher level wins.
pub fn role_from_visible(
    role: &mut Role,
    subtab: Subtab,
    visible: &[VisibleRow],
) -> Vec<Option<&'static str>> {
    visible
        .iter()
        .map(|row| {
            let permission = catalog::by_name_on(subtab, &row.label)?;
            let level = Level::parse(&row.level_text).unwrap_or(Level::None);
            if role.level_of(permission.id) < level || !role.has_line(permission.id) {
                role.grant(permission.id, subtab, level);
            }
            Some(permission.id)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::{decode_permissions, encode};
    use crate::message::{english::Messages, render};

    /// The disagreements in English.
    fn english(disagreements: &[Disagreement]) -> Vec<String> {
        let messages = Messages::load();
        disagreements
            .iter()
            .map(|disagreement| render(&disagreement.message(), &messages))
            .collect()
    }

    fn hidden(rows: &[(&str, &str, &str)]) -> DecodedSublist {
        let rows: Vec<Vec<String>> = rows
            .iter()
            .map(|(label, id, level)| {
                vec![(*label).to_owned(), (*id).to_owned(), (*level).to_owned()]
            })
            .collect();
        let (fields, data) = encode(&["permkey4_display", "permkey4", "permlevel4"], &rows);
        decode_permissions(&fields, &data)
    }

    fn rows(rows: &[(&str, &str)]) -> Vec<VisibleRow> {
        rows.iter()
            .map(|(label, level_text)| VisibleRow {
                label: (*label).to_owned(),
                level_text: (*level_text).to_owned(),
                line: None,
            })
            .collect()
    }

    #[test]
    fn row_numbers_tell_apart_two_lines_with_one_label() {
        let hidden = hidden(&[
            ("Custom Report", "REPO_CUSTOM_1", "4"),
            ("Custom Report", "REPO_CUSTOM_2", "1"),
        ]);
        let visible = |lines: [Option<usize>; 2]| -> Vec<VisibleRow> {
            [("Custom Report", "Full"), ("Custom Report", "View")]
                .into_iter()
                .zip(lines)
                .map(|((label, level_text), line)| VisibleRow {
                    label: label.to_owned(),
                    level_text: level_text.to_owned(),
                    line,
                })
                .collect()
        };
        let numbered = cross_check(&hidden, &visible([Some(1), Some(2)]), true);
        assert_eq!(numbered, CrossCheck::default());
        // By label alone both rows are the first line, and the second line looks missing.
        let by_label = cross_check(&hidden, &visible([None, None]), true);
        assert_eq!(
            english(&by_label.disagreements),
            [
                "REPO_CUSTOM_1 is Full in the sublist data but View in the table",
                "REPO_CUSTOM_2 is in the sublist data but not in the table"
            ]
        );
    }

    fn check(
        hidden: &DecodedSublist,
        visible: &[VisibleRow],
        visible_complete: bool,
        expected: &[&str],
        unknown: usize,
    ) {
        // Once matched by labels only, once with the row numbers of a table drawn in data order
        // (rows that do not match their line's label fall back to labels): same answer.
        let numbered: Vec<VisibleRow> = visible
            .iter()
            .enumerate()
            .map(|(index, row)| VisibleRow {
                line: Some(index + 1),
                ..row.clone()
            })
            .collect();
        for visible in [visible, &numbered] {
            let result = cross_check(hidden, visible, visible_complete);
            assert_eq!(english(&result.disagreements), expected);
            assert_eq!(result.unknown_labels, unknown);
        }
    }

    #[test]
    fn disagreements_only_when_both_complete() {
        let data = hidden(&[
            ("User Access Tokens", "ADMI_MANAGE_OWN_OAUTH_TOKENS", "4"),
            ("SOAP Web Services", "ADMI_WEBSERVICES", "4"),
        ]);
        // Same facts: no disagreement.
        let same = rows(&[
            ("User Access Tokens", "Full"),
            ("SOAP Web Services", "Full"),
        ]);
        check(&data, &same, true, &[], 0);
        // A different level, an extra id and a missing id.
        let differ = rows(&[
            ("User Access Tokens", "View"),
            ("Log in using Access Tokens", "Full"),
        ]);
        check(
            &data,
            &differ,
            true,
            &[
                "ADMI_MANAGE_OWN_OAUTH_TOKENS is Full in the sublist data but View in the table",
                "ADMI_LOGIN_OAUTH is in the table but not in the sublist data",
                "ADMI_WEBSERVICES is in the sublist data but not in the table",
            ],
            0,
        );
        // The visible table was not read completely: nothing to report.
        check(&data, &differ, false, &[], 0);
    }

    #[test]
    fn unknown_labels_are_not_disagreements() {
        let data = hidden(&[
            ("Benutzerzugriffstoken", "ADMI_MANAGE_OWN_OAUTH_TOKENS", "4"),
            ("SOAP-Webservices", "ADMI_WEBSERVICES", "4"),
            ("Mein Recht", "CUSTOMPERM_1", "4"),
        ]);
        // German labels match the hidden lines' own labels.
        let german = rows(&[
            ("Benutzerzugriffstoken", "Voll"),
            ("SOAP-Webservices", "Voll"),
            ("Mein Recht", "Voll"),
        ]);
        check(&data, &german, true, &[], 0);
        // Labels nobody knows are reported as unknown, and the missing ids are not blamed.
        let strange = rows(&[("Jeton", "Complet")]);
        check(&data, &strange, true, &[], 1);
    }

    #[test]
    fn view_mode_rows_become_grants() {
        let mut role = Role::default();
        let visible = rows(&[
            ("User  Access Tokens", "Full"),
            ("SOAP Web Services", "View"),
            ("Web Services", "Full"),
            ("Zugriffstoken", "Voll"),
            ("Log in using Access Tokens", "Voll"),
            ("SuiteAnalytics Workbook", "Full"),
        ]);
        let ids = role_from_visible(&mut role, Subtab::Setup, &visible);
        // A German label and a Reports permission are not Setup permissions.
        assert_eq!(
            ids,
            [
                Some("ADMI_MANAGE_OWN_OAUTH_TOKENS"),
                Some("ADMI_WEBSERVICES"),
                Some("ADMI_WEBSERVICES"),
                None,
                Some("ADMI_LOGIN_OAUTH"),
                None
            ]
        );
        assert_eq!(role.level_of("ADMI_MANAGE_OWN_OAUTH_TOKENS"), Level::Full);
        assert_eq!(role.level_of("ADMI_WEBSERVICES"), Level::Full);
        assert!(role.has_line("ADMI_LOGIN_OAUTH"));
        assert_eq!(role.level_of("ADMI_LOGIN_OAUTH"), Level::None);
    }
}
