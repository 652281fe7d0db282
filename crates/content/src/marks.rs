//! Row marks and count badges: `data-tba-doctor` on the `<tr>` of each permission that matters
//! (product.md §6), and a small badge with the number of changes on the Permissions tab and on
//! each subtab that needs one.
//!
//! Marks are attributes only; badges are namespaced `<span class="tba-doctor-badge">` hosts whose
//! text lives in their own shadow root, so the page's link text and CSS are untouched. NetSuite's
//! `buildtable()` throws rows away, so marks are re-applied after every redraw (see `watch`).
use tba_rules::catalog::Subtab;
use tba_rules::evaluate::Verdict;
use tba_rules::role::Role;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

use crate::dom;
use crate::read::PageRead;

const BADGE_CLASS: &str = "tba-doctor-badge";
const BADGE_STYLE: &str = ":host { all: initial; display: inline-block; margin-left: 5px; vertical-align: 1px; }
span { display: inline-block; min-width: 8px; padding: 0 5px; border-radius: 8px; background: #c0392b; color: #fff;
  font: bold 10px/15px Arial, Helvetica, sans-serif; text-align: center; }";

/// The mark of each permission id the profile concerns: `ok`, `too-low` or `redundant`. A profile
/// concerns a handful of ids, so a list does.
#[derive(Debug, Default)]
pub struct RowMarks(Vec<(&'static str, &'static str)>);

impl RowMarks {
    /// Sets the mark of `id`, replacing an earlier one.
    fn set(&mut self, id: &'static str, mark: &'static str) {
        match self.0.iter_mut().find(|(known, _)| *known == id) {
            Some(entry) => entry.1 = mark,
            None => self.0.push((id, mark)),
        }
    }

    /// The mark of `id`, if it has one.
    pub fn get(&self, id: &str) -> Option<&'static str> {
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

/// The row marks of `verdict`: a later, more specific mark replaces an earlier one.
pub fn row_marks(role: &Role, verdict: &Verdict) -> RowMarks {
    let mut marks = RowMarks::default();
    for check in &verdict.checks {
        for &id in check.requirement.any_of.iter() {
            if role.has_line(id) && role.level_of(id) >= check.requirement.level {
                marks.set(id, "ok");
            }
        }
    }
    for id in verdict.too_low_ids() {
        marks.set(id, "too-low");
    }
    for id in &verdict.redundant {
        marks.set(id, "redundant");
    }
    marks
}

/// The left edge drawn on a marked row, so the admin sees the marks too. Set through the CSSOM
/// (allowed under a strict page CSP, unlike a `style` attribute), on marked rows only.
fn edge(mark: &str) -> &'static str {
    match mark {
        "ok" => "inset 4px 0 0 #2e7d32",
        "too-low" => "inset 4px 0 0 #d35400",
        _ => "inset 4px 0 0 #9aa5b1",
    }
}

/// The element with id `id` inside `table`, for when an element outside the table comes first with
/// the same id. Only for ids of letters, digits, `_` and `-` (NetSuite's `<m>_row_<n>`), which
/// need no escaping in a selector.
fn row_in_table(table: &Element, id: &str) -> Option<Element> {
    let plain = !id.is_empty()
        && id
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'-');
    if !plain {
        return None;
    }
    dom::query(table.as_ref(), &format!("[id=\"{id}\"]"))
}

/// Sets (or clears) the mark of every visible row. The reading says which mark each row carries
/// now, so only rows whose mark changes are looked up and touched.
pub fn apply_rows(document: &Document, read: &PageRead, marks: &RowMarks) {
    for sublist in &read.sublists {
        let mut table = None;
        for (row, id) in &sublist.rows {
            let mark = id.as_ref().and_then(|id| marks.get(id));
            if row.mark.as_deref() == mark {
                continue;
            }
            // The row read from the table, not another element that reuses its id.
            let table = table.get_or_insert_with(|| {
                document.get_element_by_id(crate::read::page_names(sublist.subtab).table)
            });
            let Some(table) = table.as_ref() else {
                continue;
            };
            let Some(element) = document
                .get_element_by_id(&row.dom_id)
                .filter(|element| table.contains(Some(element)))
                .or_else(|| row_in_table(table, &row.dom_id))
            else {
                continue;
            };
            let _ = match mark {
                Some(mark) => element.set_attribute("data-tba-doctor", mark),
                None => element.remove_attribute("data-tba-doctor"),
            };
            if let Some(element) = element.dyn_ref::<HtmlElement>() {
                let style = element.style();
                let _ = match mark {
                    Some(mark) => style.set_property("box-shadow", edge(mark)),
                    None => style.remove_property("box-shadow").map(|_| ()),
                };
                let ours = row
                    .title
                    .as_deref()
                    .is_none_or(|title| title.starts_with("TBA Doctor:"));
                if ours {
                    let _ = match mark {
                        Some(mark) => element.set_attribute(
                            "title",
                            &format!("TBA Doctor: {}", mark.replace('-', " ")),
                        ),
                        None => element.remove_attribute("title"),
                    };
                }
            }
        }
    }
}

/// Clears every mark (the page became unsupported).
pub fn clear_rows(document: &Document, read: &PageRead) {
    apply_rows(document, read, &RowMarks::default());
}

/// The number of changes per subtab, from the fix plan.
pub fn counts(verdict: Option<&Verdict>) -> Vec<(Subtab, usize)> {
    let Some(verdict) = verdict else {
        return Vec::new();
    };
    Subtab::ALL
        .into_iter()
        .map(|subtab| {
            let count = verdict
                .plan
                .ops
                .iter()
                .filter(|op| op.subtab() == subtab)
                .count();
            (subtab, count)
        })
        .collect()
}

/// Shows `count` on the link `link_id` (removes the badge when zero).
fn badge(document: &Document, link_id: &str, count: usize, what: &str) {
    let Some(link) = document.get_element_by_id(link_id) else {
        return;
    };
    let existing = dom::query(link.as_ref(), &format!(":scope > .{BADGE_CLASS}"));
    if count == 0 {
        if let Some(existing) = existing {
            existing.remove();
        }
        return;
    }
    let label = format!(
        "{count} TBA permission change{} needed{what}",
        if count == 1 { "" } else { "s" }
    );
    let text = count.to_string();
    if let Some(existing) = &existing
        && existing.get_attribute("data-count").as_deref() == Some(text.as_str())
    {
        return;
    }
    if let Some(existing) = existing {
        existing.remove();
    }
    let _ = draw_badge(document, &link, &text, &label);
}

fn draw_badge(
    document: &Document,
    link: &Element,
    text: &str,
    label: &str,
) -> Result<(), wasm_bindgen::JsValue> {
    let host = document.create_element("span")?;
    host.set_class_name(BADGE_CLASS);
    host.set_attribute("data-count", text)?;
    host.set_attribute("title", label)?;
    let shadow = dom::open_shadow(document, &host, BADGE_STYLE)?;
    let number = dom::element(document, "span", Some(text))?;
    number.set_attribute("aria-label", label)?;
    shadow.append_child(&number)?;
    link.append_child(host.unchecked_ref())?;
    Ok(())
}

/// Updates the badges on the Permissions tab and the subtabs.
pub fn apply_badges(document: &Document, verdict: Option<&Verdict>) {
    let counts = counts(verdict);
    let total: usize = counts.iter().map(|(_, count)| count).sum();
    badge(document, "PERM_TABlnk", total, "");
    for subtab in Subtab::ALL {
        let count = counts
            .iter()
            .find(|(entry, _)| *entry == subtab)
            .map_or(0, |(_, count)| *count);
        badge(
            document,
            crate::read::page_names(subtab).tab_link,
            count,
            &format!(" on {}", subtab.label()),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::{counts, row_marks};
    use tba_rules::{Level, ProfileId, Role, Subtab, evaluate, profile};

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
        let verdict = evaluate(&role, profile::default_profile());
        let marks = row_marks(&role, &verdict);
        assert_eq!(marks.get("ADMI_LOGIN_OAUTH"), Some("redundant"));
        assert_eq!(marks.get("ADMI_MANAGE_OWN_OAUTH_TOKENS"), Some("ok"));
        assert_eq!(marks.get("ADMI_WEBSERVICES"), Some("too-low"));
        assert_eq!(
            marks.len(),
            3,
            "rows the profile does not concern carry no mark"
        );
        assert_eq!(
            counts(Some(&verdict))
                .iter()
                .map(|(_, count)| count)
                .sum::<usize>(),
            1
        );
        assert!(counts(None).is_empty());
    }

    #[test]
    fn every_alternative_held_at_full_is_ok_unless_redundant() {
        let role = role(&[
            ("ADMI_LOGIN_OAUTH", Subtab::Setup, Level::Full),
            ("ADMI_MANAGE_OWN_OAUTH_TOKENS", Subtab::Setup, Level::Full),
        ]);
        let verdict = evaluate(
            &role,
            profile::builtin(ProfileId::TokenLogin).expect("built-in"),
        );
        let marks = row_marks(&role, &verdict);
        assert_eq!(marks.get("ADMI_LOGIN_OAUTH"), Some("redundant"));
        assert_eq!(marks.get("ADMI_MANAGE_OWN_OAUTH_TOKENS"), Some("ok"));
    }
}
