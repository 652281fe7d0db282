//! Fuzz target for the table reader, against an independent HTML parser as oracle.
//!
//! In the content script the reader gets what the browser wrote for the table (`outerHTML`).
//! Here html5ever (through `scraper`) plays the browser: it parses the fuzz input, as a page's
//! markup would be, and writes the fragment serialization. The reader must then find exactly
//! the rows, cells, marks and titles the oracle finds by walking html5ever's tree, or, when the
//! markup is past one of the reader's bounds, refuse the table (`None`). The raw input is read
//! too: the reader may refuse it (it is no serialization), but must not panic, and whatever
//! it reads there holds non-empty ids and trimmed cells, and no more text than the bounds allow.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scraper::{ElementRef, Html};
use tba_rules::table::{self, HtmlRow, rows};

/// What the oracle found, and how close the markup came to each bound of the reader.
#[derive(Default)]
struct Found {
    rows: Vec<HtmlRow>,
    depth: usize,
    open_cells: usize,
    longest_cell: usize,
    templates: bool,
}

/// Walks the element children of `element`, which sits `depth` elements deep inside `open`
/// open cells; `row` is its index in the rows when it is a row.
fn walk(element: ElementRef, depth: usize, open: usize, row: Option<usize>, found: &mut Found) {
    for (index, child) in element.children().filter_map(ElementRef::wrap).enumerate() {
        let value = child.value();
        found.templates |= value.name() == "template";
        // A row's first two element children are its cells: text in them is in an open cell.
        let cell = row.filter(|_| index < 2);
        let open_here = open + usize::from(cell.is_some());
        found.depth = found.depth.max(depth + 1);
        found.open_cells = found.open_cells.max(open_here);
        if let Some(row) = cell {
            let text: String = child.text().collect();
            found.longest_cell = found.longest_cell.max(text.len());
            found.rows[row].cells[index] = Some(text.trim().to_owned());
        }
        // The top-level elements (the table itself) are not rows.
        let is_row = depth > 0
            && value.classes().any(|class| class == "uir-machine-row")
            && value.id().is_some_and(|id| !id.is_empty());
        let this_row = is_row.then(|| {
            found.rows.push(HtmlRow {
                dom_id: value.id().unwrap_or_default().to_owned(),
                cells: [None, None],
                mark: value.attr("data-tba-doctor").map(str::to_owned),
                title: value.attr("title").map(str::to_owned),
            });
            found.rows.len() - 1
        });
        walk(child, depth + 1, open_here, this_row, found);
    }
}

fuzz_target!(|bytes: &[u8]| {
    let input = String::from_utf8_lossy(bytes);

    // Raw input: anything but a serialization may be refused; what is read is bounded by the
    // input (each byte of text goes to at most MAX_OPEN_CELLS cells).
    if let Some(read) = rows(&input) {
        let text: usize = read
            .iter()
            .flat_map(|row| row.cells.iter().flatten())
            .map(String::len)
            .sum();
        assert!(text <= input.len() * table::MAX_OPEN_CELLS);
        assert!(read.len() <= table::MAX_ROWS);
        for row in &read {
            assert!(!row.dom_id.is_empty());
            for cell in row.cells.iter().flatten() {
                assert_eq!(cell.trim(), cell.as_str());
            }
            assert!(row.cells[0].is_some() || row.cells[1].is_none());
        }
    }

    // As the browser would: parse, serialize, read.
    let fragment = Html::parse_fragment(&input);
    let root = fragment.root_element();
    let serialized = root.inner_html();
    // A browser's serialization of its tree reads back as the same tree. Where html5ever's does
    // not (its tree after the adoption agency can lose nodes: for `<a><div><<!><div><a>` it writes
    // `<a></a><div><a>&lt;<!----></div>`, where Chromium writes
    // `<a></a><div><a>&lt;<!----></a><div><a></a><a></a></div></div>`), the oracle holds a tree
    // no browser could hand over, and there is nothing to compare: fuzz/known/table-1.
    if Html::parse_fragment(&serialized).root_element().inner_html() != serialized {
        return;
    }
    let mut found = Found::default();
    walk(root, 0, 0, None, &mut found);
    if found.templates {
        // A template's contents are serialized but are not its children: no textContent.
        return;
    }
    let past_a_bound = serialized.len() > table::MAX_HTML_BYTES
        || found.rows.len() > table::MAX_ROWS
        || found.depth >= table::MAX_DEPTH
        || found.open_cells > table::MAX_OPEN_CELLS
        // The reader bounds a cell's text before undoing escapes, which at most sextuple it.
        || found.longest_cell * 6 > table::MAX_CELL_BYTES;
    match rows(&serialized) {
        Some(read) => assert_eq!(read, found.rows, "serialization: {serialized:?}"),
        None => assert!(past_a_bound, "refused within bounds: {serialized:?}"),
    }
});
