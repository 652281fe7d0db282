//! Page assembly: turns what a role page holds, as plain strings ([`PageInputs`]), into the page
//! reading ([`PageRead`]): the mode, the role's facts, each sublist with the permission id of every
//! visible row, and what could not be read.
//!
//! Two routes read each sublist (product.md §6): the hidden inputs `<m>fields` and `<m>data`,
//! decoded by [`crate::codec`], and the visible table `#<m>_splits`, whose serialization
//! [`crate::table`] parses; where both exist [`crate::crosscheck`] compares them, and in view mode
//! only the table exists. Anything that cannot be read completely, or a disagreement, becomes a
//! [`Problem`] and the page is unsupported: assembly never guesses.
//!
//! It takes no live DOM object, only strings and flags, so that the content script (which copies
//! them out of the page) and a role page fetched as text (the coming audit) are read by the same
//! code. It changes nothing and decides no policy beyond what the page says.

use crate::catalog::Subtab;
use crate::codec::{Diagnostic, decode_permissions};
use crate::crosscheck::{Disagreement, VisibleRow, cross_check, role_from_visible};
use crate::evaluate::Status;
use crate::message::{Arg, Id, Message};
use crate::page::{PageKind, account_from_host, classify_url};
use crate::protocol::MAX_TEXT_CHARS;
use crate::role::Role;
use crate::table::{self, HtmlRow};

/// The subtabs whose visible tables are read: the only ones that hold catalog permissions the
/// profiles need (the Setup permissions and `REPO_ANALYTICS`). The other tables can neither be
/// mapped by name nor change a verdict; their hidden data is still decoded. Reading fewer rows keeps
/// start-up within budget on roles with hundreds of lines (product.md §7), so the content script
/// serializes only these tables, and assembly ignores any other it is given.
pub const TABLES_READ: [Subtab; 2] = [Subtab::Reports, Subtab::Setup];

/// The subtabs every role page has: a page without either one's data or table is not read.
const MUST_BE_PRESENT: [Subtab; 2] = [Subtab::Reports, Subtab::Setup];

/// At most this many problems of one kind per sublist: one is enough to refuse the page, a few
/// help whoever reads them.
const MAX_PROBLEMS_PER_KIND: usize = 5;

/// The names NetSuite gives one sublist's page elements (netsuite-role-page.md §2.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageNames {
    /// Hidden input with the field names, `<m>fields`.
    pub fields: &'static str,
    /// Hidden input with the rows, `<m>data`.
    pub data: &'static str,
    /// Hidden input with the column labels, `<m>labels`.
    pub labels: &'static str,
    /// Id of the visible table, `<m>_splits`.
    pub table: &'static str,
    /// Id of the subtab's link, `<m>txt`.
    pub tab_link: &'static str,
}

/// The page element names of `subtab`, spelled out so that no name is formatted at run time.
pub fn page_names(subtab: Subtab) -> PageNames {
    let (fields, data, labels, table, tab_link) = match subtab {
        Subtab::Transactions => (
            "tranmachfields",
            "tranmachdata",
            "tranmachlabels",
            "tranmach_splits",
            "tranmachtxt",
        ),
        Subtab::Reports => (
            "repomachfields",
            "repomachdata",
            "repomachlabels",
            "repomach_splits",
            "repomachtxt",
        ),
        Subtab::Lists => (
            "listsmachfields",
            "listsmachdata",
            "listsmachlabels",
            "listsmach_splits",
            "listsmachtxt",
        ),
        Subtab::Setup => (
            "setupmachfields",
            "setupmachdata",
            "setupmachlabels",
            "setupmach_splits",
            "setupmachtxt",
        ),
        Subtab::CustomRecord => (
            "custrecordmachfields",
            "custrecordmachdata",
            "custrecordmachlabels",
            "custrecordmach_splits",
            "custrecordmachtxt",
        ),
    };
    PageNames {
        fields,
        data,
        labels,
        table,
        tab_link,
    }
}

/// What the page holds for one sublist, as strings copied out of it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SublistInputs {
    /// The value of the hidden input `<m>fields` of `main_form`, when the page has it.
    pub fields: Option<String>,
    /// The value of the hidden input `<m>data` of `main_form`, when the page has it.
    pub data: Option<String>,
    /// The value of the hidden input `<m>labels` (the column labels, netsuite-role-page.md
    /// §2.1), when the page has it and the reader took it. No decision uses it (the columns are
    /// found by their field names, the permissions by their ids), so the content script leaves it
    /// out: every call across the wasm boundary and every byte of the role module counts.
    pub labels: Option<String>,
    /// The serialization (`outerHTML`) of the table `#<m>_splits`, when the page has it; an empty
    /// string stands for a table whose serialization could not be had (a table's never is empty).
    /// Only the tables of [`TABLES_READ`] are read.
    pub table_html: Option<String>,
}

/// Everything assembly needs from a role page, as plain data.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageInputs {
    /// The page's address (a role id in its `id` parameter counts first).
    pub url: String,
    /// The page's host name, e.g. `1234567.app.netsuite.com`.
    pub host: String,
    /// Whether `main_form` has the Setup sublist's hidden inputs (`setupmachfields` and
    /// `setupmachdata`), whatever their values.
    pub edit_inputs: bool,
    /// Whether the page has the Setup sublist's editing controls (the mini-form `setupmach_form`
    /// or the Add button `#setupmach_addedit`).
    pub edit_controls: bool,
    /// The role's name as the page shows it (the `#name` input's value, or the view page's text),
    /// untrimmed.
    pub role_name: Option<String>,
    /// The value of `main_form`'s hidden `id` input.
    pub hidden_role_id: Option<String>,
    /// The Web Services Only checkbox, when the page has one.
    pub web_services_only: Option<bool>,
    /// The sublists, in [`Subtab::ALL`] order (see [`PageInputs::sublist_mut`]).
    pub sublists: [SublistInputs; 5],
}

impl PageInputs {
    /// The inputs of `subtab`'s sublist.
    pub fn sublist(&self, subtab: Subtab) -> &SublistInputs {
        &self.sublists[subtab_index(subtab)]
    }

    /// The inputs of `subtab`'s sublist, to fill in.
    pub fn sublist_mut(&mut self, subtab: Subtab) -> &mut SublistInputs {
        &mut self.sublists[subtab_index(subtab)]
    }
}

/// The position of `subtab` in [`Subtab::ALL`].
fn subtab_index(subtab: Subtab) -> usize {
    match subtab {
        Subtab::Transactions => 0,
        Subtab::Reports => 1,
        Subtab::Lists => 2,
        Subtab::Setup => 3,
        Subtab::CustomRecord => 4,
    }
}

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
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sublist {
    /// Which subtab.
    pub subtab: Subtab,
    /// Key and level field names from `<m>fields`, when the hidden data exists.
    pub fields: Option<(String, String)>,
    /// The visible data rows, each with the permission id it shows when that is known.
    pub rows: Vec<(HtmlRow, Option<String>)>,
}

/// Something that could not be read; any one makes the page unsupported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A subtab every role page has has neither its hidden data nor its table on the page.
    Absent {
        /// Which subtab.
        subtab: Subtab,
    },
    /// The hidden sublist data lost or blurred a row or a level.
    LostData {
        /// Which subtab.
        subtab: Subtab,
        /// What the codec found.
        diagnostic: Diagnostic,
    },
    /// The hidden data and the visible table say different things.
    Disagrees {
        /// Which subtab.
        subtab: Subtab,
        /// How they differ.
        disagreement: Disagreement,
    },
    /// There is no hidden data, and some rows of the table could not be read.
    UnreadableRows {
        /// Which subtab.
        subtab: Subtab,
    },
    /// The page is in edit mode, and the sublist's fields name no permission key or level field,
    /// so nothing can be pre-filled.
    NoEditableFields {
        /// Which subtab.
        subtab: Subtab,
    },
}

impl Problem {
    /// The problem in words, for the panel and the popup.
    pub fn message(&self) -> Message {
        match self {
            Problem::Absent { subtab } => {
                Message::with(Id::ProblemAbsent, vec![Arg::Subtab(*subtab)])
            }
            Problem::LostData { subtab, diagnostic } => Message::with(
                Id::ProblemLostData,
                vec![Arg::Subtab(*subtab), Arg::message(diagnostic.message())],
            ),
            Problem::Disagrees {
                subtab,
                disagreement,
            } => Message::with(
                Id::ProblemDisagrees,
                vec![Arg::Subtab(*subtab), Arg::message(disagreement.message())],
            ),
            Problem::UnreadableRows { subtab } => {
                Message::with(Id::ProblemUnreadableRows, vec![Arg::Subtab(*subtab)])
            }
            Problem::NoEditableFields { subtab } => {
                Message::with(Id::ProblemNoEditableFields, vec![Arg::Subtab(*subtab)])
            }
        }
    }
}

/// Something the page says that does not stop it being read, shown beside the verdict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageNote {
    /// The role id in the page's address is not the page's own hidden `id`; the page's is used,
    /// since it is the record the page would save.
    IdMismatch {
        /// The page's own id.
        page: u32,
        /// The address's id.
        address: u32,
    },
    /// Lines of a sublist carry an id that is no valid permission id (see
    /// [`crate::protocol::is_valid_id`]); they are left out of the role, which no catalog
    /// permission (and so no verdict) depends on.
    OddIds {
        /// Which subtab.
        subtab: Subtab,
        /// How many lines.
        count: usize,
    },
}

impl PageNote {
    /// The note in words, for the panel and the popup.
    pub fn message(&self) -> Message {
        match self {
            PageNote::IdMismatch { page, address } => Message::with(
                Id::NoteIdMismatch,
                vec![Arg::Count(*page as usize), Arg::Count(*address as usize)],
            ),
            PageNote::OddIds { subtab, count } => Message::with(
                Id::NoteOddIds,
                vec![Arg::Count(*count), Arg::Subtab(*subtab)],
            ),
        }
    }
}

/// Everything read from the page at one moment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageRead {
    /// Edit or view mode.
    pub mode: Mode,
    /// The facts (grants, name, id, account, Web Services Only).
    pub role: Role,
    /// What could not be read; non-empty means unsupported.
    pub problems: Vec<Problem>,
    /// What was read but is worth saying (it changes no verdict).
    pub notes: Vec<PageNote>,
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

/// The page's `data-status` hook for a verdict's status (product.md §6): `view-mode` on a page in
/// view mode whose role needs a change (the page cannot change it), else the status itself.
pub fn status_hook(status: Status, mode: Mode) -> &'static str {
    match (status, mode) {
        (Status::Ok, _) => "ok",
        (_, Mode::View) => "view-mode",
        (status, Mode::Edit) => status.as_str(),
    }
}

/// Reads the page from its strings.
pub fn assemble(inputs: &PageInputs) -> PageRead {
    let mode = if inputs.edit_inputs && inputs.edit_controls {
        Mode::Edit
    } else {
        Mode::View
    };
    let url_id = match classify_url(&inputs.url).0 {
        PageKind::Role { id, .. } => id,
        _ => None,
    };
    let hidden_id = inputs
        .hidden_role_id
        .as_deref()
        .and_then(|id| crate::text::whole(id.trim()));
    let mut notes = Vec::new();
    if let (Some(address), Some(page)) = (url_id, hidden_id)
        && address != page
    {
        notes.push(PageNote::IdMismatch { page, address });
    }
    let mut role = Role {
        id: hidden_id.or(url_id),
        name: inputs.role_name.as_deref().and_then(role_name),
        account: account_from_host(&inputs.host),
        web_services_only: inputs.web_services_only,
        ..Role::default()
    };

    let mut problems = Vec::new();
    let mut sublists = Vec::new();
    for subtab in Subtab::ALL {
        let given = inputs.sublist(subtab);
        let hidden = given.fields.as_deref().zip(given.data.as_deref());
        let table = given
            .table_html
            .as_deref()
            .filter(|_| TABLES_READ.contains(&subtab));
        if hidden.is_none() && table.is_none() {
            if MUST_BE_PRESENT.contains(&subtab) {
                problems.push(Problem::Absent { subtab });
            }
            continue;
        }
        let (rows, visible_complete) =
            table.map_or((Vec::new(), false), |html| visible_rows(html, subtab));
        let visible: Vec<VisibleRow> = rows.iter().filter_map(|(_, _, row)| row.clone()).collect();
        let sublist = match hidden {
            Some((fields, data)) => {
                let decoded = decode_permissions(fields, data);
                if decoded.complete {
                    let check = cross_check(&decoded, &visible, visible_complete);
                    for disagreement in check.disagreements.iter().take(MAX_PROBLEMS_PER_KIND) {
                        problems.push(Problem::Disagrees {
                            subtab,
                            disagreement: disagreement.clone(),
                        });
                    }
                    let count = role.add_sublist(subtab, &decoded);
                    if count > 0 {
                        notes.push(PageNote::OddIds { subtab, count });
                    }
                } else {
                    let lost = decoded
                        .diagnostics
                        .iter()
                        .filter(|diagnostic| diagnostic.loses_data());
                    for diagnostic in lost.take(MAX_PROBLEMS_PER_KIND) {
                        problems.push(Problem::LostData {
                            subtab,
                            diagnostic: diagnostic.clone(),
                        });
                    }
                }
                let rows = rows
                    .into_iter()
                    .map(|(row, line, _)| {
                        let id = line
                            .and_then(|line| decoded.line_index(line))
                            .and_then(|index| decoded.lines.get(index))
                            .map(|entry| entry.id.clone());
                        (row, id)
                    })
                    .collect();
                Sublist {
                    subtab,
                    fields: decoded.key_field.zip(decoded.level_field),
                    rows,
                }
            }
            None => {
                if !visible_complete {
                    problems.push(Problem::UnreadableRows { subtab });
                }
                // The ids of the readable rows, in row order.
                let mut ids = role_from_visible(&mut role, subtab, &visible).into_iter();
                Sublist {
                    subtab,
                    fields: None,
                    rows: rows
                        .into_iter()
                        .map(|(row, _, visible)| {
                            let id = visible
                                .and_then(|_| ids.next().flatten())
                                .map(str::to_owned);
                            (row, id)
                        })
                        .collect(),
                }
            }
        };
        sublists.push(sublist);
    }
    if mode == Mode::Edit
        && sublists
            .iter()
            .find(|sublist| sublist.subtab == Subtab::Setup)
            .is_some_and(|sublist| sublist.fields.is_none())
    {
        problems.push(Problem::NoEditableFields {
            subtab: Subtab::Setup,
        });
    }
    PageRead {
        mode,
        role,
        problems,
        notes,
        sublists,
        host: inputs.host.clone(),
        url: inputs.url.clone(),
    }
}

/// The role name as shown: whitespace runs collapsed, at most `MAX_TEXT_CHARS` characters,
/// `None` when nothing is left.
fn role_name(raw: &str) -> Option<String> {
    let name: String = crate::text::words(raw)
        .chars()
        .take(MAX_TEXT_CHARS)
        .collect();
    (!name.is_empty()).then_some(name)
}

/// A visible row, the hidden line number its id names, and what it shows when that could be read.
type TableRow = (HtmlRow, Option<usize>, Option<VisibleRow>);

/// The rows of a table's serialization, and whether every row could be read.
fn visible_rows(html: &str, subtab: Subtab) -> (Vec<TableRow>, bool) {
    // A table's serialization is never empty: an empty string is one that could not be had.
    let Some(rows) = Some(html)
        .filter(|html| !html.is_empty())
        .and_then(table::rows)
    else {
        return (Vec::new(), false);
    };
    let machine = subtab.machine();
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

/// The hidden line number of a row id `<m>_row_<n>`.
fn line_number(row_id: &str, machine: &str) -> Option<usize> {
    row_id
        .strip_prefix(machine)?
        .strip_prefix("_row_")
        .and_then(crate::text::whole)
        .map(|line| line as usize)
}

#[cfg(test)]
mod tests;
