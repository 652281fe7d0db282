//! The catalog's source: `extension/catalog.tsv` is regenerated from `data/netsuite-permissions.json`
//! and `data/catalog-facts.tsv` and must equal the checked-in file (`UPDATE_CATALOG=1` rewrites it),
//! and each correction `data/README.md` names is applied and tested by name.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tba_rules::catalog::{self, Subtab, compare_names, ids};
use tba_rules::level::Level;

/// A name Oracle's list gets wrong: (id, the name in the list, the name the catalog uses, why).
const CORRECTIONS: &[(&str, &str, &str, &str)] = &[
    (
        ids::LOGIN_OAUTH,
        "Log In using OAuth 2.0 Access Tokens",
        "Log in using Access Tokens",
        "data/README.md: the TBA login permission; the OAuth 2.0 name belongs to ADMI_LOGIN_OAUTH2 only",
    ),
    (
        ids::LOGIN_OAUTH2,
        "Log In using OAuth 2.0 Access Tokens",
        "Log in using OAuth 2.0 Access Tokens",
        "Oracle Help's OAuth 2.0 pages write \"Log in\"; the catalog's texts keep that case",
    ),
];

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn generated_path() -> PathBuf {
    repo().join("extension/catalog.tsv")
}

/// One permission as the generator sees it.
struct Entry {
    id: String,
    names: Vec<String>,
    subtab: &'static str,
    levels: String,
    requires_2fa: bool,
}

/// Oracle's group key → the subtab its permissions are shown on (data/README.md: `REGT` are the
/// registers, shown on the Transactions subtab).
fn subtab_of_group(group: &str) -> Option<&'static str> {
    match group {
        "ADMI" => Some("setupmach"),
        "LIST" => Some("listsmach"),
        "REGT" | "TRAN" => Some("tranmach"),
        "REPO" => Some("repomach"),
        _ => None,
    }
}

struct Fact {
    levels: String,
    requires_2fa: bool,
    /// For ids Oracle's list lacks: the subtab and the name ("-": none known).
    extra: Option<(String, String)>,
}

fn facts() -> Vec<(String, Fact)> {
    let text = std::fs::read_to_string(repo().join("data/catalog-facts.tsv"))
        .expect("data/catalog-facts.tsv");
    let mut facts = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        let (id, levels, flag) = match cells.as_slice() {
            [id, levels, flag, ..] => (*id, *levels, *flag),
            _ => panic!("catalog-facts.tsv line {}: too few cells", number + 1),
        };
        assert!(
            !levels.is_empty() && levels.chars().all(|letter| "NVCEF".contains(letter)),
            "catalog-facts.tsv line {}: bad levels {levels:?}",
            number + 1
        );
        assert!(matches!(flag, "2fa" | "-"), "line {}: bad flag", number + 1);
        let extra = match cells.as_slice() {
            [_, _, _, subtab, name] => Some(((*subtab).to_owned(), (*name).to_owned())),
            [_, _, _] => None,
            _ => panic!("catalog-facts.tsv line {}: 3 or 5 cells", number + 1),
        };
        facts.push((
            id.to_owned(),
            Fact {
                levels: levels.to_owned(),
                requires_2fa: flag == "2fa",
                extra,
            },
        ));
    }
    facts
}

fn oracle_list() -> serde_json::Value {
    let text = std::fs::read_to_string(repo().join("data/netsuite-permissions.json"))
        .expect("data/netsuite-permissions.json");
    serde_json::from_str(&text).expect("the permission list is JSON")
}

/// Oracle's list in file order, group by group, one entry per id with its names in file order.
fn oracle_entries() -> Vec<(String, &'static str, Vec<String>)> {
    let list = oracle_list();
    let groups = list["permissions"].as_object().expect("permissions object");
    let mut entries: Vec<(String, &'static str, Vec<String>)> = Vec::new();
    for (group, body) in groups {
        let subtab = subtab_of_group(group).unwrap_or_else(|| panic!("unknown group {group}"));
        for permission in body["permissions"].as_array().expect("permissions array") {
            let id = permission["id"].as_str().expect("id").to_owned();
            let name = permission["name"].as_str().expect("name").to_owned();
            match entries.iter_mut().find(|(known, _, _)| *known == id) {
                Some((_, known_subtab, names)) => {
                    assert_eq!(*known_subtab, subtab, "{id} is in two groups");
                    names.push(name);
                }
                None => entries.push((id, subtab, vec![name])),
            }
        }
    }
    entries
}

fn entries() -> Vec<Entry> {
    let facts = facts();
    let fact_of = |id: &str| {
        facts
            .iter()
            .find(|(known, _)| known == id)
            .map(|(_, fact)| fact)
    };
    let mut out = Vec::new();
    let mut setup_extras_added = false;
    let oracle = oracle_entries();
    let push_extras = |out: &mut Vec<Entry>| {
        for (id, fact) in &facts {
            if let Some((subtab, name)) = &fact.extra {
                assert_eq!(subtab, "Setup", "{id}: only Setup extras are known");
                assert!(
                    !oracle.iter().any(|(known, _, _)| known == id),
                    "{id} is in Oracle's list: drop its subtab and name from the facts"
                );
                let names = if name == "-" {
                    Vec::new()
                } else {
                    vec![name.clone()]
                };
                out.push(Entry {
                    id: id.clone(),
                    names,
                    subtab: "setupmach",
                    levels: fact.levels.clone(),
                    requires_2fa: fact.requires_2fa,
                });
            }
        }
    };
    for (id, subtab, mut names) in oracle.iter().cloned() {
        if subtab != "setupmach" && !setup_extras_added {
            push_extras(&mut out);
            setup_extras_added = true;
        }
        for (corrected, wrong, right, _) in CORRECTIONS {
            if id == *corrected {
                let first = names.first_mut().expect("a name");
                assert_eq!(
                    first, wrong,
                    "{id}: Oracle's list changed; review the correction"
                );
                *first = (*right).to_owned();
            }
        }
        let fact = fact_of(&id);
        if let Some(fact) = fact {
            assert!(fact.extra.is_none(), "{id} is in Oracle's list");
        }
        out.push(Entry {
            id,
            names,
            subtab,
            levels: fact.map_or_else(|| "NVCEF".to_owned(), |fact| fact.levels.clone()),
            requires_2fa: fact.is_some_and(|fact| fact.requires_2fa),
        });
    }
    for (id, _) in &facts {
        assert!(
            out.iter().any(|entry| &entry.id == id),
            "catalog-facts.tsv names {id}, which is nowhere"
        );
    }
    out
}

/// The catalog file (the format `Catalog::parse` documents).
fn render(entries: &[Entry]) -> String {
    let mut out = String::new();
    out.push_str(catalog::FORMAT_LINE);
    out.push_str(
        "\n# TBA Doctor's permission catalog, generated from data/netsuite-permissions.json (Oracle,\n\
         # The Universal Permissive License (UPL) 1.0: licenses/netsuite-permissions.LICENSE.txt) and\n\
         # data/catalog-facts.tsv by `UPDATE_CATALOG=1 cargo test -p tba-rules --test integration\n\
         # catalog`. Do not edit. P: id, subtab, levels, 2FA, name, aliases; I: by id; N: by name.\n",
    );
    for entry in entries {
        assert!(entry.names.iter().all(|name| !name.contains(['\t', '\n'])));
        let name = entry.names.first().map_or("", String::as_str);
        let mut cells = vec![
            "P".to_owned(),
            entry.id.clone(),
            entry.subtab.to_owned(),
            entry.levels.clone(),
            if entry.requires_2fa { "2fa" } else { "-" }.to_owned(),
            name.to_owned(),
        ];
        cells.extend(entry.names.iter().skip(1).cloned());
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
    let mut by_id: Vec<usize> = (0..entries.len()).collect();
    by_id.sort_by(|&left, &right| entries[left].id.cmp(&entries[right].id));
    let by_id: Vec<String> = by_id.iter().map(usize::to_string).collect();
    out.push_str(&format!("I\t{}\n", by_id.join(" ")));
    let mut by_name: Vec<(usize, usize)> = entries
        .iter()
        .enumerate()
        .flat_map(|(index, entry)| (0..entry.names.len()).map(move |which| (index, which)))
        .collect();
    let name = |&(index, which): &(usize, usize)| entries[index].names[which].as_str();
    by_name.sort_by(|left, right| compare_names(name(left), name(right)));
    let by_name: Vec<String> = by_name
        .iter()
        .map(|(index, which)| format!("{index}:{which}"))
        .collect();
    out.push_str(&format!("N\t{}\n", by_name.join(" ")));
    out
}

#[test]
fn catalog_generated_matches_its_sources() {
    let entries = entries();
    let expected = render(&entries);
    let path = generated_path();
    if std::env::var_os("UPDATE_CATALOG").is_some() {
        std::fs::write(&path, &expected).expect("write the generated catalog");
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "extension/catalog.tsv is not what data/ gives: run UPDATE_CATALOG=1 cargo test -p \
         tba-rules --test integration catalog"
    );
}

#[test]
fn catalog_holds_every_id_of_oracles_list_with_its_names() {
    let list = oracle_list();
    assert_eq!(list["metadata"]["totalPermissions"], 680);
    assert_eq!(list["metadata"]["uniquePermissionIds"], 669);
    let corrected: BTreeMap<&str, &str> = CORRECTIONS
        .iter()
        .map(|(id, wrong, _, _)| (*id, *wrong))
        .collect();
    let mut count = 0;
    for (id, subtab, names) in oracle_entries() {
        let permission = catalog::by_id(&id).unwrap_or_else(|| panic!("{id} missing"));
        let expected_subtab = match subtab {
            "setupmach" => Subtab::Setup,
            "listsmach" => Subtab::Lists,
            "repomach" => Subtab::Reports,
            _ => Subtab::Transactions,
        };
        assert_eq!(permission.subtab, expected_subtab, "{id}");
        for name in &names {
            if corrected.get(id.as_str()) == Some(&name.as_str()) {
                continue;
            }
            assert_eq!(
                catalog::by_name(name).map(|found| found.id),
                Some(id.as_str())
            );
        }
        count += 1;
    }
    assert_eq!(count, 669);
    assert_eq!(
        catalog::all().len(),
        669 + 12,
        "Oracle's ids plus the 12 Setup extras"
    );
}

#[test]
fn correction_login_oauth_is_log_in_using_access_tokens() {
    let permission = catalog::by_id(ids::LOGIN_OAUTH).expect("in the catalog");
    assert_eq!(permission.name, "Log in using Access Tokens");
    assert_eq!(
        catalog::by_name("Log in using Access Tokens").map(|p| p.id),
        Some(ids::LOGIN_OAUTH)
    );
    // The name Oracle's list gives both ids now names the OAuth 2.0 permission only.
    assert_eq!(
        catalog::by_name("Log In using OAuth 2.0 Access Tokens").map(|p| p.id),
        Some(ids::LOGIN_OAUTH2)
    );
    assert!(!permission.is_named("Log In using OAuth 2.0 Access Tokens"));
}

#[test]
fn correction_login_oauth2_keeps_oracle_helps_case() {
    let permission = catalog::by_id(ids::LOGIN_OAUTH2).expect("in the catalog");
    assert_eq!(permission.name, "Log in using OAuth 2.0 Access Tokens");
    assert_eq!(
        permission.levels.iter().collect::<Vec<_>>(),
        [Level::None, Level::Full]
    );
}

#[test]
fn facts_the_list_lacks_are_kept() {
    // Levels (Salto) and the 2FA flag survive the regeneration.
    let tokens = catalog::by_id(ids::ACCESS_TOKEN_MANAGEMENT).expect("in the catalog");
    assert!(tokens.requires_2fa);
    assert_eq!(
        tokens.levels.iter().collect::<Vec<_>>(),
        [Level::None, Level::Full]
    );
    let workbook = catalog::by_id(ids::SUITEANALYTICS_WORKBOOK).expect("in the catalog");
    assert_eq!(workbook.subtab, Subtab::Reports);
    assert_eq!(workbook.name, "SuiteAnalytics Workbook");
    // A Lists permission with no level facts accepts every level.
    let customers = catalog::by_name("Customers").expect("Lists > Customers");
    assert_eq!(customers.subtab, Subtab::Lists);
    assert_eq!(customers.levels.iter().count(), 5);
    // A register is shown on the Transactions subtab.
    let register = catalog::all()
        .iter()
        .find(|permission| permission.id.starts_with("REGT_"))
        .expect("a register");
    assert_eq!(register.subtab, Subtab::Transactions);
    // An id only Salto's extra list gives.
    let extra = catalog::by_id("ADMI_SAC_READALL").expect("kept");
    assert_eq!(extra.name, "SuiteAnalytics Connect - Read All");
}

#[test]
fn the_repository_copy_is_the_shared_reference_data() {
    let ours = std::fs::read(repo().join("data/netsuite-permissions.json")).expect("our copy");
    let licence = std::fs::read_to_string(repo().join("data/netsuite-permissions.LICENSE.txt"))
        .expect("the licence ships beside the copy");
    assert!(licence.contains("Universal Permissive License"));
    // On a clone with ../shared beside it (CI), the copy must be byte-identical.
    if let Ok(shared) = std::fs::read(repo().join("../shared/data/netsuite-permissions.json")) {
        assert!(
            ours == shared,
            "data/netsuite-permissions.json differs from ../shared/data"
        );
    }
}
