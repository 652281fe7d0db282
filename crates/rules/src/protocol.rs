//! The messages between the popup and the content script, and how they are written and read
//! (through [`crate::wire::Value`]; one implementation for both sides).
//!
//! The shape is serde's JSON form of these types: a `type` tag on [`Request`] and [`Response`],
//! field names as in Rust, `null` for `None`, a level as its number, a subtab by its machine name.
//! Everything read is checked: a [`Snapshot`]'s role is a valid [`Role`] once read, or the answer
//! is refused with a [`WireError`] (the content script's channel is unprivileged).

use crate::idmap::{IdMap, IdSet};
use std::borrow::Borrow;

use crate::catalog::Subtab;
use crate::level::Level;
use crate::role::{Grant, Role};
use crate::wire::{self, Problem, Value, WireError};

/// Most grants a role on the wire may carry.
pub const MAX_GRANTS: usize = 5000;
/// Most offered ids a role on the wire may carry.
pub const MAX_OFFERED: usize = 5000;
/// Longest role name or account id the content script sends, in characters.
pub const MAX_TEXT_CHARS: usize = 300;
/// Longest role name, account id or profile id read, in bytes: a text of [`MAX_TEXT_CHARS`]
/// characters always fits (the wire's bounds are in bytes, which costs no counting).
pub const MAX_TEXT_BYTES: usize = 4 * MAX_TEXT_CHARS;
/// Longest permission id, in bytes.
pub const MAX_ID_LEN: usize = 80;
/// Most problems a snapshot may carry.
pub const MAX_PROBLEMS: usize = 100;
/// Most ids in a 2FA question or its confirmation.
pub const MAX_CONFIRM_IDS: usize = 50;

/// Longest problem or reason read, in bytes.
pub const MAX_NOTE_BYTES: usize = 20_000;

/// A request from the popup to the content script.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    /// Send the current snapshot.
    GetSnapshot,
    /// Put this permission, at Full, into the Setup sublist's add row.
    Prefill {
        /// The permission id.
        permkey: String,
    },
    /// Add every missing line and raise every too-low one.
    FixAll {
        /// The 2FA-making ids whose addition the user confirmed: the ids of the question the
        /// content script asked ([`Snapshot::confirm`]); `None` for a plain Fix all. The content
        /// script runs the fix only when they answer the question still open about the plan as it
        /// is (`crate::confirm::gate`).
        confirm: Option<Vec<String>>,
    },
    /// Withdraw the open 2FA question: the user chose not to fix.
    CancelFixAll,
}

/// The content script's answer.
///
/// `R` is how the snapshot holds its role: read answers own it (`Role`, the default); the content
/// script writes its answer with `&Role`, the role it holds, so that answering copies nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Response<R = Role> {
    /// The state of the page.
    Snapshot {
        /// The state.
        snapshot: Snapshot<R>,
    },
    /// The request was refused; the state is unchanged.
    Refused {
        /// Why, in plain words.
        reason: String,
        /// The state.
        snapshot: Snapshot<R>,
    },
    /// The page cannot answer (not ready, or the engine failed: `content-loader.js` answers this
    /// with a reason code of its own).
    Unavailable {
        /// Why (developer-facing).
        reason: String,
    },
}

/// What kind of page the content script is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// A saved role, in edit mode (`"role-edit"`).
    RoleEdit,
    /// A role in view mode (`"role-view"`).
    RoleView,
    /// A new role, never saved (`"role-new"`).
    RoleNew,
    /// A page showing NetSuite's authorization error (`"auth-error"`).
    AuthError,
    /// A role page whose data could not be read (`"unsupported"`).
    Unsupported,
}

impl Page {
    /// Every kind.
    pub const ALL: [Page; 5] = [
        Page::RoleEdit,
        Page::RoleView,
        Page::RoleNew,
        Page::AuthError,
        Page::Unsupported,
    ];

    /// The name on the wire, e.g. `"role-edit"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Page::RoleEdit => "role-edit",
            Page::RoleView => "role-view",
            Page::RoleNew => "role-new",
            Page::AuthError => "auth-error",
            Page::Unsupported => "unsupported",
        }
    }
}

/// What the content script knows about its page (`R` as in [`Response`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot<R = Role> {
    /// The kind of page.
    pub page: Page,
    /// The profile id used for the verdict (empty where there is none).
    pub profile: String,
    /// The role, when the page is a readable role page (on the authorization-error page: only
    /// its name and account).
    pub role: Option<R>,
    /// Problems met while reading the page, for display.
    pub problems: Vec<String>,
    /// Whether the MAIN-world bridge answered.
    pub bridge_ok: bool,
    /// The 2FA question the content script asked before Fix all and that is still open: the ids
    /// that would make the role 2FA-required. The panel shows the same question.
    pub confirm: Option<Vec<String>>,
    /// How many permission ids in the role were no valid id (see [`is_valid_id`]) and were left
    /// out when the snapshot was read, so that one odd line does not cost the whole answer. Not
    /// written: the content script leaves such lines out of the role itself, and says so in
    /// `problems`.
    pub odd_ids: usize,
}

/// Whether `reason`, the browser's error for a message to a tab that was not answered, says that
/// nothing listens in that tab (a tab older than the extension, or a page without the content
/// script), as Chrome and Firefox word it. Anything else means a listener was there and did not
/// answer (its engine stopped while answering), which is worth asking again.
pub fn nobody_listens(reason: &str) -> bool {
    reason.contains("Receiving end does not exist")
        || reason.contains("Could not establish connection")
}

/// Whether `id` matches `^[A-Za-z0-9_]{1,80}$`.
pub fn is_valid_id(id: &str) -> bool {
    (1..=MAX_ID_LEN).contains(&id.len())
        && id
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'_')
}

fn checked_id(field: &'static str, id: String) -> Result<String, WireError> {
    if is_valid_id(&id) {
        Ok(id)
    } else {
        wire::error(field, Problem::InvalidId)
    }
}

/// An optional list of valid permission ids (null or absent: `None`), at most [`MAX_CONFIRM_IDS`].
fn ids<V: Value>(value: &V, field: &'static str) -> Result<Option<Vec<String>>, WireError> {
    wire::maybe(value, field)
        .map(|found| {
            wire::checked_texts(field, found, MAX_CONFIRM_IDS, MAX_ID_LEN)?
                .into_iter()
                .map(|id| checked_id(field, id))
                .collect()
        })
        .transpose()
}

fn tag<V: Value>(name: &str) -> V {
    let mut object = V::object();
    object.set("type", V::text(name));
    object
}

impl Request {
    /// Writes the request.
    pub fn encode<V: Value>(&self) -> V {
        match self {
            Request::GetSnapshot => tag("GetSnapshot"),
            Request::Prefill { permkey } => {
                let mut object: V = tag("Prefill");
                object.set("permkey", V::text(permkey));
                object
            }
            Request::FixAll { confirm } => {
                let mut object: V = tag("FixAll");
                object.set(
                    "confirm",
                    confirm.as_ref().map_or_else(V::null, wire::texts),
                );
                object
            }
            Request::CancelFixAll => tag("CancelFixAll"),
        }
    }

    /// Reads a request: exactly one of its shapes.
    pub fn decode<V: Value>(value: &V) -> Result<Request, WireError> {
        match wire::text(value, "type", MAX_ID_LEN)?.as_str() {
            "GetSnapshot" => Ok(Request::GetSnapshot),
            // Only bounded: whether it names a permission to pre-fill is the verdict's to say.
            "Prefill" => Ok(Request::Prefill {
                permkey: wire::text(value, "permkey", MAX_ID_LEN)?,
            }),
            "FixAll" => Ok(Request::FixAll {
                confirm: ids(value, "confirm")?,
            }),
            "CancelFixAll" => Ok(Request::CancelFixAll),
            _ => wire::error("type", Problem::Unknown),
        }
    }
}

impl<R: Borrow<Role>> Response<R> {
    /// Writes the answer.
    pub fn encode<V: Value>(&self) -> V {
        match self {
            Response::Snapshot { snapshot } => {
                let mut object: V = tag("Snapshot");
                object.set("snapshot", snapshot.encode());
                object
            }
            Response::Refused { reason, snapshot } => {
                let mut object: V = tag("Refused");
                object.set("reason", V::text(reason));
                object.set("snapshot", snapshot.encode());
                object
            }
            Response::Unavailable { reason } => {
                let mut object: V = tag("Unavailable");
                object.set("reason", V::text(reason));
                object
            }
        }
    }
}

impl Response {
    /// Reads an answer; the error names the first field that is missing, of the wrong type, out
    /// of bounds or invalid.
    pub fn decode<V: Value>(value: &V) -> Result<Response, WireError> {
        match wire::text(value, "type", MAX_ID_LEN)?.as_str() {
            "Snapshot" => Ok(Response::Snapshot {
                snapshot: Snapshot::decode(&wire::object(value, "snapshot")?)?,
            }),
            "Refused" => Ok(Response::Refused {
                reason: wire::text(value, "reason", MAX_NOTE_BYTES)?,
                snapshot: Snapshot::decode(&wire::object(value, "snapshot")?)?,
            }),
            "Unavailable" => Ok(Response::Unavailable {
                reason: wire::text(value, "reason", MAX_NOTE_BYTES)?,
            }),
            _ => wire::error("type", Problem::Unknown),
        }
    }
}

impl<R: Borrow<Role>> Snapshot<R> {
    fn encode<V: Value>(&self) -> V {
        let mut object = V::object();
        object.set("page", V::text(self.page.as_str()));
        object.set("profile", V::text(&self.profile));
        object.set(
            "role",
            self.role
                .as_ref()
                .map_or_else(V::null, |role| encode_role(role.borrow())),
        );
        object.set("problems", wire::texts(&self.problems));
        object.set("bridge_ok", V::boolean(self.bridge_ok));
        object.set(
            "confirm",
            self.confirm.as_ref().map_or_else(V::null, wire::texts),
        );
        object
    }
}

impl Snapshot {
    fn decode<V: Value>(value: &V) -> Result<Snapshot, WireError> {
        let mut odd_ids = 0;
        Ok(Snapshot {
            page: wire::one_of(value, "page", &Page::ALL, Page::as_str)?,
            profile: wire::text(value, "profile", MAX_TEXT_BYTES)?,
            role: wire::maybe(value, "role")
                .map(|role| {
                    if role.is_object() {
                        decode_role(&role, &mut odd_ids)
                    } else {
                        wire::error("role", Problem::NotA(wire::Kind::Object))
                    }
                })
                .transpose()?,
            problems: wire::text_list(value, "problems", MAX_PROBLEMS, MAX_NOTE_BYTES)?,
            bridge_ok: wire::boolean(value, "bridge_ok")?,
            confirm: ids(value, "confirm")?,
            odd_ids,
        })
    }
}

/// A permission id read from the page: `Some` when valid, `None` (to leave out and count) when it
/// is a string that is no valid id; anything else is an error of the message.
fn page_id<V: Value>(found: &V, field: &'static str) -> Result<Option<String>, WireError> {
    match wire::checked_text(field, found, MAX_ID_LEN) {
        Ok(id) => Ok(Some(id).filter(|id| is_valid_id(id))),
        Err(WireError {
            problem: Problem::TooLong,
            ..
        }) => Ok(None),
        Err(error) => Err(error),
    }
}

fn encode_role<V: Value>(role: &Role) -> V {
    let mut object = V::object();
    object.set(
        "id",
        role.id.map_or_else(V::null, |id| V::number(f64::from(id))),
    );
    object.set("name", wire::maybe_text(role.name.as_deref()));
    object.set("account", wire::maybe_text(role.account.as_deref()));
    let mut grants = V::list();
    for (id, grant) in &role.grants {
        let mut entry = V::object();
        entry.set("subtab", V::text(grant.subtab.machine()));
        entry.set("id", V::text(id));
        entry.set("level", V::number(f64::from(grant.level.number())));
        grants.push(entry);
    }
    object.set("grants", grants);
    object.set(
        "web_services_only",
        wire::maybe_boolean(role.web_services_only),
    );
    object.set(
        "two_factor_required",
        wire::maybe_boolean(role.two_factor_required),
    );
    object.set(
        "offered",
        role.offered.as_ref().map_or_else(V::null, wire::texts),
    );
    object
}

/// Reads a role and checks it: known subtabs, levels 0–4, no id twice, bounds. A grant or an
/// offered id that is no valid permission id is page data TBA Doctor cannot use: it is left out
/// and counted in `odd_ids`, and the rest of the role is kept.
fn decode_role<V: Value>(value: &V, odd_ids: &mut usize) -> Result<Role, WireError> {
    let (list, count) = wire::list(value, "grants", MAX_GRANTS)?;
    let mut grants = IdMap::new();
    for index in 0..count {
        let grant = list.item(index);
        if !grant.is_object() {
            return wire::error("grants", Problem::NotA(wire::Kind::Object));
        }
        let Some(id) = page_id(&grant.get("id"), "id")? else {
            *odd_ids += 1;
            continue;
        };
        let level = wire::whole(&grant, "level", u32::from(Level::Full.number()))?;
        let level = Level::from_number(level as u8)
            .map_or_else(|| wire::error("level", Problem::OutOfRange), Ok)?;
        let subtab = wire::one_of(&grant, "subtab", &Subtab::ALL, Subtab::machine)?;
        if grants.contains_key(&id) {
            return wire::error("grants", Problem::Duplicate);
        }
        grants.insert(id, Grant { subtab, level });
    }
    let offered = match wire::maybe(value, "offered") {
        Some(found) => {
            let (list, count) = wire::checked_list("offered", found, MAX_OFFERED)?;
            let mut offered = IdSet::new();
            for index in 0..count {
                match page_id(&list.item(index), "offered")? {
                    Some(id) => {
                        offered.insert(id);
                    }
                    None => *odd_ids += 1,
                }
            }
            Some(offered)
        }
        None => None,
    };
    Ok(Role {
        id: wire::optional_whole(value, "id", u32::MAX)?,
        name: wire::optional_text(value, "name", MAX_TEXT_BYTES)?,
        account: wire::optional_text(value, "account", MAX_TEXT_BYTES)?,
        grants,
        web_services_only: wire::optional_boolean(value, "web_services_only")?,
        two_factor_required: wire::optional_boolean(value, "two_factor_required")?,
        offered,
    })
}
