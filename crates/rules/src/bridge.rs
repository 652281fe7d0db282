//! The messages between the content script and the MAIN-world bridge (`extension/bridge.js`),
//! written and read through [`crate::wire::Value`].
//!
//! The bridge calls NetSuite's own sublist functions, which live in the page's world. Its replies
//! come from that world, where any script can send one, so each is read as untrusted input: only
//! the fields of the reply the request calls for, each checked, and a reply that does not fit the
//! request (another number of results, a result for another permission, an unknown result) is an
//! error rather than a partial success. The shapes are those `bridge.js` documents:
//!
//! - probe `{op, keyField}` → `{ok: true, functions: {name: bool}, offered: [ids] | null}`;
//! - prefill `{op, kind, machine, keyField, levelField, permkey, level}` → `{ok: true}`;
//! - fix `{op, ops: [line…]}` → `{ok, results: [{permkey, kind, result, alerts}]}`, one result per
//!   line;
//! - any of them → `{ok: false, error}` when the bridge refuses or a page function throws.

use crate::idmap::IdSet;

use crate::catalog::Subtab;
use crate::level::Level;
use crate::protocol::{MAX_ID_LEN, MAX_OFFERED, is_valid_id};
use crate::wire::{self, Kind, Problem, Value, WireError};

/// The page functions Pre-fill and Fix all need.
pub const NEEDED_FUNCTIONS: [&str; 6] = [
    "nlapiSelectNewLineItem",
    "nlapiSelectLineItem",
    "nlapiSetCurrentLineItemValue",
    "nlapiCommitLineItem",
    "nlapiGetLineItemCount",
    "nlapiGetLineItemValue",
];
/// Longest reply the content script parses, in UTF-16 code units (the probe's 5000 ids of at
/// most 80 characters fit).
pub const MAX_REPLY_CHARS: usize = 500_000;
/// Longest line result read, in bytes (`"refused"` is the longest there is).
const MAX_RESULT_BYTES: usize = 16;
/// Most alerts kept per line.
pub const MAX_ALERTS: usize = 5;
/// Longest alert or error read, in bytes (a longer one is left out): the bridge cuts them to
/// 300 UTF-16 units, which never take more.
pub const MAX_ALERT_BYTES: usize = 1200;

/// Whether a line is new or raises a held level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// A new line (`"add"`).
    Add,
    /// A higher level on a line the role has (`"raise"`).
    Raise,
}

impl LineKind {
    /// The name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            LineKind::Add => "add",
            LineKind::Raise => "raise",
        }
    }
}

/// One sublist line to write: which sublist, which fields, which permission at which level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// New or raised.
    pub kind: LineKind,
    /// The sublist.
    pub subtab: Subtab,
    /// The key field, from `<m>fields`.
    pub key_field: String,
    /// The level field, from `<m>fields`.
    pub level_field: String,
    /// Permission id.
    pub permkey: String,
    /// The level to write.
    pub level: Level,
}

impl Line {
    fn encode_into<V: Value>(&self, object: &mut V) {
        object.set("kind", V::text(self.kind.as_str()));
        object.set("machine", V::text(self.subtab.machine()));
        object.set("keyField", V::text(&self.key_field));
        object.set("levelField", V::text(&self.level_field));
        object.set("permkey", V::text(&self.permkey));
        // The level as its digit (`bridge.js` takes a string), without number formatting.
        let digit = match self.level {
            Level::None => "0",
            Level::View => "1",
            Level::Create => "2",
            Level::Edit => "3",
            Level::Full => "4",
        };
        object.set("level", V::text(digit));
    }
}

/// A request to the bridge (the transport adds its `id`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Request<'a> {
    /// Which page functions exist, and which ids the Setup picker (this key field) offers.
    Probe {
        /// The Setup sublist's key field.
        key_field: &'a str,
    },
    /// Put the line into its sublist's add row; the admin clicks Add.
    Prefill(&'a Line),
    /// Add and raise the lines, committing each like the admin would.
    Fix(&'a [Line]),
}

impl Request<'_> {
    /// Writes the request.
    pub fn encode<V: Value>(&self) -> V {
        let mut object = V::object();
        match self {
            Request::Probe { key_field } => {
                object.set("op", V::text("probe"));
                object.set("keyField", V::text(key_field));
            }
            Request::Prefill(line) => {
                object.set("op", V::text("prefill"));
                line.encode_into(&mut object);
            }
            Request::Fix(lines) => {
                object.set("op", V::text("fix"));
                let mut ops = V::list();
                for line in *lines {
                    let mut op = V::object();
                    line.encode_into(&mut op);
                    ops.push(op);
                }
                object.set("ops", ops);
            }
        }
        object
    }
}

/// What the bridge answered: what the request asked for, or its refusal (`ok: false`: it
/// refused the request or a page function threw), with its error when it sent one of at most
/// [`MAX_ALERT_BYTES`]. A reply that is neither is a [`WireError`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reply<T> {
    /// What the request asked for.
    Done(T),
    /// The bridge said no.
    Refused(Option<String>),
}

/// What the probe found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Probe {
    /// Page functions that Pre-fill and Fix all need and the page lacks.
    pub missing_functions: Vec<&'static str>,
    /// The ids the Setup permission picker offers, when it could be read (of its first
    /// [`MAX_OFFERED`] words, those that are valid ids).
    pub offered: Option<IdSet>,
}

/// How one Fix all line went, as the bridge saw it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The line is now there at the level (`"done"`).
    Done,
    /// The line was there at the level already (`"already"`).
    Already,
    /// NetSuite did not take it (`"failed"`).
    Failed,
    /// The bridge refused the line (`"refused"`).
    Refused,
}

impl Outcome {
    /// Every outcome.
    pub const ALL: [Outcome; 4] = [
        Outcome::Done,
        Outcome::Already,
        Outcome::Failed,
        Outcome::Refused,
    ];

    /// The name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Done => "done",
            Outcome::Already => "already",
            Outcome::Failed => "failed",
            Outcome::Refused => "refused",
        }
    }

    /// Whether the line is at its level now.
    pub fn is_success(self) -> bool {
        matches!(self, Outcome::Done | Outcome::Already)
    }
}

/// The result of one Fix all line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineResult {
    /// Permission id (the line's).
    pub permkey: String,
    /// How it went.
    pub outcome: Outcome,
    /// Messages NetSuite showed while committing the line (those of the first [`MAX_ALERTS`] that
    /// are strings of at most [`MAX_ALERT_BYTES`]).
    pub alerts: Vec<String>,
}

fn malformed<T>(field: &'static str, problem: Problem) -> Result<T, WireError> {
    Err(WireError { field, problem })
}

/// `None` when the reply says `ok: true`; the bridge's refusal, with its error, when it says
/// `ok: false`.
fn refusal<V: Value>(reply: &V) -> Result<Option<Option<String>>, WireError> {
    Ok((!wire::boolean(reply, "ok")?).then(|| {
        reply
            .get("error")
            .as_string()
            .filter(|error| error.len() <= MAX_ALERT_BYTES)
    }))
}

/// Reads the reply to [`Request::Probe`].
pub fn decode_probe<V: Value>(reply: &V) -> Result<Reply<Probe>, WireError> {
    if let Some(error) = refusal(reply)? {
        return Ok(Reply::Refused(error));
    }
    let functions = wire::object(reply, "functions")?;
    // A loop, not `filter().collect()`: the iterator adapters cost more code for six names.
    let mut missing_functions = Vec::new();
    for name in NEEDED_FUNCTIONS {
        if functions.get(name).as_bool() != Some(true) {
            missing_functions.push(name);
        }
    }
    let offered = match wire::maybe(reply, "offered") {
        None => None,
        Some(found) => {
            let Some(words) = found.words() else {
                return malformed("offered", Problem::NotA(Kind::List));
            };
            // Inserted one by one: collecting into a set would sort first, which costs more code.
            let mut offered = IdSet::new();
            for id in words.split_ascii_whitespace().take(MAX_OFFERED) {
                if is_valid_id(id) {
                    offered.insert(id.to_owned());
                }
            }
            Some(offered)
        }
    };
    Ok(Reply::Done(Probe {
        missing_functions,
        offered,
    }))
}

/// Reads the reply to [`Request::Prefill`].
pub fn decode_prefill<V: Value>(reply: &V) -> Result<Reply<()>, WireError> {
    Ok(match refusal(reply)? {
        None => Reply::Done(()),
        Some(error) => Reply::Refused(error),
    })
}

/// Reads the reply to [`Request::Fix`] of `lines`: one result per line, in order, each for its
/// line's permission. When there are results, `ok` is not read: they say how each line went.
pub fn decode_fix<V: Value>(
    reply: &V,
    lines: &[Line],
) -> Result<Reply<Vec<LineResult>>, WireError> {
    let found = reply.get("results");
    if found.is_null() {
        // No results: the bridge refused the whole request, or this is no reply to it.
        return match refusal(reply)? {
            Some(error) => Ok(Reply::Refused(error)),
            None => malformed("results", Problem::Missing),
        };
    }
    let (results, count) = wire::checked_list("results", found, usize::MAX)?;
    if count != lines.len() {
        return malformed("results", Problem::Count);
    }
    let mut out = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let result = results.item(index);
        let permkey = wire::text(&result, "permkey", MAX_ID_LEN)?;
        if permkey != line.permkey {
            return malformed("permkey", Problem::NotAsked);
        }
        let outcome = match wire::text(&result, "result", MAX_RESULT_BYTES)?.as_str() {
            "done" => Outcome::Done,
            "already" => Outcome::Already,
            "failed" => Outcome::Failed,
            "refused" => Outcome::Refused,
            _ => return malformed("result", Problem::Unknown),
        };
        // The alerts are NetSuite's words for display only: what is not one is left out.
        let found = result.get("alerts");
        let mut alerts = Vec::new();
        for index in 0..found.list_len().unwrap_or(0).min(MAX_ALERTS) {
            if let Some(alert) = found.item(index).as_string()
                && alert.len() <= MAX_ALERT_BYTES
            {
                alerts.push(alert);
            }
        }
        out.push(LineResult {
            permkey,
            outcome,
            alerts,
        });
    }
    Ok(Reply::Done(out))
}
