//! Reads SDF role XML (`<role scriptid="…"><name>…</name><permissions><permission><permkey>…
//! </permkey><permlevel>…</permlevel></permission>…`): each `<permission>` becomes an entry on the
//! line where it starts; `<name>` names the profile.
//!
//! Not a general XML parser: it scans for the few elements the role object has, skips comments,
//! reads CDATA and the five predefined entities and character references, and takes what it
//! cannot read as an unknown or erroneous entry, never a panic.

use super::{
    Entry, Given, LineIndex, MAX_ENTRIES, MAX_LINE_CHARS, Preview, Problem, Status, cut,
    is_custom_key, kept, matched,
};
use crate::catalog;

pub(super) fn read(text: &str, preview: &mut Preview) {
    let text = &without_comments(text);
    let lines = LineIndex::new(text);
    preview.name = role_name(text).map(|name| cut(&name, super::MAX_LINE_CHARS));
    let mut from = 0;
    while let Some(found) = text
        .get(from..)
        .and_then(|rest| find_open(rest, "permission"))
    {
        let start = from + found;
        let line = lines.line(start);
        let end = text
            .get(start..)
            .and_then(|rest| rest.find("</permission>"))
            .map_or(text.len(), |at| start + at + "</permission>".len());
        from = end.max(start + 1);
        if preview.entries.len() >= MAX_ENTRIES {
            preview.problems.push(Problem::TooManyEntries { line });
            return;
        }
        let element = text.get(start..end).unwrap_or_default();
        let key = element_text(element, "permkey").unwrap_or_default();
        let level = element_text(element, "permlevel");
        preview.entries.push(Entry {
            line,
            text: cut(
                &element.split_whitespace().collect::<Vec<_>>().join(" "),
                MAX_LINE_CHARS,
            ),
            status: status_of(key.trim(), level.as_deref()),
        });
    }
}

fn status_of(key: &str, level: Option<&str>) -> Status {
    let key = super::table::strip_scriptid(key);
    if let Some(permission) = catalog::by_id(key) {
        return matched(&[permission], Given::of(level), None);
    }
    if is_custom_key(key) {
        return kept(key, Given::of(level));
    }
    Status::Unknown {
        name: cut(key, super::MAX_KEY_CHARS),
        suggestions: Vec::new(),
        custom_record: false,
        level: None,
    }
}

/// The offset of the first `<name` element start (`<name>` or `<name attr…>`), not `<names…>`.
fn find_open(text: &str, name: &str) -> Option<usize> {
    let open = format!("<{name}");
    let mut from = 0;
    while let Some(at) = text.get(from..).and_then(|rest| rest.find(&open)) {
        let at = from + at;
        let after = text.as_bytes().get(at + open.len()).copied();
        if matches!(after, Some(b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/')) {
            return Some(at);
        }
        from = at + open.len();
    }
    None
}

/// The text of the first `<name>` element in `element`, entities decoded.
fn element_text(element: &str, name: &str) -> Option<String> {
    let start = find_open(element, name)?;
    let open_end = start + element.get(start..)?.find('>')? + 1;
    if element.get(..open_end)?.ends_with("/>") {
        return Some(String::new());
    }
    let close = format!("</{name}>");
    let end = open_end + element.get(open_end..)?.find(&close)?;
    Some(decode(element.get(open_end..end)?))
}

/// The role's `<name>`: the first one before `<permissions>`.
fn role_name(text: &str) -> Option<String> {
    let before = text
        .find("<permissions")
        .and_then(|at| text.get(..at))
        .unwrap_or(text);
    let name = element_text(before, "name")?;
    let name = name.trim();
    (!name.is_empty()).then(|| name.to_owned())
}

/// `text` with each comment replaced by as many newlines as it held, so lines keep their numbers.
fn without_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("<!--") {
        out.push_str(rest.get(..start).unwrap_or_default());
        let after = rest.get(start + 4..).unwrap_or_default();
        let end = after.find("-->").map_or(after.len(), |at| at + 3);
        let comment = after.get(..end).unwrap_or_default();
        out.extend(comment.chars().filter(|c| *c == '\n'));
        rest = after.get(end..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// Element text with CDATA sections and entities read.
fn decode(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find(['&', '<']) {
        out.push_str(rest.get(..at).unwrap_or_default());
        let tail = rest.get(at..).unwrap_or_default();
        if let Some(cdata) = tail.strip_prefix("<![CDATA[") {
            let end = cdata.find("]]>").unwrap_or(cdata.len());
            out.push_str(cdata.get(..end).unwrap_or_default());
            rest = cdata.get(end + 3..).unwrap_or_default();
            continue;
        }
        if tail.starts_with('<') {
            // Markup inside a value (not in the role object): skipped.
            let end = tail.find('>').map_or(tail.len(), |at| at + 1);
            rest = tail.get(end..).unwrap_or_default();
            continue;
        }
        let end = tail.find(';').filter(|end| *end <= 10);
        let entity = end.and_then(|end| tail.get(1..end));
        let decoded = entity.and_then(|entity| match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => {
                let number = entity.strip_prefix('#')?;
                let code = match number.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => number.parse().ok()?,
                };
                char::from_u32(code)
            }
        });
        match (decoded, end) {
            (Some(character), Some(end)) => {
                out.push(character);
                rest = tail.get(end + 1..).unwrap_or_default();
            }
            _ => {
                out.push('&');
                rest = tail.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{Format, import_as};
    use crate::level::Level;

    #[test]
    fn reads_a_role_object() {
        let xml = "<role scriptid=\"customrole_celigo\">\n\
                   <name>Celigo &amp; Co</name>\n\
                   <!-- a comment\nover two lines -->\n\
                   <permissions>\n\
                   <permission>\n<permkey>LIST_CUSTJOB</permkey>\n<permlevel>FULL</permlevel>\n</permission>\n\
                   <permission><permkey>[scriptid=customrecord_invoice_batch]</permkey><permlevel>VIEW</permlevel></permission>\n\
                   <permission><permkey>ADMI_NOSUCH</permkey><permlevel>FULL</permlevel></permission>\n\
                   <permission><permkey>TRAN_SALESORD</permkey><permlevel>SOME</permlevel></permission>\n\
                   <permission><permkey><![CDATA[TRAN_CUSTINVC]]></permkey><permlevel>EDIT</permlevel><restriction>OWN</restriction></permission>\n\
                   </permissions>\n</role>\n";
        let preview = import_as(Format::Sdf, xml);
        assert_eq!(preview.name.as_deref(), Some("Celigo & Co"));
        let seen: Vec<(usize, &str, Option<&str>, Option<Level>)> = preview
            .entries
            .iter()
            .map(|e| {
                (
                    e.line,
                    e.status.code(),
                    e.status.permkey(),
                    e.status.level(),
                )
            })
            .collect();
        assert_eq!(
            seen,
            [
                (6, "matched", Some("LIST_CUSTJOB"), Some(Level::Full)),
                (
                    10,
                    "matched",
                    Some("customrecord_invoice_batch"),
                    Some(Level::View)
                ),
                (11, "unknown", None, None),
                (12, "error", None, None),
                (13, "matched", Some("TRAN_CUSTINVC"), Some(Level::Edit)),
            ]
        );
        assert!(matches!(preview.entries[1].status, Status::Kept(_)));
    }
}
