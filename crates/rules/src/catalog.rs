//! The permission catalog: every standard NetSuite permission of the Setup, Lists, Transactions
//! (registers included) and Reports subtabs, with UI names, aliases, accepted levels and the 2FA flag.
//!
//! The catalog is data, not code: `extension/catalog.tsv`, generated from Oracle's list
//! (`data/netsuite-permissions.json`, UPL 1.0) with the corrections `data/README.md` names and the
//! facts that list lacks (`data/catalog-facts.tsv`); a test regenerates it and fails when it
//! differs. The extension ships the file beside the wasm and hands its text to [`install`] before
//! anything else runs, so the content script's wasm holds no permission names; native builds
//! (tests, feature `test-support`) read the same file at compile time. Parsing checks everything
//! and refuses a bad file with an error, never a panic. Nothing here decides policy (that is
//! `profile` and `evaluate`).

use std::cmp::Ordering;
use std::sync::OnceLock;

use crate::level::{Level, LevelSet};

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
    /// Other names the UI used or uses, e.g. `"Web Services"` for SOAP Web Services, tab-separated
    /// (see [`Permission::aliases`]).
    aliases: &'static str,
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
        self.names().any(|own| same_words(own, name))
    }

    /// The other names the UI used or uses.
    pub fn aliases(&self) -> impl Iterator<Item = &'static str> {
        self.aliases.split('\t').filter(|alias| !alias.is_empty())
    }

    /// The UI name (when a source gives one), then the aliases.
    pub fn names(&self) -> impl Iterator<Item = &'static str> {
        let name = (!self.name.is_empty()).then_some(self.name);
        name.into_iter().chain(self.aliases())
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
    /// MCP Server Connection (the NetSuite AI Connector).
    pub const MCP_SERVER: &str = "ADMI_MCP_SERVER";
    /// SuiteAnalytics Connect.
    pub const SUITEANALYTICS_CONNECT: &str = "ADMI_SUITEANALYTICSCONNECT";
    /// SuiteAnalytics Workbook (Reports subtab).
    pub const SUITEANALYTICS_WORKBOOK: &str = "REPO_ANALYTICS";
    /// Core Administration Permissions.
    pub const KERNEL: &str = "ADMI_KERNEL";
    /// Integration Application.
    pub const INTEGRATION_APPLICATION: &str = "ADMI_INTEGRAPP";
    /// Shipping Items (Lists subtab).
    pub const SHIPPING_ITEMS: &str = "LIST_SHIPITEM";
    /// Two-Factor Authentication base.
    pub const TWO_FACTOR_BASE: &str = "ADMI_TWOFACTORAUTHBASE";
}

/// Every permission of the catalog, in catalog order (the order of `data-missing`): Oracle's list
/// group by group (Setup, then the Setup ids it lacks, Lists, registers, Reports, Transactions).
pub fn all() -> &'static [Permission] {
    &current().permissions
}

/// The permission with this exact `permkey`.
pub fn by_id(id: &str) -> Option<&'static Permission> {
    position(id).and_then(|index| all().get(index))
}

/// The permission with this UI name or alias, ignoring ASCII case and runs of whitespace (NBSP
/// too). Names are unique across the catalog (a test checks it), so at most one answers.
pub fn by_name(name: &str) -> Option<&'static Permission> {
    let catalog = current();
    let found = catalog
        .by_name
        .binary_search_by(|&(index, which)| compare_names(catalog.name(index, which), name))
        .ok()?;
    let &(index, _) = catalog.by_name.get(found)?;
    catalog.permissions.get(usize::from(index))
}

/// The permission named `name` on `subtab` (see [`by_name`]).
pub fn by_name_on(subtab: Subtab, name: &str) -> Option<&'static Permission> {
    by_name(name).filter(|permission| permission.subtab == subtab)
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
        [init @ .., last] => crate::text::concat(&[&crate::text::join(init, ", "), " and ", last]),
    }
}

/// The catalog position of `id`, used to sort ids in catalog order.
pub fn position(id: &str) -> Option<usize> {
    let catalog = current();
    let found = catalog
        .by_id
        .binary_search_by(|&index| {
            let stored = catalog
                .permissions
                .get(usize::from(index))
                .map_or("", |permission| permission.id);
            stored.cmp(id)
        })
        .ok()?;
    catalog.by_id.get(found).map(|&index| usize::from(index))
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

/// The parsed catalog file.
#[derive(Debug, Default)]
pub struct Catalog {
    /// In catalog order.
    permissions: Vec<Permission>,
    /// Indices into `permissions`, sorted by id.
    by_id: Vec<u16>,
    /// (index into `permissions`, which of its names), sorted by [`compare_names`].
    by_name: Vec<(u16, u8)>,
}

/// Why a catalog file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogError {
    /// The 1-based line, 0 for the file as a whole.
    pub line: usize,
    /// What is wrong there, as a short code for developers (the file is built with the
    /// extension, so only a broken build can fail): `format-line`, `record-kind`,
    /// `permission-record`, `id-index-record`, `name-index-record`, `record-order`,
    /// `index-missing`, or `id-index-` / `name-index-` and `count`, `order` or `range`.
    pub problem: &'static str,
}

impl std::fmt::Display for CatalogError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(&self.describe())
    }
}

impl CatalogError {
    /// `catalog line <line>: <problem>`, for the developer who broke the build.
    pub fn describe(&self) -> String {
        crate::text::concat(&[
            "catalog line ",
            &crate::text::decimal(self.line),
            ": ",
            self.problem,
        ])
    }
}

/// The first line of a catalog file.
pub const FORMAT_LINE: &str = "#tba-doctor-catalog 1";

impl Catalog {
    /// Parses a catalog file (`extension/catalog.tsv`): after [`FORMAT_LINE`] and `#` comments,
    /// one `P` line per permission in catalog order (id, subtab machine, levels as letters of
    /// `NVCEF`, `2fa` or `-`, name, aliases; tab-separated), then one `I` line (the permissions'
    /// indices sorted by id) and one `N` line (`index:which` pairs of every name, sorted by
    /// [`compare_names`]). Anything else is refused.
    pub fn parse(text: &'static str) -> Result<Catalog, CatalogError> {
        let fail = |line: usize, problem: &'static str| Err(CatalogError { line, problem });
        let mut lines = text
            .lines()
            .enumerate()
            .map(|(index, line)| (index + 1, line));
        if lines.next().map(|(_, line)| line) != Some(FORMAT_LINE) {
            return fail(1, "format-line");
        }
        let mut catalog = Catalog::default();
        let mut by_id_seen = false;
        let mut by_name_seen = false;
        for (number, line) in lines {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let Some((kind, rest)) = line.split_once('\t') else {
                return fail(number, "record-kind");
            };
            match kind {
                "P" if !by_id_seen && !by_name_seen => match parse_permission(rest) {
                    Some(permission) if catalog.permissions.len() < usize::from(u16::MAX) => {
                        catalog.permissions.push(permission);
                    }
                    _ => return fail(number, "permission-record"),
                },
                "I" if !by_id_seen => {
                    catalog.by_id = parse_indices(rest).ok_or(CatalogError {
                        line: number,
                        problem: "id-index-record",
                    })?;
                    by_id_seen = true;
                }
                "N" if !by_name_seen => {
                    catalog.by_name = parse_name_index(rest).ok_or(CatalogError {
                        line: number,
                        problem: "name-index-record",
                    })?;
                    by_name_seen = true;
                }
                _ => return fail(number, "record-order"),
            }
        }
        if !by_id_seen || !by_name_seen {
            return fail(0, "index-missing");
        }
        catalog.check_indices()?;
        Ok(catalog)
    }

    fn name(&self, index: u16, which: u8) -> &'static str {
        self.permissions
            .get(usize::from(index))
            .and_then(|permission| permission.names().nth(usize::from(which)))
            .unwrap_or("")
    }

    /// Both indices cover every permission and every name once, in order.
    fn check_indices(&self) -> Result<(), CatalogError> {
        let fail = |problem| Err(CatalogError { line: 0, problem });
        let count = self.permissions.len();
        if self.by_id.len() != count {
            return fail("id-index-count");
        }
        let id = |index: u16| self.permissions.get(usize::from(index)).map(|p| p.id);
        for pair in self.by_id.windows(2) {
            let (Some(&left), Some(&right)) = (pair.first(), pair.get(1)) else {
                continue;
            };
            match (id(left), id(right)) {
                (Some(left), Some(right)) if left < right => {}
                _ => return fail("id-index-order"),
            }
        }
        if self.by_id.iter().any(|&index| usize::from(index) >= count) {
            return fail("id-index-range");
        }
        let names: usize = self.permissions.iter().map(|p| p.names().count()).sum();
        if self.by_name.len() != names {
            return fail("name-index-count");
        }
        for &(index, which) in &self.by_name {
            let exists = self
                .permissions
                .get(usize::from(index))
                .is_some_and(|permission| permission.names().nth(usize::from(which)).is_some());
            if !exists {
                return fail("name-index-range");
            }
        }
        for pair in self.by_name.windows(2) {
            let (Some(&(left, left_which)), Some(&(right, right_which))) =
                (pair.first(), pair.get(1))
            else {
                continue;
            };
            let order = compare_names(self.name(left, left_which), self.name(right, right_which));
            if order != Ordering::Less {
                return fail("name-index-order");
            }
        }
        Ok(())
    }
}

fn parse_permission(record: &'static str) -> Option<Permission> {
    let mut cells = record.splitn(6, '\t');
    let id = cells.next()?;
    let machine = cells.next()?;
    let letters = cells.next()?;
    let flag = cells.next()?;
    let names = cells.next()?;
    let aliases = cells.next().unwrap_or("");
    let id_ok = !id.is_empty()
        && id
            .bytes()
            .all(|byte| byte.is_ascii_uppercase() || byte.is_ascii_digit() || byte == b'_');
    let subtab = Subtab::from_machine(machine)?;
    let mut levels = LevelSet::EMPTY;
    for letter in letters.chars() {
        let level = match letter {
            'N' => Level::None,
            'V' => Level::View,
            'C' => Level::Create,
            'E' => Level::Edit,
            'F' => Level::Full,
            _ => return None,
        };
        levels = levels.with(level);
    }
    let requires_2fa = match flag {
        "2fa" => true,
        "-" => false,
        _ => return None,
    };
    (id_ok && !levels.is_empty()).then_some(Permission {
        id,
        name: names,
        aliases,
        subtab,
        levels,
        requires_2fa,
    })
}

fn parse_indices(record: &str) -> Option<Vec<u16>> {
    record
        .split(' ')
        .map(|number| u16::try_from(crate::text::whole(number)?).ok())
        .collect()
}

fn parse_name_index(record: &str) -> Option<Vec<(u16, u8)>> {
    record
        .split(' ')
        .map(|pair| {
            let (index, which) = pair.split_once(':')?;
            Some((
                u16::try_from(crate::text::whole(index)?).ok()?,
                u8::try_from(crate::text::whole(which)?).ok()?,
            ))
        })
        .collect()
}

static INSTALLED: OnceLock<Catalog> = OnceLock::new();

/// Installs the catalog file the extension ships, once, before anything reads the catalog.
///
/// The text lives as long as the page (the permissions borrow it). Refused: a bad file, or a
/// second install, or one after the catalog was first read (which fixed it, empty in a wasm
/// build).
pub fn install(text: String) -> Result<(), CatalogError> {
    let text: &'static str = Box::leak(text.into_boxed_str());
    let catalog = Catalog::parse(text)?;
    INSTALLED.set(catalog).map_err(|_| CatalogError {
        line: 0,
        problem: "a catalog is installed already",
    })
}

/// Whether the catalog holds anything (in a wasm build: whether [`install`] ran first).
pub fn is_installed() -> bool {
    !current().permissions.is_empty()
}

/// The shipped catalog file, for native builds, which have no extension to hand it over.
#[cfg(any(test, feature = "test-support"))]
pub const EMBEDDED: &str = include_str!("../../../extension/catalog.tsv");

fn current() -> &'static Catalog {
    INSTALLED.get_or_init(|| {
        #[cfg(any(test, feature = "test-support"))]
        let catalog = Catalog::parse(EMBEDDED).unwrap_or_default();
        #[cfg(not(any(test, feature = "test-support")))]
        let catalog = Catalog::default();
        catalog
    })
}

/// Orders two names as the catalog's name index is sorted: word by word, ASCII letters folded to
/// lower case, every whitespace run (NBSP too) counted as one space, ends trimmed.
pub fn compare_names(left: &str, right: &str) -> Ordering {
    folded_bytes(left).cmp(folded_bytes(right))
}

/// The bytes of `text` folded as [`compare_names`] compares them.
fn folded_bytes(text: &str) -> impl Iterator<Item = u8> + '_ {
    text.split_whitespace()
        .enumerate()
        .flat_map(|(index, word)| {
            let space = (index > 0).then_some(b' ');
            space
                .into_iter()
                .chain(word.bytes().map(|byte| byte.to_ascii_lowercase()))
        })
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
            for name in permission.names() {
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
    fn the_shipped_file_parses_and_bad_files_are_refused_with_the_line() {
        let shipped = Catalog::parse(EMBEDDED).expect("the shipped catalog parses");
        assert_eq!(shipped.permissions.len(), all().len());
        let refused = |text: &'static str| Catalog::parse(text).err().map(|error| error.line);
        let head = "#tba-doctor-catalog 1\n";
        let two = "P\tADMI_A\tsetupmach\tNF\t-\tAlpha\nP\tADMI_B\tsetupmach\tNF\t2fa\tBeta\tB\n";
        let good = format!("{head}{two}I\t0 1\nN\t0:0 1:1 1:0\n");
        let good: &'static str = Box::leak(good.into_boxed_str());
        let parsed = Catalog::parse(good).expect("a small good file");
        assert_eq!(parsed.permissions[1].aliases().collect::<Vec<_>>(), ["B"]);
        assert!(parsed.permissions[1].requires_2fa);
        for (text, line) in [
            ("", Some(1)),
            ("#tba-doctor-catalog 2\n", Some(1)),
            (
                "#tba-doctor-catalog 1\nP\tADMI_A\tsetupmach\tNX\t-\tAlpha\n",
                Some(2),
            ),
            (
                "#tba-doctor-catalog 1\nP\tadmi_a\tsetupmach\tNF\t-\tAlpha\n",
                Some(2),
            ),
            (
                "#tba-doctor-catalog 1\nP\tADMI_A\tnomach\tNF\t-\tAlpha\n",
                Some(2),
            ),
            (
                "#tba-doctor-catalog 1\nP\tADMI_A\tsetupmach\tNF\tyes\tAlpha\n",
                Some(2),
            ),
            ("#tba-doctor-catalog 1\nX\tsomething\n", Some(2)),
            (
                "#tba-doctor-catalog 1\nP\tADMI_A\tsetupmach\tNF\t-\tAlpha\nI\t0\n",
                Some(0),
            ),
            ("#tba-doctor-catalog 1\nI\t0\nN\t0:0\n", Some(0)),
            (
                "#tba-doctor-catalog 1\nP\tADMI_A\tsetupmach\tNF\t-\tAlpha\nI\tx\nN\t0:0\n",
                Some(3),
            ),
        ] {
            assert_eq!(refused(text), line, "{text:?}");
        }
        // Unsorted or ambiguous indices.
        for bad in [
            format!("{head}{two}I\t1 0\nN\t0:0 1:1 1:0\n"),
            format!("{head}{two}I\t0 1\nN\t1:0 0:0 1:1\n"),
            format!("{head}{two}I\t0 1\nN\t0:0 1:1\n"),
            format!("{head}{two}I\t0 1\nN\t0:0 1:1 1:2\n"),
            format!("{head}{two}I\t0 7\nN\t0:0 1:1 1:0\n"),
        ] {
            let bad: &'static str = Box::leak(bad.into_boxed_str());
            assert_eq!(refused(bad), Some(0), "{bad:?}");
        }
        // Any cut of the shipped file is a value, never a panic.
        for cut in (0..EMBEDDED.len()).step_by(997) {
            if let Some(prefix) = EMBEDDED.get(..cut) {
                let _ = Catalog::parse(prefix);
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
