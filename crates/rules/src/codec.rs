//! Codec for NetSuite's hidden sublist inputs `<machine>fields` and `<machine>data`
//! (netsuite-role-page.md §2.1): field names joined by U+0001, rows joined by U+0002, cells by
//! U+0001.
//!
//! Decoding never fails and never panics: it returns the lines it could read plus diagnostics.
//! Columns are found by name (`^permkey\d*$`, `^permlevel\d*$`, or `custrecord` / `permittedlevel`
//! on `custrecordmach`), never by index or by a fixed digit.

use crate::level::Level;
use crate::message::{Arg, Id, Message};

/// Separates field names, and cells within a row.
pub const CELL_SEPARATOR: char = '\u{1}';
/// Separates rows.
pub const ROW_SEPARATOR: char = '\u{2}';
/// Inputs larger than this (fields plus data, in bytes) are not decoded.
pub const MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;
/// Longest cell text kept in a diagnostic.
const MAX_DIAGNOSTIC_VALUE_CHARS: usize = 40;

/// One line of a permission sublist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SublistLine {
    /// 1-based line number (position of the row in the data).
    pub line: usize,
    /// The permission key, trimmed (ids the catalog does not know are kept).
    pub id: String,
    /// The level, when the level cell could be read.
    pub level: Option<Level>,
    /// The UI text of the key, from the `<keyfield>_display` column when there is one.
    pub label: Option<String>,
    /// The UI text of the level, from the `<levelfield>_display` column when there is one.
    pub level_label: Option<String>,
}

/// The result of decoding one sublist.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DecodedSublist {
    /// Name of the key column, e.g. `"permkey4"`.
    pub key_field: Option<String>,
    /// Name of the level column, e.g. `"permlevel4"`.
    pub level_field: Option<String>,
    /// The lines that could be read, in data order.
    pub lines: Vec<SublistLine>,
    /// What was odd about the input.
    pub diagnostics: Vec<Diagnostic>,
    /// Whether every row was read with its level: no diagnostic lost or blurred data.
    pub complete: bool,
}

impl DecodedSublist {
    /// The index in `lines` of line number `number`, when that line was read. Lines are in data
    /// order, so their numbers ascend and a binary search finds it.
    pub fn line_index(&self, number: usize) -> Option<usize> {
        self.lines
            .binary_search_by_key(&number, |line| line.line)
            .ok()
    }
}

/// Something odd in the sublist inputs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Diagnostic {
    /// No `permkey…` (or `custrecord`) field: no line can be read.
    NoKeyField,
    /// No `permlevel…` (or `permittedlevel`) field: lines are read without levels.
    NoLevelField,
    /// A row has a different number of cells than there are fields; columns may be shifted.
    RaggedRow {
        /// 1-based line number.
        line: usize,
        /// Number of fields.
        expected: usize,
        /// Number of cells in the row.
        found: usize,
    },
    /// A row has no key (empty, blank or missing key cell); the row is dropped.
    EmptyKey {
        /// 1-based line number.
        line: usize,
    },
    /// A level cell is not 0–4 or a level name; the line is kept without a level.
    InvalidLevel {
        /// 1-based line number.
        line: usize,
        /// The cell text (at most 40 characters of it).
        value: String,
    },
    /// The same key appears on several lines; all of them are kept.
    DuplicateKey {
        /// The key.
        id: String,
        /// Its 1-based line numbers.
        lines: Vec<usize>,
    },
    /// The input is larger than `MAX_INPUT_BYTES`; nothing was decoded.
    TooLarge {
        /// Size of fields plus data, in bytes.
        bytes: usize,
    },
}

impl Diagnostic {
    /// A short lower-case description, without a trailing period.
    pub fn message(&self) -> Message {
        match self {
            Diagnostic::NoKeyField => Message::plain(Id::SublistNoKeyField),
            Diagnostic::NoLevelField => Message::plain(Id::SublistNoLevelField),
            Diagnostic::RaggedRow {
                line,
                expected,
                found,
            } => Message::with(
                Id::SublistRaggedRow,
                vec![Arg::Count(*line), Arg::Count(*found), Arg::Count(*expected)],
            ),
            Diagnostic::EmptyKey { line } => {
                Message::with(Id::SublistEmptyKey, vec![Arg::Count(*line)])
            }
            Diagnostic::InvalidLevel { line, value } => Message::with(
                Id::SublistInvalidLevel,
                vec![Arg::Count(*line), Arg::Text(value.clone())],
            ),
            Diagnostic::DuplicateKey { id, lines } => {
                // "1, 3": numbers, not words, so no list message.
                let mut numbers = String::new();
                for line in lines {
                    if !numbers.is_empty() {
                        numbers.push_str(", ");
                    }
                    numbers.push_str(&crate::text::decimal(*line));
                }
                Message::with(
                    Id::SublistDuplicateKey,
                    vec![Arg::Text(id.clone()), Arg::Text(numbers)],
                )
            }
            Diagnostic::TooLarge { bytes } => Message::with(
                Id::SublistTooLarge,
                vec![Arg::Count(*bytes), Arg::Count(MAX_INPUT_BYTES)],
            ),
        }
    }

    /// Whether the diagnostic means that some row or level was lost or may be misread.
    pub fn loses_data(&self) -> bool {
        !matches!(self, Diagnostic::DuplicateKey { .. })
    }
}

/// Decodes a permission sublist from its `<machine>fields` and `<machine>data` values.
pub fn decode_permissions(fields: &str, data: &str) -> DecodedSublist {
    let bytes = fields.len().saturating_add(data.len());
    if bytes > MAX_INPUT_BYTES {
        return finish(DecodedSublist {
            diagnostics: vec![Diagnostic::TooLarge { bytes }],
            ..DecodedSublist::default()
        });
    }
    let names: Vec<&str> = if fields.is_empty() {
        Vec::new()
    } else {
        fields.split(CELL_SEPARATOR).collect()
    };
    let key_index = find_field(&names, is_key_field);
    let level_index = find_field(&names, is_level_field);
    let mut decoded = DecodedSublist {
        key_field: key_index.map(|index| names[index].to_owned()),
        level_field: level_index.map(|index| names[index].to_owned()),
        ..DecodedSublist::default()
    };
    let Some(key_index) = key_index else {
        decoded.diagnostics.push(Diagnostic::NoKeyField);
        return finish(decoded);
    };
    if level_index.is_none() {
        decoded.diagnostics.push(Diagnostic::NoLevelField);
    }
    let label_index = display_index(&names, names[key_index]);
    let level_label_index = level_index.and_then(|index| display_index(&names, names[index]));

    if !data.is_empty() {
        // One buffer for every row's cells: a large role has hundreds of rows.
        let mut cells: Vec<&str> = Vec::with_capacity(names.len());
        for (row_index, row) in data.split(ROW_SEPARATOR).enumerate() {
            // An empty row (for example after a trailing separator) carries nothing.
            if row.is_empty() {
                continue;
            }
            let line = row_index + 1;
            cells.clear();
            cells.extend(row.split(CELL_SEPARATOR));
            if cells.len() != names.len() {
                decoded.diagnostics.push(Diagnostic::RaggedRow {
                    line,
                    expected: names.len(),
                    found: cells.len(),
                });
            }
            let id = cells.get(key_index).map_or("", |cell| cell.trim());
            if id.is_empty() {
                decoded.diagnostics.push(Diagnostic::EmptyKey { line });
                continue;
            }
            let level = match level_index.and_then(|index| cells.get(index)) {
                Some(cell) => {
                    let level = Level::parse(cell);
                    if level.is_none() {
                        decoded.diagnostics.push(Diagnostic::InvalidLevel {
                            line,
                            value: cell.chars().take(MAX_DIAGNOSTIC_VALUE_CHARS).collect(),
                        });
                    }
                    level
                }
                None => None,
            };
            let text_at = |index: Option<usize>| {
                index
                    .and_then(|index| cells.get(index))
                    .map(|cell| (*cell).to_owned())
            };
            decoded.lines.push(SublistLine {
                line,
                id: id.to_owned(),
                level,
                label: text_at(label_index),
                level_label: text_at(level_label_index),
            });
        }
    }
    report_duplicates(&mut decoded);
    finish(decoded)
}

/// Encodes field names and rows into `(fields, data)` values, as NetSuite writes them.
///
/// Cells must not contain U+0001 or U+0002, and a row of one empty cell cannot be told apart from
/// no row; both hold for real permission data.
pub fn encode(fields: &[&str], rows: &[Vec<String>]) -> (String, String) {
    let cell_separator = CELL_SEPARATOR.to_string();
    let row_separator = ROW_SEPARATOR.to_string();
    let encoded_rows: Vec<String> = rows.iter().map(|row| row.join(&cell_separator)).collect();
    (
        fields.join(&cell_separator),
        encoded_rows.join(&row_separator),
    )
}

fn finish(mut decoded: DecodedSublist) -> DecodedSublist {
    decoded.complete = !decoded.diagnostics.iter().any(Diagnostic::loses_data);
    decoded
}

fn find_field(names: &[&str], matches: fn(&str) -> bool) -> Option<usize> {
    names.iter().position(|name| matches(name))
}

fn is_key_field(name: &str) -> bool {
    name == "custrecord" || is_prefix_and_digits(name, "permkey")
}

fn is_level_field(name: &str) -> bool {
    name == "permittedlevel" || is_prefix_and_digits(name, "permlevel")
}

/// Whether `name` matches `^<prefix>\d*$`.
fn is_prefix_and_digits(name: &str, prefix: &str) -> bool {
    name.strip_prefix(prefix)
        .is_some_and(|digits| digits.bytes().all(|byte| byte.is_ascii_digit()))
}

fn display_index(names: &[&str], field: &str) -> Option<usize> {
    names.iter().position(|name| {
        name.strip_suffix("_display")
            .is_some_and(|base| base == field)
    })
}

fn report_duplicates(decoded: &mut DecodedSublist) {
    // Sorted (id, line index) pairs put the lines of one key next to each other, in line order.
    let mut keyed: Vec<(&str, usize)> = decoded
        .lines
        .iter()
        .enumerate()
        .map(|(index, line)| (line.id.as_str(), index))
        .collect();
    // Stable, by key only: the lines of one key stay in line order.
    keyed.sort_by(|left, right| left.0.cmp(right.0));
    // Each duplicated key's diagnostic sits at the index of its first line, so that reading the
    // slots in order reports keys in the order they first appear, in linear time.
    let mut at_first_line: Vec<Option<Diagnostic>> = vec![None; decoded.lines.len()];
    for run in keyed.chunk_by(|left, right| left.0 == right.0) {
        if let [(id, first), _, ..] = run {
            let lines = run
                .iter()
                .filter_map(|(_, index)| decoded.lines.get(*index))
                .map(|line| line.line)
                .collect();
            if let Some(slot) = at_first_line.get_mut(*first) {
                *slot = Some(Diagnostic::DuplicateKey {
                    id: (*id).to_owned(),
                    lines,
                });
            }
        }
    }
    decoded
        .diagnostics
        .extend(at_first_line.into_iter().flatten());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders a decoded sublist as text, one line per fact, for compact exact assertions.
    fn render(decoded: &DecodedSublist) -> String {
        let mut out = format!(
            "key={:?} level={:?} complete={}\n",
            decoded.key_field, decoded.level_field, decoded.complete
        );
        for line in &decoded.lines {
            out.push_str(&format!(
                "{} {} {:?} {:?} {:?}\n",
                line.line, line.id, line.level, line.label, line.level_label
            ));
        }
        let english = crate::message::english::Messages::load();
        for diagnostic in &decoded.diagnostics {
            let message = crate::message::render(&diagnostic.message(), &english);
            out.push_str(&format!("! {message}\n"));
        }
        out
    }

    fn check(fields: &str, data: &str, expected: &str) {
        let decoded = decode_permissions(fields, data);
        assert_eq!(
            render(&decoded),
            expected,
            "fields {fields:?} data {data:?}"
        );
    }

    const F: &str = "\u{1}";
    const R: &str = "\u{2}";

    #[test]
    fn line_index_finds_a_line_by_its_number_past_skipped_rows() {
        // Line 2 has no key and is not read; lines keep their numbers.
        let decoded = decode_permissions(
            &format!("permkey4{F}permlevel4"),
            &format!("A{F}4{R}{F}4{R}C{F}1"),
        );
        assert_eq!(decoded.line_index(1), Some(0));
        assert_eq!(decoded.line_index(2), None);
        assert_eq!(decoded.line_index(3), Some(1));
        assert_eq!(decoded.line_index(0), None);
        assert_eq!(decoded.line_index(4), None);
    }

    #[test]
    fn decodes_by_field_name() {
        let cases: &[(String, String, &str)] = &[
            (
                format!("permkey4_display{F}permkey4{F}permlevel4_display{F}permlevel4"),
                format!("User Access Tokens{F}ADMI_MANAGE_OWN_OAUTH_TOKENS{F}Full{F}4"),
                "key=Some(\"permkey4\") level=Some(\"permlevel4\") complete=true\n\
                 1 ADMI_MANAGE_OWN_OAUTH_TOKENS Some(Full) Some(\"User Access Tokens\") Some(\"Full\")\n",
            ),
            (
                format!("permlevel7{F}permkey7"),
                format!("1{F}TRAN_SALESORD{R}4{F}TRAN_INVOICE"),
                "key=Some(\"permkey7\") level=Some(\"permlevel7\") complete=true\n\
                 1 TRAN_SALESORD Some(View) None None\n\
                 2 TRAN_INVOICE Some(Full) None None\n",
            ),
            (
                format!("permkey{F}permlevel"),
                format!("ADMI_WEBSERVICES{F}4{R}"),
                "key=Some(\"permkey\") level=Some(\"permlevel\") complete=true\n\
                 1 ADMI_WEBSERVICES Some(Full) None None\n",
            ),
            (
                format!("custrecord_display{F}custrecord{F}permittedlevel{F}restriction"),
                format!("My Record{F}123{F}2{F}"),
                "key=Some(\"custrecord\") level=Some(\"permittedlevel\") complete=true\n\
                 1 123 Some(Create) Some(\"My Record\") None\n",
            ),
            (
                format!("permkeyx{F}permkey4a{F}permkey2{F}permlevel2"),
                format!("a{F}b{F}LIST_X{F}0"),
                "key=Some(\"permkey2\") level=Some(\"permlevel2\") complete=true\n\
                 1 LIST_X Some(None) None None\n",
            ),
            (
                format!("permkey4_display{F}permkey4{F}permlevel4"),
                format!("Line\u{5}two{F}CUSTOM_THING{F}4"),
                "key=Some(\"permkey4\") level=Some(\"permlevel4\") complete=true\n\
                 1 CUSTOM_THING Some(Full) Some(\"Line\\u{5}two\") None\n",
            ),
        ];
        for (fields, data, expected) in cases {
            check(fields, data, expected);
        }
    }

    #[test]
    fn malformed_input_gives_rows_and_diagnostics() {
        let fields = format!("permkey4{F}permlevel4");
        let cases: &[(String, String, &str)] = &[
            (
                String::new(),
                String::new(),
                "key=None level=None complete=false\n! no permission key field in the sublist fields\n",
            ),
            (
                fields.clone(),
                String::new(),
                "key=Some(\"permkey4\") level=Some(\"permlevel4\") complete=true\n",
            ),
            (
                "permkey4".to_owned(),
                "ADMI_X".to_owned(),
                "key=Some(\"permkey4\") level=None complete=false\n\
                 1 ADMI_X None None None\n\
                 ! no permission level field in the sublist fields\n",
            ),
            (
                fields.clone(),
                format!("ADMI_A{F}4{F}extra{R}ADMI_B{R}{F}4{R}  {F}1"),
                "key=Some(\"permkey4\") level=Some(\"permlevel4\") complete=false\n\
                 1 ADMI_A Some(Full) None None\n\
                 2 ADMI_B None None None\n\
                 ! line 1 has 3 cells where 2 fields are declared\n\
                 ! line 2 has 1 cells where 2 fields are declared\n\
                 ! line 3 has no permission key\n\
                 ! line 4 has no permission key\n",
            ),
            (
                fields.clone(),
                format!("ADMI_A{F}7{R}ADMI_B{F}-1{R}ADMI_C{F}abc{R}ADMI_D{F}"),
                "key=Some(\"permkey4\") level=Some(\"permlevel4\") complete=false\n\
                 1 ADMI_A None None None\n\
                 2 ADMI_B None None None\n\
                 3 ADMI_C None None None\n\
                 4 ADMI_D None None None\n\
                 ! line 1 has an unreadable level \"7\"\n\
                 ! line 2 has an unreadable level \"-1\"\n\
                 ! line 3 has an unreadable level \"abc\"\n\
                 ! line 4 has an unreadable level \"\"\n",
            ),
            (
                fields.clone(),
                format!("ADMI_A{F}1{R}UNKNOWN_ID{F}4{R}ADMI_A{F}4"),
                "key=Some(\"permkey4\") level=Some(\"permlevel4\") complete=true\n\
                 1 ADMI_A Some(View) None None\n\
                 2 UNKNOWN_ID Some(Full) None None\n\
                 3 ADMI_A Some(Full) None None\n\
                 ! permission ADMI_A appears on lines 1, 3\n",
            ),
        ];
        for (fields, data, expected) in cases {
            check(fields, data, expected);
        }
    }

    #[test]
    fn large_inputs_are_fast_and_capped() {
        let row = format!("ADMI_WEBSERVICES{F}4");
        let rows = vec![row; 300_000];
        let data = rows.join(R);
        assert!(data.len() < MAX_INPUT_BYTES);
        let decoded = decode_permissions(&format!("permkey4{F}permlevel4"), &data);
        assert_eq!(decoded.lines.len(), 300_000);
        assert!(
            matches!(&decoded.diagnostics[..], [Diagnostic::DuplicateKey { lines, .. }] if lines.len() == 300_000)
        );

        // Many keys each twice, in reverse order of their names: one diagnostic per key, in the
        // order the keys first appear (a quadratic ordering of the duplicates would not finish).
        let keys = 100_000;
        let rows: Vec<String> = (0..2 * keys)
            .map(|index| format!("ADMI_{:06}{F}4", keys - index % keys))
            .collect();
        let decoded = decode_permissions(&format!("permkey4{F}permlevel4"), &rows.join(R));
        assert_eq!(decoded.diagnostics.len(), keys);
        let firsts: Vec<usize> = decoded
            .diagnostics
            .iter()
            .map(|diagnostic| match diagnostic {
                Diagnostic::DuplicateKey { lines, .. } => lines[0],
                _ => 0,
            })
            .collect();
        assert_eq!(firsts, (1..=keys).collect::<Vec<_>>());
        assert!(matches!(
            &decoded.diagnostics[0],
            Diagnostic::DuplicateKey { id, lines } if id == "ADMI_100000" && *lines == [1, keys + 1]
        ));

        let huge = "x".repeat(MAX_INPUT_BYTES + 1);
        let decoded = decode_permissions("permkey4", &huge);
        assert_eq!(
            decoded.diagnostics,
            vec![Diagnostic::TooLarge {
                bytes: MAX_INPUT_BYTES + 9
            }]
        );
        assert!(decoded.lines.is_empty() && !decoded.complete);
    }

    #[test]
    fn encode_joins_with_separators() {
        let rows = vec![
            vec!["A".to_owned(), "4".to_owned()],
            vec!["B".to_owned(), "1".to_owned()],
        ];
        let (fields, data) = encode(&["permkey4", "permlevel4"], &rows);
        assert_eq!(fields, "permkey4\u{1}permlevel4");
        assert_eq!(data, "A\u{1}4\u{2}B\u{1}1");
    }
}
