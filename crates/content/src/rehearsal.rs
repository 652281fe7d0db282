//! A small role page of the extension's own, on which the role-page code runs once at start-up.
//!
//! V8 compiles each wasm function the first time it is called (lazy compilation; a page cannot
//! ask for anything else), and the glue's JavaScript is compiled the same way. On a 700-permission
//! role that compiling was about half of the first run. `content-preload.js` calls the module's
//! [`crate::rehearse`] ([`crate::role::rehearse`]) at document_start, while NetSuite's page is still loading: it reads
//! (`read::read`, so through `tba_rules::assemble` like the real page), evaluates and draws on
//! [`page`], an inert document parsed from the constant below, so that the real first run at
//! document_idle finds its code already compiled.
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

/// The made-up role page, `extension/rehearsal.html`: `main_form` with the role's name, the Web
/// Services Only checkbox, the tab links that carry badges, a Reports and a Setup sublist (hidden
/// inputs and visible table) and the Add button that marks edit mode, written the way NetSuite
/// writes them (netsuite-role-page.md §2; cell separator U+0001, row separator U+0002, as
/// character references). SOAP Web Services is too low for the default profile and User Access
/// Tokens is missing, so that the fix plan, the row marks and the badges have something to show.
/// It is data beside the wasm, like the catalog: `content-preload.js` fetches it and hands its
/// text to [`crate::rehearse`].
#[cfg(test)]
const PAGE: &str = include_str!("../../../extension/rehearsal.html");

/// The made-up role page `html`, parsed into a document of its own: inert (no script runs, nothing
/// is fetched, nothing is shown) and unconnected to the page the extension runs on.
pub fn page(html: &str) -> Option<Document> {
    DomParser::new()
        .ok()?
        .parse_from_string(html, SupportedType::TextHtml)
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
    use tba_rules::assemble::{Mode, PageInputs, TABLES_READ, assemble, page_names};
    use tba_rules::catalog::ids;
    use tba_rules::{FixOp, Level, Subtab, evaluate};

    /// The `value` of the input named `name` in [`PAGE`] (no value there has a quote), with the
    /// separators' character references decoded as the HTML parser decodes them.
    fn value(name: &str) -> Option<String> {
        let start = PAGE.find(&format!("name=\"{name}\" value=\""))? + name.len() + 15;
        let end = PAGE[start..].find('"')? + start;
        Some(
            PAGE[start..end]
                .replace("&#x1;", "\u{1}")
                .replace("&#x2;", "\u{2}"),
        )
    }

    /// The serialization of table `id` in [`PAGE`], as the read gets it from `outerHTML`.
    fn table(id: &str) -> Option<String> {
        let start = PAGE.find(&format!("<table id=\"{id}\">"))?;
        let end = PAGE[start..].find("</table>")? + start + 8;
        Some(PAGE[start..end].to_owned())
    }

    /// What `read::inputs` copies out of the made-up page.
    fn inputs() -> PageInputs {
        let mut inputs = PageInputs {
            url: "https://1234567.app.netsuite.com/app/setup/role.nl?id=1&e=T".to_owned(),
            host: "1234567.app.netsuite.com".to_owned(),
            edit_inputs: PAGE.contains("name=\"setupmachdata\"")
                && PAGE.contains("name=\"setupmachfields\""),
            edit_controls: PAGE.contains("id=\"setupmach_addedit\""),
            role_name: Some("TBA Doctor rehearsal".to_owned()),
            hidden_role_id: value("id"),
            web_services_only: Some(false),
            ..PageInputs::default()
        };
        for subtab in Subtab::ALL {
            let names = page_names(subtab);
            let sublist = inputs.sublist_mut(subtab);
            sublist.fields = value(names.fields);
            sublist.data = value(names.data);
            if TABLES_READ.contains(&subtab) {
                sublist.table_html = table(names.table);
            }
        }
        inputs
    }

    #[test]
    fn the_made_up_page_reads_completely_and_needs_one_add_and_one_raise() {
        let read = assemble(&inputs());
        assert_eq!(read.problems, []);
        assert_eq!(read.mode, Mode::Edit);
        let role = &read.role;
        assert_eq!(role.id, Some(1));
        assert_eq!(role.level_of(ids::WEBSERVICES), Level::Edit);
        // Every visible row is mapped to its permission, so that the marks have rows to go on.
        for (subtab, expected) in [
            (Subtab::Reports, &["REPO_SALES"][..]),
            (Subtab::Setup, &["ADMI_CUSTFIELD", ids::WEBSERVICES][..]),
        ] {
            let sublist = read.sublist(subtab).expect("sublist read");
            let row_ids: Vec<Option<&str>> =
                sublist.rows.iter().map(|(_, id)| id.as_deref()).collect();
            let expected: Vec<Option<&str>> = expected.iter().copied().map(Some).collect();
            assert_eq!(row_ids, expected, "{subtab:?}");
        }
        let verdict = evaluate(role, tba_rules::profile::default_profile());
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
