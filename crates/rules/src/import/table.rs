//! Reads a permission list pasted from a page: Markdown or pipe tables, tab- or comma-separated
//! lines, `Lists > Customers: Full`, `Transactions -> Sales Order (Edit)`, `Credit Memo with Full
//! Level`, bullets under a line such as "Permissions > Lists … with the Level set to Full".
//!
//! A heading or caption that names a subtab ("Lists", "Role page → Permissions → Lists subtab")
//! is the subtab of the lines after it; a header row ("Permission | Level") tells which column is
//! the level. Each other line becomes an entry: matched, unknown or in error.

use super::{
    Entry, Given, MAX_CELLS, MAX_ENTRIES, MAX_LINE_BYTES, MAX_LINE_CHARS, Preview, Problem, Status,
    cut, is_custom_key, kept, known, letters, level_word, matched, strip_suffix_word, subtab_word,
};
use crate::catalog::{self, Permission, Subtab, ids};
use crate::level::Level;

/// Names that vendors' lists still use for a permission NetSuite renamed, and that are not among
/// the catalog's aliases, with where the rename is stated.
const RENAMED: [(&str, &str); 1] = [
    // Celigo's Salesforce-NetSuite permission list, article 360038607852: its comments say "Ship
    // Items is actually Shipping Items" (the list's own wording is kept in the test input).
    ("Ship Items", ids::SHIPPING_ITEMS),
];

/// What the lines before this one set for it.
#[derive(Default)]
struct Context {
    /// The subtab of the last heading.
    subtab: Option<Subtab>,
    /// The level an instruction line gave for the bullets after it.
    level: Option<Level>,
    /// The column a header row named as the level.
    level_column: Option<usize>,
    /// Whether a header row names no level column (e.g. "Permission | Used For").
    no_level_column: bool,
}

/// What a name stands for.
enum Named {
    Permissions(Vec<&'static Permission>),
    Custom(String),
    Unknown(String),
}

pub(super) fn read(text: &str, preview: &mut Preview) {
    let mut context = Context::default();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let mut end = raw.len().min(MAX_LINE_BYTES);
        while !raw.is_char_boundary(end) {
            end -= 1;
        }
        let raw = raw.get(..end).unwrap_or_default();
        let Some(stripped) = strip_bullet(raw.trim()) else {
            continue;
        };
        if is_separator(stripped) {
            continue;
        }
        if preview.entries.len() >= MAX_ENTRIES {
            preview.problems.push(Problem::TooManyEntries { line });
            return;
        }
        let cells = split_cells(stripped);
        if let Some(status) = read_line(&cells, &mut context) {
            preview.entries.push(Entry {
                line,
                text: cut(raw.trim(), MAX_LINE_CHARS),
                status,
            });
        }
    }
}

/// The line without a leading bullet or number (`-`, `*`, `•`, `6.`, `1)`), or `None` when it is
/// empty or a comment-like Markdown heading that names no subtab.
fn strip_bullet(line: &str) -> Option<&str> {
    let mut line = line;
    for bullet in ["- ", "* ", "• ", "· ", "– ", "+ "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            line = rest.trim_start();
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0
        && digits < 4
        && let Some(rest) = line
            .get(digits..)
            .and_then(|rest| rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")))
    {
        line = rest.trim_start();
    }
    if let Some(heading) = line.strip_prefix('#') {
        // A Markdown heading is never a permission: only a subtab it names counts.
        let heading = heading.trim_start_matches('#').trim();
        return subtab_word(heading).map(|_| heading);
    }
    (!line.is_empty()).then_some(line)
}

/// A Markdown table's separator row (`|---|:--:|`) or a rule (`----`).
fn is_separator(line: &str) -> bool {
    line.contains('-')
        && line
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | '+' | ' ' | '='))
}

/// The cells of a line: `|`-separated, else tab-separated, else comma-separated (with CSV
/// quotes) when that gives a level or an id cell, else the whole line.
fn split_cells(line: &str) -> Vec<String> {
    let trimmed = line.trim_matches('|');
    let cells: Vec<String> = if trimmed.contains('|') {
        trimmed.split('|').take(MAX_CELLS).map(clean).collect()
    } else if trimmed.contains('\t') {
        trimmed.split('\t').take(MAX_CELLS).map(clean).collect()
    } else if trimmed.contains(',') {
        let csv = csv_cells(trimmed);
        let useful = csv.iter().skip(1).any(|cell| {
            level_word(cell).is_some() || catalog::by_id(cell).is_some() || is_header_word(cell)
        });
        if useful {
            csv.iter().take(MAX_CELLS).map(|cell| clean(cell)).collect()
        } else {
            vec![clean(trimmed)]
        }
    } else {
        vec![clean(trimmed)]
    };
    // Empty cells at the end (a row that spans fewer columns) say nothing.
    let mut cells = cells;
    while cells.last().is_some_and(String::is_empty) {
        cells.pop();
    }
    cells
}

/// CSV cells, with `"` quotes and `""` inside them.
fn csv_cells(line: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(character) = chars.next() {
        match character {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => cells.push(std::mem::take(&mut cell)),
            other => cell.push(other),
        }
    }
    cells.push(cell);
    cells
}

/// A cell without Markdown emphasis, code marks, quotes, footnote marks and a final colon.
fn clean(cell: &str) -> String {
    let cell = cell.replace('`', "");
    let mut cell = cell.trim();
    for mark in ["**", "__", "*", "_"] {
        if let Some(inner) = cell
            .strip_prefix(mark)
            .and_then(|rest| rest.strip_suffix(mark))
        {
            cell = inner.trim();
        }
    }
    cell.trim()
        .trim_matches(|c: char| matches!(c, '"' | '\u{201c}' | '\u{201d}'))
        .trim_end_matches(['*', '\u{2020}', ':', ';', '.'])
        .trim()
        .to_owned()
}

/// The kind of column a header cell names.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Column {
    Name,
    Level,
    Subtab,
    Id,
    Other,
}

fn header_column(cell: &str) -> Column {
    let lower = cell.to_ascii_lowercase();
    if lower.contains("level") || lower == "access" {
        Column::Level
    } else if ["subtab", "tab", "category", "section", "group", "type"]
        .iter()
        .any(|word| lower.contains(word))
    {
        Column::Subtab
    } else if ["id", "permkey", "key", "internal id"].contains(&lower.as_str()) {
        Column::Id
    } else if ["permission", "name", "object", "record"]
        .iter()
        .any(|word| lower.contains(word))
    {
        Column::Name
    } else {
        Column::Other
    }
}

fn is_header_word(cell: &str) -> bool {
    matches!(header_column(cell), Column::Level | Column::Name)
}

/// A header row: several cells, none a level or a permission, at least one naming the name or
/// the level column.
fn header(cells: &[String]) -> Option<Vec<Column>> {
    if cells.len() < 2 || cells.iter().any(|cell| level_word(cell).is_some()) {
        return None;
    }
    let columns: Vec<Column> = cells.iter().map(|cell| header_column(cell)).collect();
    let names_a_column = columns
        .iter()
        .any(|column| matches!(column, Column::Name | Column::Level));
    let names_permissions = cells
        .iter()
        .any(|cell| !matches!(resolve(cell, None), (Named::Unknown(_), _)));
    (names_a_column && !names_permissions).then_some(columns)
}

/// Reads one line's cells; `None` when the line only sets context (a heading, a header row, an
/// instruction line).
fn read_line(cells: &[String], context: &mut Context) -> Option<Status> {
    if let Some(columns) = header(cells) {
        context.level_column = columns.iter().position(|c| *c == Column::Level);
        context.no_level_column = context.level_column.is_none();
        // "TRANSACTIONS PERMISSION | LEVEL": a header that names the subtab too.
        if let Some(subtab) = cells.iter().find_map(|cell| subtab_in(cell)) {
            context.subtab = Some(subtab);
        }
        return None;
    }
    let (name, given, subtab) = if let [only] = cells {
        if let Some(subtab) = subtab_word(only) {
            context.subtab = Some(subtab);
            context.level = None;
            return None;
        }
        let (name, given) = split_single(only);
        (name, given, None)
    } else {
        split_row(cells, context)
    };
    if let Some(subtab) = subtab {
        context.subtab = Some(subtab);
    }
    let (named, prefix) = resolve(&name, context.subtab);
    if let Some(subtab) = prefix {
        context.subtab = Some(subtab);
    }
    let given = match given {
        Given::Missing => context.level.map_or(Given::Missing, Given::Level),
        given => given,
    };
    Some(match named {
        Named::Permissions(found) => matched(&found, given, None),
        Named::Custom(key) => kept(&key, given),
        Named::Unknown(name) => {
            if cells.len() == 1 && sets_context(&name, context) {
                return None;
            }
            Status::Unknown {
                name: cut(&name, MAX_LINE_CHARS),
                suggestions: Vec::new(),
                custom_record: context.subtab == Some(Subtab::CustomRecord),
                level: match given {
                    Given::Level(level) => Some(level),
                    _ => None,
                },
            }
        }
    })
}

/// The subtab a caption or header names: "Role page → Permissions → Lists subtab",
/// "TRANSACTIONS PERMISSION".
fn subtab_in(cell: &str) -> Option<Subtab> {
    let last = cell
        .rsplit(['>', '\u{2192}', '\u{bb}'])
        .next()
        .unwrap_or(cell);
    subtab_word(last).or_else(|| {
        let first = last.split_whitespace().next()?;
        subtab_word(first)
    })
}

/// An instruction line ("Navigate to the Permissions >Transactions tab and add the following
/// permission with the Level set to Full."): sets the subtab and the level of the lines after it.
fn sets_context(line: &str, context: &mut Context) -> bool {
    let lower = line.to_ascii_lowercase();
    let subtab = ["permissions >", "permissions->", "permissions \u{2192}"]
        .iter()
        .find_map(|marker| lower.find(marker).map(|at| at + marker.len()))
        .and_then(|at| line.get(at..))
        .and_then(|rest| {
            let rest = rest.trim_start_matches(['>', ' ']);
            let word: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphabetic() || *c == ' ')
                .collect();
            let mut words = word.split_whitespace();
            let first = words.next()?;
            let two = words.next().map(|second| format!("{first} {second}"));
            two.as_deref()
                .and_then(subtab_word)
                .or_else(|| subtab_word(first))
        })
        .or_else(|| subtab_in(line).filter(|_| line.contains(['>', '\u{2192}'])));
    let level = lower
        .find("set to ")
        .and_then(|at| line.get(at + "set to ".len()..))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(level_word);
    if subtab.is_none() && level.is_none() {
        return false;
    }
    if let Some(subtab) = subtab {
        context.subtab = Some(subtab);
        context.level = None;
    }
    if level.is_some() {
        context.level = level;
    }
    true
}

/// A single cell: `Name: Level`, `Name - Level`, `Name (Level)`, `Name with Full Level`,
/// `Name Level`, or a name alone.
fn split_single(cell: &str) -> (String, Given) {
    // "View  (OneWorld users only)"-style notes after a level, and "(from the drop-down …)".
    let mut candidates: Vec<(&str, &str)> = Vec::new();
    if let Some(open) = cell.rfind('(')
        && let (Some(name), Some(inner)) = (cell.get(..open), cell.get(open + 1..))
    {
        candidates.push((name, inner.trim_end_matches(')')));
    }
    for separator in [":", " - ", " \u{2013} ", " \u{2014} ", "=", " with "] {
        if let Some(at) = rfind_ignore_case(cell, separator)
            && let (Some(name), Some(level)) = (cell.get(..at), cell.get(at + separator.len()..))
        {
            candidates.push((name, level));
        }
    }
    if let Some(at) = cell.rfind(' ')
        && let (Some(name), Some(level)) = (cell.get(..at), cell.get(at + 1..))
    {
        candidates.push((name, level));
    }
    for (name, level) in &candidates {
        let level = strip_note(level);
        if let Some(found) = level_word(level) {
            return (clean(name), Given::Level(found));
        }
    }
    // A known name followed by something that is no level: the level is unknown.
    for (name, level) in candidates.iter().take(candidates.len().saturating_sub(1)) {
        let name = clean(name);
        if !matches!(resolve(&name, None).0, Named::Unknown(_)) && !level.trim().is_empty() {
            return (name, Given::Unknown(cut(level.trim(), 40)));
        }
    }
    (clean(cell), Given::Missing)
}

/// The level without a note after it ("View  (OneWorld users only)", "Full Level (from …)").
fn strip_note(level: &str) -> &str {
    level.split('(').next().unwrap_or(level).trim()
}

fn rfind_ignore_case(text: &str, needle: &str) -> Option<usize> {
    let lower = text.to_ascii_lowercase();
    lower.rfind(needle)
}

/// A row of several cells: the name, its level and its subtab, wherever they are.
fn split_row(cells: &[String], context: &Context) -> (String, Given, Option<Subtab>) {
    let subtab_at = cells.iter().position(|cell| subtab_word(cell).is_some());
    let subtab = subtab_at
        .and_then(|at| cells.get(at))
        .and_then(|c| subtab_word(c));
    let name_at = cells
        .iter()
        .enumerate()
        .position(|(at, cell)| Some(at) != subtab_at && !cell.is_empty());
    let Some(name_at) = name_at else {
        return (String::new(), Given::Missing, subtab);
    };
    let name = cells.get(name_at).cloned().unwrap_or_default();
    // An id column beside the name (TBA Doctor's CSV): the ids decide.
    let ids = cells
        .iter()
        .enumerate()
        .find(|(at, cell)| *at != name_at && !cell.is_empty() && all_ids(cell))
        .map(|(_, cell)| cell.clone());
    let name = ids.unwrap_or(name);
    let level_at = cells.iter().enumerate().position(|(at, cell)| {
        at != name_at && Some(at) != subtab_at && level_word(strip_note(cell)).is_some()
    });
    if let Some(level) = level_at
        .and_then(|at| cells.get(at))
        .and_then(|cell| level_word(strip_note(cell)))
    {
        return (name, Given::Level(level), subtab);
    }
    // The level may be written into the name: "Custom Lists (VIEW) | Allows displaying …".
    let (inner_name, inner) = split_single(&name);
    if let Given::Level(level) = inner {
        return (inner_name, Given::Level(level), subtab);
    }
    let stated = match context.level_column {
        Some(at) if at != name_at => cells.get(at).filter(|cell| !cell.is_empty()),
        _ if context.no_level_column => None,
        // No header: a short second cell that is no level is taken for a wrong level.
        _ => cells
            .iter()
            .enumerate()
            .find(|(at, cell)| {
                *at > name_at
                    && Some(*at) != subtab_at
                    && !cell.is_empty()
                    && cell.split_whitespace().count() <= 3
            })
            .map(|(_, cell)| cell),
    };
    match stated {
        Some(level) => (name, Given::Unknown(cut(level, 40)), subtab),
        None => (name, Given::Missing, subtab),
    }
}

/// Whether `cell` is one or more catalog ids (or custom keys), separated by spaces or " or ".
fn all_ids(cell: &str) -> bool {
    let mut any = false;
    for word in cell.split_whitespace() {
        if word.eq_ignore_ascii_case("or") {
            continue;
        }
        if catalog::by_id(word).is_none() && !is_custom_key(word) {
            return false;
        }
        any = true;
    }
    any
}

/// What `name` stands for, and the subtab its prefix named (`Lists > Customers`).
fn resolve(name: &str, hint: Option<Subtab>) -> (Named, Option<Subtab>) {
    let (name, prefix) = strip_subtab_prefix(name);
    let hint = prefix.or(hint);
    let name = strip_scriptid(&name);
    if is_custom_key(name) {
        return (Named::Custom(name.to_owned()), prefix);
    }
    if all_ids(name) {
        let found: Vec<&'static Permission> =
            name.split_whitespace().filter_map(catalog::by_id).collect();
        if !found.is_empty() {
            return (Named::Permissions(found), prefix);
        }
    }
    if let Some(found) = by_any_name(name, hint) {
        return (Named::Permissions(vec![found]), prefix);
    }
    // "User Access Tokens Or Log in using Access Tokens": each part one permission.
    let parts = split_or(name);
    if parts.len() > 1 {
        let found: Vec<&'static Permission> = parts
            .iter()
            .filter_map(|part| by_any_name(part, hint))
            .collect();
        if found.len() == parts.len() {
            return (Named::Permissions(found), prefix);
        }
    }
    (Named::Unknown(name.to_owned()), prefix)
}

fn split_or(name: &str) -> Vec<&str> {
    let lower = name.to_ascii_lowercase();
    let mut parts = Vec::new();
    let mut start = 0;
    let mut from = 0;
    while let Some(at) = lower.get(from..).and_then(|rest| rest.find(" or ")) {
        let at = from + at;
        if let Some(part) = name.get(start..at) {
            parts.push(part.trim());
        }
        start = at + 4;
        from = start;
    }
    if let Some(part) = name.get(start..) {
        parts.push(part.trim());
    }
    parts
}

/// `[scriptid=customrecord_x]` (SDF's reference form) as the script id.
pub(super) fn strip_scriptid(name: &str) -> &str {
    name.strip_prefix("[scriptid=")
        .and_then(|rest| rest.strip_suffix(']'))
        .unwrap_or(name)
}

/// The name without a subtab before it: `Lists > Customers`, `Transactions -> Sales Order`,
/// `Permissions > Setup > SOAP Web Services`, `Lists: Customers`, `Customers (Lists)`.
fn strip_subtab_prefix(name: &str) -> (String, Option<Subtab>) {
    let segments: Vec<&str> = name
        .split(['>', '\u{2192}', '\u{bb}'])
        .map(|segment| segment.trim().trim_end_matches('-').trim())
        .filter(|segment| !segment.is_empty())
        .filter(|segment| {
            !["permissions", "permission", "role page", "permissions tab"]
                .iter()
                .any(|word| segment.eq_ignore_ascii_case(word))
        })
        .collect();
    if let [first, .., last] = segments.as_slice()
        && let Some(subtab) = subtab_word(first)
    {
        return (clean(last), Some(subtab));
    }
    if let Some((first, rest)) = name.split_once(':')
        && let Some(subtab) = subtab_word(first)
    {
        return (clean(rest), Some(subtab));
    }
    if let Some(open) = name.rfind('(') {
        let inner = name
            .get(open + 1..)
            .unwrap_or_default()
            .trim_end_matches(')');
        if let (Some(subtab), Some(before)) = (subtab_word(inner), name.get(..open)) {
            return (clean(before), Some(subtab));
        }
    }
    (clean(name), None)
}

/// The permission named `name`: by name or alias, then by its letters alone, then by the
/// singular or plural of it, then by an old name; on `hint`'s subtab first.
fn by_any_name(name: &str, hint: Option<Subtab>) -> Option<&'static Permission> {
    if let Some(found) = catalog::by_name(name) {
        return Some(found);
    }
    let name = strip_suffix_word(name, "permission")
        .or_else(|| strip_suffix_word(name, "permissions"))
        .unwrap_or(name);
    if name.is_empty() {
        return None;
    }
    if let Some(found) = catalog::by_name(name) {
        return Some(found);
    }
    let wanted = letters(name);
    if wanted.is_empty() {
        return None;
    }
    let mut variants = vec![wanted.clone(), format!("{wanted}s"), format!("{wanted}es")];
    if let Some(stem) = wanted.strip_suffix("ies") {
        variants.push(format!("{stem}y"));
    }
    if let Some(stem) = wanted.strip_suffix('y') {
        variants.push(format!("{stem}ies"));
    }
    if let Some(stem) = wanted.strip_suffix('s') {
        variants.push(stem.to_owned());
    }
    for variant in &variants {
        let mut found = known()
            .iter()
            .filter(|known| known.key == *variant)
            .map(|known| known.permission);
        let first = found.next();
        let on_hint = hint.and_then(|subtab| {
            first
                .into_iter()
                .chain(found)
                .find(|permission| permission.subtab == subtab)
        });
        if let Some(permission) = on_hint.or(first) {
            return Some(permission);
        }
    }
    RENAMED
        .iter()
        .find(|(old, _)| catalog::compare_names(old, name).is_eq())
        .and_then(|(_, id)| catalog::by_id(id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{Format, LineError, import_as};

    fn statuses(text: &str) -> Vec<(usize, &'static str, Option<String>, Option<Level>)> {
        import_as(Format::Table, text)
            .entries
            .iter()
            .map(|entry| {
                (
                    entry.line,
                    entry.status.code(),
                    entry.status.permkey().map(str::to_owned),
                    entry.status.level(),
                )
            })
            .collect()
    }

    fn matched(
        line: usize,
        id: &str,
        level: Level,
    ) -> (usize, &'static str, Option<String>, Option<Level>) {
        (line, "matched", Some(id.to_owned()), Some(level))
    }

    #[test]
    fn the_line_shapes_the_issue_names() {
        let text = "Permission | Level\n\
                    |---|---|\n\
                    Customers | Full\n\
                    Sales Order\tEdit\n\
                    Invoice, View\n\
                    | Lists > Contacts | Full |\n\
                    Lists > Items: Full\n\
                    Transactions -> Sales Order (Edit)\n";
        assert_eq!(
            statuses(text),
            [
                matched(3, "LIST_CUSTJOB", Level::Full),
                matched(4, "TRAN_SALESORD", Level::Edit),
                matched(5, "TRAN_CUSTINVC", Level::View),
                matched(6, "LIST_CONTACT", Level::Full),
                matched(7, "LIST_ITEM", Level::Full),
                matched(8, "TRAN_SALESORD", Level::Edit),
            ]
        );
    }

    #[test]
    fn a_name_that_matches_nothing_and_a_level_that_is_none_are_listed() {
        let preview = import_as(
            Format::Table,
            "Custmers | Full\nCustomers | Read/Write\nCustomers\n",
        );
        let codes: Vec<&str> = preview.entries.iter().map(|e| e.status.code()).collect();
        assert_eq!(codes, ["unknown", "error", "error"]);
        match &preview.entries[0].status {
            Status::Unknown { suggestions, .. } => {
                assert_eq!(
                    suggestions.first(),
                    Some(&"LIST_CUSTJOB"),
                    "{suggestions:?}"
                )
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            preview.entries[1].status,
            Status::Error(LineError::UnknownLevel {
                level: "Read/Write".to_owned()
            })
        );
    }
}
