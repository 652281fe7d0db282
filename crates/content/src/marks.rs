//! Row marks and count badges: `data-tba-doctor` on the `<tr>` of each permission that matters
//! (product.md §6), and a small badge with the number of changes on the Permissions tab and on
//! each subtab that needs one.
//!
//! Marks are attributes only; badges are namespaced `<span class="tba-doctor-badge">` hosts whose
//! text lives in their own shadow root, so the page's link text and CSS are untouched. NetSuite's
//! `buildtable()` throws rows away, so marks are re-applied after every redraw (see `watch`).
use tba_rules::assemble::{PageRead, page_names};
use tba_rules::catalog::Subtab;
use tba_rules::evaluate::Verdict;
use tba_rules::marks::{RowMark, RowMarks, badge_label, changes_by_subtab};
use tba_rules::text::concat;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

use crate::dom;
use crate::ext::text;

const BADGE_CLASS: &str = "tba-doctor-badge";
const BADGE_STYLE: &str = ":host { all: initial; display: inline-block; margin-left: 5px; vertical-align: 1px; }
span { display: inline-block; min-width: 8px; padding: 0 5px; border-radius: 8px; background: #c0392b; color: #fff;
  font: bold 10px/15px Arial, Helvetica, sans-serif; text-align: center; }";

/// The left edge drawn on a marked row, so the admin sees the marks too. Set through the CSSOM
/// (allowed under a strict page CSP, unlike a `style` attribute), on marked rows only.
fn edge(mark: RowMark) -> &'static str {
    match mark {
        RowMark::Ok => "inset 4px 0 0 #2e7d32",
        RowMark::TooLow => "inset 4px 0 0 #d35400",
        RowMark::Redundant => "inset 4px 0 0 #9aa5b1",
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
    dom::query(table.as_ref(), &concat(&["[id=\"", id, "\"]"]))
}

/// Sets (or clears) the mark of every visible row. The reading says which mark each row carries
/// now, so only rows whose mark changes are looked up and touched.
pub fn apply_rows(document: &Document, read: &PageRead, marks: &RowMarks) {
    for sublist in &read.sublists {
        let mut table = None;
        for (row, id) in &sublist.rows {
            let mark = id.as_ref().and_then(|id| marks.get(id));
            if row.mark.as_deref() == mark.map(RowMark::as_str) {
                continue;
            }
            // The row read from the table, not another element that reuses its id.
            let table = table.get_or_insert_with(|| {
                document.get_element_by_id(page_names(sublist.subtab).table)
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
                Some(mark) => element.set_attribute("data-tba-doctor", mark.as_str()),
                None => element.remove_attribute("data-tba-doctor"),
            };
            if let Some(element) = element.dyn_ref::<HtmlElement>() {
                let style = element.style();
                let _ = match mark {
                    Some(mark) => style.set_property("box-shadow", edge(mark)),
                    None => style.remove_property("box-shadow").map(|_| ()),
                };
                // A title NetSuite set stays; one of ours follows the mark.
                let ours = row.title.as_deref().is_none_or(is_our_title);
                if ours {
                    let _ = match mark {
                        Some(mark) => element.set_attribute("title", &text(&mark.title())),
                        None => element.remove_attribute("title"),
                    };
                }
            }
        }
    }
}

/// Whether `title` is one of the row titles TBA Doctor sets.
fn is_our_title(title: &str) -> bool {
    [RowMark::Ok, RowMark::TooLow, RowMark::Redundant]
        .into_iter()
        .any(|mark| text(&mark.title()) == title)
}

/// Clears every mark (the page became unsupported).
pub fn clear_rows(document: &Document, read: &PageRead) {
    apply_rows(document, read, &RowMarks::default());
}

/// Shows `count` on the link `link_id` (removes the badge when zero).
fn badge(document: &Document, link_id: &str, count: usize, subtab: Option<Subtab>) {
    let Some(link) = document.get_element_by_id(link_id) else {
        return;
    };
    let existing = dom::query(link.as_ref(), &concat(&[":scope > .", BADGE_CLASS]));
    if count == 0 {
        if let Some(existing) = existing {
            existing.remove();
        }
        return;
    }
    let label = text(&badge_label(count, subtab));
    let text = tba_rules::text::decimal(count);
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
    let host = dom::element(document, "span", None);
    host.set_class_name(BADGE_CLASS);
    dom::attr(&host, "data-count", text);
    dom::attr(&host, "title", label);
    let shadow = dom::open_shadow(document, &host, BADGE_STYLE)?;
    let number = dom::element(document, "span", Some(text));
    dom::attr(&number, "aria-label", label);
    shadow.append_child(&number)?;
    // The tab link is the page's: its refusal is possible, and leaves the tab without a badge.
    link.append_child(host.unchecked_ref())?;
    Ok(())
}

/// Updates the badges on the Permissions tab and the subtabs.
pub fn apply_badges(document: &Document, verdict: Option<&Verdict>) {
    let counts = verdict.map(changes_by_subtab);
    let count_of = |subtab| {
        counts
            .iter()
            .flatten()
            .find(|(entry, _)| *entry == subtab)
            .map_or(0, |(_, count)| *count)
    };
    let total: usize = counts.iter().flatten().map(|(_, count)| count).sum();
    badge(document, "PERM_TABlnk", total, None);
    for subtab in Subtab::ALL {
        badge(
            document,
            page_names(subtab).tab_link,
            count_of(subtab),
            Some(subtab),
        );
    }
}
