//! The settings: one versioned object in `storage.sync`, read and written here, so that the
//! adapters (the popup writes, the popup and the content script read) only carry values between
//! storage and these functions and decide nothing about the format.
//!
//! The stored form is `{"settings": {"version": 1, "profile": "<profile id>"}}` (custom profiles
//! come next, in a later version). Versions of TBA Doctor before it stored the bare profile id
//! under `"profile"`; [`read`] still reads that key when there is no `"settings"`, and [`write`]
//! removes it once the user chooses a profile again. A stored value that cannot be read (wrong
//! type, unknown version, unknown profile id) gives the default profile and a [`Note`] to show,
//! and the stored value stays as it is: nothing is written until the user chooses.

use crate::message::{Arg, Id, Message};
use crate::profile::{self, Profile, ProfileId};

/// The `storage.sync` key of the settings.
pub const KEY: &str = "settings";
/// The key under which earlier versions stored the bare profile id.
pub const LEGACY_PROFILE_KEY: &str = "profile";
/// The version of the stored format this code reads and writes.
pub const VERSION: u32 = 1;

const VERSION_FIELD: &str = "version";
const PROFILE_FIELD: &str = "profile";

/// The longest stored profile id read, in UTF-16 code units: any longer is no profile id (those
/// have at most [`profile::MAX_ID_CHARS`]) and is unreadable without being copied.
const MAX_STORED_ID_UNITS: usize = 1000;

/// The longest stored id quoted in a [`Note`].
const MAX_QUOTED_ID_BYTES: usize = 40;

/// Read access to a value as storage hands it over (JSON-like data), so that an adapter reads
/// only the members the settings ask for: implemented over `JsValue` in the adapters and by
/// [`Value`] here.
pub trait Stored: Sized {
    /// The member `name` of an object; `None` when it has no such member or is not an object.
    /// A member whose value is `null` is there (`Some`).
    fn member(&self, name: &str) -> Option<Self>;
    /// The value, when it is a string of at most `max_units` UTF-16 code units: the length is
    /// checked before the string is copied, so a huge stored value costs no copy.
    fn text(&self, max_units: usize) -> Option<String>;
    /// The value, when it is a number.
    fn number(&self) -> Option<f64>;
}

/// A JSON-like value: what [`write`] hands to storage, and stored values in native tests.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    Text(String),
    /// An array.
    List(Vec<Value>),
    /// An object, its members in order.
    Object(Vec<(String, Value)>),
}

impl Stored for Value {
    fn member(&self, name: &str) -> Option<Value> {
        match self {
            Value::Object(members) => members
                .iter()
                .find(|(key, _)| key == name)
                .map(|(_, value)| value.clone()),
            _ => None,
        }
    }

    fn text(&self, max_units: usize) -> Option<String> {
        match self {
            Value::Text(text) if text.encode_utf16().count() <= max_units => Some(text.clone()),
            _ => None,
        }
    }

    fn number(&self) -> Option<f64> {
        match self {
            Value::Number(number) => Some(*number),
            _ => None,
        }
    }
}

/// The user's settings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    /// The chosen profile.
    pub profile: ProfileId,
}

impl Settings {
    /// The chosen profile (the default one if its id is not a profile this version has).
    pub fn chosen(&self) -> &'static Profile {
        profile::builtin(self.profile).unwrap_or_else(profile::default_profile)
    }
}

/// Why the stored settings could not be read; the default profile applies meanwhile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    /// The stored value is not settings in a form this version knows (wrong type, a member
    /// missing or of the wrong type).
    Unreadable,
    /// The settings carry a format version this code does not know (a newer TBA Doctor, on
    /// another computer of the same browser profile, may have saved them).
    UnknownVersion,
    /// The stored profile id is not a profile this version knows.
    UnknownProfile {
        /// The id as stored (cut to at most 40 bytes).
        id: String,
    },
}

impl Note {
    /// A stable code, e.g. `"unknown-version"`.
    pub fn code(&self) -> &'static str {
        match self {
            Note::Unreadable => "unreadable",
            Note::UnknownVersion => "unknown-version",
            Note::UnknownProfile { .. } => "unknown-profile",
        }
    }

    /// The note for the person: what could not be read and which profile applies.
    pub fn message(&self) -> Message {
        let default_name = Arg::message(profile::default_profile().name.message());
        match self {
            Note::Unreadable => Message::with(Id::SettingsNoteUnreadable, vec![default_name]),
            Note::UnknownVersion => Message::with(Id::SettingsNoteVersion, vec![default_name]),
            Note::UnknownProfile { id } => Message::with(
                Id::SettingsNoteProfile,
                vec![Arg::Text(id.clone()), default_name],
            ),
        }
    }
}

/// Reads the settings from `stored`, the answer of `storage.sync.get(null)` (everything the
/// extension stored): `"settings"` when it is there, else the bare `"profile"` of earlier
/// versions, else the defaults. When what is stored cannot be read, the defaults and a note.
pub fn read(stored: &impl Stored) -> (Settings, Option<Note>) {
    match read_stored(stored) {
        Ok(settings) => (settings, None),
        Err(note) => (Settings::default(), Some(note)),
    }
}

fn read_stored(stored: &impl Stored) -> Result<Settings, Note> {
    let id = match stored.member(KEY) {
        Some(settings) => {
            match settings.member(VERSION_FIELD).and_then(|v| v.number()) {
                Some(version) if version == f64::from(VERSION) => {}
                Some(_) => return Err(Note::UnknownVersion),
                None => return Err(Note::Unreadable),
            }
            settings.member(PROFILE_FIELD)
        }
        None => match stored.member(LEGACY_PROFILE_KEY) {
            None => return Ok(Settings::default()),
            legacy => legacy,
        },
    };
    let id = id
        .and_then(|id| id.text(MAX_STORED_ID_UNITS))
        .ok_or(Note::Unreadable)?;
    settings_with(&id)
}

fn settings_with(id: &str) -> Result<Settings, Note> {
    match ProfileId::parse(id) {
        Some(profile) => Ok(Settings { profile }),
        None => {
            let mut end = id.len().min(MAX_QUOTED_ID_BYTES);
            while !id.is_char_boundary(end) {
                end -= 1;
            }
            Err(Note::UnknownProfile {
                id: id.get(..end).unwrap_or_default().to_owned(),
            })
        }
    }
}

/// What to change in `storage.sync` to store `settings`.
#[derive(Clone, Debug, PartialEq)]
pub struct Write {
    /// The items to set (an object: key → value), for `storage.sync.set`.
    pub set: Value,
    /// Then the keys to remove, for `storage.sync.remove`: the earlier versions' bare profile
    /// key, which the settings replace.
    pub remove: &'static [&'static str],
}

/// How to store `settings` (in the current version); set first, then remove, so that a reader in
/// between still finds the new choice.
pub fn write(settings: &Settings) -> Write {
    let stored = Value::Object(vec![
        (VERSION_FIELD.to_owned(), Value::Number(f64::from(VERSION))),
        (
            PROFILE_FIELD.to_owned(),
            Value::Text(settings.profile.as_str().to_owned()),
        ),
    ]);
    Write {
        set: Value::Object(vec![(KEY.to_owned(), stored)]),
        remove: &[LEGACY_PROFILE_KEY],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::english::Messages;
    use crate::message::render;

    fn object(members: &[(&str, Value)]) -> Value {
        Value::Object(
            members
                .iter()
                .map(|(key, value)| ((*key).to_owned(), value.clone()))
                .collect(),
        )
    }

    fn text(text: &str) -> Value {
        Value::Text(text.to_owned())
    }

    fn settings(version: Value, profile: Value) -> Value {
        object(&[("version", version), ("profile", profile)])
    }

    fn check(stored: Value, profile: ProfileId, note: Option<Note>) {
        assert_eq!(
            read(&stored),
            (Settings { profile }, note),
            "reading {stored:?}"
        );
    }

    #[test]
    fn nothing_stored_is_the_default_without_a_note() {
        check(object(&[]), ProfileId::CloudExtend, None);
        // What a failed storage call hands over has no member at all.
        check(Value::Null, ProfileId::CloudExtend, None);
        check(text("Error: quota"), ProfileId::CloudExtend, None);
    }

    #[test]
    fn the_bare_profile_key_of_earlier_versions_is_migrated() {
        check(object(&[("profile", text("rest"))]), ProfileId::Rest, None);
        check(
            object(&[("profile", text(" token-admin "))]),
            ProfileId::TokenAdmin,
            None,
        );
        // The settings win over a bare key left by an earlier version.
        check(
            object(&[
                ("profile", text("rest")),
                ("settings", settings(Value::Number(1.0), text("soap"))),
            ]),
            ProfileId::Soap,
            None,
        );
    }

    #[test]
    fn version_1_settings_are_read() {
        for id in ProfileId::ALL {
            let stored = object(&[("settings", settings(Value::Number(1.0), text(id.as_str())))]);
            check(stored, id, None);
        }
        // Members this version does not know are ignored.
        let stored = object(&[(
            "settings",
            object(&[
                ("profile", text("oauth2")),
                ("theme", text("dark")),
                ("version", Value::Number(1.0)),
            ]),
        )]);
        check(stored, ProfileId::OAuth2, None);
    }

    #[test]
    fn what_cannot_be_read_gives_the_default_and_a_note() {
        let unreadable = Some(Note::Unreadable);
        let cases = [
            (object(&[("settings", text("soap"))]), unreadable.clone()),
            (object(&[("settings", Value::Null)]), unreadable.clone()),
            (
                object(&[("settings", Value::List(vec![text("soap")]))]),
                unreadable.clone(),
            ),
            (
                object(&[("settings", object(&[("profile", text("soap"))]))]),
                unreadable.clone(),
            ),
            (
                object(&[("settings", settings(text("1"), text("soap")))]),
                unreadable.clone(),
            ),
            (
                object(&[("settings", settings(Value::Number(1.5), text("soap")))]),
                Some(Note::UnknownVersion),
            ),
            (
                object(&[("settings", settings(Value::Number(-1.0), text("soap")))]),
                Some(Note::UnknownVersion),
            ),
            (
                object(&[("settings", settings(Value::Number(f64::NAN), text("soap")))]),
                Some(Note::UnknownVersion),
            ),
            (
                object(&[("settings", settings(Value::Number(1.0), Value::Bool(true)))]),
                unreadable.clone(),
            ),
            (
                object(&[("settings", settings(Value::Number(2.0), text("soap")))]),
                Some(Note::UnknownVersion),
            ),
            (
                object(&[("settings", settings(Value::Number(0.0), text("soap")))]),
                Some(Note::UnknownVersion),
            ),
            (
                object(&[("settings", settings(Value::Number(1.0), text("SOAP")))]),
                Some(Note::UnknownProfile {
                    id: "SOAP".to_owned(),
                }),
            ),
            (
                object(&[("profile", Value::Number(4.0))]),
                unreadable.clone(),
            ),
            (object(&[("profile", Value::Null)]), unreadable),
            (
                object(&[("profile", text(&"x".repeat(100)))]),
                Some(Note::UnknownProfile { id: "x".repeat(40) }),
            ),
            (
                object(&[("profile", text(&"é".repeat(30)))]),
                Some(Note::UnknownProfile {
                    id: "é".repeat(20)
                }),
            ),
            // The longest id read is quoted; one unit more, or 8 MiB, is not read at all.
            (
                object(&[("profile", text(&"x".repeat(MAX_STORED_ID_UNITS)))]),
                Some(Note::UnknownProfile { id: "x".repeat(40) }),
            ),
            (
                object(&[("profile", text(&"x".repeat(MAX_STORED_ID_UNITS + 1)))]),
                Some(Note::Unreadable),
            ),
            (
                object(&[(
                    "settings",
                    settings(Value::Number(1.0), text(&"x".repeat(8 * 1024 * 1024))),
                )]),
                Some(Note::Unreadable),
            ),
            // A broken settings object is not rescued by a bare key beside it.
            (
                object(&[("settings", Value::Bool(false)), ("profile", text("rest"))]),
                Some(Note::Unreadable),
            ),
        ];
        for (stored, note) in cases {
            check(stored, ProfileId::CloudExtend, note);
        }
    }

    #[test]
    fn written_settings_read_back_and_replace_the_bare_key() {
        for id in ProfileId::ALL {
            let settings = Settings { profile: id };
            let write = write(&settings);
            assert_eq!(write.remove, ["profile"]);
            let Value::Object(set) = write.set.clone() else {
                panic!("not an object: {:?}", write.set);
            };
            // What storage holds after the set, before the remove: the bare key is still there.
            let mut items = vec![("profile".to_owned(), text("rest"))];
            items.extend(set);
            assert_eq!(read(&Value::Object(items)), (settings.clone(), None));
            assert_eq!(settings.chosen().id, id);
        }
        assert_eq!(
            write(&Settings::default()).set,
            object(&[(
                "settings",
                object(&[
                    ("version", Value::Number(1.0)),
                    ("profile", text("cloudextend"))
                ])
            )])
        );
    }

    #[test]
    fn notes_are_worded_with_the_default_profile() {
        let english = Messages::load();
        let say = |note: Note| render(&note.message(), &english);
        assert_eq!(
            say(Note::Unreadable),
            "TBA Doctor could not read its saved settings (they are not in a format it knows), so \
             it uses the default integration profile, CloudExtend (Outlook, Excel). Choosing a \
             profile in the TBA Doctor popup saves new settings."
        );
        assert!(
            say(Note::UnknownVersion).contains("(they were saved in a format this version"),
            "{}",
            say(Note::UnknownVersion)
        );
        assert!(say(Note::UnknownProfile { id: "x".to_owned() }).contains("profile “x” is not"));
        assert_eq!(
            Note::UnknownProfile { id: String::new() }.code(),
            "unknown-profile"
        );
    }
}
