//! Fuzz target for both wire readers (popup ↔ content script, content script ↔ bridge) and the
//! settings reader: any JSON value, read as each message, never panics; what a reader accepts
//! is written again and reads back to the same message; and every reply the bridge's reader
//! accepts for a Fix holds exactly one result per line asked, each for that line's permission.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tba_rules::bridge::{self, Line, LineKind, Reply};
use tba_rules::catalog::Subtab;
use tba_rules::level::Level;
use tba_rules::protocol::{Request, Response};
use tba_rules_fuzz::{Json, stored};

fn lines() -> Vec<Line> {
    ["ADMI_WEBSERVICES", "ADMI_MANAGE_OWN_OAUTH_TOKENS"]
        .into_iter()
        .map(|permkey| Line {
            kind: LineKind::Add,
            subtab: Subtab::Setup,
            key_field: "permkey4".to_owned(),
            level_field: "permlevel4".to_owned(),
            permkey: permkey.to_owned(),
            level: Level::Full,
        })
        .collect()
}

fuzz_target!(|bytes: &[u8]| {
    let Ok(json) = serde_json::from_slice::<serde_json::Value>(bytes) else {
        return;
    };
    let value = Json(json);

    if let Ok(request) = Request::decode(&value) {
        assert_eq!(Request::decode(&request.encode::<Json>()), Ok(request));
    }
    if let Ok(response) = Response::decode(&value) {
        assert_eq!(Response::decode(&response.encode::<Json>()), Ok(response));
    }
    let _ = bridge::decode_probe(&value);
    let _ = bridge::decode_prefill(&value);
    let asked = lines();
    if let Ok(Reply::Done(results)) = bridge::decode_fix(&value, &asked) {
        assert_eq!(results.len(), asked.len());
        for (result, line) in results.iter().zip(&asked) {
            assert_eq!(result.permkey, line.permkey);
        }
    }
    // Settings are read from everything storage holds: any value at all.
    let _ = tba_rules::settings::read(&stored(&value.0));
});
