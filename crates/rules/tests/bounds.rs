//! Bounded work on hostile input (issue #16 item 3): each reader of page data refuses input past
//! its limits, and its time and peak memory stay linear in the input.
//!
//! The bounds asserted are loose on purpose: the tests run unoptimized, on two cores that other
//! builds share. Each is at least ten times what the call was measured to take here, and far below
//! what a quadratic reader needs (the nested table below asked the old reader for about 1.25 GB).

use std::time::Duration;

use tba_rules::codec::{self, decode_permissions};
use tba_rules::table::{self, rows};

use crate::meter::{child_case, measure};

const MIB: usize = 1024 * 1024;

/// Rows nested in each other's first cell, each with 100 characters of text: about 0.9 MB.
fn nested_rows(depth: usize) -> String {
    let text = "x".repeat(100);
    let mut html = String::from("<table id=\"setupmach_splits\"><tbody>");
    for level in 0..depth {
        html.push_str(&format!(
            "<tr class=\"uir-machine-row\" id=\"r{level}\"><td>{text}<table><tbody>"
        ));
    }
    for _ in 0..depth {
        html.push_str("</tbody></table></td></tr>");
    }
    html.push_str("</tbody></table>");
    html
}

fn flat_rows(count: usize) -> String {
    let mut html = String::from("<table id=\"setupmach_splits\"><tbody>");
    for line in 1..=count {
        html.push_str(&format!(
            "<tr class=\"uir-machine-row\" id=\"setupmach_row_{line}\"><td>Custom Fields</td><td>Full</td></tr>"
        ));
    }
    html.push_str("</tbody></table>");
    html
}

/// Every case a child can run ([`crate::meter`]); each asserts its result, the parent its bounds.
#[test]
fn measure_child() {
    child_case("nothing", || {});
    child_case("nested", || {
        let html = nested_rows(5_000);
        assert!(html.len() > 900_000 && html.len() < table::MAX_HTML_BYTES);
        assert_eq!(
            rows(&html),
            None,
            "nesting past the bounds makes the table unreadable"
        );
    });
    child_case("rows-100000", || {
        assert_eq!(rows(&flat_rows(100_000)), None, "more than MAX_ROWS rows");
    });
    child_case("rows-max", || {
        let read = rows(&flat_rows(table::MAX_ROWS));
        assert_eq!(read.map(|rows| rows.len()), Some(table::MAX_ROWS));
    });
    child_case("too-long", || {
        let html = format!("<table>{}</table>", " ".repeat(table::MAX_HTML_BYTES));
        assert_eq!(rows(&html), None);
    });
    child_case("hidden-8mib", || {
        let fields = "permkey4_display\u{1}permkey4\u{1}permlevel4_display\u{1}permlevel4\u{1}id";
        // One-byte rows up to the limit: the most lines a hidden input can hold.
        let data = "x\u{2}".repeat(codec::MAX_INPUT_BYTES / 2);
        let decoded = decode_permissions(fields, &data);
        assert!(
            !decoded.complete,
            "rows without a permission id are no complete reading"
        );
        assert!(
            decoded.diagnostics.len() <= 1_000,
            "{}",
            decoded.diagnostics.len()
        );
        let over = "x".repeat(codec::MAX_INPUT_BYTES + 1);
        assert!(!decode_permissions(fields, &over).complete);
    });
}

/// Measures `case` and checks it against `peak` and `took`.
fn within(case: &str, peak: usize, took: Duration) {
    let measured = measure(case);
    if let Some(measured_peak) = measured.peak {
        assert!(
            measured_peak < peak,
            "{case}: peak {measured_peak} B, bound {peak} B"
        );
    }
    assert!(
        measured.took < took,
        "{case}: took {:?}, bound {took:?}",
        measured.took
    );
}

#[test]
fn maximally_nested_table_markup_is_refused_in_linear_time_and_memory() {
    // The input itself is 0.9 MB; the old reader held about 1.25 GB of cell text for it.
    within("nested", 16 * MIB, Duration::from_secs(2));
}

#[test]
fn a_hundred_thousand_rows_are_refused_and_the_most_rows_read_linearly() {
    // 100,000 rows are 9.4 MB of markup; the reader stops at MAX_ROWS.
    within("rows-100000", 48 * MIB, Duration::from_secs(5));
    within("rows-max", 24 * MIB, Duration::from_secs(5));
}

#[test]
fn a_serialization_past_the_size_limit_is_refused_without_reading_it() {
    // The 8 MiB input is the only memory it takes.
    within("too-long", 24 * MIB, Duration::from_secs(1));
}

#[test]
fn eight_mib_of_hidden_sublist_data_decode_in_bounded_memory() {
    // The 8 MiB input, and a second one past the limit, are most of it.
    within("hidden-8mib", 64 * MIB, Duration::from_secs(20));
}
