//! Reads the role page: copies out of the DOM the strings and flags that `tba_rules::assemble`
//! turns into the page reading.
//!
//! What it collects (netsuite-role-page.md §2): for each sublist the hidden inputs `<m>fields` and
//! `<m>data` of `main_form` (not `<m>labels`, which no decision uses) and, for the subtabs of
//! `assemble::TABLES_READ`, the
//! serialization of the table `#<m>_splits` (one string per table crosses the wasm boundary, not a
//! handful of DOM calls per row); whether the Setup sublist's hidden inputs and editing controls
//! are there; the role's name and hidden id; the Web Services Only checkbox. Every decision about
//! them (mode, which subtabs must be there, the cross-check, the view-mode mapping, the problems)
//! is `assemble`'s. It changes nothing on the page.
use tba_rules::assemble::{PageInputs, PageRead, TABLES_READ, assemble, page_names};
use tba_rules::catalog::Subtab;
use tba_rules::confirm::CurrentLine;
use tba_rules::text::concat;
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlFormElement, HtmlInputElement};

use crate::dom;

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

/// The role's name as the page shows it: the `#name` input in edit mode, the field's text in view
/// mode.
fn role_name(document: &Document) -> Option<String> {
    let from_input = document
        .get_element_by_id("name")
        .and_then(|element| element.dyn_into::<HtmlInputElement>().ok())
        .map(|input| input.value());
    from_input.or_else(|| {
        dom::query(
            document.as_ref(),
            "[data-field-name=\"name\"] [data-nsps-type=\"field_input\"]",
        )
        .and_then(|element| element.text_content())
    })
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

/// Copies what assembly needs out of the page. The address is the window's, which is the page's
/// own for the content script and the real page's for the made-up page of [`crate::rehearsal`].
pub fn inputs(document: &Document) -> PageInputs {
    let location = web_sys::window().map(|window| window.location());
    let form = main_form(document);
    let mut inputs = PageInputs {
        url: location
            .as_ref()
            .and_then(|location| location.href().ok())
            .unwrap_or_default(),
        host: location
            .as_ref()
            .and_then(|location| location.hostname().ok())
            .unwrap_or_default(),
        // Presence only: the data input can hold tens of kilobytes, read once below.
        edit_inputs: form.as_ref().is_some_and(|form| {
            let elements = form.elements();
            elements.named_item("setupmachdata").is_some()
                && elements.named_item("setupmachfields").is_some()
        }),
        edit_controls: document.forms().named_item("setupmach_form").is_some()
            || document.get_element_by_id("setupmach_addedit").is_some(),
        role_name: role_name(document),
        hidden_role_id: form.as_ref().and_then(|form| hidden_value(form, "id")),
        web_services_only: web_services_only(document, form.as_ref()),
        ..PageInputs::default()
    };
    for subtab in Subtab::ALL {
        let names = page_names(subtab);
        let sublist = inputs.sublist_mut(subtab);
        if let Some(form) = &form {
            sublist.fields = hidden_value(form, names.fields);
            sublist.data = hidden_value(form, names.data);
        }
        if TABLES_READ.contains(&subtab) {
            sublist.table_html = document
                .get_element_by_id(names.table)
                .map(|table| dom::outer_html(&table).unwrap_or_default());
        }
    }
    inputs
}

/// Reads the whole page.
pub fn read(document: &Document) -> PageRead {
    assemble(&inputs(document))
}

/// The form field `name` of the sublist form `form_name` (`<m>_form`, where NetSuite keeps a
/// sublist's current line: netsuite-role-page.md §3.1), as text; `None` when there is none.
fn line_field(document: &Document, form_name: &str, name: &str) -> Option<String> {
    let form = document
        .forms()
        .named_item(form_name)
        .and_then(|form| form.dyn_into::<HtmlFormElement>().ok())?;
    let element = form.elements().named_item(name)?;
    // An input or a select: both have a string `value`; anything else is not the field.
    crate::wire::field(&element, "value")
        .as_string()
        .filter(|value| value.len() <= tba_rules::protocol::MAX_ID_LEN)
}

/// The current line of each sublist of `read` that has editable fields: what its form's key and
/// level fields hold now (an empty add row reads as empty strings).
pub fn current_lines(document: &Document, read: &PageRead) -> Vec<CurrentLine> {
    read.sublists
        .iter()
        .filter_map(|sublist| {
            let (key_field, level_field) = sublist.fields.as_ref()?;
            let form = concat(&[sublist.subtab.machine(), "_form"]);
            Some(CurrentLine {
                subtab: sublist.subtab,
                key: line_field(document, &form, key_field).unwrap_or_default(),
                level: line_field(document, &form, level_field).unwrap_or_default(),
            })
        })
        .collect()
}

/// What the key field of `subtab`'s current line holds, `None` when the page has no such field.
pub fn current_key(document: &Document, subtab: Subtab, key_field: &str) -> Option<String> {
    line_field(document, &concat(&[subtab.machine(), "_form"]), key_field)
}
