//! Fuzz target for the table reader: reading arbitrary text as a table's `outerHTML` never panics,
//! every row it reads has a non-empty id and trimmed cells, and the same text inside a `<table>`
//! reads the same rows (plus the top-level elements, which then become rows too).
#![no_main]

use libfuzzer_sys::fuzz_target;
use tba_rules::table::rows;

fuzz_target!(|bytes: &[u8]| {
    let html = String::from_utf8_lossy(bytes);
    let Some(read) = rows(&html) else {
        return;
    };
    for row in &read {
        assert!(!row.dom_id.is_empty());
        for cell in row.cells.iter().flatten() {
            assert_eq!(cell.trim(), cell.as_str());
        }
        // A second cell is only there when the first one is.
        assert!(row.cells[0].is_some() || row.cells[1].is_none());
    }
    let wrapped = rows(&format!("<table>{html}</table>"));
    let wrapped = wrapped.expect("a serialization inside a table is still one");
    let mut rest = wrapped.iter();
    for row in &read {
        assert!(
            rest.any(|other| other == row),
            "{row:?} lost inside a table"
        );
    }
});
