//! Wire types between the popup and the content script. Serde lives here and only here; domain
//! types convert to and from these by hand, and everything that comes in is validated.
//!
//! The content-script channel is unprivileged: a `RoleWire` is checked before it becomes a `Role`.

use crate::idmap::{IdMap, IdSet};

use serde::{Deserialize, Serialize};

use crate::catalog::Subtab;
use crate::level::Level;
use crate::role::{Grant, Role};

/// Most grants a `RoleWire` may carry.
pub const MAX_GRANTS: usize = 5000;
/// Most offered ids a `RoleWire` may carry.
pub const MAX_OFFERED: usize = 5000;
/// Longest role name or account id, in characters.
pub const MAX_TEXT_CHARS: usize = 300;
/// Longest permission id, in bytes.
pub const MAX_ID_LEN: usize = 80;

/// A request from the popup to the content script.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type")]
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
        /// The user confirmed adding permissions that make the role 2FA-required.
        confirm_two_factor: bool,
    },
}

/// The content script's answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum Response {
    /// The state of the page.
    Snapshot {
        /// The state.
        snapshot: Snapshot,
    },
    /// The request was refused; the state is unchanged.
    Refused {
        /// Why, in plain words.
        reason: String,
        /// The state.
        snapshot: Snapshot,
    },
    /// The page cannot answer (not a role page, not ready).
    Unavailable {
        /// Why, in plain words.
        reason: String,
    },
}

/// What the content script knows about its page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// `"role-edit"`, `"role-view"`, `"role-new"`, `"auth-error"` or `"unsupported"`.
    pub page: String,
    /// The profile id used for the verdict.
    pub profile: String,
    /// The role, when the page is a readable role page.
    pub role: Option<RoleWire>,
    /// Problems met while reading the page, for display.
    pub problems: Vec<String>,
    /// Whether the MAIN-world bridge answered.
    pub bridge_ok: bool,
    /// The page URL.
    pub url: String,
    /// A message for the user, if any.
    pub message: Option<String>,
}

/// A role on the wire.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleWire {
    /// Internal id.
    pub id: Option<u32>,
    /// Role name.
    pub name: Option<String>,
    /// Account id.
    pub account: Option<String>,
    /// Permission lines.
    pub grants: Vec<GrantWire>,
    /// Web Services Only checkbox.
    pub web_services_only: Option<bool>,
    /// 2FA-required setting.
    pub two_factor_required: Option<bool>,
    /// Ids the Setup picker offers.
    pub offered: Option<Vec<String>>,
}

/// A permission line on the wire.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GrantWire {
    /// Sublist machine name, e.g. `"setupmach"`.
    pub subtab: String,
    /// Permission id.
    pub id: String,
    /// Numeric level 0–4.
    pub level: u8,
}

/// Why a `RoleWire` is not a valid `Role`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RoleWireError {
    /// An id does not match `^[A-Za-z0-9_]{1,80}$` (the id is cut to 80 characters).
    InvalidId {
        /// The id.
        id: String,
    },
    /// A level is not 0–4.
    InvalidLevel {
        /// The permission id.
        id: String,
        /// The level.
        level: u8,
    },
    /// A subtab is not a known machine name.
    UnknownSubtab {
        /// The permission id.
        id: String,
        /// The subtab text (cut to 80 characters).
        subtab: String,
    },
    /// The same id appears in two grants.
    DuplicateGrant {
        /// The permission id.
        id: String,
    },
    /// More than `MAX_GRANTS` grants.
    TooManyGrants {
        /// How many.
        count: usize,
    },
    /// More than `MAX_OFFERED` offered ids.
    TooManyOffered {
        /// How many.
        count: usize,
    },
    /// A name or account longer than `MAX_TEXT_CHARS`.
    TextTooLong {
        /// `"name"` or `"account"`.
        field: &'static str,
        /// Its length in characters.
        chars: usize,
    },
}

impl RoleWireError {
    /// A short lower-case description, without a trailing period.
    pub fn message(&self) -> String {
        match self {
            RoleWireError::InvalidId { id } => format!("invalid permission id \"{id}\""),
            RoleWireError::InvalidLevel { id, level } => format!("invalid level {level} for {id}"),
            RoleWireError::UnknownSubtab { id, subtab } => {
                format!("unknown subtab \"{subtab}\" for {id}")
            }
            RoleWireError::DuplicateGrant { id } => format!("permission {id} is granted twice"),
            RoleWireError::TooManyGrants { count } => {
                format!("{count} grants is more than {MAX_GRANTS}")
            }
            RoleWireError::TooManyOffered { count } => {
                format!("{count} offered permissions is more than {MAX_OFFERED}")
            }
            RoleWireError::TextTooLong { field, chars } => {
                format!("{field} of {chars} characters is longer than {MAX_TEXT_CHARS}")
            }
        }
    }
}

impl std::fmt::Display for RoleWireError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(&self.message())
    }
}

impl std::error::Error for RoleWireError {}

/// Whether `id` matches `^[A-Za-z0-9_]{1,80}$`.
pub fn is_valid_id(id: &str) -> bool {
    (1..=MAX_ID_LEN).contains(&id.len())
        && id
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'_')
}

fn checked_id(id: &str) -> Result<(), RoleWireError> {
    if is_valid_id(id) {
        Ok(())
    } else {
        Err(RoleWireError::InvalidId {
            id: id.chars().take(MAX_ID_LEN).collect(),
        })
    }
}

fn checked_text(
    field: &'static str,
    text: Option<String>,
) -> Result<Option<String>, RoleWireError> {
    match text {
        Some(text) => {
            let chars = text.chars().count();
            if chars > MAX_TEXT_CHARS {
                Err(RoleWireError::TextTooLong { field, chars })
            } else {
                Ok(Some(text))
            }
        }
        None => Ok(None),
    }
}

impl TryFrom<RoleWire> for Role {
    type Error = RoleWireError;

    fn try_from(wire: RoleWire) -> Result<Role, RoleWireError> {
        if wire.grants.len() > MAX_GRANTS {
            return Err(RoleWireError::TooManyGrants {
                count: wire.grants.len(),
            });
        }
        let mut grants = IdMap::new();
        for grant in wire.grants {
            checked_id(&grant.id)?;
            let Some(level) = Level::from_number(grant.level) else {
                return Err(RoleWireError::InvalidLevel {
                    id: grant.id,
                    level: grant.level,
                });
            };
            let Some(subtab) = Subtab::from_machine(&grant.subtab) else {
                return Err(RoleWireError::UnknownSubtab {
                    id: grant.id,
                    subtab: grant.subtab.chars().take(MAX_ID_LEN).collect(),
                });
            };
            if grants.contains_key(&grant.id) {
                return Err(RoleWireError::DuplicateGrant { id: grant.id });
            }
            grants.insert(grant.id, Grant { subtab, level });
        }
        let offered = match wire.offered {
            Some(offered) if offered.len() > MAX_OFFERED => {
                return Err(RoleWireError::TooManyOffered {
                    count: offered.len(),
                });
            }
            Some(offered) => {
                for id in &offered {
                    checked_id(id)?;
                }
                Some(offered.into_iter().collect::<IdSet>())
            }
            None => None,
        };
        Ok(Role {
            id: wire.id,
            name: checked_text("name", wire.name)?,
            account: checked_text("account", wire.account)?,
            grants,
            web_services_only: wire.web_services_only,
            two_factor_required: wire.two_factor_required,
            offered,
        })
    }
}

impl From<&Role> for RoleWire {
    fn from(role: &Role) -> RoleWire {
        RoleWire {
            id: role.id,
            name: role.name.clone(),
            account: role.account.clone(),
            grants: role
                .grants
                .iter()
                .map(|(id, grant)| GrantWire {
                    subtab: grant.subtab.machine().to_owned(),
                    id: id.clone(),
                    level: grant.level.number(),
                })
                .collect(),
            web_services_only: role.web_services_only,
            two_factor_required: role.two_factor_required,
            offered: role
                .offered
                .as_ref()
                .map(|offered| offered.iter().cloned().collect()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wire_with(grants: Vec<GrantWire>) -> RoleWire {
        RoleWire {
            grants,
            ..RoleWire::default()
        }
    }

    fn grant(subtab: &str, id: &str, level: u8) -> GrantWire {
        GrantWire {
            subtab: subtab.to_owned(),
            id: id.to_owned(),
            level,
        }
    }

    fn check(wire: RoleWire, expected: Result<(), &str>) {
        let result = Role::try_from(wire)
            .map(|_| ())
            .map_err(|error| error.message());
        assert_eq!(result, expected.map_err(str::to_owned));
    }

    #[test]
    fn validates_wire_roles() {
        check(
            wire_with(vec![grant("setupmach", "ADMI_WEBSERVICES", 4)]),
            Ok(()),
        );
        check(
            wire_with(vec![grant("setupmach", "ADMI WEB", 4)]),
            Err("invalid permission id \"ADMI WEB\""),
        );
        check(
            wire_with(vec![grant("setupmach", "", 4)]),
            Err("invalid permission id \"\""),
        );
        check(
            wire_with(vec![grant("setupmach", &"A".repeat(81), 4)]),
            Err(&format!("invalid permission id \"{}\"", "A".repeat(80))),
        );
        check(
            wire_with(vec![grant("setupmach", "ADMI_X", 5)]),
            Err("invalid level 5 for ADMI_X"),
        );
        check(
            wire_with(vec![grant("setupmachine", "ADMI_X", 4)]),
            Err("unknown subtab \"setupmachine\" for ADMI_X"),
        );
        check(
            wire_with(vec![
                grant("setupmach", "ADMI_X", 4),
                grant("setupmach", "ADMI_X", 1),
            ]),
            Err("permission ADMI_X is granted twice"),
        );
        check(
            wire_with(vec![grant("setupmach", "ADMI_X", 4); MAX_GRANTS + 1]),
            Err("5001 grants is more than 5000"),
        );
        check(
            RoleWire {
                name: Some("n".repeat(301)),
                ..RoleWire::default()
            },
            Err("name of 301 characters is longer than 300"),
        );
        check(
            RoleWire {
                offered: Some(vec!["ADMI_OK".to_owned(), "<script>".to_owned()]),
                ..RoleWire::default()
            },
            Err("invalid permission id \"<script>\""),
        );
        check(
            RoleWire {
                offered: Some(vec!["A".to_owned(); MAX_OFFERED + 1]),
                ..RoleWire::default()
            },
            Err("5001 offered permissions is more than 5000"),
        );
    }

    #[test]
    fn role_round_trips_through_the_wire() {
        let mut role = Role {
            id: Some(1001),
            name: Some("Integration".to_owned()),
            account: Some("1234567_SB1".to_owned()),
            web_services_only: Some(false),
            two_factor_required: None,
            offered: Some(IdSet::from(["ADMI_LOGIN_OAUTH"])),
            ..Role::default()
        };
        role.grant("ADMI_WEBSERVICES", Subtab::Setup, Level::View);
        role.grant("REPO_ANALYTICS", Subtab::Reports, Level::Full);
        let wire = RoleWire::from(&role);
        assert_eq!(Role::try_from(wire.clone()), Ok(role));
        assert_eq!(wire.grants[0], grant("setupmach", "ADMI_WEBSERVICES", 1));
    }
}
