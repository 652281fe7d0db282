//! Texts the extension hands to people: the request for an administrator, the help for the
//! authorization-flow error, and the SDF role XML snippet.
//!
//! Plain text only; anything that came from the page is flattened to one line, and XML output is
//! escaped. No HTML is produced here.

use crate::catalog::{Subtab, ids};
use crate::evaluate::{Verdict, Warning};
use crate::message::{self, Arg, Id, Lookup, Message};
use crate::plan::{FixOp, FixPlan};
use crate::role::Role;

/// The click path to the list of roles.
pub const MANAGE_ROLES_PATH: &str = "Setup > Users/Roles > User Management > Manage Roles";

/// The click path to a role's permissions, up to the Permissions tab.
pub const PERMISSIONS_PATH: &str =
    "Setup > Users/Roles > User Management > Manage Roles > Edit > Permissions";

/// Longest page-derived text (role name, account) quoted in a request.
const MAX_QUOTED_CHARS: usize = 300;

/// A request an end user or admin can send to the account administrator: which role, which
/// permissions to add or raise (at Full) and why, and where to click; worded by `lookup`. With
/// `oauth2`, the lines "Also ready for OAuth 2.0" lists join the plan, and the 2027.1 notice is
/// said.
pub fn admin_request(role: &Role, verdict: &Verdict, oauth2: bool, lookup: &dyn Lookup) -> String {
    let plan = if oauth2 {
        verdict.plan_with_oauth2()
    } else {
        verdict.plan.clone()
    };
    let mut text = Lines::new(lookup);
    text.line(Id::RequestGreeting.into());
    text.blank();
    text.line(Message::with(
        Id::RequestNeedsChanges,
        vec![
            Arg::message(describe_role(role, true)),
            Arg::message(verdict.profile_name.message()),
        ],
    ));
    if plan.is_empty() {
        text.line(Id::RequestNothingMissing.into());
    } else {
        text.blank();
        text.line(Id::RequestSetThese.into());
        for op in &plan.ops {
            text.item(describe_op(op, verdict));
        }
        text.blank();
        text.line(Id::RequestWhere.into());
        for subtab in subtabs_of(&plan) {
            text.item(where_path(subtab));
        }
        text.line(Id::RequestHow.into());
    }
    let notes: Vec<Message> = verdict
        .warnings
        .iter()
        .filter(|warning| !matches!(warning, Warning::TokenAdminLimits))
        .map(Warning::message)
        .collect();
    let mut notes = notes;
    if oauth2 && verdict.transition.is_some() {
        notes.push(crate::wording::tba_2027_notice());
    }
    if !notes.is_empty() {
        text.blank();
        text.line(Id::RequestAlsoNote.into());
        for note in notes {
            text.item(note);
        }
    }
    text.blank();
    text.line(Id::RequestThanks.into());
    text.out
}

/// The request to send when NetSuite shows "You cannot continue this authorization flow…":
/// User Access Tokens and SOAP Web Services at Full, where to set them, and why.
pub fn auth_error_request(
    account: Option<&str>,
    role_name: Option<&str>,
    lookup: &dyn Lookup,
) -> String {
    let role = Role {
        name: role_name.map(str::to_owned),
        account: account.map(str::to_owned),
        ..Role::default()
    };
    let mut text = Lines::new(lookup);
    text.line(Id::RequestGreeting.into());
    text.blank();
    text.line(Message::with(
        Id::AuthRequestSays,
        vec![Arg::Text(crate::authmsg::AUTH_ERROR_TEXT.to_owned())],
    ));
    text.line(Message::with(
        Id::AuthRequestLacks,
        vec![Arg::message(describe_role(&role, false))],
    ));
    text.blank();
    text.line(Id::AuthRequestSetFull.into());
    for (id, why) in [
        (ids::USER_ACCESS_TOKENS, Id::AuthWhyUserAccessTokens),
        (ids::WEBSERVICES, Id::AuthWhySoap),
    ] {
        text.item(Message::with(
            Id::AuthRequestItem,
            vec![
                Arg::Permission(id.to_owned()),
                Arg::Text(id.to_owned()),
                Arg::message(why),
            ],
        ));
    }
    text.blank();
    text.line(Message::with(
        Id::AuthRequestWhere,
        vec![
            Arg::Text(PERMISSIONS_PATH.to_owned()),
            Arg::Subtab(Subtab::Setup),
        ],
    ));
    text.line(Message::with(
        Id::AuthRequestFeatureOff,
        vec![Arg::Text(crate::evaluate::ENABLE_FEATURES_PATH.to_owned())],
    ));
    text.blank();
    text.line(Id::RequestThanks.into());
    text.out
}

/// A plain-text letter built line by line from messages.
struct Lines<'a> {
    lookup: &'a dyn Lookup,
    out: String,
}

impl<'a> Lines<'a> {
    fn new(lookup: &'a dyn Lookup) -> Lines<'a> {
        Lines {
            lookup,
            out: String::new(),
        }
    }

    fn line(&mut self, message: Message) {
        self.out.push_str(&message::render(&message, self.lookup));
        self.out.push('\n');
    }

    fn item(&mut self, message: Message) {
        self.out.push_str("- ");
        self.line(message);
    }

    fn blank(&mut self) {
        self.out.push('\n');
    }
}

fn where_path(subtab: Subtab) -> Message {
    Message::with(
        Id::RequestWherePath,
        vec![Arg::Text(PERMISSIONS_PATH.to_owned()), Arg::Subtab(subtab)],
    )
}

/// The plan as an SDF role XML fragment: one `<permission>` line per operation, inside
/// `<permissions>`.
pub fn sdf_snippet(plan: &FixPlan) -> String {
    let mut out = String::from("<permissions>\n");
    for op in &plan.ops {
        out.push_str(&format!(
            "  <permission><permkey>{}</permkey><permlevel>{}</permlevel></permission>\n",
            xml_escape(op.id()),
            op.level().sdf()
        ));
    }
    out.push_str("</permissions>\n");
    out
}

/// Escapes text for XML content and attribute values, and drops characters XML 1.0 forbids.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(character),
            character
                if character.is_control() || character == '\u{fffe}' || character == '\u{ffff}' => {
            }
            character => out.push(character),
        }
    }
    out
}

/// "The NetSuite role \"Sales\" (internal id 1001) in account 1234567", with page text flattened.
fn describe_role(role: &Role, id_is_known: bool) -> Message {
    let mut described = match role
        .name
        .as_deref()
        .map(one_line)
        .filter(|name| !name.is_empty())
    {
        Some(name) => Message::with(Id::RequestRoleNamed, vec![Arg::Text(name)]),
        None => Message::plain(Id::RequestRoleUnnamed),
    };
    match role.id {
        Some(id) => {
            described = Message::with(
                Id::RequestRoleWithId,
                vec![Arg::message(described), Arg::Text(id.to_string())],
            );
        }
        None if id_is_known => {
            described = Message::with(Id::RequestRoleNew, vec![Arg::message(described)]);
        }
        None => {}
    }
    if let Some(account) = role
        .account
        .as_deref()
        .map(one_line)
        .filter(|account| !account.is_empty())
    {
        described = Message::with(
            Id::RequestRoleInAccount,
            vec![Arg::message(described), Arg::Text(account)],
        );
    }
    described
}

fn describe_op(op: &FixOp, verdict: &Verdict) -> Message {
    let id = op.id();
    let action = match *op {
        FixOp::Add { level, .. } => Message::with(Id::RequestActionAdd, vec![Arg::Level(level)]),
        FixOp::Raise { from, to, .. } => Message::with(
            Id::RequestActionRaise,
            vec![Arg::Level(from), Arg::Level(to)],
        ),
    };
    let also = match verdict
        .transition
        .as_ref()
        .map(|transition| &transition.also)
    {
        Some(crate::evaluate::Also::Checks(checks)) => checks.as_slice(),
        _ => &[],
    };
    let why = verdict
        .checks
        .iter()
        .chain(also)
        .map(|check| &check.requirement)
        .find(|requirement| requirement.any_of.contains(&id))
        .map(|requirement| requirement.why.message());
    let line = Message::with(
        Id::RequestOp,
        vec![
            Arg::Permission(id.to_owned()),
            Arg::Text(id.to_owned()),
            Arg::Subtab(op.subtab()),
            Arg::Message(Box::new(action)),
        ],
    );
    match why {
        None => Message::with(Id::RequestItem, vec![Arg::Message(Box::new(line))]),
        Some(why) => Message::with(
            Id::RequestItemWhy,
            vec![Arg::Message(Box::new(line)), Arg::message(why)],
        ),
    }
}

/// The subtabs the plan touches, each once, Setup first (where nearly every TBA permission lives),
/// then the others in plan order.
fn subtabs_of(plan: &FixPlan) -> Vec<Subtab> {
    let touched = || plan.ops.iter().map(FixOp::subtab);
    let setup_first = touched().filter(|subtab| *subtab == Subtab::Setup).take(1);
    let mut subtabs = Vec::new();
    for subtab in setup_first.chain(touched()) {
        if !subtabs.contains(&subtab) {
            subtabs.push(subtab);
        }
    }
    subtabs
}

/// Flattens page text to one trimmed line of at most `MAX_QUOTED_CHARS` characters.
/// `items` with `separator` between them: a plain loop, where `[S]::join` costs the content
/// script's wasm about a kilobyte of generic code per item type.
pub fn join<S: AsRef<str>>(items: &[S], separator: &str) -> String {
    let mut joined = String::new();
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            joined.push_str(separator);
        }
        joined.push_str(item.as_ref());
    }
    joined
}

/// A whole number written in ASCII digits only (no sign, no space), when it fits `u32`. Every number
/// read from a page or the catalog goes through this one parser: the standard library's is
/// instantiated once per integer type, which the content modules' size cannot afford.
pub fn whole(text: &str) -> Option<u32> {
    if text.is_empty() {
        return None;
    }
    let mut value: u32 = 0;
    for byte in text.bytes() {
        let digit = byte.checked_sub(b'0').filter(|digit| *digit < 10)?;
        value = value.checked_mul(10)?.checked_add(u32::from(digit))?;
    }
    Some(value)
}

/// `number` in decimal digits, without the formatting machinery (kept out of the content
/// modules for size).
pub fn decimal(number: usize) -> String {
    let mut digits = Vec::new();
    let mut rest = number;
    loop {
        digits.push(b'0' + (rest % 10) as u8);
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    digits
        .iter()
        .rev()
        .map(|&digit| char::from(digit))
        .collect()
}

/// The parts concatenated, without the formatting machinery (kept out of the content modules
/// for size).
pub fn concat(parts: &[&str]) -> String {
    join(parts, "")
}

/// `text` with every whitespace run (NBSP and line breaks included) made one space, and trimmed.
pub fn words(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    join(&words, " ")
}

fn one_line(text: &str) -> String {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|word| !word.is_empty())
        .collect();
    join(&words, " ").chars().take(MAX_QUOTED_CHARS).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::level::Level;
    use crate::profile::ProfileId;

    #[test]
    fn decimal_and_concat_agree_with_the_formatter() {
        for number in [0, 1, 9, 10, 99, 100, 4_294_967_295, usize::MAX] {
            assert_eq!(decimal(number), number.to_string());
        }
        assert_eq!(concat(&["a", "", "bc"]), "abc");
        assert_eq!(concat(&[]), "");
    }

    #[test]
    fn whole_numbers_are_digits_only_and_fit_u32() {
        for (text, number) in [
            ("0", Some(0)),
            ("007", Some(7)),
            ("1001", Some(1001)),
            ("4294967295", Some(u32::MAX)),
            ("4294967296", None),
            ("99999999999", None),
            ("", None),
            ("+3", None),
            ("-3", None),
            (" 3", None),
            ("3 ", None),
            ("12x", None),
            ("٣", None),
        ] {
            assert_eq!(whole(text), number, "{text:?}");
            if number.is_some() {
                assert_eq!(text.parse::<u32>().ok(), number);
            }
        }
    }

    #[test]
    fn words_and_join() {
        assert_eq!(
            words("  Legacy\u{a0}Web\n\tServices  "),
            "Legacy Web Services"
        );
        assert_eq!(words(" \n "), "");
        assert_eq!(join(&["a", "b", "c"], ", "), "a, b, c");
        assert_eq!(join::<&str>(&[], ", "), "");
        assert_eq!(join(&["only".to_owned()], " or "), "only");
    }

    #[test]
    fn subtabs_are_named_once_setup_first() {
        let add = |id, subtab| FixOp::Add {
            id,
            subtab,
            level: Level::Full,
        };
        let plan = FixPlan {
            ops: vec![
                add("REPO_ANALYTICS", Subtab::Reports),
                add("LIST_EMPLOYEE", Subtab::Lists),
                add("REPO_FINANCIALS", Subtab::Reports),
                add("ADMI_WEBSERVICES", Subtab::Setup),
            ],
        };
        assert_eq!(
            subtabs_of(&plan),
            vec![Subtab::Setup, Subtab::Reports, Subtab::Lists]
        );
        assert_eq!(
            subtabs_of(&FixPlan { ops: Vec::new() }),
            Vec::<Subtab>::new()
        );
    }

    #[test]
    fn escapes_xml() {
        let cases: &[(&str, &str)] = &[
            (
                "<img src=x onerror=alert(1)>",
                "&lt;img src=x onerror=alert(1)&gt;",
            ),
            ("&\"'", "&amp;&quot;&apos;"),
            ("a\u{1}b\u{0}c\td", "abc\td"),
            ("ADMI_WEBSERVICES", "ADMI_WEBSERVICES"),
            ("", ""),
        ];
        for (text, expected) in cases {
            assert_eq!(xml_escape(text), *expected, "escaping {text:?}");
        }
    }

    #[test]
    fn sdf_snippet_exact() {
        let plan = FixPlan {
            ops: vec![
                FixOp::Add {
                    id: ids::USER_ACCESS_TOKENS,
                    subtab: Subtab::Setup,
                    level: Level::Full,
                },
                FixOp::Raise {
                    id: ids::WEBSERVICES,
                    subtab: Subtab::Setup,
                    from: Level::View,
                    to: Level::Full,
                },
                FixOp::Add {
                    id: "<x&y>",
                    subtab: Subtab::Setup,
                    level: Level::Full,
                },
            ],
        };
        assert_eq!(
            sdf_snippet(&plan),
            "<permissions>\n\
             \x20 <permission><permkey>ADMI_MANAGE_OWN_OAUTH_TOKENS</permkey><permlevel>FULL</permlevel></permission>\n\
             \x20 <permission><permkey>ADMI_WEBSERVICES</permkey><permlevel>FULL</permlevel></permission>\n\
             \x20 <permission><permkey>&lt;x&amp;y&gt;</permkey><permlevel>FULL</permlevel></permission>\n\
             </permissions>\n"
        );
        assert_eq!(
            sdf_snippet(&FixPlan::default()),
            "<permissions>\n</permissions>\n"
        );
    }

    #[test]
    fn admin_request_exact() {
        let mut role = Role {
            id: Some(1001),
            name: Some("Sales\nRep <b>".to_owned()),
            account: Some("1234567_SB1".to_owned()),
            ..Role::default()
        };
        role.grant(ids::WEBSERVICES, Subtab::Setup, Level::View);
        let rest = crate::profile::builtin(ProfileId::Rest).expect("built-in");
        let verdict = crate::evaluate::evaluate(&role, rest);
        let expected = "Hello,

The NetSuite role \"Sales Rep <b>\" (internal id 1001) in account 1234567_SB1 needs changes to work with REST web services with TBA.

Please set these permissions on the role:
- Log in using Access Tokens (ADMI_LOGIN_OAUTH), Setup subtab: add at Full. Why: lets the role log in with access tokens (User Access Tokens also allows it).
- REST Web Services (ADMI_RESTWEBSERVICES), Setup subtab: add at Full. Why: lets the role use REST web services.
- SuiteAnalytics Workbook (REPO_ANALYTICS), Reports subtab: add at Full. Why: REST web services and SuiteQL need SuiteAnalytics Workbook on the Reports subtab.

Where:
- Setup > Users/Roles > User Management > Manage Roles > Edit > Permissions > Setup
- Setup > Users/Roles > User Management > Manage Roles > Edit > Permissions > Reports
Choose each permission in the list, set the level to Full, click Add, and save the role.

Please also note:
- SOAP Web Services is set to View: only Full can log in to SOAP web services.

Thank you.
";
        let english = crate::message::english::Messages::load();
        assert_eq!(admin_request(&role, &verdict, false, &english), expected);
    }

    #[test]
    fn auth_error_request_names_both_permissions() {
        let english = crate::message::english::Messages::load();
        let text = auth_error_request(Some("1234567"), Some("CloudExtend User"), &english);
        for needle in [
            "You cannot continue this authorization flow.",
            "The NetSuite role \"CloudExtend User\" in account 1234567 lacks",
            "User Access Tokens (ADMI_MANAGE_OWN_OAUTH_TOKENS)",
            "SOAP Web Services (ADMI_WEBSERVICES)",
            "Setup > Users/Roles > User Management > Manage Roles > Edit > Permissions > Setup",
            "Setup > Company > Enable Features > SuiteCloud > Manage Authentication",
        ] {
            assert!(text.contains(needle), "missing {needle:?} in {text}");
        }
        assert!(auth_error_request(None, None, &english).contains("My NetSuite role lacks"));
    }
}
