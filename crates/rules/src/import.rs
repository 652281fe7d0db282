//! Importing a permission list for a custom profile: a table pasted from a vendor's page, SDF role
//! XML, or a profile file TBA Doctor exported, read into a [`Preview`] that says line by line what
//! was understood and what was not, before anything is saved.
//!
//! Names are matched against the catalog's names and aliases ignoring case and spacing, with the
//! subtab prefix used when given; a name that matches nothing is listed with the closest catalog
//! names, never dropped; a level that is not one is an error on its line. Every reader is bounded
//! ([`MAX_TEXT_BYTES`], [`MAX_ENTRIES`]) and never panics, whatever the text.

pub(crate) mod file;
mod sdf;
mod suggest;
mod table;

use std::sync::OnceLock;

use crate::catalog::{self, Permission, Subtab};
use crate::level::Level;
use crate::message::{Arg, Id, Message, Text};
use crate::profile::{Flags, RequirementDraft};

pub use suggest::closest;

/// The largest text imported, in bytes.
pub const MAX_TEXT_BYTES: usize = 1 << 20;
/// The most permissions (preview entries) read from one text.
pub const MAX_ENTRIES: usize = 1000;
/// The most characters of a line kept to show in the preview.
pub const MAX_LINE_CHARS: usize = 200;
/// The most bytes of a pasted line read (the rest of a longer line is ignored).
const MAX_LINE_BYTES: usize = 2000;
/// The most cells of a pasted line read.
const MAX_CELLS: usize = 12;
/// How many closest names an unknown name gets.
pub const SUGGESTIONS: usize = 3;
/// How many unknown names get suggestions (the rest are listed without).
const MAX_SUGGESTED: usize = 100;

/// What the text was read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A table or list pasted from a page (Markdown, tab- or comma-separated, `Name: Level`).
    Table,
    /// SDF role XML.
    Sdf,
    /// A profile file TBA Doctor exported (JSON).
    File,
}

/// A permission the profile keeps without checking it: a custom record's, custom transaction
/// type's or custom segment's permission, whose key (its script id) the role page's Setup-style
/// subtabs do not show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kept {
    /// The permission key as given, e.g. `customrecord_invoice_batch`.
    pub key: String,
    /// The level asked for.
    pub level: Level,
}

/// The longest kept key.
pub const MAX_KEY_CHARS: usize = 100;

/// Whether `key` names a custom record, custom transaction type or custom segment by its script
/// id (SDF's form for their permissions), e.g. `customrecord_invoice_batch`.
pub fn is_custom_key(key: &str) -> bool {
    let lower = key.to_ascii_lowercase();
    let rest = ["customrecord", "customtransaction", "cseg"]
        .iter()
        .find_map(|prefix| lower.strip_prefix(prefix));
    key.len() <= MAX_KEY_CHARS
        && rest.is_some_and(|rest| {
            !rest.is_empty()
                && rest
                    .bytes()
                    .all(|byte| byte.is_ascii_alphanumeric() || byte == b'_')
        })
}

/// What one line (or element) of the text says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Its 1-based line number in the text.
    pub line: usize,
    /// The line as given (cut to [`MAX_LINE_CHARS`]).
    pub text: String,
    /// What it was understood as.
    pub status: Status,
}

/// What a line was understood as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// A permission of the catalog (or several, any of which satisfies it) at a level it takes.
    Matched {
        /// The permissions; the first is the one a fix adds.
        any_of: Vec<&'static str>,
        /// The level.
        level: Level,
        /// The reason given with it (profile files only).
        why: Option<String>,
        /// The line that named the same permission before, whose entry this one merges into
        /// (the higher level is kept).
        earlier: Option<usize>,
    },
    /// A custom record (or custom transaction, custom segment) permission: kept, not checked.
    Kept(Kept),
    /// A name the catalog does not know.
    Unknown {
        /// The name as read.
        name: String,
        /// The closest catalog permissions, best first.
        suggestions: Vec<&'static str>,
        /// Whether it was listed under the Custom Record subtab: a custom record type's name,
        /// which a profile keeps only by its script id.
        custom_record: bool,
        /// The level the line gave, for a suggestion taken in its place (pasted tables only).
        level: Option<Level>,
    },
    /// A permission whose level cannot be used.
    Error(LineError),
}

/// Why a line's permission cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineError {
    /// No level given.
    NoLevel {
        /// The permission named (its UI name, or the key as given).
        name: String,
    },
    /// The level is not View, Create, Edit or Full.
    UnknownLevel {
        /// The level as given (cut).
        level: String,
    },
    /// The level None, which every role meets.
    LevelNone {
        /// The permission named (its UI name, or the key as given).
        name: String,
    },
    /// A level the permission does not take.
    ImpossibleLevel {
        /// The permission.
        permission: &'static str,
        /// The level asked for.
        level: Level,
    },
    /// A requirement of a profile file that is not in the form TBA Doctor writes.
    Unreadable,
}

/// A problem with the text as a whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Larger than [`MAX_TEXT_BYTES`]: nothing was read.
    TooLarge,
    /// More than [`MAX_ENTRIES`] permissions: the rest, from this line on, was not read.
    TooManyEntries {
        /// The first line not read.
        line: usize,
    },
    /// Nothing in the text looks like a permission.
    Nothing,
    /// A profile file that is not JSON; reading stopped on this line.
    NotJson {
        /// The line.
        line: usize,
    },
    /// JSON, but not a TBA Doctor profile file.
    NotAProfileFile,
    /// A profile file of a version this code does not read.
    UnknownVersion {
        /// The version as given (cut).
        version: String,
    },
}

/// What an import understood, line by line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    /// What the text was read as.
    pub format: Format,
    /// One entry per permission line, in the text's order.
    pub entries: Vec<Entry>,
    /// The profile's id the text gives (profile files).
    pub id: Option<String>,
    /// The profile's name the text gives (SDF `<name>`, profile files).
    pub name: Option<String>,
    /// The profile's summary the text gives (profile files).
    pub summary: Option<String>,
    /// The profile's flags the text gives (profile files).
    pub flags: Flags,
    /// Problems with the text as a whole.
    pub problems: Vec<Problem>,
}

/// What a preview makes: the requirements of a profile and the permissions it keeps unchecked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Imported {
    /// One requirement per matched permission, in the text's order, repeated ones merged.
    pub requirements: Vec<RequirementDraft>,
    /// The custom record (and such) permissions, repeated ones merged.
    pub kept: Vec<Kept>,
}

/// Reads `text` as whatever it is: a profile file (it starts with `{`), SDF role XML (it holds a
/// `<permission` element), else a pasted table.
pub fn import(text: &str) -> Preview {
    let trimmed = text.trim_start();
    let format = if trimmed.starts_with('{') {
        Format::File
    } else if trimmed.starts_with('<') && text.contains("<permission") {
        Format::Sdf
    } else {
        Format::Table
    };
    import_as(format, text)
}

/// Reads `text` as `format`.
pub fn import_as(format: Format, text: &str) -> Preview {
    let mut preview = Preview {
        format,
        entries: Vec::new(),
        id: None,
        name: None,
        summary: None,
        flags: Flags::default(),
        problems: Vec::new(),
    };
    if text.len() > MAX_TEXT_BYTES {
        preview.problems.push(Problem::TooLarge);
        return preview;
    }
    match format {
        Format::Table => table::read(text, &mut preview),
        Format::Sdf => sdf::read(text, &mut preview),
        Format::File => file::read(text, &mut preview),
    }
    mark_repeats(&mut preview.entries);
    let mut suggested = 0;
    for entry in &mut preview.entries {
        if let Status::Unknown {
            name,
            suggestions,
            custom_record: false,
            ..
        } = &mut entry.status
            && suggested < MAX_SUGGESTED
        {
            suggested += 1;
            *suggestions = closest(name, SUGGESTIONS);
        }
    }
    let understood = preview
        .entries
        .iter()
        .any(|entry| !matches!(entry.status, Status::Unknown { .. }));
    if !understood && preview.problems.is_empty() {
        preview.problems.push(Problem::Nothing);
    }
    preview
}

/// Marks each matched entry that names a permission an earlier entry named.
fn mark_repeats(entries: &mut [Entry]) {
    let mut seen: Vec<(&'static str, usize)> = Vec::new();
    for entry in entries {
        if let Status::Matched {
            any_of, earlier, ..
        } = &mut entry.status
        {
            *earlier = any_of.iter().find_map(|id| {
                seen.iter()
                    .find(|(named, _)| named == id)
                    .map(|&(_, line)| line)
            });
            if earlier.is_none() {
                seen.extend(any_of.iter().map(|id| (*id, entry.line)));
            }
        }
    }
}

impl Preview {
    /// The requirements and kept permissions of the matched entries: a repeated permission once,
    /// at the highest level asked (where one line asks for several, any of which satisfies it,
    /// and a later one repeats one of them, the later one's level raises the first's).
    pub fn imported(&self) -> Imported {
        let mut imported = Imported::default();
        let mut lines: Vec<usize> = Vec::new();
        for entry in &self.entries {
            match &entry.status {
                Status::Matched {
                    any_of,
                    level,
                    why,
                    earlier,
                } => {
                    let merged = earlier
                        .and_then(|line| lines.iter().position(|seen| *seen == line))
                        .and_then(|index| imported.requirements.get_mut(index));
                    if let Some(requirement) = merged {
                        requirement.level = requirement.level.max(*level);
                        continue;
                    }
                    lines.push(entry.line);
                    imported.requirements.push(RequirementDraft {
                        any_of: any_of.iter().map(|id| (*id).to_owned()).collect(),
                        level: *level,
                        why: why
                            .clone()
                            .map_or(Text::Message(Id::WhyImported), Text::Plain),
                    });
                }
                Status::Kept(kept) => {
                    match imported
                        .kept
                        .iter_mut()
                        .find(|seen| seen.key.eq_ignore_ascii_case(&kept.key))
                    {
                        Some(seen) => seen.level = seen.level.max(kept.level),
                        None => imported.kept.push(kept.clone()),
                    }
                }
                Status::Unknown { .. } | Status::Error(_) => {}
            }
        }
        imported
    }

    /// How many entries are matched (kept ones included), unknown and in error.
    pub fn counts(&self) -> (usize, usize, usize) {
        let mut counts = (0, 0, 0);
        for entry in &self.entries {
            match entry.status.code() {
                "matched" => counts.0 += 1,
                "unknown" => counts.1 += 1,
                _ => counts.2 += 1,
            }
        }
        counts
    }
}

impl Status {
    /// The preview line's `data-status`: `matched` (kept permissions too), `unknown` or `error`.
    pub fn code(&self) -> &'static str {
        match self {
            Status::Matched { .. } | Status::Kept(_) => "matched",
            Status::Unknown { .. } => "unknown",
            Status::Error(_) => "error",
        }
    }

    /// The preview line's `data-permkey`, when matched: the permission a fix adds, or the kept key.
    pub fn permkey(&self) -> Option<&str> {
        match self {
            Status::Matched { any_of, .. } => any_of.first().copied(),
            Status::Kept(kept) => Some(&kept.key),
            _ => None,
        }
    }

    /// The preview line's level, when matched.
    pub fn level(&self) -> Option<Level> {
        match self {
            Status::Matched { level, .. } => Some(*level),
            Status::Kept(kept) => Some(kept.level),
            _ => None,
        }
    }

    /// What the line was understood as, in words.
    pub fn message(&self) -> Message {
        match self {
            Status::Matched {
                any_of,
                level,
                earlier,
                ..
            } => {
                let subtab = match any_of.as_slice() {
                    [only] => catalog::by_id(only).map(|permission| permission.subtab),
                    _ => None,
                };
                let mut args = vec![Arg::permissions(any_of.iter().copied()), Arg::Level(*level)];
                if let Some(subtab) = subtab {
                    args.push(Arg::Subtab(subtab));
                }
                let id = if subtab.is_some() {
                    Id::ImportMatched
                } else {
                    Id::ImportMatchedAnyOf
                };
                let matched = Message::with(id, args);
                match earlier {
                    Some(line) => Message::with(
                        Id::ImportRepeated,
                        vec![Arg::message(matched), Arg::Count(*line)],
                    ),
                    None => matched,
                }
            }
            Status::Kept(kept) => Message::with(
                Id::ImportKept,
                vec![Arg::Text(kept.key.clone()), Arg::Level(kept.level)],
            ),
            Status::Unknown {
                name,
                custom_record: true,
                ..
            } => Message::with(Id::ImportUnknownCustomRecord, vec![Arg::Text(name.clone())]),
            Status::Unknown {
                name, suggestions, ..
            } if suggestions.is_empty() => {
                Message::with(Id::ImportUnknown, vec![Arg::Text(name.clone())])
            }
            Status::Unknown {
                name, suggestions, ..
            } => Message::with(
                Id::ImportUnknownSuggest,
                vec![
                    Arg::Text(name.clone()),
                    Arg::permissions(suggestions.iter().copied()),
                ],
            ),
            Status::Error(error) => error.message(),
        }
    }
}

impl LineError {
    /// The error in words.
    pub fn message(&self) -> Message {
        match self {
            LineError::NoLevel { name } => {
                Message::with(Id::ImportErrorNoLevel, vec![Arg::Text(name.clone())])
            }
            LineError::UnknownLevel { level } => {
                Message::with(Id::ImportErrorUnknownLevel, vec![Arg::Text(level.clone())])
            }
            LineError::LevelNone { name } => {
                Message::with(Id::ImportErrorLevelNone, vec![Arg::Text(name.clone())])
            }
            LineError::ImpossibleLevel { permission, level } => {
                let offered = catalog::by_id(permission)
                    .map(|found| {
                        found
                            .levels
                            .iter()
                            .filter(|level| *level != Level::None)
                            .map(|level| Message::plain(Id::of_level(level)))
                            .collect()
                    })
                    .unwrap_or_default();
                Message::with(
                    Id::ImportErrorImpossibleLevel,
                    vec![
                        Arg::Permission((*permission).to_owned()),
                        Arg::Level(*level),
                        Arg::Messages(offered),
                    ],
                )
            }
            LineError::Unreadable => Message::plain(Id::ImportErrorUnreadable),
        }
    }
}

impl Problem {
    /// The problem in words.
    pub fn message(&self) -> Message {
        match self {
            Problem::TooLarge => Message::with(
                Id::ImportProblemTooLarge,
                vec![Arg::Count(MAX_TEXT_BYTES / 1024)],
            ),
            Problem::TooManyEntries { line } => Message::with(
                Id::ImportProblemTooMany,
                vec![Arg::Count(MAX_ENTRIES), Arg::Count(*line)],
            ),
            Problem::Nothing => Message::plain(Id::ImportProblemNothing),
            Problem::NotJson { line } => {
                Message::with(Id::ImportProblemNotJson, vec![Arg::Count(*line)])
            }
            Problem::NotAProfileFile => Message::plain(Id::ImportProblemNotAProfileFile),
            Problem::UnknownVersion { version } => Message::with(
                Id::ImportProblemUnknownVersion,
                vec![Arg::Text(version.clone())],
            ),
        }
    }
}

/// One name or alias of a catalog permission, prepared once for matching and suggestions.
struct Known {
    permission: &'static Permission,
    /// Its catalog position.
    order: usize,
    /// Its letters and digits, lower case, `&` read as "and" ([`letters`]).
    key: String,
    /// Its words ([`suggest::words`]).
    words: Vec<String>,
}

static KNOWN: OnceLock<Vec<Known>> = OnceLock::new();

/// Every name and alias of the catalog, prepared once (the catalog does not change once
/// installed; before, there is nothing to prepare).
fn known() -> &'static [Known] {
    if catalog::all().is_empty() {
        return &[];
    }
    KNOWN.get_or_init(|| {
        let mut known = Vec::new();
        for (order, permission) in catalog::all().iter().enumerate() {
            for name in permission.names() {
                known.push(Known {
                    permission,
                    order,
                    key: letters(name),
                    words: suggest::words(name),
                });
            }
        }
        known
    })
}

/// The letters and digits of `text`, lower case, `&` read as "and": names compared without
/// spaces or punctuation ("Suite Script" is "SuiteScript", "Log in Using" is "Log in using").
fn letters(text: &str) -> String {
    text.replace('&', "and")
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// `text` cut to `max` characters.
fn cut(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

/// Where the lines of a text start, to tell the line of an offset in logarithmic time.
struct LineIndex(Vec<usize>);

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let newlines = text
            .bytes()
            .enumerate()
            .filter(|(_, byte)| *byte == b'\n')
            .map(|(at, _)| at);
        LineIndex(newlines.collect())
    }

    /// The 1-based line of byte offset `at`.
    fn line(&self, at: usize) -> usize {
        self.0.partition_point(|newline| *newline < at) + 1
    }
}

/// The level part of a line or element, as given.
enum Given {
    /// A level.
    Level(Level),
    /// Words that are no level (cut).
    Unknown(String),
    /// Nothing.
    Missing,
}

impl Given {
    /// What `text` gives: nothing when it is absent or blank, else a level or words that are none.
    fn of(text: Option<&str>) -> Given {
        match text.map(str::trim).filter(|text| !text.is_empty()) {
            None => Given::Missing,
            Some(text) => {
                level_word(text).map_or_else(|| Given::Unknown(cut(text, 40)), Given::Level)
            }
        }
    }
}

/// What `found` (permissions any of which will do) at `given` makes: matched when every one of
/// them takes the level, else the first one's error.
fn matched(found: &[&'static Permission], given: Given, why: Option<String>) -> Status {
    match given {
        Given::Level(level) => {
            for permission in found {
                if let bad @ Status::Error(_) = judge(permission, level) {
                    return bad;
                }
            }
            Status::Matched {
                any_of: found.iter().map(|permission| permission.id).collect(),
                level,
                why,
                earlier: None,
            }
        }
        Given::Unknown(level) => Status::Error(LineError::UnknownLevel { level }),
        Given::Missing => Status::Error(LineError::NoLevel {
            name: found
                .first()
                .map_or("", |permission| permission.display_name())
                .to_owned(),
        }),
    }
}

/// What the custom record (or such) key `key` at `given` makes: kept at a level above None.
fn kept(key: &str, given: Given) -> Status {
    let key = key.to_owned();
    match given {
        Given::Level(Level::None) => Status::Error(LineError::LevelNone { name: key }),
        Given::Level(level) => Status::Kept(Kept { key, level }),
        Given::Unknown(level) => Status::Error(LineError::UnknownLevel { level }),
        Given::Missing => Status::Error(LineError::NoLevel { name: key }),
    }
}

/// What a level given in words makes of `permission`.
fn judge(permission: &'static Permission, level: Level) -> Status {
    if level == Level::None {
        Status::Error(LineError::LevelNone {
            name: permission.display_name().to_owned(),
        })
    } else if !permission.levels.contains(level) {
        Status::Error(LineError::ImpossibleLevel {
            permission: permission.id,
            level,
        })
    } else {
        Status::Matched {
            any_of: vec![permission.id],
            level,
            why: None,
            earlier: None,
        }
    }
}

/// A level as vendors write it: `Full`, `FULL`, `4`, `Full access`, `**Edit**`; `None` when it
/// is not one.
fn level_word(text: &str) -> Option<Level> {
    let text = text
        .trim()
        .trim_matches(|c: char| matches!(c, '*' | '_' | '`' | '"' | '\'' | '.' | ','))
        .trim();
    let text = ["access", "level", "permission"]
        .iter()
        .find_map(|word| strip_suffix_word(text, word))
        .unwrap_or(text);
    let text = text.strip_prefix("LEVEL_").unwrap_or(text);
    Level::parse(text)
}

/// `text` without a last word `word` (any case), when it ends with it.
fn strip_suffix_word<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    let cut = text.len().checked_sub(word.len())?;
    let (head, tail) = (text.get(..cut)?, text.get(cut..)?);
    (tail.eq_ignore_ascii_case(word) && head.ends_with(char::is_whitespace)).then(|| head.trim())
}

/// The subtab `text` names ("Lists", "List", "Transactions", "Custom Records", `listsmach`…).
fn subtab_word(text: &str) -> Option<Subtab> {
    // "Custom Record (If applicable)": a note after it.
    let text = text.split('(').next().unwrap_or(text);
    let text = text.trim().trim_end_matches(':').trim();
    let text = ["permissions", "subtab", "tab"]
        .iter()
        .find_map(|word| strip_suffix_word(text, word))
        .unwrap_or(text);
    let singular = text.strip_suffix(['s', 'S']).unwrap_or(text);
    Subtab::ALL.into_iter().find(|subtab| {
        let label = subtab.label();
        let label_singular = label.strip_suffix('s').unwrap_or(label);
        label.eq_ignore_ascii_case(text)
            || label_singular.eq_ignore_ascii_case(singular)
            || subtab.machine().eq_ignore_ascii_case(text)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_as_vendors_write_them() {
        for (text, level) in [
            ("Full", Some(Level::Full)),
            ("FULL", Some(Level::Full)),
            ("**Edit**", Some(Level::Edit)),
            ("view.", Some(Level::View)),
            ("4", Some(Level::Full)),
            ("Full Access", Some(Level::Full)),
            ("LEVEL_CREATE", Some(Level::Create)),
            ("None", Some(Level::None)),
            ("Read/Write", None),
            ("Fullaccess", None),
            ("", None),
        ] {
            assert_eq!(level_word(text), level, "{text:?}");
        }
    }

    #[test]
    fn subtabs_as_vendors_write_them() {
        for (text, subtab) in [
            ("Lists", Some(Subtab::Lists)),
            ("list", Some(Subtab::Lists)),
            ("Transactions:", Some(Subtab::Transactions)),
            ("Setup permissions", Some(Subtab::Setup)),
            ("Reports tab", Some(Subtab::Reports)),
            ("Custom Records", Some(Subtab::CustomRecord)),
            ("setupmach", Some(Subtab::Setup)),
            ("Customers", None),
        ] {
            assert_eq!(subtab_word(text), subtab, "{text:?}");
        }
    }

    #[test]
    fn custom_keys() {
        assert!(is_custom_key("customrecord_invoice_batch"));
        assert!(is_custom_key("CUSTOMRECORD_X1"));
        assert!(is_custom_key("customtransaction_fee"));
        assert!(is_custom_key("cseg_region"));
        assert!(!is_custom_key("customrecord"));
        assert!(!is_custom_key("customrecord_a b"));
        assert!(!is_custom_key("LIST_CUSTJOB"));
    }

    #[test]
    fn huge_text_is_refused_before_reading() {
        let text = "Customers | Full\n".repeat(MAX_TEXT_BYTES / 17 + 1);
        let preview = import(&text);
        assert_eq!(preview.problems, [Problem::TooLarge]);
        assert!(preview.entries.is_empty());
    }
}
