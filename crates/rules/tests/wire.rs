//! The wire natively: every message of `protocol` (popup ↔ content script) and `bridge` (content
//! script ↔ MAIN-world bridge) written and read back through an in-memory [`Value`], the exact
//! JSON shape each is written in (what `bridge.js`, `popup.js`, `content-loader.js` and the e2e
//! suite read and write), and malformed or forged values, each refused with its typed error.

use tba_rules::idmap::IdSet;

use proptest::prelude::*;
use serde_json::json;
use tba_rules::bridge::{self, Line, LineKind, LineResult, MAX_ALERT_BYTES, Outcome, Probe, Reply};
use tba_rules::protocol::{
    MAX_GRANTS, MAX_NOTE_BYTES, MAX_OFFERED, MAX_PROBLEMS, MAX_TEXT_BYTES, MAX_TEXT_CHARS, Page,
    Request, Response, Snapshot,
};
use tba_rules::wire::{Kind, Problem, Value, WireError};
use tba_rules::{Level, Role, Subtab};

/// A JavaScript value in memory: what `JSON.parse` or the structured clone of a message makes,
/// with `undefined` for a missing field and any `f64` (NaN and the infinities too).
#[derive(Clone, Debug, PartialEq)]
pub enum Mem {
    /// `undefined`.
    Undefined,
    /// `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    Text(String),
    /// An array.
    List(Vec<Mem>),
    /// An object, its fields in the order they were set.
    Object(Vec<(String, Mem)>),
}

impl Value for Mem {
    fn null() -> Mem {
        Mem::Null
    }
    fn boolean(value: bool) -> Mem {
        Mem::Bool(value)
    }
    fn number(value: f64) -> Mem {
        Mem::Number(value)
    }
    fn text(value: &str) -> Mem {
        Mem::Text(value.to_owned())
    }
    fn list() -> Mem {
        Mem::List(Vec::new())
    }
    fn push(&mut self, item: Mem) {
        if let Mem::List(items) = self {
            items.push(item);
        }
    }
    fn object() -> Mem {
        Mem::Object(Vec::new())
    }
    fn set(&mut self, field: &str, value: Mem) {
        if let Mem::Object(fields) = self {
            match fields.iter_mut().find(|(name, _)| name == field) {
                Some((_, old)) => *old = value,
                None => fields.push((field.to_owned(), value)),
            }
        }
    }
    fn get(&self, field: &str) -> Mem {
        match self {
            Mem::Object(fields) => fields
                .iter()
                .find(|(name, _)| name == field)
                .map_or(Mem::Undefined, |(_, value)| value.clone()),
            _ => Mem::Undefined,
        }
    }
    fn is_null(&self) -> bool {
        matches!(self, Mem::Undefined | Mem::Null)
    }
    // As in JavaScript, an array is an object too.
    fn is_object(&self) -> bool {
        matches!(self, Mem::Object(_) | Mem::List(_))
    }
    fn as_bool(&self) -> Option<bool> {
        match self {
            Mem::Bool(value) => Some(*value),
            _ => None,
        }
    }
    fn as_f64(&self) -> Option<f64> {
        match self {
            Mem::Number(value) => Some(*value),
            _ => None,
        }
    }
    fn as_string(&self) -> Option<String> {
        match self {
            Mem::Text(text) => Some(text.clone()),
            _ => None,
        }
    }
    fn text_units(&self) -> Option<usize> {
        match self {
            Mem::Text(text) => Some(text.encode_utf16().count()),
            _ => None,
        }
    }
    fn list_len(&self) -> Option<usize> {
        match self {
            Mem::List(items) => Some(items.len()),
            _ => None,
        }
    }
    fn item(&self, index: usize) -> Mem {
        match self {
            Mem::List(items) => items.get(index).cloned().unwrap_or(Mem::Undefined),
            _ => Mem::Undefined,
        }
    }
}

impl From<serde_json::Value> for Mem {
    fn from(value: serde_json::Value) -> Mem {
        match value {
            serde_json::Value::Null => Mem::Null,
            serde_json::Value::Bool(value) => Mem::Bool(value),
            serde_json::Value::Number(number) => Mem::Number(number.as_f64().unwrap_or(f64::NAN)),
            serde_json::Value::String(text) => Mem::Text(text),
            serde_json::Value::Array(items) => {
                Mem::List(items.into_iter().map(Mem::from).collect())
            }
            serde_json::Value::Object(fields) => Mem::Object(
                fields
                    .into_iter()
                    .map(|(name, value)| (name, Mem::from(value)))
                    .collect(),
            ),
        }
    }
}

impl Mem {
    /// The JSON form, as `JSON.stringify` writes it (NaN and the infinities as `null`).
    fn to_json(&self) -> serde_json::Value {
        match self {
            Mem::Undefined | Mem::Null => serde_json::Value::Null,
            Mem::Bool(value) => json!(value),
            // Whole numbers as JSON writes them, `1` rather than `1.0`.
            Mem::Number(value) if value.fract() == 0.0 && value.abs() < 9e15 => {
                json!(*value as i64)
            }
            Mem::Number(value) => serde_json::Number::from_f64(*value)
                .map_or(serde_json::Value::Null, serde_json::Value::Number),
            Mem::Text(text) => json!(text),
            Mem::List(items) => items.iter().map(Mem::to_json).collect(),
            Mem::Object(fields) => serde_json::Value::Object(
                fields
                    .iter()
                    .map(|(name, value)| (name.clone(), value.to_json()))
                    .collect(),
            ),
        }
    }
}

fn full_role() -> Role {
    let mut role = Role {
        id: Some(1001),
        name: Some("Integration <b>role</b> \u{e9}\u{1F600}".to_owned()),
        account: Some("1234567_SB1".to_owned()),
        web_services_only: Some(false),
        two_factor_required: Some(true),
        offered: Some(IdSet::from(["ADMI_LOGIN_OAUTH", "ADMI_WEBSERVICES", "123"])),
        ..Role::default()
    };
    role.grant("ADMI_WEBSERVICES", Subtab::Setup, Level::View);
    role.grant("REPO_ANALYTICS", Subtab::Reports, Level::Full);
    role.grant("TRAN_SALESORD", Subtab::Transactions, Level::Create);
    role.grant("LIST_EMPLOYEE", Subtab::Lists, Level::Edit);
    role.grant("CUST_X", Subtab::CustomRecord, Level::None);
    role
}

fn full_snapshot(page: Page) -> Snapshot {
    Snapshot {
        page,
        profile: "token-admin".to_owned(),
        role: Some(full_role()),
        problems: vec!["the Setup permissions: one".to_owned(), String::new()],
        bridge_ok: true,
        confirm: Some(vec!["ADMI_MANAGE_OAUTH_TOKENS".to_owned()]),
        odd_ids: 0,
    }
}

fn bare_snapshot() -> Snapshot {
    Snapshot {
        page: Page::Unsupported,
        profile: String::new(),
        role: Some(Role::default()),
        problems: Vec::new(),
        bridge_ok: false,
        confirm: None,
        odd_ids: 0,
    }
}

fn every_response() -> Vec<Response> {
    let mut responses: Vec<Response> = Page::ALL
        .into_iter()
        .map(|page| Response::Snapshot {
            snapshot: full_snapshot(page),
        })
        .collect();
    responses.push(Response::Snapshot {
        snapshot: bare_snapshot(),
    });
    responses.push(Response::Snapshot {
        snapshot: Snapshot {
            role: None,
            ..bare_snapshot()
        },
    });
    responses.push(Response::Refused {
        reason: "malformed request".to_owned(),
        snapshot: full_snapshot(Page::RoleEdit),
    });
    responses.push(Response::Unavailable {
        reason: "busy".to_owned(),
    });
    responses
}

fn every_request() -> Vec<Request> {
    vec![
        Request::GetSnapshot,
        Request::Prefill {
            permkey: "ADMI_MANAGE_OWN_OAUTH_TOKENS".to_owned(),
        },
        Request::FixAll { confirm: None },
        Request::FixAll {
            confirm: Some(vec!["ADMI_MANAGE_OAUTH_TOKENS".to_owned()]),
        },
        Request::CancelFixAll,
    ]
}

#[test]
fn every_request_and_response_round_trips() {
    for request in every_request() {
        let value: Mem = request.encode();
        assert_eq!(Request::decode(&value), Ok(request));
    }
    for response in every_response() {
        let value: Mem = response.encode();
        assert_eq!(Response::decode(&value), Ok(response.clone()));
        // Through JSON too: what `runtime.sendMessage` copies keeps the same shape.
        let copied = Mem::from(value.to_json());
        assert_eq!(Response::decode(&copied), Ok(response));
    }
}

#[test]
fn messages_have_serdes_json_shape() {
    assert_eq!(
        Request::GetSnapshot.encode::<Mem>().to_json(),
        // `extension/popup.js` writes this one itself.
        json!({"type": "GetSnapshot"})
    );
    assert_eq!(
        every_request()[1].encode::<Mem>().to_json(),
        json!({"type": "Prefill", "permkey": "ADMI_MANAGE_OWN_OAUTH_TOKENS"})
    );
    assert_eq!(
        every_request()[3].encode::<Mem>().to_json(),
        json!({"type": "FixAll", "confirm": ["ADMI_MANAGE_OAUTH_TOKENS"]})
    );
    let snapshot = Response::Refused {
        reason: "no".to_owned(),
        snapshot: full_snapshot(Page::RoleEdit),
    };
    assert_eq!(
        snapshot.encode::<Mem>().to_json(),
        json!({
            "type": "Refused",
            "reason": "no",
            "snapshot": {
                "page": "role-edit",
                "profile": "token-admin",
                "role": {
                    "id": 1001,
                    "name": "Integration <b>role</b> \u{e9}\u{1F600}",
                    "account": "1234567_SB1",
                    "grants": [
                        {"subtab": "setupmach", "id": "ADMI_WEBSERVICES", "level": 1},
                        {"subtab": "custrecordmach", "id": "CUST_X", "level": 0},
                        {"subtab": "listsmach", "id": "LIST_EMPLOYEE", "level": 3},
                        {"subtab": "repomach", "id": "REPO_ANALYTICS", "level": 4},
                        {"subtab": "tranmach", "id": "TRAN_SALESORD", "level": 2},
                    ],
                    "web_services_only": false,
                    "two_factor_required": true,
                    "offered": ["123", "ADMI_LOGIN_OAUTH", "ADMI_WEBSERVICES"],
                },
                "problems": ["the Setup permissions: one", ""],
                "bridge_ok": true,
                "confirm": ["ADMI_MANAGE_OAUTH_TOKENS"],
            },
        })
    );
    assert_eq!(
        Response::Snapshot {
            snapshot: Snapshot {
                role: Some(Role::default()),
                ..bare_snapshot()
            }
        }
        .encode::<Mem>()
        .to_json(),
        json!({"type": "Snapshot", "snapshot": {
            "page": "unsupported", "profile": "", "problems": [], "bridge_ok": false, "confirm": null,
            "role": {"id": null, "name": null, "account": null, "grants": [],
                     "web_services_only": null, "two_factor_required": null, "offered": null},
        }})
    );
    // `extension/content-loader.js` answers this one itself when the engine failed.
    assert_eq!(
        Response::decode(&Mem::from(
            json!({"type": "Unavailable", "reason": "engine-failed: load: TypeError"})
        )),
        Ok(Response::Unavailable {
            reason: "engine-failed: load: TypeError".to_owned()
        })
    );
}

#[test]
fn a_missing_field_reads_as_none_like_null() {
    let answer = json!({"type": "Snapshot", "snapshot": {
        "page": "auth-error", "profile": "", "problems": [], "bridge_ok": false,
        "role": {"name": "Sales", "grants": []},
    }});
    let expected = Response::Snapshot {
        snapshot: Snapshot {
            page: Page::AuthError,
            profile: String::new(),
            role: Some(Role {
                name: Some("Sales".to_owned()),
                ..Role::default()
            }),
            problems: Vec::new(),
            bridge_ok: false,
            confirm: None,
            odd_ids: 0,
        },
    };
    assert_eq!(Response::decode(&Mem::from(answer)), Ok(expected));
}

fn answer_with_role(role: serde_json::Value) -> serde_json::Value {
    json!({"type": "Snapshot", "snapshot": {
        "page": "role-edit", "profile": "cloudextend", "problems": [], "bridge_ok": true,
        "role": role,
    }})
}

/// Review finding 11: one odd id from the page cost the popup the whole answer. An id that is no
/// valid permission id (a space, markup, empty, too long, even 8 MiB long) is left out and
/// counted; the rest of the role is read.
#[test]
fn odd_ids_are_left_out_and_counted_and_the_rest_is_kept() {
    let huge = "A".repeat(8 * 1024 * 1024);
    let role = json!({"id": 5, "offered": ["ADMI_OK", "<script>", huge.clone()], "grants": [
        {"subtab": "setupmach", "id": "ADMI_X", "level": 4},
        {"subtab": "setupmach", "id": "ADMI WEB", "level": 4},
        {"subtab": "setupmach", "id": "", "level": 1},
        {"subtab": "setupmach", "id": "A".repeat(81), "level": 2},
        {"subtab": "setupmach", "id": huge, "level": 2},
        {"subtab": "repomach", "id": "REPO_ANALYTICS", "level": 1},
    ]});
    let Ok(Response::Snapshot { snapshot }) = Response::decode(&Mem::from(answer_with_role(role)))
    else {
        panic!("the answer is read");
    };
    assert_eq!(snapshot.odd_ids, 6);
    let role = snapshot.role.expect("the role is kept");
    let ids: Vec<&String> = role.grants.keys().collect();
    assert_eq!(ids, ["ADMI_X", "REPO_ANALYTICS"]);
    assert_eq!(role.level_of("ADMI_X"), Level::Full);
    assert_eq!(role.offered, Some(IdSet::from(["ADMI_OK"])));
    // The exact longest id is an id.
    let longest = "A".repeat(80);
    let role = json!({"grants": [{"subtab": "setupmach", "id": longest, "level": 4}]});
    let Ok(Response::Snapshot { snapshot }) = Response::decode(&Mem::from(answer_with_role(role)))
    else {
        panic!("the answer is read");
    };
    assert_eq!(snapshot.odd_ids, 0);
    assert!(snapshot.role.is_some_and(|role| role.has_line(&longest)));
}

fn role_with(field: &str, value: serde_json::Value) -> serde_json::Value {
    let mut role =
        json!({"id": 5, "grants": [{"subtab": "setupmach", "id": "ADMI_X", "level": 4}]});
    role[field] = value;
    answer_with_role(role)
}

fn grant_with(field: &str, value: serde_json::Value) -> serde_json::Value {
    let mut grant = json!({"subtab": "setupmach", "id": "ADMI_X", "level": 4});
    grant[field] = value;
    role_with("grants", json!([grant]))
}

fn snapshot_with(field: &str, value: serde_json::Value) -> serde_json::Value {
    let mut answer = answer_with_role(json!(null));
    answer["snapshot"][field] = value;
    answer
}

#[track_caller]
fn refused(answer: serde_json::Value, message: &str) {
    refused_mem(Mem::from(answer), message);
}

#[track_caller]
fn refused_mem(answer: Mem, message: &str) {
    match Response::decode(&answer) {
        Ok(response) => panic!("accepted {response:?}, expected {message:?}"),
        Err(error) => assert_eq!(error.message(), message),
    }
}

fn without(mut value: serde_json::Value, path: &[&str]) -> serde_json::Value {
    let (last, parents) = path.split_last().unwrap();
    let mut object = &mut value;
    for name in parents {
        object = &mut object[*name];
    }
    object.as_object_mut().unwrap().remove(*last);
    value
}

#[test]
fn malformed_answers_are_refused_with_the_field_and_the_problem() {
    // Not an answer at all, or an unknown kind of answer.
    refused(json!("Snapshot"), "type is missing");
    refused(json!(null), "type is missing");
    refused(json!([1, 2]), "type is missing");
    refused(json!({"type": 42}), "type is not a string");
    refused(json!({"type": "Explode"}), "unknown type");
    refused(json!({"type": "snapshot"}), "unknown type");
    refused(json!({"type": "Snapshot"}), "snapshot is missing");
    refused(
        json!({"type": "Snapshot", "snapshot": "x"}),
        "snapshot is not an object",
    );
    refused(
        json!({"type": "Refused", "snapshot": {}}),
        "reason is missing",
    );
    refused(json!({"type": "Unavailable"}), "reason is missing");
    refused(
        json!({"type": "Unavailable", "reason": ["busy"]}),
        "reason is not a string",
    );
    refused(
        json!({"type": "Unavailable", "reason": "r".repeat(MAX_NOTE_BYTES + 1)}),
        "reason is too long",
    );

    // The snapshot's fields: missing, of the wrong type, unknown names, too many, too long.
    let good = answer_with_role(json!(null));
    assert!(Response::decode(&Mem::from(good.clone())).is_ok());
    for (field, message) in [
        ("page", "page is missing"),
        ("profile", "profile is missing"),
        ("problems", "problems is missing"),
        ("bridge_ok", "bridge_ok is missing"),
    ] {
        refused(without(good.clone(), &["snapshot", field]), message);
    }
    refused(snapshot_with("page", json!("<img>")), "unknown page");
    refused(snapshot_with("page", json!("Role-Edit")), "unknown page");
    refused(snapshot_with("page", json!(1)), "page is not a string");
    refused(
        snapshot_with("page", json!("p".repeat(101))),
        "page is too long",
    );
    refused(snapshot_with("profile", json!(null)), "profile is missing");
    refused(
        snapshot_with("profile", json!("p".repeat(MAX_TEXT_BYTES + 1))),
        "profile is too long",
    );
    refused(
        snapshot_with("problems", json!("one")),
        "problems is not a list",
    );
    refused(
        snapshot_with("problems", json!([1])),
        "problems is not a string",
    );
    refused(
        snapshot_with("problems", json!([["nested"]])),
        "problems is not a string",
    );
    refused(
        snapshot_with("problems", json!(vec!["p"; MAX_PROBLEMS + 1])),
        "problems has too many items",
    );
    refused(
        snapshot_with("problems", json!(["p".repeat(MAX_NOTE_BYTES + 1)])),
        "problems is too long",
    );
    refused(
        snapshot_with("bridge_ok", json!("true")),
        "bridge_ok is not a boolean",
    );
    refused(
        snapshot_with("bridge_ok", json!(1)),
        "bridge_ok is not a boolean",
    );
    refused(
        snapshot_with("role", json!("role")),
        "role is not an object",
    );
    refused(snapshot_with("role", json!(true)), "role is not an object");

    // The role.
    refused(answer_with_role(json!({})), "grants is missing");
    refused(
        role_with("grants", json!({"0": {}})),
        "grants is not a list",
    );
    refused(role_with("grants", json!([1])), "grants is not an object");
    refused(
        role_with("grants", json!([null])),
        "grants is not an object",
    );
    refused(
        role_with("id", json!(-1)),
        "id is not a whole number in range",
    );
    refused(
        role_with("id", json!(1.5)),
        "id is not a whole number in range",
    );
    refused(
        role_with("id", json!(4_294_967_296u64)),
        "id is not a whole number in range",
    );
    refused(role_with("id", json!("5")), "id is not a number");
    refused(role_with("name", json!(5)), "name is not a string");
    refused(
        role_with("name", json!("n".repeat(MAX_TEXT_BYTES + 1))),
        "name is too long",
    );
    // The bounds are in bytes, wide enough for any name the content script sends.
    let widest = "\u{1F600}".repeat(MAX_TEXT_CHARS);
    assert!(Response::decode(&Mem::from(role_with("name", json!(widest)))).is_ok());
    refused(
        role_with("account", json!("a".repeat(MAX_TEXT_BYTES + 1))),
        "account is too long",
    );
    refused(
        role_with("web_services_only", json!("yes")),
        "web_services_only is not a boolean",
    );
    refused(
        role_with("two_factor_required", json!(0)),
        "two_factor_required is not a boolean",
    );
    refused(
        role_with("offered", json!("ADMI_X")),
        "offered is not a list",
    );
    refused(role_with("offered", json!([4])), "offered is not a string");
    refused(
        role_with("offered", json!(vec!["A"; MAX_OFFERED + 1])),
        "offered has too many items",
    );
    refused(
        role_with("grants", json!(vec![json!({}); MAX_GRANTS + 1])),
        "grants has too many items",
    );

    // Its grants.
    refused(grant_with("id", json!(null)), "id is missing");
    refused(grant_with("id", json!(7)), "id is not a string");
    refused(
        grant_with("level", json!(5)),
        "level is not a whole number in range",
    );
    refused(
        grant_with("level", json!(-1)),
        "level is not a whole number in range",
    );
    refused(
        grant_with("level", json!(2.5)),
        "level is not a whole number in range",
    );
    refused(grant_with("level", json!("4")), "level is not a number");
    refused(grant_with("level", json!(null)), "level is missing");
    refused(
        grant_with("subtab", json!("setupmachine")),
        "unknown subtab",
    );
    refused(grant_with("subtab", json!("Setup")), "unknown subtab");
    refused(grant_with("subtab", json!(3)), "subtab is not a string");
    refused(
        role_with(
            "grants",
            json!([
                {"subtab": "setupmach", "id": "ADMI_X", "level": 4},
                {"subtab": "repomach", "id": "ADMI_X", "level": 1},
            ]),
        ),
        "grants holds a permission twice",
    );

    // Numbers JSON cannot hold but a structured clone can.
    let mut answer = Mem::from(grant_with("level", json!(0)));
    set_level(&mut answer, Mem::Number(f64::NAN));
    refused_mem(answer.clone(), "level is not a whole number in range");
    set_level(&mut answer, Mem::Number(f64::INFINITY));
    refused_mem(answer.clone(), "level is not a whole number in range");
    set_level(&mut answer, Mem::Undefined);
    refused_mem(answer, "level is missing");
}

/// Sets the first grant's level of an answer made by `grant_with`.
fn set_level(answer: &mut Mem, level: Mem) {
    let Mem::Object(fields) = answer else { return };
    let Some((_, Mem::Object(snapshot))) = fields.iter_mut().find(|(name, _)| name == "snapshot")
    else {
        return;
    };
    let Some((_, Mem::Object(role))) = snapshot.iter_mut().find(|(name, _)| name == "role") else {
        return;
    };
    let Some((_, Mem::List(grants))) = role.iter_mut().find(|(name, _)| name == "grants") else {
        return;
    };
    grants[0].set("level", level);
}

fn deep_leaf() -> serde_json::Value {
    json!({"grants": [{"id": "ADMI_X"}]})
}

#[test]
fn nesting_where_a_plain_value_belongs_is_refused() {
    let mut deep = json!("bottom");
    for _ in 0..200 {
        deep = json!({"type": "Snapshot", "snapshot": deep, "role": [[deep_leaf()]]});
    }
    refused(
        json!({"type": "Snapshot", "snapshot": deep.clone()}),
        "page is missing",
    );
    refused(snapshot_with("page", deep.clone()), "page is not a string");
    refused(role_with("name", deep.clone()), "name is not a string");
    refused(
        role_with("grants", json!([[[[["ADMI_X"]]]]])),
        "id is missing",
    );
    refused(grant_with("level", json!([4])), "level is not a number");
    refused(
        grant_with("id", json!({"id": "ADMI_X"})),
        "id is not a string",
    );
    assert_eq!(
        Request::decode(&Mem::from(json!({"type": deep}))),
        Err(WireError {
            field: "type",
            problem: Problem::NotA(Kind::Text)
        })
    );
}

#[test]
fn malformed_requests_are_refused() {
    let check = |request: serde_json::Value, message: &str| {
        let result = Request::decode(&Mem::from(request.clone()));
        assert_eq!(
            result.map_err(|error| error.message()),
            Err(message.to_owned()),
            "{request}"
        );
    };
    check(json!("GetSnapshot"), "type is missing");
    check(json!({}), "type is missing");
    check(json!({"type": "Explode"}), "unknown type");
    check(json!({"type": "getsnapshot"}), "unknown type");
    check(json!({"type": "Prefill"}), "permkey is missing");
    check(
        json!({"type": "Prefill", "permkey": 4}),
        "permkey is not a string",
    );

    // Only bounded: whether it names a permission to pre-fill is the verdict's to say.
    assert_eq!(
        Request::decode(&Mem::from(
            json!({"type": "Prefill", "permkey": "<img src=x>"})
        )),
        Ok(Request::Prefill {
            permkey: "<img src=x>".to_owned()
        })
    );
    check(
        json!({"type": "Prefill", "permkey": "A".repeat(81)}),
        "permkey is too long",
    );
    // A plain Fix all may leave the confirmation out; what is there must be a list of ids.
    assert_eq!(
        Request::decode(&Mem::from(json!({"type": "FixAll"}))),
        Ok(Request::FixAll { confirm: None })
    );
    check(
        json!({"type": "FixAll", "confirm": true}),
        "confirm is not a list",
    );
    check(
        json!({"type": "FixAll", "confirm": ["ADMI_X", "<b>"]}),
        "confirm holds an invalid permission id",
    );
    check(
        json!({"type": "FixAll", "confirm": vec!["ADMI_X"; 51]}),
        "confirm has too many items",
    );
}

fn line(kind: LineKind, subtab: Subtab, permkey: &str, level: Level) -> Line {
    Line {
        kind,
        subtab,
        key_field: "permkey4".to_owned(),
        level_field: "permlevel4".to_owned(),
        permkey: permkey.to_owned(),
        level,
    }
}

fn lines() -> Vec<Line> {
    vec![
        line(
            LineKind::Add,
            Subtab::Setup,
            "ADMI_LOGIN_OAUTH",
            Level::Full,
        ),
        line(
            LineKind::Raise,
            Subtab::Reports,
            "REPO_ANALYTICS",
            Level::View,
        ),
    ]
}

#[test]
fn bridge_requests_have_the_shape_bridge_js_checks() {
    let lines = lines();
    assert_eq!(
        bridge::Request::Probe {
            key_field: "permkey4"
        }
        .encode::<Mem>()
        .to_json(),
        json!({"op": "probe", "keyField": "permkey4"})
    );
    assert_eq!(
        bridge::Request::Prefill(&lines[0])
            .encode::<Mem>()
            .to_json(),
        json!({"op": "prefill", "kind": "add", "machine": "setupmach", "keyField": "permkey4",
               "levelField": "permlevel4", "permkey": "ADMI_LOGIN_OAUTH", "level": "4"})
    );
    assert_eq!(
        bridge::Request::Fix(&lines).encode::<Mem>().to_json(),
        json!({"op": "fix", "ops": [
            {"kind": "add", "machine": "setupmach", "keyField": "permkey4",
             "levelField": "permlevel4", "permkey": "ADMI_LOGIN_OAUTH", "level": "4"},
            {"kind": "raise", "machine": "repomach", "keyField": "permkey4",
             "levelField": "permlevel4", "permkey": "REPO_ANALYTICS", "level": "1"},
        ]})
    );
}

fn all_functions() -> serde_json::Value {
    bridge::NEEDED_FUNCTIONS
        .iter()
        .map(|name| (name.to_string(), json!(true)))
        .collect::<serde_json::Map<_, _>>()
        .into()
}

fn probe(reply: serde_json::Value) -> Result<Reply<Probe>, WireError> {
    bridge::decode_probe(&Mem::from(reply))
}

fn malformed(field: &'static str, problem: Problem) -> WireError {
    WireError { field, problem }
}

fn refusal<T>(error: &str) -> Result<Reply<T>, WireError> {
    Ok(Reply::Refused(Some(error.to_owned())))
}

#[test]
fn probe_replies_are_read_and_forged_ones_refused() {
    assert_eq!(
        probe(json!({"id": "x", "ok": true, "functions": all_functions(),
                     "offered": ["ADMI_LOGIN_OAUTH", "123", "ADMI_LOGIN_OAUTH"]})),
        Ok(Reply::Done(Probe {
            missing_functions: Vec::new(),
            offered: Some(IdSet::from(["123", "ADMI_LOGIN_OAUTH"])),
        }))
    );
    // View mode: no machines, no picker.
    let mut functions = all_functions();
    functions["nlapiCommitLineItem"] = json!(false);
    functions["nlapiGetLineItemValue"] = json!("true");
    assert_eq!(
        probe(json!({"ok": true, "functions": functions, "offered": null})),
        Ok(Reply::Done(Probe {
            missing_functions: vec!["nlapiCommitLineItem", "nlapiGetLineItemValue"],
            offered: None,
        }))
    );
    // Words that are not ids are left out; only the first MAX_OFFERED words count.
    let mut many: Vec<serde_json::Value> = vec![
        json!("<b>x</b>"),
        json!(null),
        json!({"id": "ADMI_Y"}),
        json!("ADMI_Z"),
    ];
    many.extend((0..MAX_OFFERED).map(|index| json!(format!("ID_{index}"))));
    let Ok(Reply::Done(Probe {
        offered: Some(offered),
        ..
    })) = probe(json!({"ok": true, "functions": {}, "offered": many}))
    else {
        panic!("no offered ids");
    };
    // "<b>x</b>" is the first word, "ADMI_Z" the second, then the ids from ID_0.
    assert_eq!(offered.len(), MAX_OFFERED - 1);
    assert!(offered.contains("ADMI_Z") && !offered.contains("ADMI_Y"));
    assert!(offered.contains(&format!("ID_{}", MAX_OFFERED - 3)));
    assert!(!offered.contains(&format!("ID_{}", MAX_OFFERED - 2)));

    // The bridge's refusal, with its error when it is a string of at most MAX_ALERT_BYTES.
    assert_eq!(
        probe(json!({"ok": false, "error": "e".repeat(MAX_ALERT_BYTES)})),
        refusal(&"e".repeat(MAX_ALERT_BYTES))
    );
    assert_eq!(
        probe(json!({"ok": false, "error": "e".repeat(MAX_ALERT_BYTES + 1)})),
        Ok(Reply::Refused(None))
    );
    assert_eq!(
        probe(json!({"ok": false, "error": {"message": "x"}})),
        Ok(Reply::Refused(None))
    );

    // Forged or from another bridge.
    assert_eq!(
        probe(json!({"functions": all_functions()})),
        Err(malformed("ok", Problem::Missing))
    );
    assert_eq!(
        probe(json!({"ok": "true", "functions": all_functions()})),
        Err(malformed("ok", Problem::NotA(Kind::Boolean)))
    );
    assert_eq!(
        probe(json!({"ok": true})),
        Err(malformed("functions", Problem::Missing))
    );
    assert_eq!(
        probe(json!({"ok": true, "functions": true})),
        Err(malformed("functions", Problem::NotA(Kind::Object)))
    );
    assert_eq!(
        probe(json!({"ok": true, "functions": {}, "offered": "ADMI_X"})),
        Err(malformed("offered", Problem::NotA(Kind::List)))
    );
    assert_eq!(probe(json!("ok")), Err(malformed("ok", Problem::Missing)));
}

#[test]
fn prefill_replies_are_read() {
    let prefill = |reply: serde_json::Value| bridge::decode_prefill(&Mem::from(reply));
    assert_eq!(prefill(json!({"id": "x", "ok": true})), Ok(Reply::Done(())));
    assert_eq!(
        prefill(json!({"ok": false, "error": "invalid request"})),
        refusal("invalid request")
    );
    assert_eq!(prefill(json!({"ok": false})), Ok(Reply::Refused(None)));
    assert_eq!(prefill(json!({})), Err(malformed("ok", Problem::Missing)));
    assert_eq!(
        prefill(json!({"ok": 1})),
        Err(malformed("ok", Problem::NotA(Kind::Boolean)))
    );
    assert_eq!(prefill(json!(null)), Err(malformed("ok", Problem::Missing)));
}

fn fix(reply: serde_json::Value) -> Result<Reply<Vec<LineResult>>, WireError> {
    bridge::decode_fix(&Mem::from(reply), &lines())
}

fn fix_results(reply: serde_json::Value) -> Vec<LineResult> {
    match fix(reply) {
        Ok(Reply::Done(results)) => results,
        other => panic!("{other:?}"),
    }
}

#[test]
fn fix_replies_are_read_and_forged_ones_refused() {
    let results = json!([
        {"permkey": "ADMI_LOGIN_OAUTH", "kind": "add", "result": "done", "alerts": []},
        {"permkey": "REPO_ANALYTICS", "kind": "raise", "result": "failed",
         "alerts": ["a", 7, "b", "x".repeat(2000), "c", "e", "f"]},
    ]);
    assert_eq!(
        fix_results(json!({"ok": false, "results": results})),
        vec![
            LineResult {
                permkey: "ADMI_LOGIN_OAUTH".to_owned(),
                outcome: Outcome::Done,
                alerts: Vec::new(),
            },
            LineResult {
                permkey: "REPO_ANALYTICS".to_owned(),
                outcome: Outcome::Failed,
                // The first MAX_ALERTS items; what is not a string or too long is left out.
                alerts: ["a", "b", "c"].map(str::to_owned).to_vec(),
            },
        ]
    );
    // The bridge's refusal of one line has no alerts; the outcomes are all known.
    for outcome in Outcome::ALL {
        let reply = json!({"ok": true, "results": [
            {"permkey": "ADMI_LOGIN_OAUTH", "result": outcome.as_str()},
            {"permkey": "REPO_ANALYTICS", "result": "already", "alerts": null},
        ]});
        assert_eq!(fix_results(reply)[0].outcome, outcome);
        assert_eq!(
            outcome.is_success(),
            matches!(outcome, Outcome::Done | Outcome::Already)
        );
    }
    let bounded = fix_results(json!({"ok": false, "results": [
        {"permkey": "ADMI_LOGIN_OAUTH", "result": "failed",
         "alerts": ["x".repeat(MAX_ALERT_BYTES), "y".repeat(MAX_ALERT_BYTES + 1)]},
        {"permkey": "REPO_ANALYTICS", "result": "done", "alerts": "not a list"},
    ]}));
    assert_eq!(bounded[0].alerts, ["x".repeat(MAX_ALERT_BYTES)]);
    assert!(bounded[1].alerts.is_empty());

    // Forged: success claimed for nothing, for the wrong lines, or in words the bridge never uses.
    assert_eq!(
        fix(json!({"ok": true, "results": []})),
        Err(malformed("results", Problem::Count))
    );
    let three = json!({"ok": true, "results": [
        {"permkey": "ADMI_LOGIN_OAUTH", "result": "done"},
        {"permkey": "REPO_ANALYTICS", "result": "done"},
        {"permkey": "ADMI_X", "result": "done"},
    ]});
    assert_eq!(fix(three), Err(malformed("results", Problem::Count)));
    assert_eq!(
        fix(json!({"ok": true, "results": [
            {"permkey": "REPO_ANALYTICS", "result": "done"},
            {"permkey": "ADMI_LOGIN_OAUTH", "result": "done"},
        ]})),
        Err(malformed("permkey", Problem::NotAsked))
    );
    assert_eq!(
        fix(json!({"ok": true, "results": [
            {"permkey": "ADMI_LOGIN_OAUTH", "result": "succeeded"},
            {"permkey": "REPO_ANALYTICS", "result": "done"},
        ]})),
        Err(malformed("result", Problem::Unknown))
    );
    assert_eq!(
        fix(json!({"ok": true, "results": [
            {"permkey": "ADMI_LOGIN_OAUTH", "result": "DONE"},
            {"permkey": "REPO_ANALYTICS", "result": "done"},
        ]})),
        Err(malformed("result", Problem::Unknown))
    );
    assert_eq!(
        fix(json!({"ok": true, "results": [
            {"result": "done"},
            {"permkey": "REPO_ANALYTICS", "result": "done"},
        ]})),
        Err(malformed("permkey", Problem::Missing))
    );
    assert_eq!(
        fix(json!({"ok": true, "results": [
            {"permkey": "ADMI_LOGIN_OAUTH"},
            {"permkey": "REPO_ANALYTICS", "result": "done"},
        ]})),
        Err(malformed("result", Problem::Missing))
    );
    assert_eq!(
        fix(json!({"ok": true, "results": ["done", "done"]})),
        Err(malformed("permkey", Problem::Missing))
    );
    assert_eq!(
        fix(json!({"ok": true, "results": {"length": 2}})),
        Err(malformed("results", Problem::NotA(Kind::List)))
    );
    // An older bridge that answered `{ok: false, results: []}` is not a success either.
    assert_eq!(
        fix(json!({"ok": false, "results": []})),
        Err(malformed("results", Problem::Count))
    );
    // No results: the bridge's own refusal, or nothing that counts.
    assert_eq!(
        fix(json!({"ok": false, "error": "invalid request"})),
        refusal("invalid request")
    );
    assert_eq!(
        fix(json!({"ok": true})),
        Err(malformed("results", Problem::Missing))
    );
    assert_eq!(fix(json!([])), Err(malformed("ok", Problem::Missing)));
    assert_eq!(fix(json!(7)), Err(malformed("ok", Problem::Missing)));
}

/// Any JavaScript value, nested a few levels deep.
fn any_value() -> impl Strategy<Value = Mem> {
    let leaf = prop_oneof![
        Just(Mem::Undefined),
        Just(Mem::Null),
        any::<bool>().prop_map(Mem::Bool),
        any::<f64>().prop_map(Mem::Number),
        prop_oneof![
            Just(-1.0),
            Just(0.0),
            Just(4.0),
            Just(5.0),
            Just(4_294_967_296.0)
        ]
        .prop_map(Mem::Number),
        "[A-Za-z_ -]{0,12}".prop_map(Mem::Text),
        prop_oneof![
            Just("Snapshot"),
            Just("Refused"),
            Just("Unavailable"),
            Just("Prefill"),
            Just("FixAll"),
            Just("CancelFixAll"),
            Just("role-edit"),
            Just("setupmach"),
            Just("ADMI_X"),
            Just("done"),
        ]
        .prop_map(|text| Mem::Text(text.to_owned())),
    ];
    let names = prop_oneof![
        Just("type"),
        Just("snapshot"),
        Just("page"),
        Just("profile"),
        Just("role"),
        Just("problems"),
        Just("bridge_ok"),
        Just("reason"),
        Just("grants"),
        Just("id"),
        Just("level"),
        Just("subtab"),
        Just("offered"),
        Just("name"),
        Just("ok"),
        Just("results"),
        Just("permkey"),
        Just("result"),
        Just("alerts"),
        Just("functions"),
        Just("error"),
    ];
    leaf.prop_recursive(5, 64, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Mem::List),
            prop::collection::vec((names.clone(), inner), 0..8).prop_map(|fields| {
                Mem::Object(
                    fields
                        .into_iter()
                        .map(|(name, value)| (name.to_owned(), value))
                        .collect(),
                )
            }),
        ]
    })
}

proptest! {
    #[test]
    fn any_value_decodes_to_a_message_or_an_error_without_panicking(value in any_value()) {
        let _ = Request::decode(&value);
        if let Ok(response) = Response::decode(&value) {
            // What is accepted writes back to the same message.
            prop_assert_eq!(Response::decode(&response.encode::<Mem>()), Ok(response));
        }
        let _ = bridge::decode_probe(&value);
        let _ = bridge::decode_prefill(&value);
        let _ = bridge::decode_fix(&value, &lines());
        let _ = bridge::decode_fix(&value, &[]);
    }
}

#[test]
fn a_tab_where_nobody_listens_is_told_from_one_that_did_not_answer() {
    use tba_rules::protocol::nobody_listens;
    // Chrome, for a tab without the content script; Firefox, the same.
    assert!(nobody_listens(
        "Could not establish connection. Receiving end does not exist."
    ));
    assert!(nobody_listens("Error: Receiving end does not exist."));
    // A listener that was there: the port closed, or nothing came back.
    assert!(!nobody_listens(
        "The message port closed before a response was received."
    ));
    assert!(!nobody_listens("no answer"));
    assert!(!nobody_listens(""));
}
