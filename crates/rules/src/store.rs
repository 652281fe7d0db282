//! Custom profiles in `storage.sync`: each profile is its profile file ([`crate::export::file`])
//! cut into parts that fit the per-item quota, under the keys `profile:<id>#<n>`.
//!
//! Saving is planned here against the quotas (`storage.sync`: 8,192 bytes an item, counting the
//! key and the value's JSON; 102,400 in all; 512 items): a save that would not fit is refused with
//! nothing written, and a save that fits writes every part in one `set` before it removes the
//! parts a longer earlier version left. Reading puts the parts back together, checks that they
//! belong to one save (their count and a checksum of the whole text), and reads and validates the
//! profile; an entry that cannot be read is reported with its text, for export, never dropped and
//! never in the way of the others.

use std::collections::BTreeMap;

use crate::import::{self, Format, Kept};
use crate::json::{self, Json, Node};
use crate::message::{Arg, Id, Message, Text};
use crate::profile::{Profile, ProfileDraft, ProfileError};
use crate::settings;
use crate::wire;

/// `storage.sync`'s quota in all, in bytes (Chrome's `QUOTA_BYTES`; Firefox's is the same).
pub const QUOTA_BYTES: usize = 102_400;
/// `storage.sync`'s quota of one item: the key's length and its value's JSON.
pub const QUOTA_BYTES_PER_ITEM: usize = 8_192;
/// `storage.sync`'s most items.
pub const MAX_ITEMS: usize = 512;
/// What the keys of the profiles' parts start with.
pub const KEY_PREFIX: &str = "profile:";
/// The `format` of a part.
const PART_FORMAT: &str = "tba-doctor-part";
/// Bytes of an item left unused, for the browser's own way of counting.
const MARGIN: usize = 192;
/// The most parts of one profile read (a profile file is bounded by the importer's limit).
const MAX_PARTS: usize = import::MAX_TEXT_BYTES / 1024;

/// A storage key of a part: `profile:<id>#<n>`.
fn part_key(id: &str, index: usize) -> String {
    format!("{KEY_PREFIX}{id}#{index}")
}

/// The id and part number of a part's key.
fn parse_key(key: &str) -> Option<(&str, usize)> {
    let rest = key.strip_prefix(KEY_PREFIX)?;
    let (id, index) = rest.rsplit_once('#')?;
    let index = index.parse().ok()?;
    Some((id, index))
}

/// FNV-1a of the text, as 16 hex digits: tells a whole profile's parts from parts of two saves.
fn checksum(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// The length of `value` as `JSON.stringify` writes it, in UTF-8 bytes.
pub fn json_bytes(value: &settings::Value) -> usize {
    fn node(value: &settings::Value) -> Node {
        Node::new(match value {
            settings::Value::Null => Json::Null,
            settings::Value::Bool(value) => Json::Bool(*value),
            settings::Value::Number(number) => Json::Number(*number),
            settings::Value::Text(text) => Json::Text(text.clone()),
            settings::Value::List(items) => Json::List(items.iter().map(node).collect()),
            settings::Value::Object(members) => Json::Object(
                members
                    .iter()
                    .map(|(name, member)| (name.clone(), node(member)))
                    .collect(),
            ),
        })
    }
    json::write_compact(&node(value)).len()
}

/// What a save writes: `set` in one `storage.sync.set`, then `remove`.
#[derive(Clone, Debug, PartialEq)]
pub struct Save {
    /// The items to set (key, value).
    pub set: Vec<(String, settings::Value)>,
    /// The keys to remove afterwards: parts a longer earlier save left.
    pub remove: Vec<String>,
}

/// Why a save was refused (nothing was written).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The profile would not fit in what `storage.sync` has left.
    Quota {
        /// Bytes the save needs, beyond what it frees.
        needed: usize,
        /// Bytes free.
        free: usize,
    },
    /// More items than `storage.sync` holds.
    TooManyItems,
}

impl SaveError {
    /// The refusal in words.
    pub fn message(&self) -> Message {
        match self {
            SaveError::Quota { needed, free } => Message::with(
                Id::StoreQuota,
                vec![Arg::Count(needed.div_ceil(1024)), Arg::Count(free / 1024)],
            ),
            SaveError::TooManyItems => {
                Message::with(Id::StoreTooManyItems, vec![Arg::Count(MAX_ITEMS)])
            }
        }
    }
}

/// One part's value.
fn part_value(index: usize, of: usize, sum: &str, text: &str) -> settings::Value {
    // A part count is small: the casts cannot lose anything.
    let count = |n: usize| settings::Value::Number(n as f64);
    settings::Value::Object(vec![
        (
            "format".to_owned(),
            settings::Value::Text(PART_FORMAT.to_owned()),
        ),
        ("part".to_owned(), count(index)),
        ("of".to_owned(), count(of)),
        ("sum".to_owned(), settings::Value::Text(sum.to_owned())),
        ("text".to_owned(), settings::Value::Text(text.to_owned())),
    ])
}

/// `text` cut into pieces whose JSON strings are at most `room` bytes, at character boundaries.
fn pieces(text: &str, room: usize) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut used = 2;
    let mut escaped = String::new();
    for (at, character) in text.char_indices() {
        escaped.clear();
        json::write_string(&character.to_string(), &mut escaped);
        let cost = escaped.len() - 2;
        if used + cost > room && at > start {
            pieces.push(text.get(start..at).unwrap_or_default());
            start = at;
            used = 2;
        }
        used += cost;
    }
    pieces.push(text.get(start..).unwrap_or_default());
    pieces
}

/// Plans saving the profile file `text` of the profile `id`, given every item stored now (key
/// and its size, [`item_size`]).
pub fn plan_save(id: &str, text: &str, stored: &[(String, usize)]) -> Result<Save, SaveError> {
    let sum = checksum(text);
    // The fixed part of a part's item: its key (the longest index) and every field but the text.
    let overhead =
        part_key(id, MAX_PARTS).len() + json_bytes(&part_value(MAX_PARTS, MAX_PARTS, &sum, ""));
    let room = QUOTA_BYTES_PER_ITEM - MARGIN - overhead;
    let pieces = pieces(text, room);
    let of = pieces.len();
    let set: Vec<(String, settings::Value)> = pieces
        .iter()
        .enumerate()
        .map(|(index, piece)| (part_key(id, index), part_value(index, of, &sum, piece)))
        .collect();
    let own = |key: &str| parse_key(key).is_some_and(|(owner, _)| owner == id);
    let remove: Vec<String> = stored
        .iter()
        .filter(|(key, _)| parse_key(key).is_some_and(|(owner, index)| owner == id && index >= of))
        .map(|(key, _)| key.clone())
        .collect();
    let others: usize = stored
        .iter()
        .filter(|(key, _)| !own(key))
        .map(|(_, size)| size)
        .sum();
    let needed: usize = set.iter().map(|(key, value)| item_size(key, value)).sum();
    let free = QUOTA_BYTES.saturating_sub(others);
    if needed > free {
        return Err(SaveError::Quota { needed, free });
    }
    let items = stored.iter().filter(|(key, _)| !own(key)).count() + set.len();
    if items > MAX_ITEMS {
        return Err(SaveError::TooManyItems);
    }
    Ok(Save { set, remove })
}

/// The size `storage.sync` counts for an item: its key and its value's JSON.
pub fn item_size(key: &str, value: &settings::Value) -> usize {
    key.len() + json_bytes(value)
}

/// The keys to remove to delete the profile `id`: all its parts.
pub fn plan_delete(id: &str, keys: &[String]) -> Vec<String> {
    keys.iter()
        .filter(|key| parse_key(key).is_some_and(|(owner, _)| owner == id))
        .cloned()
        .collect()
}

/// A saved custom profile, or what could not be read of one.
#[derive(Clone, Debug, PartialEq)]
pub enum Saved {
    /// A profile that reads and validates.
    Profile {
        /// The profile.
        profile: Profile,
        /// Its custom record (and such) permissions.
        kept: Vec<Kept>,
    },
    /// An entry that cannot be used, kept as it is.
    Corrupt {
        /// The id its keys name.
        id: String,
        /// Why.
        problem: Corrupt,
        /// Its text as stored, when its parts are all there (for export).
        text: Option<String>,
    },
}

/// Why a stored profile cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Corrupt {
    /// A part is missing or not in the form TBA Doctor writes.
    MissingParts,
    /// The parts come from different saves (an interrupted save, or two browsers at once).
    Mixed,
    /// The text is not a profile file this version reads.
    Unreadable(import::Problem),
    /// An entry of the file names what this version does not know.
    UnknownEntries {
        /// How many.
        count: usize,
    },
    /// The profile does not pass validation.
    Invalid(Vec<ProfileError>),
    /// The file's id is not the id its keys name.
    WrongId,
}

impl Corrupt {
    /// Why, in words.
    pub fn message(&self) -> Message {
        match self {
            Corrupt::MissingParts => Message::plain(Id::StoreCorruptMissing),
            Corrupt::Mixed => Message::plain(Id::StoreCorruptMixed),
            Corrupt::Unreadable(problem) => Message::with(
                Id::StoreCorruptUnreadable,
                vec![Arg::message(problem.message())],
            ),
            Corrupt::UnknownEntries { count } => {
                Message::with(Id::StoreCorruptEntries, vec![Arg::Count(*count)])
            }
            Corrupt::Invalid(errors) => Message::with(
                Id::StoreCorruptInvalid,
                vec![Arg::Messages(
                    errors.iter().map(ProfileError::message).collect(),
                )],
            ),
            Corrupt::WrongId => Message::plain(Id::StoreCorruptWrongId),
        }
    }
}

/// One part as read.
struct Part {
    of: usize,
    sum: String,
    text: String,
}

fn read_part<V: wire::Value>(value: &V) -> Option<Part> {
    if value.get("format").as_string().as_deref() != Some(PART_FORMAT) {
        return None;
    }
    let count = |field: &str| {
        let number = value.get(field).as_f64()?;
        (number.fract() == 0.0 && (0.0..=MAX_PARTS as f64).contains(&number))
            .then_some(number as usize)
    };
    let of = count("of").filter(|of| *of >= 1)?;
    let sum = value.get("sum");
    let text = value.get("text");
    (sum.text_units()? <= 16 && text.text_units()? <= QUOTA_BYTES_PER_ITEM).then_some(())?;
    let _ = count("part")?;
    Some(Part {
        of,
        sum: sum.as_string()?,
        text: text.as_string()?,
    })
}

/// Reads every custom profile from `items` (the keys and values of what `storage.sync` holds;
/// keys that are no profile part are ignored), in the order of their ids.
pub fn read<V: wire::Value>(items: &[(String, V)]) -> Vec<Saved> {
    let mut by_id: BTreeMap<&str, BTreeMap<usize, &V>> = BTreeMap::new();
    for (key, value) in items {
        if let Some((id, index)) = parse_key(key).filter(|(_, index)| *index < MAX_PARTS) {
            by_id.entry(id).or_default().insert(index, value);
        }
    }
    by_id
        .into_iter()
        .map(|(id, parts)| read_one(id, &parts))
        .collect()
}

fn read_one<V: wire::Value>(id: &str, parts: &BTreeMap<usize, &V>) -> Saved {
    let corrupt = |problem: Corrupt, text: Option<String>| Saved::Corrupt {
        id: id.chars().take(100).collect(),
        problem,
        text,
    };
    let read: Vec<Option<Part>> = parts.values().map(|value| read_part(*value)).collect();
    let Some(Some(first)) = read.first() else {
        return corrupt(Corrupt::MissingParts, None);
    };
    let (of, sum) = (first.of, first.sum.clone());
    let whole = read.len() >= of
        && (0..of).all(|index| parts.contains_key(&index))
        && read.iter().all(Option::is_some);
    if !whole {
        return corrupt(Corrupt::MissingParts, None);
    }
    let mut text = String::new();
    let mut mixed = false;
    for part in read.iter().flatten().take(of) {
        mixed |= part.of != of || part.sum != sum;
        text.push_str(&part.text);
    }
    if mixed || checksum(&text) != sum {
        return corrupt(Corrupt::Mixed, Some(text));
    }
    let preview = import::import_as(Format::File, &text);
    if let Some(problem) = preview.problems.first() {
        return corrupt(Corrupt::Unreadable(problem.clone()), Some(text));
    }
    let unknown = preview
        .entries
        .iter()
        .filter(|entry| entry.status.code() != "matched")
        .count();
    if unknown > 0 {
        return corrupt(Corrupt::UnknownEntries { count: unknown }, Some(text));
    }
    if preview.id.as_deref() != Some(id) {
        return corrupt(Corrupt::WrongId, Some(text));
    }
    let imported = preview.imported();
    let draft = ProfileDraft {
        id: id.to_owned(),
        name: Text::Plain(preview.name.clone().unwrap_or_default()),
        summary: Text::Plain(preview.summary.clone().unwrap_or_default()),
        requirements: imported.requirements,
        flags: preview.flags,
    };
    match Profile::validate(draft) {
        Ok(profile) => Saved::Profile {
            profile,
            kept: imported.kept,
        },
        Err(errors) => corrupt(Corrupt::Invalid(errors), Some(text)),
    }
}
