//! The importer against vendors' published permission tables (`tests/import/*.txt`, each with its
//! source on its first line, copied as the stored pages word them, misspellings and old names
//! kept), SDF role XML and TBA Doctor's own exports: what each line is understood as.

use tba_rules::import::{Format, Preview, Status, import, import_as};
use tba_rules::message::{english::Messages, render};
use tba_rules::{Level, catalog};

fn input(name: &str) -> String {
    // The inputs are the vendors' words; each file's first line names its source.
    let path = format!("{}/tests/import/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// (line, status, permkey, level) of every entry.
fn entries(preview: &Preview) -> Vec<(usize, &'static str, Option<&str>, Option<Level>)> {
    preview
        .entries
        .iter()
        .map(|entry| {
            (
                entry.line,
                entry.status.code(),
                entry.status.permkey(),
                entry.status.level(),
            )
        })
        .collect()
}

fn line(preview: &Preview, number: usize) -> &Status {
    &preview
        .entries
        .iter()
        .find(|entry| entry.line == number)
        .unwrap_or_else(|| panic!("no entry on line {number}"))
        .status
}

fn said(status: &Status) -> String {
    render(&status.message(), &Messages::load())
}

fn matched(status: &Status) -> (Vec<&'static str>, Level) {
    match status {
        Status::Matched { any_of, level, .. } => (any_of.clone(), *level),
        other => panic!("not matched: {other:?}"),
    }
}

fn suggestions(status: &Status) -> Vec<&'static str> {
    match status {
        Status::Unknown { suggestions, .. } => suggestions.clone(),
        other => panic!("not unknown: {other:?}"),
    }
}

/// Every source line says where the input comes from.
#[test]
fn every_input_names_its_source() {
    let dir = format!("{}/tests/import", env!("CARGO_MANIFEST_DIR"));
    let mut count = 0;
    for file in std::fs::read_dir(&dir).expect("inputs") {
        let path = file.expect("input").path();
        let text = std::fs::read_to_string(&path).expect("text");
        assert!(text.starts_with("# source: "), "{}", path.display());
        // The header lines are Markdown headings, which name no subtab: never entries.
        assert!(import(&text).entries.iter().all(|entry| entry.line > 2));
        count += 1;
    }
    assert!(count >= 6, "{count} inputs");
}

/// Celigo's Salesforce-NetSuite table (article 360038607852): a heading line per subtab, a header
/// per table, "Ship Items" for Shipping Items, "Return Auth. Approval", Workbook at Edit.
#[test]
fn celigo_subtab_tables_with_outdated_names() {
    let preview = import(&input("celigo.txt"));
    assert_eq!(preview.format, Format::Table);
    assert_eq!(preview.counts(), (50, 2, 0));
    assert_eq!(
        matched(line(&preview, 6)),
        (vec!["TRAN_CUSTCRED"], Level::Edit)
    );
    assert_eq!(
        matched(line(&preview, 23)),
        (vec!["TRAN_RTNAUTHAPPRV"], Level::Edit)
    );
    assert_eq!(
        matched(line(&preview, 27)),
        (vec!["REPO_ANALYTICS"], Level::Edit)
    );
    assert_eq!(
        matched(line(&preview, 52)),
        (vec!["LIST_SHIPITEM"], Level::View)
    );
    assert_eq!(
        matched(line(&preview, 55)),
        (vec!["ADMI_MANAGE_OAUTH_TOKENS"], Level::Full)
    );
    // Names NetSuite does not have are listed with the closest ones, never dropped.
    assert!(!suggestions(line(&preview, 45)).is_empty());
    assert!(said(line(&preview, 62)).contains("“Delete Event”"));
    // Subtab heading lines and header rows are no entries.
    assert!(
        entries(&preview)
            .iter()
            .all(|(number, ..)| ![4, 5, 25, 26].contains(number))
    );
    assert_eq!(preview.imported().requirements.len(), 50);
}

/// Celigo's connection page (article 360037845811): the section in a first column, group rows.
#[test]
fn celigo_section_column() {
    let preview = import(&input("celigo_360037845811.txt"));
    assert_eq!(preview.counts(), (12, 1, 0));
    assert_eq!(matched(line(&preview, 6)), (vec!["TRAN_FIND"], Level::Full));
    assert_eq!(
        matched(line(&preview, 10)),
        (vec!["LIST_ACCOUNT"], Level::Full)
    );
    assert_eq!(line(&preview, 19).code(), "unknown");
}

/// Zuora: `Object | Category | Permission Level`, singular categories, "Web Services" (now SOAP
/// Web Services), "Currencies" for Currency, "Order or Sales Order".
#[test]
fn zuora_object_category_level() {
    let preview = import(&input("zuora.txt"));
    assert_eq!(preview.counts(), (16, 1, 0));
    assert_eq!(
        matched(line(&preview, 17)),
        (vec!["ADMI_WEBSERVICES"], Level::Full)
    );
    assert_eq!(
        matched(line(&preview, 18)),
        (vec!["LIST_CURRENCY"], Level::Full)
    );
    assert_eq!(
        matched(line(&preview, 14)),
        (vec!["LIST_PAYMETH"], Level::View)
    );
    assert_eq!(
        suggestions(line(&preview, 11)).first(),
        Some(&"TRAN_SALESORD")
    );
}

/// Routable: `Subtab | Permission | Level | Notes` with the subtab only on a group's first row,
/// notes after the level, "Custom Record (If applicable)" as a subtab cell.
#[test]
fn routable_rowspan_subtabs_and_notes() {
    let preview = import(&input("routable.txt"));
    assert_eq!(preview.counts(), (28, 1, 0));
    assert_eq!(
        matched(line(&preview, 7)),
        (vec!["TRAN_CUSTPYMT"], Level::Create)
    );
    assert_eq!(
        matched(line(&preview, 9)),
        (vec!["TRAN_ITEMRCPT"], Level::View)
    );
    assert_eq!(
        matched(line(&preview, 13)),
        (vec!["TRAN_POSTPERIODS"], Level::Edit)
    );
    assert_eq!(
        matched(line(&preview, 23)),
        (vec!["ADMI_ACCTSETUP"], Level::Full)
    );
    assert_eq!(
        matched(line(&preview, 33)),
        (vec!["ADMI_MANAGECUSTOMSEGMENTS"], Level::View)
    );
    assert_eq!(line(&preview, 34).code(), "unknown");
}

/// SailPoint: the level before the subtab, "X Or Y" in one cell, lower-case levels, singular
/// names, a table repeated, "Control Suite Script … Web Service Request".
#[test]
fn sailpoint_any_of_repeats_and_singulars() {
    let preview = import(&input("sailpoint.txt"));
    assert_eq!(preview.counts(), (16, 3, 0));
    assert_eq!(
        matched(line(&preview, 15)),
        (
            vec!["ADMI_MANAGE_OWN_OAUTH_TOKENS", "ADMI_LOGIN_OAUTH"],
            Level::Full
        )
    );
    assert_eq!(
        matched(line(&preview, 29)),
        (vec!["LIST_SUBSIDIARY"], Level::View)
    );
    assert_eq!(
        matched(line(&preview, 30)),
        (vec!["LIST_LOCATION"], Level::View)
    );
    assert!(said(line(&preview, 16)).contains("named before, on line 7"));
    assert_eq!(
        suggestions(line(&preview, 23)).first(),
        Some(&"ADMI_WEBSERVICESOVERRIDESSTRING")
    );
    // The second table repeats five lines of the first: eleven requirements in all.
    let imported = preview.imported();
    assert_eq!(imported.requirements.len(), 11);
    assert_eq!(
        imported.requirements[5].any_of,
        ["ADMI_MANAGE_OWN_OAUTH_TOKENS", "ADMI_LOGIN_OAUTH"]
    );
}

/// Stax Bill: bullets with no level under "Navigate to the Permissions >Lists tab … with the Level
/// set to Full", singular names, custom records by their display names.
#[test]
fn staxbill_bullets_under_instruction_lines() {
    let preview = import(&input("staxbill.txt"));
    assert_eq!(preview.counts(), (23, 5, 0));
    assert!(
        preview
            .entries
            .iter()
            .filter(|entry| entry.status.code() == "matched")
            .all(|entry| entry.status.level() == Some(Level::Full))
    );
    assert_eq!(
        matched(line(&preview, 11)),
        (vec!["TRAN_CLEARHOLD"], Level::Full)
    );
    assert_eq!(
        matched(line(&preview, 26)),
        (vec!["ADMI_CUSTENTITYFIELD"], Level::Full)
    );
    assert_eq!(
        matched(line(&preview, 28)),
        (vec!["ADMI_LOGIN_OAUTH"], Level::Full)
    );
    let custom = said(line(&preview, 31));
    assert!(custom.contains("script id"), "{custom}");
}

/// Payhawk: a caption "Role page → Permissions → X subtab" per table, an alias ("Accounting
/// Preferences"), a name in another case ("Custom GL lines Plug-in Audit Log").
#[test]
fn payhawk_captions_and_aliases() {
    let preview = import(&input("payhawk.txt"));
    assert_eq!(preview.counts(), (34, 1, 0));
    assert_eq!(
        matched(line(&preview, 8)),
        (vec!["TRAN_DEPOSIT"], Level::Create)
    );
    assert_eq!(
        matched(line(&preview, 26)),
        (vec!["LIST_GLLINESAUDITLOG"], Level::View)
    );
    assert_eq!(
        matched(line(&preview, 41)),
        (vec!["ADMI_ACCTSETUP"], Level::Full)
    );
}

/// RingCentral App Connect: a padded Markdown table with a separator row and a note in a level.
#[test]
fn ringcentral_markdown_table() {
    let preview = import(&input("ringcentral.txt"));
    assert_eq!(preview.counts(), (10, 0, 0));
    assert_eq!(
        matched(line(&preview, 9)),
        (vec!["LIST_SUBSIDIARY"], Level::View)
    );
    assert_eq!(
        matched(line(&preview, 11)),
        (vec!["ADMI_LOGIN_OAUTH2"], Level::Full)
    );
}

/// Merge: an upper-case header naming the subtab, a footnote mark ("Check**").
#[test]
fn merge_footnote_marks() {
    let preview = import(&input("merge.txt"));
    assert_eq!(preview.counts(), (12, 0, 0));
    assert_eq!(
        matched(line(&preview, 10)),
        (vec!["TRAN_CHECK"], Level::Full)
    );
}

/// Sellware: "Credit Memo with Full Level (from the drop-down on the right)".
#[test]
fn sellware_with_level_wording() {
    let preview = import(&input("sellware.txt"));
    assert_eq!(
        entries(&preview),
        [
            (5, "matched", Some("TRAN_CUSTCRED"), Some(Level::Full)),
            (6, "matched", Some("TRAN_FIND"), Some(Level::Full)),
        ]
    );
}

/// CData: no level column ("Permission | Used For"); a level inside the name ("Custom Lists
/// (VIEW)"); the lines without one are errors that name the permission.
#[test]
fn cdata_levels_in_names_and_missing_levels() {
    let preview = import(&input("cdata.txt"));
    assert_eq!(preview.counts(), (3, 1, 5));
    assert_eq!(
        matched(line(&preview, 7)),
        (vec!["ADMI_CUSTLIST"], Level::View)
    );
    let missing = said(line(&preview, 5));
    assert!(
        missing.starts_with("Access Token Management: no level"),
        "{missing}"
    );
}

#[test]
fn sdf_role_xml_with_a_custom_record_key() {
    let xml = "<role scriptid=\"customrole_sync\">\n  <name>Sync role</name>\n  <permissions>\n\
        <permission><permkey>LIST_CUSTJOB</permkey><permlevel>EDIT</permlevel></permission>\n\
        <permission><permkey>customrecord_invoice_batch</permkey><permlevel>FULL</permlevel></permission>\n\
        <permission><permkey>ADMI_LOGIN_OAUTH</permkey><permlevel>VIEW</permlevel></permission>\n\
        </permissions>\n</role>\n";
    let preview = import(xml);
    assert_eq!(preview.format, Format::Sdf);
    assert_eq!(preview.name.as_deref(), Some("Sync role"));
    assert_eq!(
        entries(&preview),
        [
            (4, "matched", Some("LIST_CUSTJOB"), Some(Level::Edit)),
            (
                5,
                "matched",
                Some("customrecord_invoice_batch"),
                Some(Level::Full)
            ),
            (6, "error", None, None),
        ]
    );
    assert!(said(line(&preview, 5)).contains("cannot be checked"));
    let impossible = said(line(&preview, 6));
    assert!(impossible.contains("offers it at Full"), "{impossible}");
    let imported = preview.imported();
    assert_eq!(imported.requirements.len(), 1);
    assert_eq!(imported.kept.len(), 1);
}

#[test]
fn profile_files_of_another_kind_or_version_are_said_to_be() {
    assert_eq!(
        import("{\"format\": \"something\"}").problems,
        [tba_rules::import::Problem::NotAProfileFile]
    );
    assert_eq!(
        import("{\"format\": \"tba-doctor-profile\", \"version\": 2}").problems,
        [tba_rules::import::Problem::UnknownVersion {
            version: "2".to_owned()
        }]
    );
    assert_eq!(
        import("{\n\"format\": \"tba-doctor-profile\",\n\"version\": 1,\n}").problems,
        [tba_rules::import::Problem::NotJson { line: 4 }]
    );
    assert_eq!(
        import_as(Format::Table, "no permission here\n").problems,
        [tba_rules::import::Problem::Nothing]
    );
}

#[test]
fn every_catalog_name_and_id_reads_back_as_its_permission() {
    let (mut names, mut ids, mut expected) = (String::new(), String::new(), Vec::new());
    for permission in catalog::all() {
        let Some(level) = permission
            .levels
            .max()
            .filter(|level| *level != Level::None)
        else {
            continue;
        };
        if !permission.name.is_empty() {
            names.push_str(&format!("{} | {}\n", permission.name, level.label()));
            expected.push(permission.id);
        }
        ids.push_str(&format!("{}, {}\n", permission.id, level.sdf()));
    }
    let by_name = import_as(Format::Table, &names);
    assert!(by_name.problems.is_empty(), "{:?}", by_name.problems);
    let found: Vec<&str> = by_name
        .entries
        .iter()
        .filter_map(|e| e.status.permkey())
        .collect();
    let lost: Vec<&&str> = expected.iter().filter(|id| !found.contains(id)).collect();
    assert!(lost.is_empty(), "not found by name: {lost:?}");
    assert_eq!(found, expected);
    let by_id = import_as(Format::Table, &ids);
    assert_eq!(by_id.counts(), (catalog::all().len(), 0, 0));
}

mod round_trip {
    //! Exporting a profile and importing the export gives the same profile back.

    use proptest::prelude::*;
    use tba_rules::import::{Format, Kept, import, import_as};
    use tba_rules::message::{Text, english::Messages};
    use tba_rules::profile::{Flags, Profile, ProfileDraft, RequirementDraft};
    use tba_rules::{Level, LevelSet, catalog, export};

    /// Catalog permissions (with a name) and a level each takes, distinct, grouped into
    /// requirements of one to three permissions that all take the group's level.
    fn requirements() -> impl Strategy<Value = Vec<(Vec<&'static str>, Level)>> {
        let count = catalog::all().len();
        (
            prop::collection::btree_set(0..count, 1..24),
            prop::collection::vec((1usize..4, 1usize..5), 24),
        )
            .prop_map(|(indices, shapes)| {
                let permissions: Vec<&'static catalog::Permission> = indices
                    .into_iter()
                    .filter_map(|index| catalog::all().get(index))
                    .filter(|permission| !permission.name.is_empty())
                    .collect();
                let mut groups = Vec::new();
                let mut rest = permissions.as_slice();
                for (size, level) in shapes {
                    if rest.is_empty() {
                        break;
                    }
                    let take = size.min(rest.len());
                    let (group, tail) = rest.split_at(take);
                    rest = tail;
                    let common = group.iter().fold(LevelSet::ALL, |set, p| set.and(p.levels));
                    let wanted = Level::from_number(level as u8).unwrap_or(Level::Full);
                    // The level asked, or the highest the group takes in common.
                    let level = if common.contains(wanted) {
                        Some(wanted)
                    } else {
                        common.max().filter(|level| *level != Level::None)
                    };
                    match level {
                        Some(level) => groups.push((group.iter().map(|p| p.id).collect(), level)),
                        // No level in common: each alone, at its highest.
                        None => groups.extend(group.iter().filter_map(|p| {
                            p.levels
                                .max()
                                .filter(|l| *l != Level::None)
                                .map(|l| (vec![p.id], l))
                        })),
                    }
                }
                groups
            })
            .prop_filter("at least one requirement", |groups| !groups.is_empty())
    }

    fn kept() -> impl Strategy<Value = Vec<Kept>> {
        prop::collection::btree_map("customrecord_[a-z0-9_]{1,20}", 1u8..5, 0..4).prop_map(|keys| {
            keys.into_iter()
                .map(|(key, level)| Kept {
                    key,
                    level: Level::from_number(level).unwrap_or(Level::Full),
                })
                .collect()
        })
    }

    fn profile(
        groups: &[(Vec<&'static str>, Level)],
        why: &str,
        name: &str,
        flags: Flags,
    ) -> Profile {
        Profile::validate(ProfileDraft {
            id: "custom:round-trip".to_owned(),
            name: Text::Plain(name.to_owned()),
            summary: Text::Plain("Made by a property test, \"quoted\"".to_owned()),
            requirements: groups
                .iter()
                .map(|(ids, level)| RequirementDraft {
                    any_of: ids.iter().map(|id| (*id).to_owned()).collect(),
                    level: *level,
                    why: Text::Plain(why.to_owned()),
                })
                .collect(),
            flags,
        })
        .unwrap_or_else(|errors| panic!("{errors:?}"))
    }

    fn flags() -> impl Strategy<Value = Flags> {
        prop::collection::vec(any::<bool>(), 8).prop_map(|bits| Flags {
            forbids_web_services_only: bits[0],
            warns_token_admin_limits: bits[1],
            warns_connect_not_for_administrator: bits[2],
            refuses_two_factor: bits[3],
            refuses_administrator: bits[4],
            notes_m2m_mapping: bits[5],
            notes_suitescript: bits[6],
            tba: bits[7],
        })
    }

    fn shape(requirements: &[RequirementDraft]) -> Vec<(Vec<String>, Level)> {
        requirements
            .iter()
            .map(|r| (r.any_of.clone(), r.level))
            .collect()
    }

    fn expected(groups: &[(Vec<&'static str>, Level)]) -> Vec<(Vec<String>, Level)> {
        groups
            .iter()
            .map(|(ids, level)| (ids.iter().map(|id| (*id).to_owned()).collect(), *level))
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn the_profile_file_gives_back_the_same_profile(
            groups in requirements(),
            kept in kept(),
            why in "[ -~éü“”\t]{1,40}",
            name in "[A-Za-z0-9 &<>\"'é]{1,30}",
            flags in flags(),
        ) {
            prop_assume!(!why.trim().is_empty() && !name.trim().is_empty());
            let original = profile(&groups, &why, &name, flags);
            let file = export::file(&original, &kept, &Messages::load());
            let preview = import(&file);
            prop_assert_eq!(preview.format, Format::File);
            prop_assert!(preview.problems.is_empty(), "{:?}", preview.problems);
            prop_assert_eq!(preview.id.as_deref(), Some("custom:round-trip"));
            prop_assert_eq!(preview.name.as_deref(), Some(name.as_str()));
            prop_assert_eq!(preview.flags, flags);
            let imported = preview.imported();
            prop_assert_eq!(&imported.kept, &kept);
            let again = Profile::validate(ProfileDraft {
                id: preview.id.clone().unwrap_or_default(),
                name: Text::Plain(name.clone()),
                summary: Text::Plain(preview.summary.clone().unwrap_or_default()),
                requirements: imported.requirements,
                flags: preview.flags,
            });
            prop_assert_eq!(again.as_ref().ok(), Some(&original), "{:?}", again.as_ref().err());
        }

        #[test]
        fn csv_and_sdf_give_back_the_same_requirements(
            groups in requirements(),
            kept in kept(),
        ) {
            let original = profile(&groups, "because", "Round trip", Flags::default());
            let csv = export::csv(&original, &kept);
            let preview = import_as(Format::Table, &csv);
            prop_assert_eq!(preview.counts(), (groups.len() + kept.len(), 0, 0), "{}", csv);
            let imported = preview.imported();
            prop_assert_eq!(shape(&imported.requirements), expected(&groups));
            prop_assert_eq!(&imported.kept, &kept);

            // SDF has no "any of": each requirement's first permission is exported.
            let sdf = export::sdf(&original, &kept, &Messages::load());
            let preview = import(&sdf);
            prop_assert_eq!(preview.format, Format::Sdf);
            prop_assert_eq!(preview.name.as_deref(), Some("Round trip"));
            let imported = preview.imported();
            let firsts: Vec<(Vec<String>, Level)> = groups
                .iter()
                .map(|(ids, level)| (vec![ids[0].to_owned()], *level))
                .collect();
            prop_assert_eq!(shape(&imported.requirements), firsts);
            prop_assert_eq!(&imported.kept, &kept);
        }

        #[test]
        fn importing_never_panics_on_any_text(text in "\\PC{0,400}") {
            for format in [Format::Table, Format::Sdf, Format::File] {
                let preview = import_as(format, &text);
                prop_assert!(preview.entries.iter().all(|entry| entry.line >= 1));
            }
        }

        #[test]
        fn importing_never_panics_on_pieces_of_every_format(
            pieces in prop::collection::vec(prop::sample::select(vec![
                "|", "\t", ",", "\n", "\r\n", " ", "Lists", ">", "->", ":", "(", ")", "Full", "view",
                "Customers", "Sales Order", "or", "Or", "customrecord_x", "[scriptid=", "]", "#",
                "- ", "1. ", "\"", "<permission>", "</permission>", "<permkey>", "</permkey>",
                "<permlevel>", "</permlevel>", "<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&#x",
                "&#99999999;", "{", "}", "[", "]", "\"anyOf\"", "\"format\":\"tba-doctor-profile\"",
                "\"version\":1", "\"requirements\"", "\\u", "\\ud800", "é", "\u{2192}", "set to ",
                "Permissions >", "ADMI_WEBSERVICES", "LEVEL", "Permission | Level",
            ]), 0..80),
        ) {
            let text: String = pieces.concat();
            for format in [Format::Table, Format::Sdf, Format::File] {
                let preview = import_as(format, &text);
                let _ = preview.imported();
                for entry in &preview.entries {
                    let _ = entry.status.message();
                }
            }
        }
    }
}

#[test]
fn a_roles_permissions_become_an_import_that_reads_back_as_them() {
    use tba_rules::{Role, Subtab};
    let mut role = Role::default();
    role.grant("TRAN_SALESORD", Subtab::Transactions, Level::Edit);
    role.grant("LIST_CUSTJOB", Subtab::Lists, Level::Full);
    role.grant("ADMI_LOGIN_OAUTH", Subtab::Setup, Level::Full);
    role.grant("REPO_SALES", Subtab::Reports, Level::View);
    role.grant("LIST_ITEM", Subtab::Lists, Level::None);
    role.grant("ADMI_NOT_IN_THE_CATALOG", Subtab::Setup, Level::Full);
    let text = tba_rules::export::role(&role);
    let preview = import_as(Format::Table, &text);
    assert_eq!(preview.counts(), (4, 0, 0), "{text}");
    let read: Vec<(String, Level)> = preview
        .imported()
        .requirements
        .iter()
        .map(|requirement| (requirement.any_of[0].clone(), requirement.level))
        .collect();
    // Catalog order: Setup, Lists, Reports, Transactions; a line at None and an unknown id left out.
    assert_eq!(
        read,
        [
            ("ADMI_LOGIN_OAUTH".to_owned(), Level::Full),
            ("LIST_CUSTJOB".to_owned(), Level::Full),
            ("REPO_SALES".to_owned(), Level::View),
            ("TRAN_SALESORD".to_owned(), Level::Edit),
        ]
    );
}
