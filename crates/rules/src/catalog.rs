//! The permission catalog: every Setup-subtab permission plus `REPO_ANALYTICS`, with UI names,
//! aliases, accepted levels and the 2FA flag.
//!
//! The table (`catalog_generated.rs`) is generated from Oracle's list, `data/netsuite-permissions.json`
//! (UPL 1.0, `data/netsuite-permissions.LICENSE.txt`), with the corrections `data/README.md` names,
//! and from the facts that list lacks, `data/catalog-facts.tsv`; a test regenerates it and fails when
//! it differs. It holds the Setup subtab (and the Reports permission REST needs) only: the other
//! subtabs' names do not fit the content script's size budget while names are compiled in.
//! Nothing here parses data at run time, and nothing here decides policy (that is `profile` and
//! `evaluate`).

use crate::level::LevelSet;

#[rustfmt::skip]
#[path = "catalog_generated.rs"]
mod generated;
use generated::CATALOG;

/// A subtab of the role page's Permissions tab, i.e. one permission sublist ("machine").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Subtab {
    /// Transactions (`tranmach`).
    Transactions,
    /// Reports (`repomach`).
    Reports,
    /// Lists (`listsmach`).
    Lists,
    /// Setup (`setupmach`).
    Setup,
    /// Custom Record (`custrecordmach`).
    CustomRecord,
}

impl Subtab {
    /// All subtabs in page order.
    pub const ALL: [Subtab; 5] = [
        Subtab::Transactions,
        Subtab::Reports,
        Subtab::Lists,
        Subtab::Setup,
        Subtab::CustomRecord,
    ];

    /// The sublist machine name (netsuite-role-page.md §1), e.g. `"setupmach"`.
    pub fn machine(self) -> &'static str {
        match self {
            Subtab::Transactions => "tranmach",
            Subtab::Reports => "repomach",
            Subtab::Lists => "listsmach",
            Subtab::Setup => "setupmach",
            Subtab::CustomRecord => "custrecordmach",
        }
    }

    /// The subtab whose machine name is `machine` (exact match).
    pub fn from_machine(machine: &str) -> Option<Subtab> {
        Subtab::ALL
            .into_iter()
            .find(|subtab| subtab.machine() == machine)
    }

    /// The English UI label, e.g. `"Setup"`.
    pub fn label(self) -> &'static str {
        match self {
            Subtab::Transactions => "Transactions",
            Subtab::Reports => "Reports",
            Subtab::Lists => "Lists",
            Subtab::Setup => "Setup",
            Subtab::CustomRecord => "Custom Record",
        }
    }
}

/// One permission of the catalog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Permission {
    /// The `permkey`, e.g. `"ADMI_MANAGE_OWN_OAUTH_TOKENS"`.
    pub id: &'static str,
    /// The English UI name, e.g. `"User Access Tokens"`.
    /// Empty for the few ids of Salto's extra list whose name no source gives.
    pub name: &'static str,
    /// Other names the UI used or uses, e.g. `"Web Services"` for SOAP Web Services.
    pub aliases: &'static [&'static str],
    /// The subtab (sublist) the permission lives on.
    pub subtab: Subtab,
    /// The levels the permission accepts.
    pub levels: LevelSet,
    /// Whether holding it makes the role 2FA-required (netsuite-role-page.md §5.1).
    pub requires_2fa: bool,
}

impl Permission {
    /// The UI name, or the id when no source gives a name.
    pub fn display_name(&self) -> &'static str {
        if self.name.is_empty() {
            self.id
        } else {
            self.name
        }
    }

    /// Whether `name` is this permission's name or one of its aliases, ignoring case and runs of
    /// whitespace.
    pub fn is_named(&self, name: &str) -> bool {
        (!self.name.is_empty() && same_words(self.name, name))
            || self.aliases.iter().any(|alias| same_words(alias, name))
    }
}

/// A catalog entry, for the generated table.
const fn p(
    id: &'static str,
    name: &'static str,
    aliases: &'static [&'static str],
    subtab: Subtab,
    levels: LevelSet,
    requires_2fa: bool,
) -> Permission {
    Permission {
        id,
        name,
        aliases,
        subtab,
        levels,
        requires_2fa,
    }
}

/// Permission ids the rules refer to by name.
pub mod ids {
    /// Log in using Access Tokens.
    pub const LOGIN_OAUTH: &str = "ADMI_LOGIN_OAUTH";
    /// User Access Tokens.
    pub const USER_ACCESS_TOKENS: &str = "ADMI_MANAGE_OWN_OAUTH_TOKENS";
    /// Access Token Management.
    pub const ACCESS_TOKEN_MANAGEMENT: &str = "ADMI_MANAGE_OAUTH_TOKENS";
    /// SOAP Web Services.
    pub const WEBSERVICES: &str = "ADMI_WEBSERVICES";
    /// REST Web Services.
    pub const REST_WEBSERVICES: &str = "ADMI_RESTWEBSERVICES";
    /// Log in using OAuth 2.0 Access Tokens.
    pub const LOGIN_OAUTH2: &str = "ADMI_LOGIN_OAUTH2";
    /// OAuth 2.0 Authorized Applications Management.
    pub const MANAGE_OAUTH2: &str = "ADMI_MANAGE_OAUTH2";
    /// SuiteAnalytics Connect.
    pub const SUITEANALYTICS_CONNECT: &str = "ADMI_SUITEANALYTICSCONNECT";
    /// SuiteAnalytics Workbook (Reports subtab).
    pub const SUITEANALYTICS_WORKBOOK: &str = "REPO_ANALYTICS";
    /// Core Administration Permissions.
    pub const KERNEL: &str = "ADMI_KERNEL";
    /// Integration Application.
    pub const INTEGRATION_APPLICATION: &str = "ADMI_INTEGRAPP";
    /// Two-Factor Authentication base.
    pub const TWO_FACTOR_BASE: &str = "ADMI_TWOFACTORAUTHBASE";
}

/// Every permission of the catalog, in catalog order (the order of `data-missing`).
pub fn all() -> &'static [Permission] {
    &CATALOG
}

/// The permission with this exact `permkey`.
pub fn by_id(id: &str) -> Option<&'static Permission> {
    CATALOG.iter().find(|permission| permission.id == id)
}

/// The permission with this UI name or alias, ignoring case and runs of whitespace (NBSP too).
pub fn by_name(name: &str) -> Option<&'static Permission> {
    CATALOG.iter().find(|permission| permission.is_named(name))
}

/// The UI name of `id` when the catalog knows it, else the id itself.
pub fn name_of(id: &str) -> &str {
    by_id(id).map_or(id, |permission| permission.display_name())
}

/// The UI names of `ids` joined for a sentence: `A`, `A and B`, `A, B and C`.
pub fn names_sentence(ids: &[&str]) -> String {
    let names: Vec<&str> = ids.iter().map(|id| name_of(id)).collect();
    match names.as_slice() {
        [] => String::new(),
        [only] => (*only).to_owned(),
        [init @ .., last] => format!("{} and {last}", crate::text::join(init, ", ")),
    }
}

/// The catalog position of `id`, used to sort ids in catalog order.
pub fn position(id: &str) -> Option<usize> {
    CATALOG.iter().position(|permission| permission.id == id)
}

/// Sorts `items` in catalog order of their ids; ids the catalog does not know go last, by id.
///
/// An insertion sort: the lists sorted here are one profile's requirements (a handful), and it
/// keeps a general sort's code out of the content script's wasm.
pub(crate) fn sort_in_catalog_order<T>(items: &mut [T], id: impl Fn(&T) -> &'static str) {
    let key = |item: &T| (position(id(item)).unwrap_or(usize::MAX), id(item));
    for end in 1..items.len() {
        let mut at = end;
        while at > 0 && key(&items[at - 1]) > key(&items[at]) {
            items.swap(at - 1, at);
            at -= 1;
        }
    }
}

/// Compares two names word by word, ignoring ASCII case and the kind and length of whitespace runs
/// (see `fold` for why only ASCII letters are folded).
pub(crate) fn same_words(left: &str, right: &str) -> bool {
    let mut left_words = left.split_whitespace();
    let mut right_words = right.split_whitespace();
    loop {
        match (left_words.next(), right_words.next()) {
            (None, None) => return true,
            (Some(left_word), Some(right_word)) => {
                let same = left_word.eq_ignore_ascii_case(right_word);
                if !same {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::level::Level;
    use std::collections::HashSet;

    #[test]
    fn catalog_is_large_and_unique() {
        let setup = all().iter().filter(|p| p.subtab == Subtab::Setup).count();
        assert!(setup >= 190, "only {setup} Setup ids");
        let mut seen_ids = HashSet::new();
        for permission in all() {
            assert!(
                seen_ids.insert(permission.id),
                "duplicate id {}",
                permission.id
            );
            assert!(
                !permission.levels.is_empty(),
                "{} has no level",
                permission.id
            );
            assert!(permission.levels.contains(Level::Full) || permission.levels.max().is_some());
        }
        // No name or alias may point at two permissions.
        for permission in all() {
            for name in std::iter::once(&permission.name).chain(permission.aliases) {
                if name.is_empty() {
                    continue;
                }
                let owners: Vec<_> = all()
                    .iter()
                    .filter(|p| p.is_named(name))
                    .map(|p| p.id)
                    .collect();
                assert_eq!(owners, vec![permission.id], "name {name:?} is ambiguous");
            }
        }
    }

    #[test]
    fn two_factor_permissions_match_section_5_1() {
        let flagged: Vec<&str> = all()
            .iter()
            .filter(|p| p.requires_2fa)
            .map(|p| p.id)
            .collect();
        let expected = [
            "ADMI_DEVICE_ID",
            "ADMI_INTEGRAPP",
            "ADMI_KERNEL",
            "ADMI_MANAGE_OAUTH2",
            "ADMI_MANAGE_OAUTH_TOKENS",
            "ADMI_NSASOIDCPROVIDER",
            "ADMI_OIDCSETUP",
            "ADMI_OPENIDSSOSETUP",
            "ADMI_SAMLSSOSETUP",
            "ADMI_TWOFACTORAUTHBASE",
        ];
        let mut sorted = flagged.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, expected);
    }

    fn check_name(name: &str, expected: Option<&str>) {
        assert_eq!(by_name(name).map(|p| p.id), expected, "looking up {name:?}");
    }

    #[test]
    fn lookup_by_name() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Log in using Access Tokens", Some(ids::LOGIN_OAUTH)),
            ("log  in using\u{a0}access tokens", Some(ids::LOGIN_OAUTH)),
            (" USER ACCESS TOKENS ", Some(ids::USER_ACCESS_TOKENS)),
            ("Web Services", Some(ids::WEBSERVICES)),
            ("SOAP Web Services", Some(ids::WEBSERVICES)),
            ("Accounting Preferences", Some("ADMI_ACCTSETUP")),
            ("Allow JS / HTML Uploads", Some("ADMI_ALLOW_JS_HTML_UPLOAD")),
            ("Support Case Priority", Some("ADMI_CASEPRIORITY")),
            ("Admindocs OTHER", Some("ADMI_ADMINDOCSOTHER")),
            ("Merchandise Hierarchy Version", Some("ADMI_MHVERSION")),
            (
                "Remove Personal Information Run",
                Some("ADMI_PI_REMOVAL_RUN"),
            ),
            ("SuiteAnalytics Workbook", Some("REPO_ANALYTICS")),
            (
                "Log In using OAuth 2.0 Access Tokens",
                Some(ids::LOGIN_OAUTH2),
            ),
            ("Zugriffstoken für Benutzer", None),
            ("", None),
            ("   ", None),
        ];
        for (name, expected) in cases {
            check_name(name, *expected);
        }
    }

    #[test]
    fn lookup_by_id_and_position() {
        assert_eq!(
            by_id(ids::WEBSERVICES).map(|p| p.name),
            Some("SOAP Web Services")
        );
        assert_eq!(by_id("admi_webservices"), None);
        assert_eq!(
            by_id(ids::SUITEANALYTICS_WORKBOOK).map(|p| p.subtab),
            Some(Subtab::Reports)
        );
        assert!(position(ids::LOGIN_OAUTH) < position(ids::USER_ACCESS_TOKENS));
        assert_eq!(position("NOPE"), None);
        assert_eq!(
            by_id("ADMI_TYPE").map(|p| p.display_name()),
            Some("ADMI_TYPE")
        );
        for subtab in Subtab::ALL {
            assert_eq!(Subtab::from_machine(subtab.machine()), Some(subtab));
        }
        assert_eq!(Subtab::from_machine("setupmachine"), None);
    }

    #[test]
    fn named_ids_are_in_the_catalog() {
        for id in [
            ids::LOGIN_OAUTH,
            ids::USER_ACCESS_TOKENS,
            ids::ACCESS_TOKEN_MANAGEMENT,
            ids::WEBSERVICES,
            ids::REST_WEBSERVICES,
            ids::LOGIN_OAUTH2,
            ids::MANAGE_OAUTH2,
            ids::SUITEANALYTICS_CONNECT,
            ids::SUITEANALYTICS_WORKBOOK,
            ids::KERNEL,
            ids::INTEGRATION_APPLICATION,
            ids::TWO_FACTOR_BASE,
        ] {
            let permission = by_id(id).unwrap_or_else(|| panic!("{id} missing"));
            assert!(permission.levels.contains(Level::Full));
        }
    }
}
