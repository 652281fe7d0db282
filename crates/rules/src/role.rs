//! The role model: the facts about one role that the rules evaluate.
//!
//! A `Role` is plain data gathered by the content script (or rebuilt from the wire by the popup);
//! it holds no page handle and decides nothing.

use crate::catalog::Subtab;
use crate::codec::DecodedSublist;
use crate::idmap::{IdMap, IdSet};
use crate::level::Level;
use crate::protocol::is_valid_id;

/// The internal id of the Administrator role (netsuite-role-page.md §1, Oracle section_N3427186).
pub const ADMINISTRATOR_ROLE_ID: u32 = 3;

/// One permission line of a role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Grant {
    /// The subtab the line is on.
    pub subtab: Subtab,
    /// The level the line grants.
    pub level: Level,
}

/// What is known about one role.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Role {
    /// Internal id; `None` for a new role that was never saved.
    pub id: Option<u32>,
    /// Role name as shown on the page.
    pub name: Option<String>,
    /// NetSuite account id, e.g. `"1234567_SB1"`.
    pub account: Option<String>,
    /// Permission lines by `permkey` (ids the catalog does not know are kept too).
    pub grants: IdMap<Grant>,
    /// The "Web Services Only" checkbox, when it could be read.
    pub web_services_only: Option<bool>,
    /// The "Two-Factor Authentication Required" setting, when it could be read.
    pub two_factor_required: Option<bool>,
    /// The Setup-subtab ids the page's permission picker offers, when it could be read.
    /// `None` means unknown, and every permission is then assumed to be offered.
    pub offered: Option<IdSet>,
}

impl Role {
    /// Whether this is the Administrator role (internal id 3).
    pub fn is_administrator(&self) -> bool {
        self.id == Some(ADMINISTRATOR_ROLE_ID)
    }

    /// The level the role grants for `id`; `Level::None` when it has no line for it.
    pub fn level_of(&self, id: &str) -> Level {
        self.grants.get(id).map_or(Level::None, |grant| grant.level)
    }

    /// Whether the role has a line for `id`, at whatever level.
    pub fn has_line(&self, id: &str) -> bool {
        self.grants.contains_key(id)
    }

    /// Sets the line for `id` to `level` on `subtab`, replacing any previous line.
    pub fn grant(&mut self, id: &str, subtab: Subtab, level: Level) {
        self.grants.insert(id.to_owned(), Grant { subtab, level });
    }

    /// Whether the page offers `id` in its permission picker (true when that is unknown).
    pub fn is_offered(&self, id: &str) -> bool {
        self.offered
            .as_ref()
            .is_none_or(|offered| offered.contains(id))
    }

    /// Whether the role is known to be 2FA-required, or is the Administrator role.
    pub fn is_two_factor_required(&self) -> bool {
        self.is_administrator() || self.two_factor_required == Some(true)
    }

    /// Adds the lines of a decoded sublist, and returns how many it left out because their id
    /// is no valid permission id ([`is_valid_id`]: no catalog permission, and so no verdict,
    /// depends on them, and the wire to the popup carries only valid ids).
    ///
    /// A line whose level could not be read counts as present at `Level::None`, so that a fix
    /// raises it instead of adding a second line with the same key. When a key appears twice,
    /// the higher level wins.
    pub fn add_sublist(&mut self, subtab: Subtab, sublist: &DecodedSublist) -> usize {
        let mut odd = 0;
        for line in &sublist.lines {
            if !is_valid_id(&line.id) {
                odd += 1;
                continue;
            }
            let level = line.level.unwrap_or(Level::None);
            // One search per line: a large role has hundreds of lines.
            let grant = Grant { subtab, level };
            self.grants.upsert(&line.id, grant, |existing, grant| {
                if existing.level < grant.level {
                    *existing = grant;
                }
            });
        }
        odd
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::{decode_permissions, encode};

    #[test]
    fn levels_and_flags() {
        let mut role = Role::default();
        assert_eq!(role.level_of("ADMI_WEBSERVICES"), Level::None);
        assert!(!role.is_administrator());
        assert!(role.is_offered("ADMI_LOGIN_OAUTH"));
        role.grant("ADMI_WEBSERVICES", Subtab::Setup, Level::View);
        assert_eq!(role.level_of("ADMI_WEBSERVICES"), Level::View);
        role.id = Some(3);
        assert!(role.is_administrator() && role.is_two_factor_required());
        role.offered = Some(IdSet::from(["ADMI_WEBSERVICES"]));
        assert!(!role.is_offered("ADMI_LOGIN_OAUTH"));
    }

    #[test]
    fn sublist_lines_become_grants() {
        let rows = [
            vec!["ADMI_WEBSERVICES".to_owned(), "1".to_owned()],
            vec!["ADMI_WEBSERVICES".to_owned(), "4".to_owned()],
            vec!["ADMI_LOGIN_OAUTH".to_owned(), "x".to_owned()],
        ];
        let (fields, data) = encode(&["permkey4", "permlevel4"], &rows);
        let mut role = Role::default();
        role.add_sublist(Subtab::Setup, &decode_permissions(&fields, &data));
        assert_eq!(role.level_of("ADMI_WEBSERVICES"), Level::Full);
        assert!(role.has_line("ADMI_LOGIN_OAUTH"));
        assert_eq!(role.level_of("ADMI_LOGIN_OAUTH"), Level::None);
    }
}
