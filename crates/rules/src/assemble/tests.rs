//! Unit tests of page assembly: the mode, the subtabs that must be there, the two routes and their
//! disagreements, lost data, the view-mode mapping by label, and hostile input.

use proptest::prelude::*;

use super::*;
use crate::catalog::ids;
use crate::codec::encode;
use crate::level::Level;
use crate::message::{english::Messages, render};

const FIELDS: [&str; 5] = [
    "permkey4_display",
    "permkey4",
    "permlevel4_display",
    "permlevel4",
    "id",
];

/// The hidden `<m>fields` and `<m>data` of lines `(label, id, level number)`.
fn hidden(lines: &[(&str, &str, &str)]) -> (String, String) {
    let rows: Vec<Vec<String>> = lines
        .iter()
        .enumerate()
        .map(|(index, (label, id, level))| {
            let text = Level::parse(level).map_or("", Level::label);
            [*label, *id, text, *level, &(index + 1).to_string()]
                .map(str::to_owned)
                .to_vec()
        })
        .collect();
    encode(&FIELDS, &rows)
}

/// A table `#<m>_splits` as a browser serializes it, with rows `(label, level text)` numbered
/// from 1.
fn table(machine: &str, rows: &[(&str, &str)]) -> String {
    let mut html = format!(
        "<table id=\"{machine}_splits\" class=\"uir-machine-table\"><tbody>\
         <tr class=\"uir-machine-headerrow\"><td>Permission</td><td>Level</td></tr>"
    );
    for (index, (label, level)) in rows.iter().enumerate() {
        html.push_str(&format!(
            "<tr class=\"uir-machine-row\" id=\"{machine}_row_{}\"><td>{label}</td><td>{level}</td></tr>",
            index + 1
        ));
    }
    html.push_str("</tbody></table>");
    html
}

/// An edit page whose Reports sublist is empty and whose Setup sublist holds `setup` in both
/// routes.
fn edit_page(setup: &[(&str, &str, &str)]) -> PageInputs {
    let mut inputs = PageInputs {
        url: "https://1234567.app.netsuite.com/app/setup/role.nl?id=1001&e=T".to_owned(),
        host: "1234567.app.netsuite.com".to_owned(),
        edit_inputs: true,
        edit_controls: true,
        role_name: Some("  Sales   Rep ".to_owned()),
        hidden_role_id: Some("1001".to_owned()),
        web_services_only: Some(false),
        ..PageInputs::default()
    };
    let (fields, data) = hidden(&[]);
    let reports = inputs.sublist_mut(Subtab::Reports);
    reports.fields = Some(fields);
    reports.data = Some(data);
    reports.table_html = Some(table("repomach", &[]));
    let (fields, data) = hidden(setup);
    let visible: Vec<(&str, &str)> = setup
        .iter()
        .map(|(label, _, level)| (*label, Level::parse(level).map_or("?", Level::label)))
        .collect();
    let sublist = inputs.sublist_mut(Subtab::Setup);
    sublist.fields = Some(fields);
    sublist.data = Some(data);
    sublist.table_html = Some(table("setupmach", &visible));
    inputs
}

/// The same page as NetSuite shows it in view mode: no hidden inputs and no editing controls.
fn view_page(setup: &[(&str, &str)]) -> PageInputs {
    let mut inputs = edit_page(&[]);
    inputs.edit_inputs = false;
    inputs.edit_controls = false;
    inputs.url = "https://1234567.app.netsuite.com/app/setup/role.nl?id=1001".to_owned();
    for sublist in &mut inputs.sublists {
        sublist.fields = None;
        sublist.data = None;
    }
    inputs.sublist_mut(Subtab::Setup).table_html = Some(table("setupmach", setup));
    inputs
}

/// The problems in English.
fn english(read: &PageRead) -> Vec<String> {
    let messages = Messages::load();
    read.problems
        .iter()
        .map(|problem| render(&problem.message(), &messages))
        .collect()
}

fn row_ids(read: &PageRead, subtab: Subtab) -> Vec<Option<&str>> {
    read.sublist(subtab)
        .map(|sublist| sublist.rows.iter().map(|(_, id)| id.as_deref()).collect())
        .unwrap_or_default()
}

const UAT: (&str, &str, &str) = ("User Access Tokens", ids::USER_ACCESS_TOKENS, "4");
const SOAP_EDIT: (&str, &str, &str) = ("SOAP Web Services", ids::WEBSERVICES, "3");

#[test]
fn an_edit_page_reads_both_routes_and_maps_rows_by_line() {
    let read = assemble(&edit_page(&[UAT, SOAP_EDIT]));
    assert_eq!(read.problems, []);
    assert!(read.is_supported());
    assert_eq!(read.mode, Mode::Edit);
    assert_eq!(read.role.id, Some(1001));
    assert_eq!(read.role.name.as_deref(), Some("Sales Rep"));
    assert_eq!(read.role.account.as_deref(), Some("1234567"));
    assert_eq!(read.role.web_services_only, Some(false));
    assert_eq!(read.role.level_of(ids::WEBSERVICES), Level::Edit);
    assert_eq!(read.host, "1234567.app.netsuite.com");
    let setup = read.sublist(Subtab::Setup).expect("Setup read");
    assert_eq!(
        setup.fields,
        Some(("permkey4".to_owned(), "permlevel4".to_owned()))
    );
    assert_eq!(
        row_ids(&read, Subtab::Setup),
        [Some(ids::USER_ACCESS_TOKENS), Some(ids::WEBSERVICES)]
    );
    // Only the sublists the page has are read.
    let subtabs: Vec<Subtab> = read.sublists.iter().map(|sublist| sublist.subtab).collect();
    assert_eq!(subtabs, [Subtab::Reports, Subtab::Setup]);
}

#[test]
fn edit_mode_needs_both_the_hidden_inputs_and_the_controls() {
    for (edit_inputs, edit_controls, mode) in [
        (true, true, Mode::Edit),
        (true, false, Mode::View),
        (false, true, Mode::View),
        (false, false, Mode::View),
    ] {
        let mut inputs = edit_page(&[UAT]);
        inputs.edit_inputs = edit_inputs;
        inputs.edit_controls = edit_controls;
        let read = assemble(&inputs);
        assert_eq!(
            read.mode, mode,
            "inputs {edit_inputs}, controls {edit_controls}"
        );
        // The hidden data is read whatever the mode.
        assert_eq!(read.role.level_of(ids::USER_ACCESS_TOKENS), Level::Full);
        assert_eq!(read.problems, []);
    }
}

/// The English of each note.
fn english_notes(read: &PageRead) -> Vec<String> {
    let messages = Messages::load();
    read.notes
        .iter()
        .map(|note| render(&note.message(), &messages))
        .collect()
}

#[test]
fn the_role_id_is_the_pages_own_and_an_address_naming_another_is_noted() {
    let mut inputs = edit_page(&[]);
    let read = assemble(&inputs);
    assert_eq!((read.role.id, read.notes.clone()), (Some(1001), vec![]));
    // Review finding 12: the address's id once won, and with it the Administrator check.
    inputs.url = "https://1234567.app.netsuite.com/app/setup/role.nl?id=3&e=T".to_owned();
    let read = assemble(&inputs);
    assert_eq!(read.role.id, Some(1001));
    assert!(!read.role.is_administrator());
    assert_eq!(
        read.notes,
        vec![PageNote::IdMismatch {
            page: 1001,
            address: 3
        }]
    );
    assert_eq!(
        english_notes(&read),
        [
            "This page's own role id is 1001, but its address names role 3: TBA Doctor reads role \
          1001, the one the page holds."
        ]
    );
    assert!(read.is_supported(), "a note, not a problem");
    // The hidden id is read trimmed; without one the address's id counts, and says nothing.
    inputs.hidden_role_id = Some(" 3 ".to_owned());
    let read = assemble(&inputs);
    assert_eq!((read.role.id, read.notes), (Some(3), vec![]));
    inputs.hidden_role_id = None;
    let read = assemble(&inputs);
    assert_eq!((read.role.id, read.notes), (Some(3), vec![]));
    inputs.url = "https://1234567.app.netsuite.com/app/setup/role.nl".to_owned();
    inputs.hidden_role_id = Some(" 1002 ".to_owned());
    assert_eq!(assemble(&inputs).role.id, Some(1002));
    // A new role: an empty id; a page whose id is not a number has none either.
    for hidden in ["", "12x", "-3", "99999999999"] {
        inputs.hidden_role_id = Some(hidden.to_owned());
        assert_eq!(assemble(&inputs).role.id, None, "{hidden:?}");
    }
    inputs.hidden_role_id = None;
    assert_eq!(assemble(&inputs).role.id, None);
}

#[test]
fn lines_with_odd_ids_are_left_out_of_the_role_and_noted() {
    // Review finding 11: the page's ids went to the popup unchecked, and one odd id cost the
    // popup the whole answer.
    let long = "A".repeat(81);
    let read = assemble(&edit_page(&[
        ("User Access Tokens", ids::USER_ACCESS_TOKENS, "4"),
        ("Odd", "ADMI WEB", "4"),
        ("Odder", "<b>", "1"),
        ("Longest", &long, "2"),
    ]));
    assert!(read.is_supported(), "{:?}", english(&read));
    let grants: Vec<&String> = read.role.grants.keys().collect();
    assert_eq!(grants, [ids::USER_ACCESS_TOKENS]);
    assert_eq!(
        read.notes,
        vec![PageNote::OddIds {
            subtab: Subtab::Setup,
            count: 3
        }]
    );
    assert_eq!(
        english_notes(&read),
        [
            "3 line(s) of the Setup subtab have an id that is no NetSuite permission id; TBA Doctor \
          left them out (no integration it checks needs them)."
        ]
    );
}

#[test]
fn a_view_page_maps_rows_by_label() {
    let read = assemble(&view_page(&[
        ("User  access tokens", "Full"),
        ("Web Services", "View"),
        ("Benutzerzugriffstoken", "Voll"),
        ("SuiteAnalytics Workbook", "Full"),
    ]));
    assert_eq!(read.mode, Mode::View);
    assert_eq!(read.problems, []);
    // The catalog's names and aliases, on the Setup subtab only; other labels map to nothing.
    assert_eq!(
        row_ids(&read, Subtab::Setup),
        [
            Some(ids::USER_ACCESS_TOKENS),
            Some(ids::WEBSERVICES),
            None,
            None
        ]
    );
    assert_eq!(read.role.level_of(ids::USER_ACCESS_TOKENS), Level::Full);
    assert_eq!(read.role.level_of(ids::WEBSERVICES), Level::View);
    assert!(!read.role.has_line(ids::SUITEANALYTICS_WORKBOOK));
    let setup = read.sublist(Subtab::Setup).expect("Setup read");
    assert_eq!(setup.fields, None);
}

#[test]
fn a_view_page_with_an_unreadable_row_is_unsupported() {
    let mut inputs = view_page(&[("User Access Tokens", "Full")]);
    // A line opened for editing shows a picker instead of its label.
    inputs.sublist_mut(Subtab::Setup).table_html = Some(
        "<table id=\"setupmach_splits\"><tbody>\
         <tr class=\"uir-machine-row\" id=\"setupmach_row_1\"><td>User Access Tokens</td><td>Full</td></tr>\
         <tr class=\"uir-machine-row\" id=\"setupmach_row_2\"><td></td><td><select></select></td></tr>\
         </tbody></table>"
            .to_owned(),
    );
    let read = assemble(&inputs);
    assert_eq!(
        english(&read),
        ["the Setup permissions table: some rows could not be read"]
    );
    assert_eq!(
        row_ids(&read, Subtab::Setup),
        [Some(ids::USER_ACCESS_TOKENS), None]
    );
    // So is one whose table is not a serialization, or could not be had at all.
    for html in ["<table><tr class=\"uir-machine-row\" id=\"x\"><td>", ""] {
        inputs.sublist_mut(Subtab::Setup).table_html = Some(html.to_owned());
        let read = assemble(&inputs);
        assert_eq!(
            read.problems,
            [Problem::UnreadableRows {
                subtab: Subtab::Setup
            }],
            "{html:?}"
        );
        assert_eq!(row_ids(&read, Subtab::Setup), []);
    }
}

#[test]
fn setup_and_reports_must_be_on_the_page() {
    for subtab in [Subtab::Setup, Subtab::Reports] {
        let mut inputs = edit_page(&[UAT]);
        *inputs.sublist_mut(subtab) = SublistInputs::default();
        let read = assemble(&inputs);
        assert_eq!(read.problems, [Problem::Absent { subtab }]);
        assert!(!read.is_supported());
        assert!(read.sublist(subtab).is_none());
    }
    let read = assemble(&PageInputs::default());
    assert_eq!(
        english(&read),
        [
            "the Reports permissions: neither the sublist data nor the table is on the page",
            "the Setup permissions: neither the sublist data nor the table is on the page",
        ]
    );
    // Either route alone is enough.
    let mut inputs = edit_page(&[UAT]);
    inputs.sublist_mut(Subtab::Setup).table_html = None;
    let read = assemble(&inputs);
    assert_eq!(read.problems, []);
    assert_eq!(read.role.level_of(ids::USER_ACCESS_TOKENS), Level::Full);
    assert_eq!(row_ids(&read, Subtab::Setup), []);
}

#[test]
fn other_subtabs_are_read_from_their_hidden_data_only() {
    let mut inputs = edit_page(&[UAT]);
    let (fields, data) = hidden(&[("Sales Order", "TRAN_SALESORD", "2")]);
    let transactions = inputs.sublist_mut(Subtab::Transactions);
    transactions.fields = Some(fields);
    transactions.data = Some(data);
    // A table that disagrees is not read: only the Setup and Reports tables are.
    transactions.table_html = Some(table("tranmach", &[("Invoice", "Full")]));
    let read = assemble(&inputs);
    assert_eq!(read.problems, []);
    assert_eq!(read.role.level_of("TRAN_SALESORD"), Level::Create);
    assert_eq!(row_ids(&read, Subtab::Transactions), []);
    // Without hidden data such a table is ignored altogether.
    let transactions = inputs.sublist_mut(Subtab::Transactions);
    transactions.fields = None;
    transactions.data = None;
    let read = assemble(&inputs);
    assert!(read.sublist(Subtab::Transactions).is_none());
    assert!(!read.role.has_line("TRAN_SALESORD"));
}

#[test]
fn hidden_data_and_table_that_disagree_make_the_page_unsupported() {
    let mut inputs = edit_page(&[UAT, SOAP_EDIT]);
    inputs.sublist_mut(Subtab::Setup).table_html = Some(table(
        "setupmach",
        &[
            ("User Access Tokens", "View"),
            ("SOAP Web Services", "Edit"),
            ("Log in using Access Tokens", "Full"),
        ],
    ));
    let read = assemble(&inputs);
    assert_eq!(
        english(&read),
        [
            "Setup permissions: the page disagrees with itself: ADMI_MANAGE_OWN_OAUTH_TOKENS is \
             Full in the sublist data but View in the table",
            "Setup permissions: the page disagrees with itself: ADMI_LOGIN_OAUTH is in the table \
             but not in the sublist data",
        ]
    );
    assert!(matches!(
        read.problems[0],
        Problem::Disagrees {
            subtab: Subtab::Setup,
            disagreement: Disagreement::LevelDiffers { .. }
        }
    ));
    // The hidden data still decides the facts, for whoever looks.
    assert_eq!(read.role.level_of(ids::USER_ACCESS_TOKENS), Level::Full);
    // A row missing from the table is a disagreement too.
    let mut inputs = edit_page(&[UAT, SOAP_EDIT]);
    inputs.sublist_mut(Subtab::Setup).table_html =
        Some(table("setupmach", &[("User Access Tokens", "Full")]));
    assert_eq!(
        english(&assemble(&inputs)),
        [
            "Setup permissions: the page disagrees with itself: ADMI_WEBSERVICES is in the sublist \
             data but not in the table"
        ]
    );
}

#[test]
fn hidden_data_that_loses_rows_is_reported_line_by_line_up_to_five() {
    let mut inputs = edit_page(&[UAT]);
    let setup = inputs.sublist_mut(Subtab::Setup);
    setup.data = Some(
        [
            "User Access Tokens\u{1}ADMI_MANAGE_OWN_OAUTH_TOKENS\u{1}Full\u{1}4",
            "A\u{1}ADMI_A\u{1}x\u{1}9\u{1}2",
            "\u{1}\u{1}Full\u{1}4\u{1}3",
        ]
        .join("\u{2}"),
    );
    setup.table_html = None;
    let read = assemble(&inputs);
    assert_eq!(
        english(&read),
        [
            "Setup permissions (hidden sublist data): line 1 has 4 cells where 5 fields are \
             declared",
            "Setup permissions (hidden sublist data): line 2 has an unreadable level \"9\"",
            "Setup permissions (hidden sublist data): line 3 has no permission key",
        ]
    );
    // Lost data adds no grant: nothing half-read is evaluated.
    assert!(read.role.grants.is_empty());
    // Hundreds of bad lines give five problems, not hundreds.
    let setup = inputs.sublist_mut(Subtab::Setup);
    setup.data = Some(vec!["A\u{1}ADMI_A\u{1}x\u{1}9\u{1}2"; 300].join("\u{2}"));
    let read = assemble(&inputs);
    assert_eq!(read.problems.len(), MAX_PROBLEMS_PER_KIND);
    assert!(read.problems.iter().all(|problem| matches!(
        problem,
        Problem::LostData {
            diagnostic: Diagnostic::InvalidLevel { .. },
            ..
        }
    )));
}

#[test]
fn an_edit_page_without_key_or_level_field_cannot_be_fixed() {
    let mut inputs = edit_page(&[]);
    inputs.sublist_mut(Subtab::Setup).fields = Some("permkey4\u{1}id".to_owned());
    let read = assemble(&inputs);
    assert_eq!(
        english(&read),
        [
            "Setup permissions (hidden sublist data): no permission level field in the sublist \
             fields",
            "the Setup sublist: no permission key or level field",
        ]
    );
    // In view mode nothing is to be filled in: the same page only lacks the lines' levels.
    inputs.edit_controls = false;
    let read = assemble(&inputs);
    assert_eq!(
        read.problems,
        [Problem::LostData {
            subtab: Subtab::Setup,
            diagnostic: Diagnostic::NoLevelField
        }]
    );
}

#[test]
fn the_status_hook_says_view_mode_only_when_something_is_to_fix() {
    assert_eq!(status_hook(Status::Ok, Mode::View), "ok");
    assert_eq!(status_hook(Status::NeedsFix, Mode::View), "view-mode");
    assert_eq!(status_hook(Status::FeatureOff, Mode::View), "view-mode");
    assert_eq!(status_hook(Status::NeedsFix, Mode::Edit), "needs-fix");
    assert_eq!(status_hook(Status::FeatureOff, Mode::Edit), "feature-off");
}

#[test]
fn page_names_follow_the_machine_names() {
    for subtab in Subtab::ALL {
        let machine = subtab.machine();
        let names = page_names(subtab);
        assert_eq!(names.fields, format!("{machine}fields"));
        assert_eq!(names.data, format!("{machine}data"));
        assert_eq!(names.labels, format!("{machine}labels"));
        assert_eq!(names.table, format!("{machine}_splits"));
        assert_eq!(names.tab_link, format!("{machine}txt"));
    }
}

#[test]
fn huge_and_hostile_strings_are_read_without_panicking() {
    let mut inputs = edit_page(&[UAT]);
    inputs.role_name = Some("<img src=x onerror=alert(1)> ".repeat(100_000));
    inputs.hidden_role_id = Some("9".repeat(10_000));
    inputs.url = format!("https://{}/app/setup/role.nl?id=", "a".repeat(100_000));
    inputs.host = "\u{0}".repeat(10_000);
    let setup = inputs.sublist_mut(Subtab::Setup);
    // Larger than the codec reads at all.
    setup.data = Some("x".repeat(crate::codec::MAX_INPUT_BYTES + 1));
    setup.table_html = Some("<tr><td>".repeat(200_000));
    let reports = inputs.sublist_mut(Subtab::Reports);
    reports.fields = Some("\u{1}".repeat(100_000));
    reports.table_html = Some(format!(
        "<table>{}</table>",
        "<div class=\"uir-machine-row\" id=\"repomach_row_1\">".repeat(10_000)
    ));
    let read = assemble(&inputs);
    assert!(!read.is_supported());
    let name = read.role.name.as_deref().expect("a name");
    assert_eq!(name.chars().count(), MAX_TEXT_CHARS);
    assert_eq!(read.role.id, None);
    assert_eq!(read.role.account, None);
    let texts = english(&read);
    assert!(
        texts.iter().any(|text| text.contains("is larger than the")),
        "{texts:?}"
    );
}

fn any_sublist() -> impl Strategy<Value = SublistInputs> {
    let text = || proptest::option::of("[\u{0}-\u{7}<>/=\"a-z_0-9 &;\u{a0}é]{0,80}");
    (text(), text(), text(), text()).prop_map(|(fields, data, labels, table_html)| SublistInputs {
        fields,
        data,
        labels,
        table_html,
    })
}

proptest! {
    #[test]
    fn any_strings_assemble_without_panicking(
        sublists in proptest::array::uniform5(any_sublist()),
        edit_inputs in any::<bool>(),
        edit_controls in any::<bool>(),
        role_name in proptest::option::of(".{0,40}"),
        hidden_role_id in proptest::option::of(".{0,12}"),
        url in ".{0,60}",
    ) {
        let inputs = PageInputs {
            url,
            host: String::new(),
            edit_inputs,
            edit_controls,
            role_name,
            hidden_role_id,
            web_services_only: None,
            sublists,
        };
        let read = assemble(&inputs);
        let messages = Messages::load();
        for problem in &read.problems {
            let message = problem.message();
            prop_assert_eq!(message.args.len(), message.id.arity());
            prop_assert!(!render(&message, &messages).is_empty());
        }
        // A visible row is only ever mapped to an id the role has a line for.
        for sublist in &read.sublists {
            for id in sublist.rows.iter().filter_map(|(_, id)| id.as_deref()) {
                prop_assert!(read.role.has_line(id) || !read.is_supported());
            }
        }
    }

    #[test]
    fn any_table_text_assembles_without_panicking(html in ".{0,400}") {
        let mut inputs = view_page(&[]);
        inputs.sublist_mut(Subtab::Setup).table_html = Some(html);
        let _ = assemble(&inputs);
    }
}
