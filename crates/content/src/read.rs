//! Reads the role page: mode, the role's facts and the permission rows, by two routes.
//!
//! Route (a) decodes the hidden sublist inputs of `main_form` (`<m>fields`, `<m>data`) with the
//! rules codec; route (b) reads the visible tables `#<m>_splits`. Where both exist they are
//! cross-checked with `tba_rules::crosscheck`; in view mode only (b) exists. Anything that cannot
//! be read completely, or a disagreement, becomes a problem and the page is unsupported: this
//! module never guesses. It decides no policy and changes nothing on the page.
use tba_rules::catalog::{self, Subtab};
use tba_rules::codec::{DecodedSublist, decode_permissions};
use tba_rules::crosscheck::{VisibleRow, cross_check, role_from_visible};
use tba_rules::page::{PageKind, account_from_host, classify_url};
use tba_rules::protocol::MAX_TEXT_CHARS;
use tba_rules::role::Role;
use tba_rules::table::{self, HtmlRow};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlFormElement, HtmlInputElement};

use crate::dom;

/// Whether the page lets the admin change the sublists.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Editable sublists (hidden machine inputs plus the Setup mini-form or Add button).
    Edit,
    /// Read-only page.
    #[default]
    View,
}

/// One sublist as read from the page.
#[derive(Clone, Debug)]
pub struct Sublist {
    /// Which subtab.
    pub subtab: Subtab,
    /// Key and level field names from `<m>fields`, when the hidden data exists.
    pub fields: Option<(String, String)>,
    /// The visible data rows, each with the permission id it shows when that is known.
    pub rows: Vec<(HtmlRow, Option<String>)>,
}

/// Everything read from the page at one moment.
#[derive(Clone, Debug, Default)]
pub struct PageRead {
    /// Edit or view mode.
    pub mode: Mode,
    /// The facts (grants, name, id, account, Web Services Only).
    pub role: Role,
    /// What could not be read; non-empty means unsupported.
    pub problems: Vec<String>,
    /// Visible labels the catalog does not know (not a problem: the hidden data decides).
    pub unknown_labels: Vec<String>,
    /// The sublists found.
    pub sublists: Vec<Sublist>,
    /// The host name, for links.
    pub host: String,
    /// The page URL.
    pub url: String,
}

impl PageRead {
    /// The sublist of `subtab`, when the page has it.
    pub fn sublist(&self, subtab: Subtab) -> Option<&Sublist> {
        self.sublists
            .iter()
            .find(|sublist| sublist.subtab == subtab)
    }

    /// Whether the page could be read completely.
    pub fn is_supported(&self) -> bool {
        self.problems.is_empty()
    }
}

fn main_form(document: &Document) -> Option<HtmlFormElement> {
    document
        .forms()
        .named_item("main_form")
        .and_then(|form| form.dyn_into::<HtmlFormElement>().ok())
}

/// The value of the hidden input `name` of `main_form`.
fn hidden_value(form: &HtmlFormElement, name: &str) -> Option<String> {
    form.elements()
        .named_item(name)
        .and_then(|element| element.dyn_into::<HtmlInputElement>().ok())
        .and_then(|input| dom::input_value(&input))
}

/// Decides the mode from the page itself (product.md §6).
pub fn mode(document: &Document) -> Mode {
    // Presence only: the data input can hold tens of kilobytes, read once later by `read`.
    let hidden = main_form(document).is_some_and(|form| {
        let elements = form.elements();
        elements.named_item("setupmachdata").is_some()
            && elements.named_item("setupmachfields").is_some()
    });
    let editable = document.forms().named_item("setupmach_form").is_some()
        || document.get_element_by_id("setupmach_addedit").is_some();
    if hidden && editable {
        Mode::Edit
    } else {
        Mode::View
    }
}

/// The subtabs whose visible tables are read: the only ones that hold catalog permissions (the
/// Setup permissions and `REPO_ANALYTICS`). The other tables can neither be mapped by name nor
/// change a verdict; their hidden data is still decoded. Reading fewer rows keeps start-up within
/// budget on roles with hundreds of lines (product.md §7).
const TABLES_READ: [Subtab; 2] = [Subtab::Reports, Subtab::Setup];

/// A visible row, the hidden line number its id names, and what it shows when that could be read.
type TableRow = (HtmlRow, Option<usize>, Option<VisibleRow>);

/// The visible rows of table `#<m>_splits`, and whether every row could be read. One string crosses
/// the wasm boundary per table (its serialization, parsed by `tba_rules::table`), not a handful
/// of DOM calls per row.
fn visible_rows(table: &Element, machine: &str) -> (Vec<TableRow>, bool) {
    let Some(rows) = dom::outer_html(table).and_then(|html| table::rows(&html)) else {
        dom::warn("a permission table could not be read");
        return (Vec::new(), false);
    };
    let mut complete = true;
    let rows = rows
        .into_iter()
        .map(|row| {
            let line = line_number(&row.dom_id, machine);
            let visible = match &row.cells {
                // A line opened for editing shows pickers, not text.
                [Some(label), Some(level)] if !label.is_empty() => Some(VisibleRow {
                    label: label.clone(),
                    level_text: level.clone(),
                    line,
                }),
                _ => None,
            };
            complete &= visible.is_some();
            (row, line, visible)
        })
        .collect();
    (rows, complete)
}

/// The names NetSuite gives one sublist's page elements (netsuite-role-page.md §2).
pub struct PageNames {
    /// Hidden input with the field names, `<m>fields`.
    pub fields: &'static str,
    /// Hidden input with the rows, `<m>data`.
    pub data: &'static str,
    /// Id of the visible table, `<m>_splits`.
    pub table: &'static str,
    /// Id of the subtab's link, `<m>txt`.
    pub tab_link: &'static str,
}

/// The page element names of `subtab`, spelled out so no name is formatted at run time.
pub fn page_names(subtab: Subtab) -> PageNames {
    let (fields, data, table, tab_link) = match subtab {
        Subtab::Transactions => (
            "tranmachfields",
            "tranmachdata",
            "tranmach_splits",
            "tranmachtxt",
        ),
        Subtab::Reports => (
            "repomachfields",
            "repomachdata",
            "repomach_splits",
            "repomachtxt",
        ),
        Subtab::Lists => (
            "listsmachfields",
            "listsmachdata",
            "listsmach_splits",
            "listsmachtxt",
        ),
        Subtab::Setup => (
            "setupmachfields",
            "setupmachdata",
            "setupmach_splits",
            "setupmachtxt",
        ),
        Subtab::CustomRecord => (
            "custrecordmachfields",
            "custrecordmachdata",
            "custrecordmach_splits",
            "custrecordmachtxt",
        ),
    };
    PageNames {
        fields,
        data,
        table,
        tab_link,
    }
}

/// The hidden line number of a row id `<m>_row_<n>`.
fn line_number(row_id: &str, machine: &str) -> Option<usize> {
    row_id
        .strip_prefix(machine)?
        .strip_prefix("_row_")?
        .parse()
        .ok()
}

fn read_role_name(document: &Document) -> Option<String> {
    let from_input = document
        .get_element_by_id("name")
        .and_then(|element| element.dyn_into::<HtmlInputElement>().ok())
        .map(|input| input.value());
    let name = from_input.or_else(|| {
        dom::query(
            document.as_ref(),
            "[data-field-name=\"name\"] [data-nsps-type=\"field_input\"]",
        )
        .and_then(|element| element.text_content())
    })?;
    let name: String = tba_rules::text::words(&name)
        .chars()
        .take(MAX_TEXT_CHARS)
        .collect();
    (!name.is_empty()).then_some(name)
}

/// The Web Services Only checkbox, when the page has one: looked up in the form's own name index
/// first, and in the whole document (a full scan) only when the form does not have it.
fn web_services_only(document: &Document, form: Option<&HtmlFormElement>) -> Option<bool> {
    const NAME: &str = "iswebserviceonlyrole";
    // `namedItem` also matches an `id`, hence the check of the name.
    form.and_then(|form| form.elements().named_item(NAME))
        .and_then(|element| element.dyn_into::<HtmlInputElement>().ok())
        .filter(|input| input.name() == NAME)
        .or_else(|| {
            dom::query(document.as_ref(), "input[name=\"iswebserviceonlyrole\"]")
                .and_then(|element| element.dyn_into::<HtmlInputElement>().ok())
        })
        .map(|input| input.checked())
}

fn lost_data_messages(subtab: Subtab, decoded: &DecodedSublist) -> Vec<String> {
    decoded
        .diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.loses_data())
        .take(5)
        .map(|diagnostic| {
            format!(
                "{} permissions (hidden sublist data): {}",
                subtab.label(),
                diagnostic.message()
            )
        })
        .collect()
}

/// Reads the whole page. The address is the window's, which is the page's own for the content
/// script and the real page's for the made-up page of [`crate::rehearsal`].
pub fn read(document: &Document) -> PageRead {
    let location = web_sys::window().map(|window| window.location());
    let url = location
        .as_ref()
        .and_then(|location| location.href().ok())
        .unwrap_or_default();
    let host = location
        .as_ref()
        .and_then(|location| location.hostname().ok())
        .unwrap_or_default();
    let mode = mode(document);
    let form = main_form(document);

    let url_id = match classify_url(&url).0 {
        PageKind::Role { id, .. } => id,
        _ => None,
    };
    let hidden_id = form
        .as_ref()
        .and_then(|form| hidden_value(form, "id"))
        .and_then(|id| id.trim().parse::<u32>().ok());
    let mut role = Role {
        id: url_id.or(hidden_id),
        name: read_role_name(document),
        account: account_from_host(&host),
        web_services_only: web_services_only(document, form.as_ref()),
        ..Role::default()
    };

    let mut problems = Vec::new();
    let mut unknown_labels = Vec::new();
    let mut sublists = Vec::new();
    for subtab in Subtab::ALL {
        let machine = subtab.machine();
        let names = page_names(subtab);
        let hidden = form.as_ref().and_then(|form| {
            Some((
                hidden_value(form, names.fields)?,
                hidden_value(form, names.data)?,
            ))
        });
        let table = document.get_element_by_id(names.table);
        if hidden.is_none() && table.is_none() {
            if matches!(subtab, Subtab::Setup | Subtab::Reports) {
                problems.push(format!(
                    "the {} permissions: neither the sublist data nor the table is on the page",
                    subtab.label()
                ));
            }
            continue;
        }
        if !TABLES_READ.contains(&subtab) && hidden.is_none() {
            continue;
        }
        let (rows, visible_complete) = table
            .as_ref()
            .filter(|_| TABLES_READ.contains(&subtab))
            .map(|table| visible_rows(table, machine))
            .unwrap_or((Vec::new(), false));
        let visible: Vec<VisibleRow> = rows.iter().filter_map(|(_, _, row)| row.clone()).collect();
        let mut sublist = Sublist {
            subtab,
            fields: None,
            rows: Vec::new(),
        };
        match hidden {
            Some((fields, data)) => {
                let decoded = decode_permissions(&fields, &data);
                if decoded.complete {
                    let check = cross_check(&decoded, &visible, visible_complete);
                    problems.extend(check.disagreements.iter().take(5).map(|disagreement| {
                        format!(
                            "{} permissions: the page disagrees with itself: {}",
                            subtab.label(),
                            disagreement.message()
                        )
                    }));
                    unknown_labels.extend(check.unknown_labels);
                    role.add_sublist(subtab, &decoded);
                } else {
                    problems.extend(lost_data_messages(subtab, &decoded));
                }
                sublist.fields = decoded.key_field.clone().zip(decoded.level_field.clone());
                sublist.rows = rows
                    .into_iter()
                    .map(|(row, line, _)| {
                        let id = line
                            .and_then(|line| decoded.line_index(line))
                            .and_then(|index| decoded.lines.get(index))
                            .map(|entry| entry.id.clone());
                        (row, id)
                    })
                    .collect();
            }
            None => {
                if !visible_complete {
                    problems.push(format!(
                        "the {} permissions table: some rows could not be read",
                        subtab.label()
                    ));
                }
                unknown_labels.extend(role_from_visible(&mut role, subtab, &visible));
                sublist.rows = rows
                    .into_iter()
                    .map(|(row, _, visible)| {
                        let id = visible.and_then(|visible| {
                            catalog::all()
                                .iter()
                                .find(|permission| {
                                    permission.subtab == subtab
                                        && permission.is_named(&visible.label)
                                })
                                .map(|permission| permission.id.to_owned())
                        });
                        (row, id)
                    })
                    .collect();
            }
        }
        sublists.push(sublist);
    }
    if mode == Mode::Edit
        && sublists
            .iter()
            .find(|sublist| sublist.subtab == Subtab::Setup)
            .is_some_and(|sublist| sublist.fields.is_none())
    {
        problems.push("the Setup sublist: no permission key or level field".to_owned());
    }
    PageRead {
        mode,
        role,
        problems,
        unknown_labels,
        sublists,
        host,
        url,
    }
}
