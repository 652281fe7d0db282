//! One way to write and read the extension's messages: [`Value`] is a JSON-like value, and the
//! messages of [`crate::protocol`] (popup ↔ content script) and [`crate::bridge`] (content script
//! ↔ MAIN-world bridge) are written and read through it, by one implementation each.
//!
//! The adapters implement `Value` over JavaScript values (`js_sys::Reflect`, in
//! `crates/content/src/wire.rs`, which the popup includes too), native tests over an in-memory
//! value. Reading is driven by the message's shape, never by the value's: each field is looked up
//! by name and checked for its type and its bounds, so a value that is too large, too deep, cyclic
//! or of the wrong kind is a [`WireError`], never a panic and never more work than the shape asks.
//! A missing field and `null` both stand for `None`, as in serde's JSON form.

/// A JSON-like value: what `JSON.parse` makes and what `runtime.sendMessage` copies.
///
/// Writing builds a value from its parts; reading asks for one part at a time and answers `None`
/// (or null) for anything of another kind, so an implementation never fails.
pub trait Value: Sized {
    /// `null`.
    fn null() -> Self;
    /// A boolean.
    fn boolean(value: bool) -> Self;
    /// A number.
    fn number(value: f64) -> Self;
    /// A string.
    fn text(value: &str) -> Self;
    /// An empty list.
    fn list() -> Self;
    /// Appends `item`, when this is a list.
    fn push(&mut self, item: Self);
    /// An empty object.
    fn object() -> Self;
    /// Sets `field` to `value`, when this is an object.
    fn set(&mut self, field: &str, value: Self);

    /// The value of `field`; null (or undefined) when this is not an object or has no such field.
    fn get(&self, field: &str) -> Self;
    /// Whether this is null or undefined (a missing field).
    fn is_null(&self) -> bool;
    /// Whether this is an object (a list may count as one).
    fn is_object(&self) -> bool;
    /// This boolean.
    fn as_bool(&self) -> Option<bool>;
    /// This number.
    fn as_f64(&self) -> Option<f64>;
    /// This string.
    fn as_string(&self) -> Option<String>;
    /// This string's length in UTF-16 code units, without copying it: a lower bound of its
    /// length in UTF-8 bytes, so that a string too long is refused before [`Value::as_string`]
    /// copies it.
    fn text_units(&self) -> Option<usize>;
    /// This list's length.
    fn list_len(&self) -> Option<usize>;
    /// Item `index` of this list; null when there is none.
    fn item(&self, index: usize) -> Self;

    /// The items of this list joined by single spaces, for lists of ids (an id holds no space):
    /// one string to copy instead of one per item. An item that is not a string may be written
    /// in any form, so the caller checks every word it splits off.
    fn words(&self) -> Option<String> {
        let count = self.list_len()?;
        let mut words = String::new();
        for index in 0..count {
            if index > 0 {
                words.push(' ');
            }
            if let Some(word) = self.item(index).as_string() {
                words.push_str(&word);
            }
        }
        Some(words)
    }
}

/// Why a value is not the message it should be.
///
/// It names the field and the problem but quotes nothing of the value: an error costs no copy,
/// which keeps the readers small in the content script, which only tells refused from read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WireError {
    /// The field, e.g. `"grants"` (a value that is no object at all misses its first field).
    pub field: &'static str,
    /// What is wrong with it.
    pub problem: Problem,
}

/// What is wrong with a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// It is missing or null, and it is required.
    Missing,
    /// It holds a value of another kind.
    NotA(Kind),
    /// A tag or a name of a closed set that this version does not know.
    Unknown,
    /// A number that is not a whole number in its range (a level 0–4, a role id that fits `u32`).
    OutOfRange,
    /// A string longer than allowed (bounds are in bytes of UTF-8).
    TooLong,
    /// A list longer than allowed.
    TooMany,
    /// A list of another length than the request calls for.
    Count,
    /// A permission id that does not match `^[A-Za-z0-9_]{1,80}$`.
    InvalidId,
    /// A permission id that is there twice.
    Duplicate,
    /// A value other than the one the request asked about.
    NotAsked,
}

/// The kinds of value a field can be required to hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A string.
    Text,
    /// A boolean.
    Boolean,
    /// A number.
    Number,
    /// A list.
    List,
    /// An object.
    Object,
}

impl Kind {
    fn noun(self) -> &'static str {
        match self {
            Kind::Text => "a string",
            Kind::Boolean => "a boolean",
            Kind::Number => "a number",
            Kind::List => "a list",
            Kind::Object => "an object",
        }
    }
}

impl WireError {
    /// A short lower-case description, without a trailing period (developer-facing: the popup
    /// shows it as the details of an invalid answer).
    pub fn message(&self) -> String {
        let field = self.field;
        match &self.problem {
            Problem::Missing => format!("{field} is missing"),
            Problem::NotA(kind) => format!("{field} is not {}", kind.noun()),
            Problem::Unknown => format!("unknown {field}"),
            Problem::OutOfRange => format!("{field} is not a whole number in range"),
            Problem::TooLong => format!("{field} is too long"),
            Problem::TooMany => format!("{field} has too many items"),
            Problem::Count => format!("{field} has another number of items than asked for"),
            Problem::InvalidId => format!("{field} holds an invalid permission id"),
            Problem::Duplicate => format!("{field} holds a permission twice"),
            Problem::NotAsked => format!("{field} is not the one asked for"),
        }
    }
}

impl std::fmt::Display for WireError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(&self.message())
    }
}

impl std::error::Error for WireError {}

/// Longest tag or name of a closed set read, in bytes; longer is an error before any match.
const MAX_TAG_BYTES: usize = 100;

pub(crate) fn error<T>(field: &'static str, problem: Problem) -> Result<T, WireError> {
    Err(WireError { field, problem })
}

// Writing.

/// A string, or null for `None`.
pub(crate) fn maybe_text<V: Value>(text: Option<&str>) -> V {
    text.map_or_else(V::null, V::text)
}

/// A boolean, or null for `None`.
pub(crate) fn maybe_boolean<V: Value>(value: Option<bool>) -> V {
    value.map_or_else(V::null, V::boolean)
}

/// A list of strings.
pub(crate) fn texts<'a, V: Value>(items: impl IntoIterator<Item = &'a String>) -> V {
    let mut list = V::list();
    for item in items {
        list.push(V::text(item));
    }
    list
}

// Reading: each takes the object and the field's name.

/// `field`, which must be an object.
pub(crate) fn object<V: Value>(value: &V, field: &'static str) -> Result<V, WireError> {
    let object = value.get(field);
    if object.is_null() {
        error(field, Problem::Missing)
    } else if object.is_object() {
        Ok(object)
    } else {
        error(field, Problem::NotA(Kind::Object))
    }
}

/// `field`, unless it is missing or null.
pub(crate) fn maybe<V: Value>(value: &V, field: &str) -> Option<V> {
    Some(value.get(field)).filter(|found| !found.is_null())
}

/// `Missing` for null or undefined, else "not a `kind`".
fn missing_or(found: &impl Value, kind: Kind) -> Problem {
    if found.is_null() {
        Problem::Missing
    } else {
        Problem::NotA(kind)
    }
}

/// `found`, a string of at most `max` bytes.
pub(crate) fn checked_text(
    field: &'static str,
    found: &impl Value,
    max: usize,
) -> Result<String, WireError> {
    // A UTF-16 unit takes at least one byte of UTF-8: more units than `max` bytes is too long.
    if found.text_units().is_some_and(|units| units > max) {
        return error(field, Problem::TooLong);
    }
    match found.as_string() {
        None => error(field, missing_or(found, Kind::Text)),
        Some(text) if text.len() > max => error(field, Problem::TooLong),
        Some(text) => Ok(text),
    }
}

/// `field`, a string of at most `max` bytes.
pub(crate) fn text<V: Value>(
    value: &V,
    field: &'static str,
    max: usize,
) -> Result<String, WireError> {
    checked_text(field, &value.get(field), max)
}

/// `field`, a string of at most `max` bytes, or `None`.
pub(crate) fn optional_text<V: Value>(
    value: &V,
    field: &'static str,
    max: usize,
) -> Result<Option<String>, WireError> {
    maybe(value, field)
        .map(|found| checked_text(field, &found, max))
        .transpose()
}

fn checked_boolean(field: &'static str, found: &impl Value) -> Result<bool, WireError> {
    found
        .as_bool()
        .map_or_else(|| error(field, missing_or(found, Kind::Boolean)), Ok)
}

/// `field`, a boolean.
pub(crate) fn boolean<V: Value>(value: &V, field: &'static str) -> Result<bool, WireError> {
    checked_boolean(field, &value.get(field))
}

/// `field`, a boolean, or `None`.
pub(crate) fn optional_boolean<V: Value>(
    value: &V,
    field: &'static str,
) -> Result<Option<bool>, WireError> {
    maybe(value, field)
        .map(|found| checked_boolean(field, &found))
        .transpose()
}

fn checked_whole(field: &'static str, found: &impl Value, max: u32) -> Result<u32, WireError> {
    let Some(number) = found.as_f64() else {
        return error(field, missing_or(found, Kind::Number));
    };
    if number.fract() == 0.0 && (0.0..=f64::from(max)).contains(&number) {
        Ok(number as u32)
    } else {
        error(field, Problem::OutOfRange)
    }
}

/// `field`, a whole number from 0 to `max`.
pub(crate) fn whole<V: Value>(value: &V, field: &'static str, max: u32) -> Result<u32, WireError> {
    checked_whole(field, &value.get(field), max)
}

/// `field`, a whole number from 0 to `max`, or `None`.
pub(crate) fn optional_whole<V: Value>(
    value: &V,
    field: &'static str,
    max: u32,
) -> Result<Option<u32>, WireError> {
    maybe(value, field)
        .map(|found| checked_whole(field, &found, max))
        .transpose()
}

/// `found` as a list of at most `max` items, with its length; its items are not read.
pub(crate) fn checked_list<V: Value>(
    field: &'static str,
    found: V,
    max: usize,
) -> Result<(V, usize), WireError> {
    match found.list_len() {
        None => error(field, missing_or(&found, Kind::List)),
        Some(count) if count > max => error(field, Problem::TooMany),
        Some(count) => Ok((found, count)),
    }
}

/// `field`, a list of at most `max` items, with its length; its items are not read.
pub(crate) fn list<V: Value>(
    value: &V,
    field: &'static str,
    max: usize,
) -> Result<(V, usize), WireError> {
    checked_list(field, value.get(field), max)
}

/// The strings of a list of at most `max_items`, each of at most `max_bytes` bytes.
pub(crate) fn checked_texts<V: Value>(
    field: &'static str,
    found: V,
    max_items: usize,
    max_bytes: usize,
) -> Result<Vec<String>, WireError> {
    let (items, count) = checked_list(field, found, max_items)?;
    (0..count)
        .map(|index| checked_text(field, &items.item(index), max_bytes))
        .collect()
}

/// `field`, a list of at most `max_items` strings of at most `max_bytes` bytes.
pub(crate) fn text_list<V: Value>(
    value: &V,
    field: &'static str,
    max_items: usize,
    max_bytes: usize,
) -> Result<Vec<String>, WireError> {
    checked_texts(field, value.get(field), max_items, max_bytes)
}

/// `field`, a string naming one of `all` by `name`; an unknown name is an error.
pub(crate) fn one_of<V: Value, T: Copy>(
    value: &V,
    field: &'static str,
    all: &[T],
    name: impl Fn(T) -> &'static str,
) -> Result<T, WireError> {
    let found = text(value, field, MAX_TAG_BYTES)?;
    all.iter()
        .copied()
        .find(|item| name(*item) == found)
        .map_or_else(|| error(field, Problem::Unknown), Ok)
}
