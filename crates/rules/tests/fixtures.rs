//! The role-page fixture cases (`tests/fixtures/role/*`) without a browser: each case's
//! `page.html` (the page the e2e server serves for it, checked in; `selfcheck.mjs` fails when it
//! is not current) is read into `PageInputs` by the small extractor below, assembled, evaluated
//! with the default profile and each profile `expected.json` lists under `profiles`, and compared
//! with `expected.json` (its fields are described in `tests/fixtures/README.md`).
//!
//! The extractor scans the page's text for what the content script reads through the DOM
//! (`crates/content/src/read.rs`): hidden inputs by name, the name field, the Web Services Only
//! checkbox, and the Setup and Reports tables, which the fixture renderer writes the way a browser
//! serializes them except for `&#39;`. Two things of the live page are not in its HTML, because
//! `netsuite-sim.js` makes them at load (FIXTURE-ONLY): in edit mode the sublists' mini-forms and
//! Add buttons, and the permission picker whose offered ids the bridge reports. Both are taken from
//! the page's `#ns-fixture-data` block, which is what the simulation builds them from.
//!
//! The row marks are `tba_rules::marks`', put on the rows the reading mapped to an id. What the
//! panel does beyond the verdict is the content script's, and is mirrored here: no Fix all and no
//! Pre-fill in view mode, a Pre-fill of the first missing permission in its sublist's key and level
//! fields at the plan's level.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use tba_rules::assemble::{Mode, PageInputs, PageRead, TABLES_READ, assemble, page_names};
use tba_rules::evaluate::RequirementState;
use tba_rules::marks::row_marks;
use tba_rules::{FixOp, ProfileId, Subtab, catalog, evaluate};

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/role")
}

/// HTML text with the escapes the fixture renderer writes undone.
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The start tags `<name …>` of the page, in page order (the renderer escapes `>` in values).
fn start_tags<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name} ");
    html.match_indices(&open)
        .filter_map(|(at, _)| Some(&html[at..=at + html[at..].find('>')?]))
        .collect()
}

/// The value of attribute `name` of a start tag, unescaped.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(unescape(&tag[start..end]))
}

/// Whether a start tag has the attribute `name` (with or without a value).
fn has_attribute(tag: &str, name: &str) -> bool {
    let key = format!(" {name}");
    tag.match_indices(key.as_str()).any(|(at, _)| {
        matches!(
            tag.as_bytes().get(at + key.len()),
            Some(b' ' | b'>' | b'=' | b'/')
        )
    })
}

/// The value of the first `<input>` named `name`, as `main_form.elements[name].value`.
fn input_value(html: &str, name: &str) -> Option<String> {
    start_tags(html, "input")
        .into_iter()
        .find(|tag| attribute(tag, "name").as_deref() == Some(name))
        .map(|tag| attribute(tag, "value").unwrap_or_default())
}

/// The role name: the `#name` input's value in edit mode, the field's text in view mode.
fn role_name(html: &str) -> Option<String> {
    let name_input = start_tags(html, "input")
        .into_iter()
        .find(|tag| attribute(tag, "id").as_deref() == Some("name"));
    if let Some(tag) = name_input {
        return Some(attribute(tag, "value").unwrap_or_default());
    }
    let field = html.find("data-field-name=\"name\"")?;
    let input = html[field..].find("data-nsps-type=\"field_input\"")? + field;
    let text = html[input..].find('>')? + input + 1;
    let end = html[text..].find('<')? + text;
    Some(unescape(&html[text..end]))
}

/// The serialization of the element `<table id="…">`, as `outerHTML` gives it.
fn table(html: &str, id: &str) -> Option<String> {
    let start = html.find(&format!("<table id=\"{id}\""))?;
    let end = html[start..].find("</table>")? + start + "</table>".len();
    // A browser writes an apostrophe in text and attribute values as it is.
    Some(html[start..end].replace("&#39;", "'"))
}

/// The simulation's data block (FIXTURE-ONLY), `null` when the page has none.
fn fixture_data(html: &str) -> Value {
    let open = "<script type=\"application/json\" id=\"ns-fixture-data\">";
    let Some(start) = html.find(open).map(|at| at + open.len()) else {
        return Value::Null;
    };
    let end = html[start..]
        .find("</script>")
        .map_or(html.len(), |end| end + start);
    serde_json::from_str(&html[start..end]).unwrap_or(Value::Null)
}

/// What the content script would read from the live page `html`, and the Setup ids its
/// permission picker offers (which the content script learns from the bridge).
fn inputs(html: &str) -> (PageInputs, Option<tba_rules::idmap::IdSet>) {
    let data = fixture_data(html);
    let setup_machine = &data["machines"]["setupmach"];
    let edit_controls = html.contains("name=\"setupmach_form\"")
        || html.contains("id=\"setupmach_addedit\"")
        // The simulation adds both for every machine of its data block, except in view mode.
        || (data["mode"] != "view" && setup_machine.is_object());
    let offered: Option<tba_rules::idmap::IdSet> =
        setup_machine["offered"].as_array().map(|options| {
            options
                .iter()
                .filter_map(|option| option[0].as_str().map(str::to_owned))
                .collect()
        });
    let checkbox = start_tags(html, "input")
        .into_iter()
        .find(|tag| attribute(tag, "name").as_deref() == Some("iswebserviceonlyrole"));
    let mut inputs = PageInputs {
        url: "https://system.netsuite.com/app/setup/role.nl".to_owned(),
        host: "system.netsuite.com".to_owned(),
        edit_inputs: input_value(html, "setupmachdata").is_some()
            && input_value(html, "setupmachfields").is_some(),
        edit_controls,
        role_name: role_name(html),
        hidden_role_id: input_value(html, "id"),
        web_services_only: checkbox.map(|tag| has_attribute(tag, "checked")),
        ..PageInputs::default()
    };
    for subtab in Subtab::ALL {
        let names = page_names(subtab);
        let sublist = inputs.sublist_mut(subtab);
        sublist.fields = input_value(html, names.fields);
        sublist.data = input_value(html, names.data);
        sublist.labels = input_value(html, names.labels);
        if TABLES_READ.contains(&subtab) {
            sublist.table_html = table(html, names.table);
        }
    }
    (inputs, offered)
}

/// The reading of the live page `html`, as the content script takes it: assembled, then in edit
/// mode with the picker's offered ids that the bridge reports (`role.rs`, `App::take`).
fn read(html: &str) -> PageRead {
    let (inputs, offered) = inputs(html);
    let mut read = assemble(&inputs);
    if read.mode == Mode::Edit {
        read.role.offered = offered;
    }
    read
}

/// The page's hooks and the panel's outcome for `profile`, in `expected.json`'s terms.
fn outcome(read: &PageRead, profile: ProfileId) -> BTreeMap<&'static str, Value> {
    let mut out = BTreeMap::new();
    if !read.is_supported() {
        out.insert("state", json!("unsupported"));
        return out;
    }
    let role = &read.role;
    let verdict = evaluate(
        role,
        tba_rules::profile::builtin(profile).expect("a built-in profile"),
    );
    out.insert("state", json!("ready"));
    out.insert(
        "status",
        json!(tba_rules::assemble::status_hook(verdict.status, read.mode)),
    );
    out.insert("missing", json!(verdict.missing_ids().join(" ")));
    out.insert("tooLow", json!(verdict.too_low_ids().join(" ")));

    // The marks on the rows the reading mapped to an id.
    let marks = row_marks(role, &verdict);
    let mut rows = serde_json::Map::new();
    for sublist in &read.sublists {
        for id in sublist.rows.iter().filter_map(|(_, id)| id.as_deref()) {
            if let Some(mark) = marks.get(id) {
                rows.insert(id.to_owned(), json!(mark.as_str()));
            }
        }
    }
    out.insert("rows", Value::Object(rows));

    let machine =
        |id: &str| catalog::by_id(id).map_or(Subtab::Setup, |permission| permission.subtab);
    let edit = read.mode == Mode::Edit;
    let lines = |add: bool| -> Vec<Value> {
        verdict
            .plan
            .ops
            .iter()
            .filter(|op| edit && matches!(op, FixOp::Add { .. }) == add)
            .map(|op| {
                json!([
                    machine(op.id()).machine(),
                    op.id(),
                    op.level().number().to_string()
                ])
            })
            .collect()
    };
    out.insert("fixAllAdds", Value::Array(lines(true)));
    out.insert("fixAllRaises", Value::Array(lines(false)));
    let prefill = verdict
        .missing_ids()
        .first()
        .filter(|_| edit)
        .and_then(|id| {
            let subtab = machine(id);
            let (key_field, level_field) = read.sublist(subtab)?.fields.clone()?;
            let level = verdict
                .plan
                .ops
                .iter()
                .find(|op| op.id() == *id)
                .map_or(4, |op| op.level().number());
            Some(json!({
                "machine": subtab.machine(),
                "keyField": key_field,
                "value": id,
                "levelField": level_field,
                "level": level.to_string(),
            }))
        });
    out.insert("prefill", prefill.unwrap_or(Value::Null));

    let not_offered: Vec<&str> = verdict
        .checks
        .iter()
        .filter_map(|check| match check.state {
            RequirementState::NotOffered { id } => Some(id),
            _ => None,
        })
        .collect();
    out.insert("notOffered", json!(not_offered.join(" ")));
    let warnings: Vec<&str> = verdict
        .warnings
        .iter()
        .map(|warning| warning.code())
        .collect();
    out.insert("warnings", json!(warnings));
    out.insert("permissionCount", json!(role.grants.len()));
    // The 2027.1 notice's "Also ready for OAuth 2.0" list (`data-oauth2-missing`), when there is
    // one; null without the notice or the list.
    let oauth2 = match verdict.transition.as_ref() {
        Some(transition) if matches!(transition.also, tba_rules::evaluate::Also::Checks(_)) => {
            json!(transition.missing_ids().join(" "))
        }
        _ => Value::Null,
    };
    out.insert("oauth2Missing", oauth2);
    out
}

/// The fields every case states (absent ones must be absent from the outcome too).
const STATED: [&str; 8] = [
    "state",
    "status",
    "missing",
    "tooLow",
    "rows",
    "fixAllAdds",
    "fixAllRaises",
    "prefill",
];
/// The fields a case may state; compared only when it does.
const INFORMATIONAL: [&str; 4] = ["notOffered", "warnings", "permissionCount", "oauth2Missing"];
/// Fields that are not expectations.
const NOT_COMPARED: [&str; 3] = ["_comment", "note", "profiles"];

/// The differences between `expected` (one profile's part of `expected.json`) and the outcome.
fn differences(case: &str, expected: &Value, got: &BTreeMap<&str, Value>) -> Vec<String> {
    let mut out = Vec::new();
    let Some(expected) = expected.as_object() else {
        return vec![format!("{case}: expected.json is not an object")];
    };
    for key in expected.keys() {
        let known = STATED.contains(&key.as_str())
            || INFORMATIONAL.contains(&key.as_str())
            || NOT_COMPARED.contains(&key.as_str());
        if !known {
            out.push(format!(
                "{case}: expected.json has {key}, which this runner does not know"
            ));
        }
    }
    let compared = STATED.iter().chain(
        INFORMATIONAL
            .iter()
            .filter(|key| expected.contains_key(**key)),
    );
    for key in compared {
        let want = expected.get(*key);
        let have = got.get(key);
        if want != have {
            out.push(format!(
                "{case}: {key} expected {}, got {}",
                want.map_or("nothing".to_owned(), Value::to_string),
                have.map_or("nothing".to_owned(), Value::to_string),
            ));
        }
    }
    out
}

#[test]
fn every_role_case_reads_and_evaluates_as_its_expected_json_says() {
    let mut names: Vec<String> = std::fs::read_dir(cases_dir())
        .expect("tests/fixtures/role")
        .flatten()
        .filter(|entry| entry.path().join("case.json").is_file())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 13, "only {} role cases", names.len());
    let mut failures = Vec::new();
    let mut compared = 0;
    for name in &names {
        let dir = cases_dir().join(name);
        let Ok(html) = std::fs::read_to_string(dir.join("page.html")) else {
            failures.push(format!(
                "{name}: no page.html; run UPDATE_PAGES=1 node tests/fixtures/selfcheck.mjs"
            ));
            continue;
        };
        let expected: Value = match std::fs::read_to_string(dir.join("expected.json"))
            .map_err(|error| error.to_string())
            .and_then(|text| serde_json::from_str(&text).map_err(|error| error.to_string()))
        {
            Ok(expected) => expected,
            Err(error) => {
                failures.push(format!("{name}: expected.json: {error}"));
                continue;
            }
        };
        let read = read(&html);
        failures.extend(differences(
            name,
            &expected,
            &outcome(&read, ProfileId::default()),
        ));
        compared += 1;
        if let Some(profiles) = expected["profiles"].as_object() {
            for (profile_id, expected) in profiles {
                let case = format!("{name}[{profile_id}]");
                match ProfileId::parse(profile_id) {
                    Some(profile) => {
                        failures.extend(differences(&case, expected, &outcome(&read, profile)));
                        compared += 1;
                    }
                    None => failures.push(format!("{case}: no such profile")),
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of the fixture expectations do not hold:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(compared > names.len(), "only {compared} outcomes compared");
}

#[test]
fn the_extractor_reads_what_the_content_script_reads() {
    let html = std::fs::read_to_string(cases_dir().join("xss-name/page.html"))
        .expect("xss-name/page.html");
    let (inputs, offered) = inputs(&html);
    assert!(inputs.edit_inputs && inputs.edit_controls);
    assert_eq!(
        inputs.role_name.as_deref(),
        Some("<img src=x onerror=alert(1)>")
    );
    assert_eq!(inputs.hidden_role_id.as_deref(), Some("1009"));
    assert_eq!(inputs.web_services_only, Some(false));
    assert!(offered.is_some_and(|offered| offered.contains("ADMI_MANAGE_OWN_OAUTH_TOKENS")));
    let setup = inputs.sublist(Subtab::Setup);
    assert!(
        setup
            .fields
            .as_deref()
            .is_some_and(|fields| fields.starts_with("permkey4_display\u{1}"))
    );
    assert!(
        setup
            .labels
            .as_deref()
            .is_some_and(|labels| labels.contains("Permission"))
    );
    assert!(
        setup
            .table_html
            .as_deref()
            .is_some_and(|table| table.ends_with("</table>"))
    );
    // Only the tables assembly reads are taken.
    assert_eq!(inputs.sublist(Subtab::Lists).table_html, None);
    let view = std::fs::read_to_string(cases_dir().join("view/page.html")).expect("view/page.html");
    let (inputs, offered) = self::inputs(&view);
    assert!(!inputs.edit_inputs && !inputs.edit_controls);
    assert_eq!(offered, None);
    assert_eq!(inputs.role_name.as_deref(), Some("Support Team"));
    assert_eq!(inputs.web_services_only, Some(false));
}
