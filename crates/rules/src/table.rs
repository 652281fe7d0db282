//! The rows of a visible sublist table, read from the browser's serialization of it (`outerHTML`).
//!
//! Reading a table row by row through the DOM costs about six calls across the wasm boundary per
//! row; the serialization is one string. It is not arbitrary HTML: browsers write it with the HTML
//! fragment serialization algorithm, so every non-void element has its end tag, every attribute
//! value is double-quoted with `&`, `"` and NBSP escaped, text has `&`, `<`, `>` and NBSP escaped,
//! comments are `<!--…-->`, and the contents of raw-text elements (`script`, `style`, …) are
//! written as they are. Anything else (an end tag that does not close the open element, an
//! unterminated tag or comment) means the string is not such a serialization, and [`rows`] returns
//! `None`: the caller reports the table as unreadable rather than guess.
//!
//! A row is what `getElementsByClassName("uir-machine-row")` on the table returns, filtered as the
//! content script did through the DOM: a descendant element with that class and a non-empty `id`.
//! Its cells are its first two element children, and a cell's text is its `textContent`.
//!
//! The page is untrusted, so the work is bounded before anything is copied: a serialization longer
//! than [`MAX_HTML_BYTES`], more than [`MAX_ROWS`] rows, elements nested deeper than [`MAX_DEPTH`],
//! a cell inside more than [`MAX_OPEN_CELLS`] open cells or a cell's text longer than
//! [`MAX_CELL_BYTES`] make the table unreadable (`None`). Each byte of text then goes to at most
//! `MAX_OPEN_CELLS` cells, so time and memory are linear in the input. A permission table of the
//! largest role seen (about 700 lines) is far inside every bound.

/// One row of the table.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HtmlRow {
    /// The row element's `id`, e.g. `setupmach_row_3`.
    pub dom_id: String,
    /// The trimmed text of the row's first two element children (Permission and Level), `None`
    /// where the row has fewer children.
    pub cells: [Option<String>; 2],
    /// The row's `data-tba-doctor` attribute (the mark this extension set), if any.
    pub mark: Option<String>,
    /// The row's `title` attribute, if any.
    pub title: Option<String>,
}

/// The longest serialization read: about 130 times the Setup table of the 700-permission fixture.
pub const MAX_HTML_BYTES: usize = 8 * 1024 * 1024;
/// The most rows read: NetSuite has fewer than 1,000 standard permissions on all subtabs together.
pub const MAX_ROWS: usize = 20_000;
/// The deepest nesting of elements read (a permission table nests about ten deep).
pub const MAX_DEPTH: usize = 256;
/// The most cells open at once: a cell of a row nested in another row's cell is in both.
pub const MAX_OPEN_CELLS: usize = 8;
/// The longest text of one cell: a permission's name or a level is under 200 bytes.
pub const MAX_CELL_BYTES: usize = 4096;

/// The class that marks a data row of a sublist table (netsuite-role-page.md §2).
const ROW_CLASS: &str = "uir-machine-row";

/// Elements that never have contents or an end tag.
const VOID: [&str; 18] = [
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose contents are serialized without escaping.
const RAW_TEXT: [&str; 8] = [
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
    "script",
    "style",
    "xmp",
];

/// An open element.
struct Frame<'a> {
    name: &'a str,
    /// Index in the rows when this element is a row.
    row: Option<usize>,
    /// Element children seen so far (capped).
    children: u8,
    /// Whether this element is one of a row's first two element children (a cell, listed in
    /// `open_cells` while it is open).
    is_cell: bool,
}

/// The attributes of a start tag that matter here.
#[derive(Default)]
struct Attributes {
    /// Whether the class list holds [`ROW_CLASS`]; read without copying the value, since nearly
    /// every tag of a permission table has a class.
    row_class: bool,
    id: Option<String>,
    mark: Option<String>,
    title: Option<String>,
}

/// Reads the rows of a table from its `outerHTML`; `None` when `html` is not a well-formed
/// serialization.
///
/// It scans bytes for ASCII delimiters only (so every slice is on a character boundary) and uses
/// no general substring search: the content script's wasm budget is tight.
pub fn rows(html: &str) -> Option<Vec<HtmlRow>> {
    if html.len() > MAX_HTML_BYTES {
        return None;
    }
    let bytes = html.as_bytes();
    let mut rows: Vec<HtmlRow> = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    // The `(row, cell)` of every open cell element, innermost last: text goes to each of them,
    // without walking the whole stack of open elements for every piece of text.
    let mut open_cells: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let open = find(bytes, at, b"<").unwrap_or(bytes.len());
        append_text(&open_cells, &mut rows, html.get(at..open)?, true)?;
        at = open;
        let Some(tag) = bytes.get(at..).filter(|tag| !tag.is_empty()) else {
            break;
        };
        if tag.starts_with(b"<!--") {
            at = find(bytes, at + 4, b"-->")? + 3;
        } else if tag.starts_with(b"</") {
            let close = find(bytes, at, b">")?;
            let frame = stack.pop()?;
            if frame.name != html.get(at + 2..close)? {
                return None;
            }
            if frame.is_cell {
                open_cells.pop();
            }
            at = close + 1;
        } else if tag.starts_with(b"<!") || tag.starts_with(b"<?") {
            at = find(bytes, at, b">")? + 1;
        } else {
            let (name, attributes, self_closing, next) = start_tag(html, at + 1)?;
            at = next;
            let mut cell = None;
            if let Some(parent) = stack.last_mut() {
                parent.children = parent.children.saturating_add(1);
                if let (Some(row), 1..=2) = (parent.row, parent.children) {
                    cell = Some((row, usize::from(parent.children - 1)));
                }
            }
            if let Some((row, index)) = cell
                && let Some(slot) = rows.get_mut(row).and_then(|row| row.cells.get_mut(index))
            {
                *slot = Some(String::new());
            }
            // The table itself is not one of its own rows.
            let is_row = !stack.is_empty()
                && attributes.id.as_deref().is_some_and(|id| !id.is_empty())
                && attributes.row_class;
            if is_row && rows.len() >= MAX_ROWS {
                return None;
            }
            let row = is_row.then(|| {
                rows.push(HtmlRow {
                    dom_id: attributes.id.unwrap_or_default(),
                    cells: [None, None],
                    mark: attributes.mark,
                    title: attributes.title,
                });
                rows.len() - 1
            });
            if self_closing || VOID.contains(&name) {
                continue;
            }
            open_cells.extend(cell);
            if open_cells.len() > MAX_OPEN_CELLS || stack.len() >= MAX_DEPTH {
                return None;
            }
            stack.push(Frame {
                name,
                row,
                children: 0,
                is_cell: cell.is_some(),
            });
            if RAW_TEXT.contains(&name) {
                let end = find_end_tag(bytes, at, name)?;
                append_text(&open_cells, &mut rows, html.get(at..end)?, false)?;
                at = end;
            }
        }
    }
    if !stack.is_empty() {
        return None;
    }
    for row in &mut rows {
        for cell in row.cells.iter_mut().flatten() {
            let trimmed = cell.trim();
            if trimmed.len() != cell.len() {
                *cell = trimmed.to_owned();
            }
        }
    }
    Some(rows)
}

/// Where `needle` next occurs in `bytes` at or after `from`.
///
/// A plain loop over the first byte: the content script's first run executes V8's baseline code,
/// in which every call made per byte (a window compared through `memcmp`) is costly.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    let mut at = from;
    loop {
        while *bytes.get(at)? != first {
            at += 1;
        }
        if bytes.get(at + 1..)?.starts_with(rest) {
            return Some(at);
        }
        at += 1;
    }
}

/// Whether `byte` ends a tag name (HTML's tag name state: an `=` is part of the name).
fn ends_tag_name(byte: u8) -> bool {
    byte.is_ascii_whitespace() || byte == b'/' || byte == b'>'
}

/// Parses a start tag from just after its `<`: name, attributes, whether it ends in `/>`, and
/// where the tag ends.
fn start_tag(html: &str, from: usize) -> Option<(&str, Attributes, bool, usize)> {
    let bytes = html.as_bytes();
    let mut at = name_end(bytes, from, false);
    let name = html.get(from..at).filter(|name| !name.is_empty())?;
    let mut attributes = Attributes::default();
    loop {
        while bytes.get(at)?.is_ascii_whitespace() {
            at += 1;
        }
        // The rest of the input, not two bytes of it: a tag may end the input.
        match bytes.get(at..).unwrap_or_default() {
            [b'>', ..] => return Some((name, attributes, false, at + 1)),
            [b'/', b'>', ..] => return Some((name, attributes, true, at + 2)),
            [b'/', ..] => {
                at += 1;
                continue;
            }
            _ => {}
        }
        let attribute_end = name_end(bytes, at, true);
        let attribute = html
            .get(at..attribute_end)
            .filter(|name| !name.is_empty())?;
        at = attribute_end;
        let mut value = "";
        if bytes.get(at) == Some(&b'=') {
            if bytes.get(at + 1) != Some(&b'"') {
                return None;
            }
            let close = find(bytes, at + 2, b"\"")?;
            value = html.get(at + 2..close)?;
            at = close + 1;
        }
        let slot = match attribute {
            "class" => {
                // Decoding changes only tokens with a `&`, which can never be the row class.
                attributes.row_class = value.split_ascii_whitespace().any(|c| c == ROW_CLASS);
                continue;
            }
            "id" => &mut attributes.id,
            "data-tba-doctor" => &mut attributes.mark,
            "title" => &mut attributes.title,
            _ => continue,
        };
        let mut decoded = String::new();
        decode_into(&mut decoded, value);
        *slot = Some(decoded);
    }
}

/// Where the name that starts at `from` ends: where a tag name would end, and for an attribute
/// name (`attribute`) at an `=` too, except in first place (HTML's before attribute name state
/// makes a leading `=` part of the name).
fn name_end(bytes: &[u8], from: usize, attribute: bool) -> usize {
    let mut at = from;
    while bytes
        .get(at)
        .is_some_and(|&byte| !(ends_tag_name(byte) || (attribute && at > from && byte == b'=')))
    {
        at += 1;
    }
    at
}

/// Where the end tag of raw-text element `name` starts, at or after `from`.
///
/// A script's text may hold `<!--` … `-->` with a `<script>` inside (HTML's script data escaped
/// and double-escaped states), where the next `</script>` belongs to the text: `<script><!--
/// <script></script></script>` is one script. The other raw-text elements end at their first end
/// tag.
fn find_end_tag(bytes: &[u8], from: usize, name: &str) -> Option<usize> {
    // 0: the text, 1: escaped (after `<!--`), 2: double-escaped (after `<script` in 1).
    let mut state = 0;
    let mut at = from;
    loop {
        let rest = bytes.get(at..)?;
        if name == "script" {
            if rest.starts_with(b"-->") {
                state = 0;
            } else if state == 0 && rest.starts_with(b"<!--") {
                // From the dashes: `<!-->` ends the escape as soon as it starts.
                state = 1;
                at += 2;
                continue;
            } else if state == 1 && rest.first() == Some(&b'<') && names_tag(rest.get(1..)?, name) {
                state = 2;
            }
        }
        if rest.starts_with(b"</") && names_tag(rest.get(2..)?, name) {
            if state < 2 {
                return Some(at);
            }
            state = 1;
        }
        at += 1;
    }
}

/// Whether `rest` starts with tag name `name` (in any case) and a byte that ends a tag name.
fn names_tag(rest: &[u8], name: &str) -> bool {
    rest.get(..name.len())
        .is_some_and(|found| found.eq_ignore_ascii_case(name.as_bytes()))
        && rest.get(name.len()).copied().is_some_and(ends_tag_name)
}

/// Adds `text` to every open cell (a cell inside a cell's row counts for both, as textContent);
/// `None` when a cell's text would pass [`MAX_CELL_BYTES`] (decoding only shortens text).
fn append_text(
    open_cells: &[(usize, usize)],
    rows: &mut [HtmlRow],
    text: &str,
    escaped: bool,
) -> Option<()> {
    if text.is_empty() {
        return Some(());
    }
    for &(row, index) in open_cells {
        if let Some(Some(cell)) = rows.get_mut(row).and_then(|row| row.cells.get_mut(index)) {
            if cell.len() + text.len() > MAX_CELL_BYTES {
                return None;
            }
            if escaped {
                decode_into(cell, text);
            } else {
                cell.push_str(text);
            }
        }
    }
    Some(())
}

/// Appends `text` with the serializer's escapes undone; any other `&` is kept as it is.
fn decode_into(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(at) = find(rest.as_bytes(), 0, b"&") {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        let replacement = [
            ("&amp;", '&'),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&nbsp;", '\u{a0}'),
        ]
        .into_iter()
        .find(|(entity, _)| from.starts_with(entity));
        let (letter, skip) =
            replacement.map_or(('&', 1), |(entity, letter)| (letter, entity.len()));
        out.push(letter);
        rest = from.get(skip..).unwrap_or_default();
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::{HtmlRow, rows};

    fn row(id: &str, label: &str, level: &str) -> HtmlRow {
        HtmlRow {
            dom_id: id.to_owned(),
            cells: [Some(label.to_owned()), Some(level.to_owned())],
            mark: None,
            title: None,
        }
    }

    const TABLE: &str = concat!(
        "<table id=\"setupmach_splits\" class=\"uir-machine-table\"><tbody>",
        "<tr class=\"uir-machine-headerrow\"><td data-label=\"Permission\">Permission</td><td>Level</td></tr>",
        "<tr class=\"uir-machine-row uir-machine-row-odd\" id=\"setupmach_row_1\">",
        "<td class=\"listtext\">Accounting &amp; Lists</td><td>Full</td></tr>\n",
        "<tr class=\"uir-machine-row uir-machine-row-even\" id=\"setupmach_row_2\" data-tba-doctor=\"ok\" title=\"TBA Doctor: ok\">",
        "<td> <span>Log in using</span>&nbsp;<b>Access</b> Tokens </td><td><!-- level -->View<br></td></tr>",
        "<tr class=\"uir-machine-row\"><td><select><option>Edit</option></select></td></tr>",
        "</tbody></table>"
    );

    #[test]
    fn reads_rows_cells_marks_and_titles_like_the_dom() {
        let read = rows(TABLE).unwrap();
        let mut second = row("setupmach_row_2", "Log in using\u{a0}Access Tokens", "View");
        second.mark = Some("ok".to_owned());
        second.title = Some("TBA Doctor: ok".to_owned());
        assert_eq!(
            read,
            [row("setupmach_row_1", "Accounting & Lists", "Full"), second]
        );
    }

    #[test]
    fn a_row_with_one_child_or_none_has_missing_cells() {
        let html = concat!(
            "<table><tr class=\"uir-machine-row\" id=\"a\"><td>Only</td></tr>",
            "<tr class=\"uir-machine-row\" id=\"b\"></tr>",
            "<tr class=\"uir-machine-row\" id=\"c\"><td></td><td><input value=\"x\"></td></tr></table>"
        );
        let read = rows(html).unwrap();
        assert_eq!(read[0].cells, [Some("Only".to_owned()), None]);
        assert_eq!(read[1].cells, [None, None]);
        assert_eq!(read[2].cells, [Some(String::new()), Some(String::new())]);
    }

    #[test]
    fn class_is_matched_by_whole_token_and_the_table_itself_is_no_row() {
        let html = concat!(
            "<table class=\"uir-machine-row\" id=\"t\"><tbody>",
            "<tr class=\"uir-machine-rows\" id=\"x\"><td>A</td><td>B</td></tr>",
            "<tr class=\"a\tuir-machine-row\" id=\"y\"><td>C</td><td>D</td></tr>",
            "</tbody></table>"
        );
        let read = rows(html).unwrap();
        assert_eq!(read, [row("y", "C", "D")]);
    }

    #[test]
    fn names_read_as_the_html_tokenizer_makes_them() {
        // `<p=&>` is an element named `p=&`; `<td =x>` has an attribute named `=x` (found by
        // the fuzz target's html5ever oracle).
        let html = concat!(
            "<table><tr class=\"uir-machine-row\" id=\"r\"><p=&>A</p=&>",
            "<td =x=\"1\" title=\"t\">B</td></tr></table>"
        );
        assert_eq!(
            rows(html).unwrap()[0].cells,
            [Some("A".to_owned()), Some("B".to_owned())]
        );
        // A start tag may end the input (found by the same oracle).
        assert_eq!(rows("<input>"), Some(Vec::new()));
        assert_eq!(rows("a<br/>"), Some(Vec::new()));
    }

    #[test]
    fn raw_text_and_quoted_markup_do_not_end_a_cell_early() {
        let html = concat!(
            "<table><tr class=\"uir-machine-row\" id=\"r\" title=\"a &gt; b &quot;q&quot; <td>\">",
            "<td>A<script>if (a </td> b) {}</script>B</td><td>&lt;img src=x onerror=alert(1)&gt;</td></tr></table>"
        );
        let read = rows(html).unwrap();
        assert_eq!(read[0].title.as_deref(), Some("a > b \"q\" <td>"));
        assert_eq!(
            read[0].cells,
            [
                Some("Aif (a </td> b) {}B".to_owned()),
                Some("<img src=x onerror=alert(1)>".to_owned())
            ]
        );
    }

    #[test]
    fn a_script_ends_where_the_html_tokenizer_ends_it() {
        let cell = |script: &str| {
            let html = format!(
                "<table><tr class=\"uir-machine-row\" id=\"r\"><td>A<script>{script}</script>B</td><td>C</td></tr></table>"
            );
            rows(&html).and_then(|read| read[0].cells[0].clone())
        };
        // fuzz/known/table-2: inside `<!--`, a `<script>` makes the next `</script>` text.
        assert_eq!(
            cell("<!--<script></script>").as_deref(),
            Some("A<!--<script></script>B")
        );
        assert_eq!(
            cell("<!-- <SCRIPT type=x></script/ -->").as_deref(),
            Some("A<!-- <SCRIPT type=x></script/ -->B")
        );
        // Without the `<script>`, or once `-->` has closed the escape, `</script>` ends it.
        for (script, text) in [
            ("<!-- x", "A<!-- xB"),
            ("<!-- <scripts></scripts>", "A<!-- <scripts></scripts>B"),
            ("<!--> <script>", "A<!--> <script>B"),
            ("<!-- --> <script>", "A<!-- --> <script>B"),
            ("--> <script>", "A--> <script>B"),
            ("", "AB"),
        ] {
            assert_eq!(cell(script).as_deref(), Some(text), "{script}");
        }
        // Only scripts have the escapes.
        let html = "<table><tr class=\"uir-machine-row\" id=\"r\"><td><style><!--<style></style>B</td></tr></table>";
        assert_eq!(
            rows(html).unwrap()[0].cells[0].as_deref(),
            Some("<!--<style>B")
        );
    }

    #[test]
    fn nested_rows_count_like_get_elements_by_class_name() {
        let html = concat!(
            "<table><tr class=\"uir-machine-row\" id=\"outer\"><td>X",
            "<table><tr class=\"uir-machine-row\" id=\"inner\"><td>I</td><td>J</td></tr></table>",
            "</td><td>Y</td></tr></table>"
        );
        let read = rows(html).unwrap();
        assert_eq!(read, [row("outer", "XIJ", "Y"), row("inner", "I", "J")]);
    }

    #[test]
    fn anything_but_a_serialization_is_refused() {
        for html in [
            "<table><tr></td></table>",
            "<table><tr>",
            "<table><!-- open",
            "<table><tr class=\"uir-machine-row",
            "<table><tr class=\"x\" y=z></tr></table>",
            "<table><script>never closed</table>",
            "<table><script><!--<script></script></table>",
            "</table>",
            "<>",
        ] {
            assert_eq!(rows(html), None, "{html}");
        }
        assert_eq!(rows(""), Some(Vec::new()));
        assert_eq!(rows("text only & more"), Some(Vec::new()));
    }

    #[test]
    fn nesting_within_the_bounds_reads_and_past_them_is_refused() {
        let table = |depth: usize| {
            let (open, close) = ("<b>x".repeat(depth), "</b>".repeat(depth));
            format!(
                "<table><tr class=\"uir-machine-row\" id=\"r\"><td>{open}{close}</td><td>Full</td></tr></table>"
            )
        };
        let read = rows(&table(200)).unwrap();
        assert_eq!(read[0].cells[0].as_ref().map(String::len), Some(200));
        assert_eq!(rows(&table(50_000)), None, "deeper than MAX_DEPTH");
        let long = format!(
            "<table><tr class=\"uir-machine-row\" id=\"r\"><td>{}</td><td>Full</td></tr></table>",
            "x".repeat(super::MAX_CELL_BYTES + 1)
        );
        assert_eq!(rows(&long), None, "a cell longer than MAX_CELL_BYTES");
    }

    #[test]
    fn no_input_panics() {
        let pieces = [
            "<",
            ">",
            "</",
            "\"",
            "=",
            "&",
            "&amp",
            "<!--",
            "-->",
            "<tr",
            " id=\"r\"",
            " class=\"uir-machine-row\"",
            "<td>",
            "</td>",
            "</tr>",
            "<script>",
            "</script>",
            "é",
            "/>",
            "<br>",
        ];
        // Every sequence of three pieces.
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let _ = rows(&format!("{a}{b}{c}"));
                    let _ = rows(&format!("<table>{a}{b}{c}</table>"));
                }
            }
        }
    }
}
