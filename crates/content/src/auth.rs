//! The authorization-error helper: explains NetSuite's "insufficient permission" error in place.
//!
//! The loader starts this module only when a cheap text check found the start of the sentence in the
//! page; here the exact check runs on the page's *visible* text (`innerText`: no script, no hidden
//! element, no input value), through `tba_rules::authmsg`. When it matches, a help box in an open
//! shadow root (host `#tba-doctor-auth-help`) goes right after the element that shows the message,
//! and the popup gets the same facts through `Request::GetSnapshot`.
use tba_rules::Role;
use tba_rules::authmsg::contains_auth_error;
use tba_rules::message::{Arg, Id, Message};
use tba_rules::page::{account_from_host, manage_roles_url};
use tba_rules::protocol::{Page, Request, Response, Snapshot};
use tba_rules::text::auth_error_request;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlElement};

use crate::dom::{add, element, open_shadow, style};
use crate::ext;
use crate::ext::{say, text};
use crate::wire::Js;

/// Id of the help box's host element: a stable hook (product.md section 6).
pub const HOST_ID: &str = "tba-doctor-auth-help";
/// The longest role name taken from the page; anything longer is not a role name.
const MAX_ROLE_NAME: usize = 200;

/// What the page shows: the facts the help box and the popup are built from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthPage {
    /// The NetSuite account id, from the host (`1234567-sb1` → `1234567_SB1`).
    pub account: Option<String>,
    /// The host, for the Manage Roles link.
    pub host: String,
    /// The role the page names, when it names one.
    pub role_name: Option<String>,
}

/// Finds the role the page names, from its visible text: a line `Role: <name>`, or `Role:` with the
/// name on the next non-empty line (a two-cell table row reads either way).
pub fn role_name_from_text(text: &str) -> Option<String> {
    let mut lines = text.lines().map(str::trim);
    while let Some(line) = lines.next() {
        let Some(rest) = strip_prefix_ignore_case(line, "role:") else {
            continue;
        };
        let rest = rest.trim();
        let name = if rest.is_empty() {
            lines.find(|next| !next.is_empty()).unwrap_or_default()
        } else {
            rest
        };
        let name = tba_rules::text::words(name);
        if !name.is_empty() && name.chars().count() <= MAX_ROLE_NAME {
            return Some(name);
        }
    }
    None
}

fn strip_prefix_ignore_case<'a>(line: &'a str, prefix: &str) -> Option<&'a str> {
    let head = line.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &line[prefix.len()..])
}

/// Starts the feature: checks the visible text and, when the error is there, shows the help.
pub fn start() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    let text = body.inner_text();
    if !contains_auth_error(&text) {
        return;
    }
    let host = document
        .location()
        .and_then(|location| location.hostname().ok())
        .unwrap_or_default();
    let page = AuthPage {
        account: account_from_host(&host),
        role_name: role_name_from_text(&text),
        host,
    };
    if document.get_element_by_id(HOST_ID).is_none() {
        let anchor = innermost_holder(&body);
        let _ = draw(&document, &anchor, &page);
    }
    ext::on_message(move |message| {
        crate::guard::entry(
            "popup-message",
            || answer(&page, message).encode::<Js>().0,
            |reason| {
                Response::<Role>::Unavailable {
                    reason: reason.to_owned(),
                }
                .encode::<Js>()
                .0
            },
        )
    });
}

/// The popup's answer on this page: the facts, and a refusal of anything that would change a role.
fn answer(page: &AuthPage, message: JsValue) -> Response {
    let snapshot = Snapshot {
        page: Page::AuthError,
        profile: String::new(),
        role: Some(Role {
            name: page.role_name.clone(),
            account: page.account.clone(),
            ..Role::default()
        }),
        problems: Vec::new(),
        bridge_ok: false,
        confirm: None,
        odd_ids: 0,
    };
    match Request::decode(&Js(message)) {
        Ok(Request::GetSnapshot) => Response::Snapshot { snapshot },
        Ok(Request::Prefill { .. } | Request::FixAll { .. } | Request::CancelFixAll) => {
            Response::Refused {
                reason: say(Id::RefusedAuthPage),
                snapshot,
            }
        }
        Err(_) => Response::Refused {
            reason: "malformed request".to_owned(),
            snapshot,
        },
    }
}

/// The innermost element whose visible text still holds the whole sentence, however the page
/// splits it across inline elements.
fn innermost_holder(body: &HtmlElement) -> HtmlElement {
    let mut holder = body.clone();
    'descend: loop {
        let children = holder.children();
        for index in 0..children.length() {
            let Some(child) = children
                .item(index)
                .and_then(|child| child.dyn_into::<HtmlElement>().ok())
            else {
                continue;
            };
            if contains_auth_error(&child.inner_text()) {
                holder = child;
                continue 'descend;
            }
        }
        return holder;
    }
}

/// Where the box goes: after the holder, but never inside an inline element or a table row.
fn insertion_point(holder: &HtmlElement) -> Element {
    let mut point: Element = holder.clone().into();
    while let Some(parent) = point.parent_element() {
        let tag = point.tag_name().to_ascii_lowercase();
        let inline = matches!(
            tag.as_str(),
            "b" | "strong"
                | "i"
                | "em"
                | "span"
                | "a"
                | "font"
                | "small"
                | "u"
                | "br"
                | "td"
                | "th"
                | "tr"
                | "tbody"
                | "thead"
        );
        if !inline || parent.tag_name().eq_ignore_ascii_case("body") {
            break;
        }
        point = parent;
    }
    point
}

fn draw(document: &Document, holder: &HtmlElement, page: &AuthPage) -> Result<(), JsValue> {
    let host = document.create_element("div")?;
    host.set_id(HOST_ID);
    let shadow = open_shadow(document, &host, style())?;

    let panel = element(document, "section", None);
    panel.set_class_name("box");
    panel.set_attribute("aria-label", &say(Id::AuthHelpLabel))?;
    add(document, &panel, "h2", Some(&say(Id::AuthHelpTitle)));
    let role = match page.role_name.as_deref() {
        Some(name) => Message::with(Id::AuthHelpRoleNamed, vec![Arg::Text(name.to_owned())]),
        None => Message::plain(Id::AuthHelpRole),
    };
    let lacks = Message::with(Id::AuthHelpLacks, vec![Arg::message(role)]);
    add(document, &panel, "p", Some(&text(&lacks)));
    add(
        document,
        &panel,
        "h3",
        Some(&say(Id::AuthHelpWhyNotPassword)),
    );
    let reasons = element(document, "ul", None);
    for reason in [
        Id::AuthHelpConcurrency,
        Id::AuthHelpSecurity,
        Id::AuthHelpReauth,
    ] {
        add(document, &reasons, "li", Some(&say(reason)));
    }
    panel.append_child(&reasons)?;

    add(document, &panel, "h3", Some(&say(Id::AuthHelpSend)));
    let request = crate::ext::with_lookup(|lookup| {
        auth_error_request(page.account.as_deref(), page.role_name.as_deref(), lookup)
    });
    let text_area = element(document, "textarea", None);
    text_area.set_attribute("readonly", "")?;
    text_area.set_attribute("aria-label", &say(Id::PopupRequestLabel))?;
    text_area.set_attribute("data-tba-doctor", "request")?;
    text_area.set_text_content(Some(&request));
    panel.append_child(&text_area)?;

    let actions = element(document, "div", None);
    actions.set_class_name("actions");
    let copy = element(document, "button", Some(&say(Id::AuthHelpCopy)));
    copy.set_attribute("type", "button")?;
    copy.set_attribute("data-tba-doctor-action", "copy-request")?;
    actions.append_child(&copy)?;
    let status = element(document, "span", None);
    status.set_class_name("status");
    status.set_attribute("role", "status")?;
    actions.append_child(&status)?;
    if !page.host.is_empty() {
        let link = element(document, "a", Some(&say(Id::AuthHelpAdmins)));
        link.set_attribute("href", &manage_roles_url(&page.host))?;
        link.set_attribute("target", "_blank")?;
        link.set_attribute("rel", "noopener")?;
        link.set_attribute("data-tba-doctor-action", "manage-roles")?;
        actions.append_child(&link)?;
    }
    panel.append_child(&actions)?;
    shadow.append_child(&panel)?;

    let on_copy = {
        let text_area = text_area.clone();
        let status = status.clone();
        Closure::<dyn FnMut()>::new(move || {
            crate::guard::run("copy-button", || copy_text(&text_area, &status, &request));
        })
    };
    copy.add_event_listener_with_callback("click", on_copy.as_ref().unchecked_ref())?;
    // The button lives as long as the page, and so does its handler.
    on_copy.forget();

    let point = insertion_point(holder);
    match point.parent_node() {
        Some(parent) => parent.insert_before(&host, point.next_sibling().as_ref())?,
        None => holder.append_child(&host)?,
    };
    Ok(())
}

/// Copies through the asynchronous clipboard API, falling back to selecting the text and the
/// legacy copy command, and says which one worked.
fn copy_text(text_area: &Element, status: &Element, text: &str) {
    let text_area = text_area.clone();
    let status = status.clone();
    let clipboard = web_sys::window().map(|window| window.navigator().clipboard());
    let Some(clipboard) = clipboard else {
        status.set_text_content(Some(&say(legacy_copy(&text_area))));
        return;
    };
    let promise = clipboard.write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        let message = match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => Id::AuthHelpCopied,
            Err(_) => legacy_copy(&text_area),
        };
        status.set_text_content(Some(&say(message)));
    });
}

/// Selects the request text and tries the legacy copy command; says what the person should do.
fn legacy_copy(text_area: &Element) -> Id {
    if let Some(area) = text_area.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.select();
    }
    let copied = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.dyn_into::<web_sys::HtmlDocument>().ok())
        .and_then(|document| document.exec_command("copy").ok())
        .unwrap_or(false);
    if copied {
        Id::AuthHelpCopied
    } else {
        Id::AuthHelpCopyByHand
    }
}

#[cfg(test)]
mod tests {
    use super::role_name_from_text;

    #[test]
    fn role_name_on_the_same_line() {
        assert_eq!(
            role_name_from_text("Account:\t1234567\nRole:\tSales Rep – CloudExtend\n").as_deref(),
            Some("Sales Rep – CloudExtend")
        );
    }

    #[test]
    fn role_name_on_the_next_line() {
        assert_eq!(
            role_name_from_text("ROLE:\n\n  Sales   Rep \nother").as_deref(),
            Some("Sales Rep")
        );
    }

    #[test]
    fn no_role_line() {
        assert_eq!(
            role_name_from_text("Your current role has insufficient permission."),
            None
        );
        assert_eq!(role_name_from_text("Role:"), None);
    }

    #[test]
    fn overlong_name_is_not_a_name() {
        let text = format!("Role: {}", "x".repeat(500));
        assert_eq!(role_name_from_text(&text), None);
    }
}
