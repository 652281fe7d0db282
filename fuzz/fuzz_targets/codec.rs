//! Fuzz target for the sublist codec: decoding arbitrary `(fields, data)` never panics, and what
//! was decoded survives an encode → decode round trip.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tba_rules::codec::{decode_permissions, encode};

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    // The first NUL splits the input into the fields value and the data value.
    let (fields, data) = text.split_once('\0').unwrap_or((&text, ""));
    let decoded = decode_permissions(fields, data);
    for diagnostic in &decoded.diagnostics {
        let _ = diagnostic.message();
    }
    assert!(decoded.lines.iter().all(|line| !line.id.is_empty()));

    // Round trip: re-encode the lines that have a level and decode them again.
    let rows: Vec<Vec<String>> = decoded
        .lines
        .iter()
        .filter_map(|line| Some(vec![line.id.clone(), line.level?.number().to_string()]))
        .collect();
    let (fields, data) = encode(&["permkey4", "permlevel4"], &rows);
    let again = decode_permissions(&fields, &data);
    let expected: Vec<(String, u8)> = rows
        .iter()
        .map(|row| (row[0].clone(), row[1].parse().unwrap_or(u8::MAX)))
        .collect();
    let found: Vec<(String, u8)> = again
        .lines
        .iter()
        .map(|line| {
            (
                line.id.clone(),
                line.level.map_or(u8::MAX, |level| level.number()),
            )
        })
        .collect();
    assert_eq!(expected, found);
    assert!(again.complete);
});
