//! Property tests: the fix plan is minimal, never removes or lowers, and is idempotent for every
//! profile; the codec round-trips and never panics; a permission table as the browser serializes
//! it reads back to its rows; page-facing parsers never panic.

use std::collections::BTreeSet;

use proptest::prelude::*;
use tba_rules::codec::{decode_permissions, encode};
use tba_rules::evaluate::RequirementState;
use tba_rules::protocol::{Page, Response, Snapshot};
use tba_rules::table::{self, HtmlRow};
use tba_rules::{FixOp, Level, Role, Status, catalog, evaluate, plan};

/// Ids any profile or rule mentions, so generated roles hit them often.
const RELEVANT: &[&str] = &[
    "ADMI_LOGIN_OAUTH",
    "ADMI_MANAGE_OWN_OAUTH_TOKENS",
    "ADMI_MANAGE_OAUTH_TOKENS",
    "ADMI_WEBSERVICES",
    "ADMI_RESTWEBSERVICES",
    "ADMI_LOGIN_OAUTH2",
    "ADMI_MANAGE_OAUTH2",
    "ADMI_SUITEANALYTICSCONNECT",
    "REPO_ANALYTICS",
    "ADMI_KERNEL",
];

fn any_id() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        3 => prop::sample::select(RELEVANT),
        1 => prop::sample::select(catalog::all()).prop_map(|permission| permission.id),
    ]
}

fn any_role() -> impl Strategy<Value = Role> {
    (
        prop::collection::vec((any_id(), 0u8..=4), 0..12),
        prop::option::of(prop::collection::btree_set(any_id(), 0..10)),
        any::<bool>(),
        prop::option::of(any::<bool>()),
        prop::option::of(any::<bool>()),
    )
        .prop_map(
            |(grants, offered, administrator, web_services_only, two_factor_required)| {
                let mut role = Role {
                    id: Some(if administrator { 3 } else { 1001 }),
                    web_services_only,
                    two_factor_required,
                    offered: offered.map(|ids| {
                        ids.into_iter()
                            .map(str::to_owned)
                            .collect::<tba_rules::idmap::IdSet>()
                    }),
                    ..Role::default()
                };
                for (id, level) in grants {
                    let subtab = catalog::by_id(id)
                        .map_or(tba_rules::Subtab::Setup, |permission| permission.subtab);
                    role.grant(id, subtab, Level::from_number(level).unwrap_or(Level::None));
                }
                role
            },
        )
}

/// A DOM node inside a table cell, as NetSuite draws them (links, spans, bold text, line breaks,
/// comments, an inline script).
#[derive(Clone, Debug)]
enum Node {
    Text(String),
    Element(&'static str, Vec<(&'static str, String)>, Vec<Node>),
    Br,
    Comment(String),
    Script(String),
}

/// Text with everything the serializer escapes, whitespace at the ends and non-ASCII letters.
fn any_text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 &<>\u{a0}\"'/=;#é\t\n-]{0,12}"
}

fn any_attributes() -> impl Strategy<Value = Vec<(&'static str, String)>> {
    prop::collection::vec(
        (
            prop::sample::select(&["class", "href", "title", "data-label", "style"][..]),
            any_text(),
        ),
        0..3,
    )
}

fn any_node() -> impl Strategy<Value = Node> {
    let leaf = prop_oneof![
        4 => any_text().prop_map(Node::Text),
        1 => Just(Node::Br),
        1 => "[a-z &<>\u{a0}-]{0,8}".prop_filter("no comment end", |text| !text.contains("--")).prop_map(Node::Comment),
        1 => "[a-z <>&;(){}\"=]{0,10}".prop_map(Node::Script),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        (
            prop::sample::select(&["span", "b", "a", "div", "label", "nobr"][..]),
            any_attributes(),
            prop::collection::vec(inner, 0..4),
        )
            .prop_map(|(name, attributes, children)| Node::Element(name, attributes, children))
    })
}

/// One generated data row: its number, its mark and title, and its cells' contents (a row can
/// have fewer than two cells, or more).
#[derive(Clone, Debug)]
struct GeneratedRow {
    number: u16,
    mark: Option<String>,
    title: Option<String>,
    cells: Vec<Vec<Node>>,
}

fn any_row() -> impl Strategy<Value = GeneratedRow> {
    (
        0u16..1000,
        prop::option::of(
            prop::sample::select(&["ok", "missing", "low", "a&b \"c\""][..])
                .prop_map(str::to_owned),
        ),
        prop::option::of(any_text()),
        prop::collection::vec(prop::collection::vec(any_node(), 0..4), 0..4),
    )
        .prop_map(|(number, mark, title, cells)| GeneratedRow {
            number,
            mark,
            title,
            cells,
        })
}

/// Text as the HTML fragment serialization algorithm writes it outside raw-text elements.
fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('\u{a0}', "&nbsp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// An attribute value as the serializer writes it; `angles` is whether `<` and `>` are escaped
/// too (browsers since 2025 do, older ones do not).
fn escape_attribute(value: &str, angles: bool) -> String {
    let escaped = value
        .replace('&', "&amp;")
        .replace('\u{a0}', "&nbsp;")
        .replace('"', "&quot;");
    if angles {
        escaped.replace('<', "&lt;").replace('>', "&gt;")
    } else {
        escaped
    }
}

fn serialize_attributes(out: &mut String, attributes: &[(&str, String)], angles: bool) {
    for (name, value) in attributes {
        out.push_str(&format!(" {name}=\"{}\"", escape_attribute(value, angles)));
    }
}

/// Serializes `node` like `outerHTML` and appends its `textContent` to `text`.
fn serialize(node: &Node, out: &mut String, text: &mut String, angles: bool) {
    match node {
        Node::Text(value) => {
            out.push_str(&escape_text(value));
            text.push_str(value);
        }
        Node::Element(name, attributes, children) => {
            out.push_str(&format!("<{name}"));
            serialize_attributes(out, attributes, angles);
            out.push('>');
            for child in children {
                serialize(child, out, text, angles);
            }
            out.push_str(&format!("</{name}>"));
        }
        Node::Br => out.push_str("<br>"),
        Node::Comment(value) => out.push_str(&format!("<!--{value}-->")),
        Node::Script(value) => {
            out.push_str(&format!("<script>{value}</script>"));
            text.push_str(value);
        }
    }
}

/// The table's `outerHTML` as a browser writes it, and the rows `table::rows` must read from it.
fn serialize_table(
    machine: &str,
    generated: &[GeneratedRow],
    angles: bool,
) -> (String, Vec<HtmlRow>) {
    let mut out = format!(
        "<table id=\"{machine}_splits\" class=\"uir-machine-table\"><tbody><tr class=\"uir-machine-headerrow\"><td>Permission</td><td>Level</td></tr>"
    );
    let mut expected = Vec::new();
    for (index, row) in generated.iter().enumerate() {
        let id = format!("{machine}_row_{}", row.number);
        let mut attributes = vec![
            (
                "class",
                format!(
                    "uir-machine-row uir-machine-row-{}",
                    if index % 2 == 0 { "odd" } else { "even" }
                ),
            ),
            ("id", id.clone()),
        ];
        attributes.extend(row.mark.clone().map(|mark| ("data-tba-doctor", mark)));
        attributes.extend(row.title.clone().map(|title| ("title", title)));
        out.push_str("<tr");
        serialize_attributes(&mut out, &attributes, angles);
        out.push('>');
        let mut cells: [Option<String>; 2] = [None, None];
        for (cell, nodes) in row.cells.iter().enumerate() {
            out.push_str("<td class=\"uir-list-row-cell listtext\">");
            let mut text = String::new();
            for node in nodes {
                serialize(node, &mut out, &mut text, angles);
            }
            out.push_str("</td>");
            if let Some(slot) = cells.get_mut(cell) {
                *slot = Some(text.trim().to_owned());
            }
        }
        out.push_str("</tr>\n");
        expected.push(HtmlRow {
            dom_id: id,
            cells,
            mark: row.mark.clone(),
            title: row.title.clone(),
        });
    }
    out.push_str("</tbody></table>");
    (out, expected)
}

fn any_table() -> impl Strategy<Value = (String, Vec<HtmlRow>)> {
    (
        prop::sample::select(&["setupmach", "tranmach", "repomach", "listsmach"][..]),
        prop::collection::vec(any_row(), 0..8),
        any::<bool>(),
    )
        .prop_map(|(machine, rows, angles)| serialize_table(machine, &rows, angles))
}

fn unmet(state: &RequirementState) -> bool {
    matches!(
        state,
        RequirementState::Missing { .. } | RequirementState::TooLow { .. }
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn plan_fixes_everything_it_can_and_is_idempotent(role in any_role()) {
        for profile in tba_rules::profile::builtins() {
            let verdict = evaluate(&role, profile);
            let fixed = plan::apply(&role, &verdict.plan);

            // Never removes, never lowers.
            for (id, grant) in role.grants.iter() {
                prop_assert!(fixed.level_of(id) >= grant.level, "{id} lowered");
            }
            // Idempotent: nothing missing or too low afterwards, and nothing more to do.
            let again = evaluate(&fixed, profile);
            prop_assert!(!again.checks.iter().any(|check| unmet(&check.state)), "{:?}: {:?}", profile.id, again.checks);
            prop_assert!(again.plan.is_empty());
            prop_assert_eq!(plan::apply(&fixed, &again.plan), fixed.clone());
            // Fixed roles are ok unless a feature is off or a checkbox is wrong.
            let blocked = again.warnings.iter().any(|warning| warning.blocks());
            prop_assert_eq!(again.status == Status::Ok, !blocked && again.not_offered_ids().is_empty());

            // Minimal: one operation per unmet requirement, Add only for absent lines, Raise only
            // for present ones, and only to the needed level.
            let unmet_ids: BTreeSet<&str> = verdict.checks.iter().filter_map(|check| match check.state {
                RequirementState::Missing { id } | RequirementState::TooLow { id, .. } => Some(id),
                _ => None,
            }).collect();
            prop_assert_eq!(verdict.plan.ids().into_iter().collect::<BTreeSet<_>>(), unmet_ids);
            for op in &verdict.plan.ops {
                match *op {
                    FixOp::Add { id, level, .. } => {
                        prop_assert!(!role.has_line(id));
                        prop_assert_eq!(level, Level::Full);
                        prop_assert!(role.offered.is_none() || role.is_offered(id) || catalog::by_id(id).is_some_and(|p| p.subtab != tba_rules::Subtab::Setup));
                    }
                    FixOp::Raise { id, from, to, .. } => {
                        prop_assert!(role.has_line(id));
                        prop_assert_eq!(from, role.level_of(id));
                        prop_assert!(from < to);
                    }
                }
            }

            // Status rules: feature-off beats needs-fix; ok needs every requirement met.
            let all_met = verdict.checks.iter().all(|check| matches!(check.state, RequirementState::Satisfied { .. }));
            let expected = if !verdict.not_offered_ids().is_empty() {
                Status::FeatureOff
            } else if !all_met || verdict.warnings.iter().any(|warning| warning.blocks()) {
                Status::NeedsFix
            } else {
                Status::Ok
            };
            prop_assert_eq!(verdict.status, expected);

            // Fix all asks exactly when the plan adds a 2FA permission to a role not yet
            // 2FA-required, whatever the profile; the warning comes only with a profile whose
            // login refuses 2FA-required roles, when the role is or would become one.
            let becomes = !verdict.plan.two_factor_ids().is_empty() && !role.is_two_factor_required();
            prop_assert_eq!(!verdict.fix_confirmation().is_empty(), becomes);
            let warns = verdict.has_warning("two-factor-refused");
            prop_assert_eq!(warns, profile.flags.refuses_two_factor && (becomes || role.is_two_factor_required()));
            // The OAuth 2.0 lines are never ones the plan already has, and never remove or lower.
            if let Some(transition) = &verdict.transition {
                for id in transition.plan().ids() {
                    prop_assert!(!verdict.plan.ids().contains(&id), "{id} twice");
                }
                let both = plan::apply(&role, &verdict.plan_with_oauth2());
                for (id, grant) in role.grants.iter() {
                    prop_assert!(both.level_of(id) >= grant.level, "{id} lowered");
                }
            }

            // The popup re-evaluates the wire form and must see the same verdict.
            let answer = Response::Snapshot {
                snapshot: Snapshot {
                    page: Page::RoleEdit,
                    profile: profile.id.as_str().to_owned(),
                    role: Some(role.clone()),
                    problems: Vec::new(),
                    bridge_ok: true,
                    confirm: None,
                    odd_ids: 0,
                },
            };
            let through_wire = Response::decode(&answer.encode::<crate::wire::Mem>());
            prop_assert_eq!(through_wire.as_ref(), Ok(&answer));
            if let Ok(Response::Snapshot { snapshot: Snapshot { role: Some(rebuilt), .. } }) = through_wire {
                prop_assert_eq!(evaluate(&rebuilt, profile), verdict);
            }
        }
    }

    #[test]
    fn codec_round_trips(
        digits in "[0-9]{0,2}",
        rows in prop::collection::vec(("[A-Za-z0-9_]{1,30}", 0u8..=4, "[^\u{1}\u{2}]{0,20}"), 0..40),
    ) {
        let key = format!("permkey{digits}");
        let level = format!("permlevel{digits}");
        let display = format!("{key}_display");
        let fields = [display.as_str(), key.as_str(), "permlevel_display_other", level.as_str()];
        let encoded_rows: Vec<Vec<String>> = rows
            .iter()
            .map(|(id, level, label)| vec![label.clone(), id.clone(), String::new(), level.to_string()])
            .collect();
        let (fields_value, data_value) = encode(&fields, &encoded_rows);
        let decoded = decode_permissions(&fields_value, &data_value);
        prop_assert_eq!(decoded.key_field.as_deref(), Some(key.as_str()));
        prop_assert_eq!(decoded.level_field.as_deref(), Some(level.as_str()));
        let got: Vec<(String, Option<u8>, Option<String>)> = decoded
            .lines
            .iter()
            .map(|line| (line.id.clone(), line.level.map(Level::number), line.label.clone()))
            .collect();
        let want: Vec<(String, Option<u8>, Option<String>)> = rows
            .iter()
            .map(|(id, level, label)| (id.clone(), Some(*level), Some(label.clone())))
            .collect();
        prop_assert_eq!(got, want);
        prop_assert!(decoded.diagnostics.iter().all(|diagnostic| !diagnostic.loses_data()));
        prop_assert!(decoded.complete);
    }

    #[test]
    fn codec_never_panics(fields in "[\u{0}-\u{7}permkeylvdisp_0-9 ]{0,60}", data in "[\u{0}-\u{7}A-Z_0-9 \u{a0}é]{0,200}") {
        let decoded = decode_permissions(&fields, &data);
        let english = tba_rules::message::english::Messages::load();
        for diagnostic in &decoded.diagnostics {
            let message = diagnostic.message();
            prop_assert_eq!(message.args.len(), message.id.arity());
            prop_assert!(!tba_rules::message::render(&message, &english).is_empty());
        }
        prop_assert!(decoded.lines.iter().all(|line| !line.id.is_empty() && line.line >= 1));
    }

    #[test]
    fn codec_never_panics_on_any_text(fields in ".*", data in ".*") {
        let _ = decode_permissions(&fields, &data);
    }

    #[test]
    fn a_serialized_table_reads_back_to_its_rows((html, expected) in any_table()) {
        prop_assert_eq!(table::rows(&html), Some(expected), "{}", html);
    }

    #[test]
    fn page_parsers_never_panic(
        text in ".*",
        tail in "[/?#&=:@a-zA-Z0-9.é-]{0,40}",
        (html, _) in any_table(),
        cut in any::<prop::sample::Index>(),
        insert in prop::sample::select(&["<", ">", "</td>", "</tr>", "<td>", "\"", "&", "<!--", "-->", "<script>", "</script>", "é", ""][..]),
    ) {
        let _ = tba_rules::page::classify_url(&text);
        let _ = tba_rules::page::classify_url(&format!("https://{tail}"));
        let _ = tba_rules::page::classify_url(&format!("https://1.app.netsuite.com/app/setup/role.nl?{tail}"));
        let _ = tba_rules::page::account_from_host(&text);
        let _ = tba_rules::authmsg::contains_auth_error(&text);
        let _ = tba_rules::Level::parse(&text);
        let _ = catalog::by_name(&text);
        let _ = tba_rules::text::xml_escape(&text);
        let _ = table::rows(&text);
        // A valid table cut at any character, or with a piece of markup put in there.
        let at = html.char_indices().map(|(at, _)| at).chain([html.len()]).nth(cut.index(html.chars().count() + 1)).unwrap_or(0);
        let _ = table::rows(&html[..at]);
        let _ = table::rows(&format!("{}{insert}{}", &html[..at], &html[at..]));
        let _ = table::rows(&format!("{}{insert}{}", &html[..at], &text));
    }
}
