//! Reads a profile file TBA Doctor exported (`export::file`): JSON with `"format":
//! "tba-doctor-profile"` and `"version": 1`, the profile's id, name, summary, flags, requirements
//! (`anyOf` ids, `level`, `why`) and kept custom-record permissions. Each requirement and kept
//! permission becomes an entry on the line where it starts.

use super::{
    Entry, Given, LineError, LineIndex, MAX_ENTRIES, MAX_LINE_CHARS, Preview, Problem, Status, cut,
    is_custom_key, kept, level_word, matched,
};
use crate::catalog::{self, Permission};
use crate::json::{self, Json, Node};
use crate::level::Level;
use crate::profile::Flags;

/// The value of a profile file's `format` member.
pub const FORMAT: &str = "tba-doctor-profile";
/// The version of the profile file this code writes and reads.
pub const VERSION: u32 = 1;
/// The most permissions one requirement names.
const MAX_ANY_OF: usize = 10;

/// The flags, by their name in the file.
pub(crate) fn flag_fields(flags: &mut Flags) -> [(&'static str, &mut bool); 8] {
    [
        (
            "forbidsWebServicesOnly",
            &mut flags.forbids_web_services_only,
        ),
        ("warnsTokenAdminLimits", &mut flags.warns_token_admin_limits),
        (
            "warnsConnectNotForAdministrator",
            &mut flags.warns_connect_not_for_administrator,
        ),
        ("refusesTwoFactor", &mut flags.refuses_two_factor),
        ("refusesAdministrator", &mut flags.refuses_administrator),
        ("notesM2mMapping", &mut flags.notes_m2m_mapping),
        ("notesSuiteScript", &mut flags.notes_suitescript),
        ("tba", &mut flags.tba),
    ]
}

pub(super) fn read(text: &str, preview: &mut Preview) {
    let root = match json::parse(text) {
        Ok(root) => root,
        Err(error) => {
            preview.problems.push(Problem::NotJson {
                line: LineIndex::new(text).line(error.at),
            });
            return;
        }
    };
    if root.get("format").and_then(Node::as_str) != Some(FORMAT) {
        preview.problems.push(Problem::NotAProfileFile);
        return;
    }
    match root.get("version").map(|node| &node.value) {
        Some(Json::Number(version)) if *version == f64::from(VERSION) => {}
        other => {
            let version = match other {
                Some(Json::Number(number)) => number.to_string(),
                Some(Json::Text(text)) => cut(text, 20),
                _ => String::from("?"),
            };
            preview.problems.push(Problem::UnknownVersion { version });
            return;
        }
    }
    let text_of = |name: &str| root.get(name).and_then(Node::as_str).map(str::to_owned);
    preview.id = text_of("id").map(|id| cut(&id, 100));
    preview.name = text_of("name").map(|name| cut(&name, 200));
    preview.summary = text_of("summary").map(|summary| cut(&summary, 400));
    if let Some(stored) = root.get("flags") {
        for (name, flag) in flag_fields(&mut preview.flags) {
            *flag = stored.get(name).and_then(Node::as_bool).unwrap_or(false);
        }
    }
    let items = |name: &str| root.get(name).and_then(Node::as_list).unwrap_or_default();
    let requirements = items("requirements").iter().map(|item| (item, false));
    let kept = items("kept").iter().map(|item| (item, true));
    let lines = LineIndex::new(text);
    for (item, is_kept) in requirements.chain(kept) {
        let line = lines.line(item.at);
        if preview.entries.len() >= MAX_ENTRIES {
            preview.problems.push(Problem::TooManyEntries { line });
            return;
        }
        let status = if is_kept {
            kept_status(item)
        } else {
            requirement_status(item)
        };
        preview.entries.push(Entry {
            line,
            text: cut(&shown(item), MAX_LINE_CHARS),
            status,
        });
    }
}

/// The item as one short line for the preview: its ids (or key) and level.
fn shown(item: &Node) -> String {
    let mut words: Vec<&str> = Vec::new();
    for id in item
        .get("anyOf")
        .and_then(Node::as_list)
        .unwrap_or_default()
    {
        words.extend(id.as_str());
    }
    words.extend(item.get("permkey").and_then(Node::as_str));
    words.extend(item.get("level").and_then(Node::as_str));
    words.join(" ")
}

fn level_of(item: &Node) -> Result<Level, Status> {
    let Some(given) = item.get("level").and_then(Node::as_str) else {
        return Err(Status::Error(LineError::Unreadable));
    };
    level_word(given).ok_or_else(|| {
        Status::Error(LineError::UnknownLevel {
            level: cut(given, 40),
        })
    })
}

fn requirement_status(item: &Node) -> Status {
    let Some(ids) = item.get("anyOf").and_then(Node::as_list) else {
        return Status::Error(LineError::Unreadable);
    };
    if ids.is_empty() || ids.len() > MAX_ANY_OF {
        return Status::Error(LineError::Unreadable);
    }
    let level = match level_of(item) {
        Ok(level) => level,
        Err(status) => return status,
    };
    let mut found: Vec<&'static Permission> = Vec::new();
    for id in ids {
        let Some(id) = id.as_str() else {
            return Status::Error(LineError::Unreadable);
        };
        match catalog::by_id(id) {
            Some(permission) => found.push(permission),
            None => {
                return Status::Unknown {
                    name: cut(id, super::MAX_KEY_CHARS),
                    suggestions: Vec::new(),
                    custom_record: false,
                    level: None,
                };
            }
        }
    }
    let why = item
        .get("why")
        .and_then(Node::as_str)
        .filter(|why| !why.trim().is_empty())
        .map(|why| cut(why, crate::profile::MAX_WHY_CHARS + 1));
    matched(&found, Given::Level(level), why)
}

fn kept_status(item: &Node) -> Status {
    let Some(key) = item.get("permkey").and_then(Node::as_str) else {
        return Status::Error(LineError::Unreadable);
    };
    if !is_custom_key(key) {
        return Status::Unknown {
            name: cut(key, super::MAX_KEY_CHARS),
            suggestions: Vec::new(),
            custom_record: false,
            level: None,
        };
    }
    match level_of(item) {
        Ok(level) => kept(key, Given::Level(level)),
        Err(status) => status,
    }
}
