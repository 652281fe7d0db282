//! A small role page of the extension's own, on which the role-page code runs once at start-up.
//!
//! V8 compiles each wasm function the first time it is called (lazy compilation; a page cannot
//! ask for anything else), and the glue's JavaScript is compiled the same way. On a 700-permission
//! role that compiling was about half of the first run. `content-preload.js` calls the module's
//! [`crate::rehearse`] ([`crate::role::rehearse`]) at document_start, while NetSuite's page is still loading: it reads,
//! evaluates and draws on [`page`], an inert document parsed from the constant below, so that the
//! real first run at document_idle finds its code already compiled.
//!
//! The page holds no data of anybody's: it is a made-up role with one permission too low and one
//! missing, so that the read, the cross-check, the fix plan, the panel, the row marks and the
//! badges all run. It is never attached to the real page and nothing on the real page changes.
//! Then [`warm_loops`] runs the reading's hot loops over a few hundred made-up rows, long enough
//! for V8 to optimize them.
use web_sys::{Document, DomParser, SupportedType};

/// The Setup sublist's field names, `setupmachfields` (cell separator U+0001): one literal for
/// the made-up page and the hot loops, which decode lines of the same shape.
macro_rules! setup_fields {
    () => {
        "permkey4_display\u{1}permkey4\u{1}permlevel4_display\u{1}permlevel4\u{1}id"
    };
}

/// The made-up role page: `main_form` with the role's name, the Web Services Only checkbox, the
/// tab links that carry badges, a Reports and a Setup sublist (hidden inputs and visible table) and
/// the Add button that marks edit mode, written the way NetSuite writes them
/// (netsuite-role-page.md §2; cell separator U+0001, row separator U+0002). SOAP Web Services is
/// too low for the default profile and User Access Tokens is missing, so that the fix plan, the
/// row marks and the badges have something to show.
const PAGE: &str = concat!(
    "<form name=\"main_form\" id=\"main_form\">\
<input type=\"hidden\" name=\"id\" value=\"1\">\
<input id=\"name\" value=\"TBA Doctor rehearsal\">\
<input type=\"checkbox\" name=\"iswebserviceonlyrole\">\
<a id=\"PERM_TABlnk\">Permissions</a><a id=\"repomachtxt\">Reports</a><a id=\"setupmachtxt\">Setup</a>\
<input type=\"hidden\" name=\"repomachfields\" value=\"permkey2_display\u{1}permkey2\u{1}permlevel2_display\u{1}permlevel2\u{1}id\">\
<input type=\"hidden\" name=\"repomachdata\" value=\"Sales\u{1}REPO_SALES\u{1}View\u{1}1\u{1}1\">\
<table id=\"repomach_splits\"><tr class=\"uir-machine-headerrow\"><td>Permission</td><td>Level</td></tr>\
<tr class=\"uir-machine-row\" id=\"repomach_row_1\"><td>Sales</td><td>View</td></tr></table>",
    "<input type=\"hidden\" name=\"setupmachfields\" value=\"",
    setup_fields!(),
    "\">\
<input type=\"hidden\" name=\"setupmachdata\" value=\"Custom Fields\u{1}ADMI_CUSTFIELD\u{1}View\u{1}1\u{1}2\u{2}SOAP Web Services\u{1}ADMI_WEBSERVICES\u{1}Edit\u{1}3\u{1}3\">\
<div class=\"uir-machine-table-container\" data-machine-name=\"setupmach\">\
<table id=\"setupmach_splits\"><tr class=\"uir-machine-headerrow\"><td>Permission</td><td>Level</td></tr>\
<tr class=\"uir-machine-row\" id=\"setupmach_row_1\"><td>Custom Fields</td><td>View</td></tr>\
<tr class=\"uir-machine-row\" id=\"setupmach_row_2\"><td>SOAP Web Services</td><td>Edit</td></tr></table>\
<input type=\"button\" id=\"setupmach_addedit\" value=\"Add\"></div></form>",
);

/// The made-up role page, parsed into a document of its own: inert (no script runs, nothing is
/// fetched, nothing is shown) and unconnected to the page the extension runs on.
pub fn page() -> Option<Document> {
    DomParser::new()
        .ok()?
        .parse_from_string(PAGE, SupportedType::TextHtml)
        .ok()
}

/// How many made-up rows [`warm_loops`] reads: enough for V8 to optimize the table parser (the
/// Setup table of the 700-permission fixture has 206 rows), few enough to take a few milliseconds.
const WARM_ROWS: usize = 300;

/// One visible row and one hidden line, repeated by [`warm_loops`].
const ROW: &str = "<tr class=\"uir-machine-row uir-machine-row-odd\" id=\"setupmach_row_1\">\
<td class=\"uir-list-row-cell listtext\">Custom Fields</td><td class=\"uir-list-row-cell listtext\">View</td></tr>";
const LINE: &str = "Custom Fields\u{1}ADMI_CUSTFIELD\u{1}View\u{1}1\u{1}1\u{2}";
const FIELDS: &str = setup_fields!();

/// Runs the table parser and the sublist codec over `WARM_ROWS` made-up rows, without any DOM.
/// Their loops are the hot part of reading a large role, and V8 recompiles a function with its
/// optimizing compiler once it has run long enough: after this, the real reading runs optimized
/// code instead of baseline code. Returns the rows parsed and the lines decoded.
pub fn warm_loops() -> (usize, usize) {
    let table = ["<table><tbody>", &ROW.repeat(WARM_ROWS), "</tbody></table>"].concat();
    let rows = tba_rules::table::rows(&table).map_or(0, |rows| rows.len());
    let lines = tba_rules::codec::decode_permissions(FIELDS, &LINE.repeat(WARM_ROWS)).lines;
    (rows, lines.len())
}

#[cfg(test)]
mod tests {
    use super::{PAGE, warm_loops};
    use tba_rules::catalog::ids;
    use tba_rules::codec::decode_permissions;
    use tba_rules::crosscheck::{VisibleRow, cross_check};
    use tba_rules::{FixOp, Level, Role, Subtab, evaluate, table};

    /// The `value` of the input named `name` in [`PAGE`] (no value there has a quote).
    fn value(name: &str) -> &'static str {
        let start = PAGE
            .find(&format!("name=\"{name}\" value=\""))
            .map(|at| at + name.len() + 15)
            .expect("input in the page");
        let end = PAGE[start..].find('"').expect("closing quote") + start;
        &PAGE[start..end]
    }

    /// The serialization of table `id` in [`PAGE`], as the read gets it from `outerHTML`.
    fn table(id: &str) -> &'static str {
        let start = PAGE
            .find(&format!("<table id=\"{id}\">"))
            .expect("table in the page");
        let end = PAGE[start..].find("</table>").expect("table end") + start + 8;
        &PAGE[start..end]
    }

    /// Both routes of one sublist of the made-up page, read and cross-checked like `read::read`.
    fn sublist(role: &mut Role, subtab: Subtab, machine: &str) {
        let decoded = decode_permissions(
            value(&format!("{machine}fields")),
            value(&format!("{machine}data")),
        );
        assert!(decoded.complete, "{machine}: {:?}", decoded.diagnostics);
        let rows = table::rows(table(&format!("{machine}_splits"))).expect("table reads");
        let visible: Vec<VisibleRow> = rows
            .iter()
            .map(|row| match &row.cells {
                [Some(label), Some(level)] => VisibleRow {
                    label: label.clone(),
                    level_text: level.clone(),
                    line: row
                        .dom_id
                        .strip_prefix(&format!("{machine}_row_"))
                        .and_then(|line| line.parse().ok()),
                },
                cells => panic!("{machine}: unreadable row {cells:?}"),
            })
            .collect();
        assert_eq!(
            visible.len(),
            decoded.lines.len(),
            "{machine}: one row per line"
        );
        let check = cross_check(&decoded, &visible, true);
        assert!(check.disagreements.is_empty(), "{machine}: {check:?}");
        assert!(check.unknown_labels.is_empty(), "{machine}: {check:?}");
        role.add_sublist(subtab, &decoded);
    }

    #[test]
    fn the_made_up_page_reads_completely_and_needs_one_add_and_one_raise() {
        let mut role = Role::default();
        sublist(&mut role, Subtab::Reports, "repomach");
        sublist(&mut role, Subtab::Setup, "setupmach");
        assert_eq!(role.level_of(ids::WEBSERVICES), Level::Edit);
        let verdict = evaluate(&role, tba_rules::profile::default_profile());
        let ops: Vec<(&str, bool)> = verdict
            .plan
            .ops
            .iter()
            .map(|op| (op.id(), matches!(op, FixOp::Add { .. })))
            .collect();
        assert_eq!(
            ops,
            [(ids::USER_ACCESS_TOKENS, true), (ids::WEBSERVICES, false)]
        );
        for marker in [
            "setupmach_addedit",
            "PERM_TABlnk",
            "setupmachtxt",
            "name=\"id\"",
        ] {
            assert!(PAGE.contains(marker), "the page has {marker}");
        }
    }

    #[test]
    fn the_hot_loops_read_every_made_up_row() {
        assert_eq!(warm_loops(), (super::WARM_ROWS, super::WARM_ROWS));
    }
}
