//! The in-page panel: an open shadow root (host `#tba-doctor-panel`) above the Setup sublist that
//! states the verdict in plain words and offers Pre-fill and Fix all.
//!
//! The panel only displays what it is given; it reads nothing from the page and decides nothing.
//! Every text goes in with `set_text_content`. Its host carries the stable hooks of product.md §6
//! (`data-profile`, `data-status`, `data-missing`, `data-too-low`). Clicks are delegated to one
//! listener that the `Panel` owns and removes when dropped.
use tba_rules::Status;
use tba_rules::catalog;
use tba_rules::evaluate::{RequirementState, Verdict};
use tba_rules::profile::{Profile, REDUNDANCIES};
use tba_rules::settings::Note;
use tba_rules::text::join;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, Event, ShadowRoot};

use crate::dom::{self, add, element};

/// Id of the panel's host element: a stable hook (product.md §6).
pub const HOST_ID: &str = "tba-doctor-panel";

/// What the buttons can do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Actions {
    /// Pre-fill and Fix all work.
    Enabled,
    /// The page functions are missing; the reason is shown on the disabled buttons.
    Disabled(String),
    /// View mode: a link to the edit page (when the role has an id) instead of buttons.
    ViewMode(Option<String>),
}

/// Everything the panel shows.
pub struct Model<'a> {
    /// The profile evaluated.
    pub profile: &'a Profile,
    /// Why the stored settings could not be read, when they could not.
    pub note: Option<&'a Note>,
    /// The verdict; `None` when the page could not be read.
    pub verdict: Option<&'a Verdict>,
    /// What could not be read (shown when `verdict` is `None`).
    pub problems: &'a [String],
    /// Button state.
    pub actions: Actions,
    /// 2FA-making ids of a Fix all that waits for confirmation.
    pub confirm: Option<&'a [&'static str]>,
    /// The outcome of the last action, if any.
    pub message: Option<&'a str>,
    /// The role's name, when read.
    pub role_name: Option<&'a str>,
}

/// The `data-status` value: the verdict's status, `view-mode` for a view-mode page that is not ok.
pub fn status_hook(verdict: &Verdict, actions: &Actions) -> &'static str {
    match (verdict.status, actions) {
        (Status::Ok, _) => "ok",
        (_, Actions::ViewMode(_)) => "view-mode",
        (status, _) => status.as_str(),
    }
}

/// The panel: host element, open shadow root and the delegated click listener.
pub struct Panel {
    host: Element,
    shadow: ShadowRoot,
    body: Element,
    on_click: Closure<dyn FnMut(Event)>,
}

impl Drop for Panel {
    fn drop(&mut self) {
        let _ = self
            .shadow
            .remove_event_listener_with_callback("click", self.on_click.as_ref().unchecked_ref());
        self.host.remove();
    }
}

const STYLE: &str = r#"
:host { all: initial; display: block; margin: 8px 0 10px; }
.panel { font: 13px/1.45 Arial, Helvetica, sans-serif; color: #262626; background: #f7f9fb;
  border: 1px solid #d5dde6; border-left: 4px solid #607799; border-radius: 3px; padding: 10px 14px; max-width: 880px; }
.panel.s-ok { border-left-color: #2e7d32; }
.panel.s-needs-fix { border-left-color: #d35400; }
.panel.s-feature-off, .panel.s-unsupported { border-left-color: #8a6d3b; }
.head { display: flex; align-items: baseline; gap: 10px; flex-wrap: wrap; margin: 0 0 4px; }
h2 { font-size: 14px; font-weight: bold; margin: 0; color: #24385b; }
.profile { color: #5c6773; font-size: 12px; }
.verdict { margin: 2px 0 8px; font-weight: bold; }
ul { margin: 4px 0; padding: 0; list-style: none; }
li { margin: 3px 0; display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
.tag { display: inline-block; min-width: 64px; text-align: center; font-size: 11px; font-weight: bold;
  text-transform: uppercase; border-radius: 2px; padding: 1px 6px; color: #fff; background: #607799; }
.tag.ok { background: #2e7d32; } .tag.missing { background: #c0392b; } .tag.too-low { background: #d35400; }
.tag.not-offered { background: #8a6d3b; }
.why { color: #5c6773; font-size: 12px; flex-basis: 100%; margin-left: 72px; }
.warnings li, .notes li, .problems li { display: list-item; margin-left: 18px; list-style: disc; }
.warnings { color: #7a4a00; }
.notes, .hint { color: #5c6773; font-size: 12px; }
.actions { display: flex; gap: 10px; align-items: center; flex-wrap: wrap; margin-top: 8px; }
button { font: bold 12px Arial, Helvetica, sans-serif; color: #262626; background: #f0f0f0;
  border: 1px solid #b2b2b2; border-radius: 3px; padding: 3px 12px; cursor: pointer; }
button:hover { background: #e5e5e5; }
button.primary { color: #fff; background: #1f6fbf; border-color: #175a9c; }
button.primary:hover { background: #175a9c; }
button:disabled { color: #8c8c8c; background: #f4f4f4; border-color: #d0d0d0; cursor: not-allowed; }
button:focus-visible, a:focus-visible, [tabindex]:focus-visible { outline: 2px solid #f0a020; outline-offset: 2px; }
a { color: #1f6fbf; font-weight: bold; }
.status { font-weight: bold; color: #24385b; }
.confirm { margin-top: 8px; padding: 8px 10px; background: #fff8e5; border: 1px solid #e6c980; border-radius: 3px; }
.confirm p { margin: 0 0 6px; }
.reason { color: #7a4a00; font-size: 12px; }
"#;

impl Panel {
    /// Creates the panel host and inserts it before `anchor` (the Setup table container), or at
    /// the start of `fallback` when there is no anchor.
    pub fn create(
        document: &Document,
        anchor: Option<&Element>,
        fallback: &Element,
        on_action: impl Fn(&str, Option<String>) + 'static,
    ) -> Result<Panel, JsValue> {
        let host = document.create_element("div")?;
        host.set_id(HOST_ID);
        let shadow = dom::open_shadow(document, &host, STYLE)?;
        let body = element(document, "section", None)?;
        body.set_attribute("aria-label", "TBA Doctor")?;
        shadow.append_child(&body)?;
        let on_click = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
            let Some(target) = event
                .target()
                .and_then(|target| target.dyn_into::<Element>().ok())
            else {
                return;
            };
            let Some(button) = target
                .closest("button[data-tba-doctor-action]")
                .ok()
                .flatten()
            else {
                return;
            };
            if let Some(action) = button.get_attribute("data-tba-doctor-action") {
                on_action(&action, button.get_attribute("data-permkey"));
            }
        });
        shadow.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref())?;
        match anchor.and_then(|anchor| anchor.parent_node().map(|parent| (anchor, parent))) {
            Some((anchor, parent)) => {
                parent.insert_before(&host, Some(anchor))?;
            }
            None => {
                fallback.insert_before(&host, fallback.first_child().as_ref())?;
            }
        }
        Ok(Panel {
            host,
            shadow,
            body,
            on_click,
        })
    }

    /// Whether the host is still in the document.
    pub fn is_connected(&self) -> bool {
        self.host.is_connected()
    }

    /// Redraws the panel from `model`, keeping keyboard focus on the same control when it is
    /// still there, else on the status line.
    pub fn render(&self, document: &Document, model: &Model) -> Result<(), JsValue> {
        let focused = self.shadow.active_element().map(|element| {
            (
                element.get_attribute("data-tba-doctor-action"),
                element.get_attribute("data-permkey"),
            )
        });
        self.set_hooks(model);
        let body = element(document, "div", None)?;
        self.draw(document, &body, model)?;
        self.body.replace_children_with_node_1(&body);
        if let Some((Some(action), permkey)) = focused {
            let selector = match permkey {
                Some(permkey) => {
                    format!("[data-tba-doctor-action=\"{action}\"][data-permkey=\"{permkey}\"]")
                }
                None => format!("[data-tba-doctor-action=\"{action}\"]"),
            };
            let again = self
                .shadow
                .query_selector(&selector)
                .ok()
                .flatten()
                .filter(|element| !element.has_attribute("disabled"))
                .or_else(|| self.shadow.query_selector(".status").ok().flatten());
            if let Some(again) =
                again.and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = again.focus();
            }
        }
        Ok(())
    }

    fn set_hooks(&self, model: &Model) {
        let host = &self.host;
        dom::set_or_remove(host, "data-profile", Some(model.profile.id.as_str()));
        match model.verdict {
            Some(verdict) => {
                dom::set_or_remove(
                    host,
                    "data-status",
                    Some(status_hook(verdict, &model.actions)),
                );
                dom::set_or_remove(
                    host,
                    "data-missing",
                    Some(&join(&verdict.missing_ids(), " ")),
                );
                dom::set_or_remove(
                    host,
                    "data-too-low",
                    Some(&join(&verdict.too_low_ids(), " ")),
                );
            }
            None => {
                dom::set_or_remove(host, "data-status", None);
                dom::set_or_remove(host, "data-missing", None);
                dom::set_or_remove(host, "data-too-low", None);
            }
        }
    }

    fn draw(&self, document: &Document, body: &Element, model: &Model) -> Result<(), JsValue> {
        let profile_name = crate::ext::text(&model.profile.name.message());
        let class = match model.verdict {
            Some(verdict) => format!("panel s-{}", status_hook(verdict, &model.actions)),
            None => "panel s-unsupported".to_owned(),
        };
        body.set_class_name(&class);
        let head = add(document, body, "div", None)?;
        head.set_class_name("head");
        add(document, &head, "h2", Some("TBA Doctor"))?;
        let profile_line = add(
            document,
            &head,
            "span",
            Some(&format!("Integration: {}", profile_name)),
        )?;
        profile_line.set_class_name("profile");
        if let Some(name) = model.role_name {
            let role_line = add(document, &head, "span", Some(&format!("Role: {name}")))?;
            role_line.set_class_name("profile");
        }
        if let Some(note) = model.note {
            let line = add(
                document,
                body,
                "p",
                Some(&crate::ext::text(&note.message())),
            )?;
            line.set_class_name("hint");
            line.set_attribute("data-tba-doctor", "settings-note")?;
        }

        let Some(verdict) = model.verdict else {
            add(
                document,
                body,
                "p",
                Some("TBA Doctor could not read this role page completely, so it gives no verdict. What it could not read:"),
            )?
            .set_class_name("verdict");
            let list = add(document, body, "ul", None)?;
            list.set_class_name("problems");
            for problem in model.problems {
                add(document, &list, "li", Some(problem))?;
            }
            return Ok(());
        };

        let changes = verdict.missing_ids().len() + verdict.too_low_ids().len();
        let summary = match verdict.status {
            Status::Ok => format!("This role has every permission {} needs.", profile_name),
            Status::FeatureOff => "A permission this integration needs is not offered in this account: Token-based Authentication is probably turned off.".to_owned(),
            Status::NeedsFix if changes == 0 => format!(
                "This role has the permissions {} needs, but a role setting must change (see below).",
                profile_name
            ),
            Status::NeedsFix => format!(
                "This role needs {changes} permission change{} for {}.",
                if changes == 1 { "" } else { "s" },
                profile_name
            ),
        };
        add(document, body, "p", Some(&summary))?.set_class_name("verdict");

        let list = add(document, body, "ul", None)?;
        list.set_class_name("checks");
        for check in &verdict.checks {
            let item = add(document, &list, "li", None)?;
            let (tag, tag_class, text) = match check.state {
                RequirementState::Satisfied { by } => {
                    ("OK", "ok", format!("{}: Full", catalog::name_of(by)))
                }
                RequirementState::TooLow { id, have, need } => (
                    "Too low",
                    "too-low",
                    format!(
                        "{} is {}; it must be {}",
                        catalog::name_of(id),
                        have.label(),
                        need.label()
                    ),
                ),
                RequirementState::Missing { id } => (
                    "Missing",
                    "missing",
                    format!("{} (Full)", alternatives(&check.requirement.any_of, id)),
                ),
                RequirementState::NotOffered { id } => (
                    "Not offered",
                    "not-offered",
                    format!("{}: not offered in this account", catalog::name_of(id)),
                ),
            };
            add(document, &item, "span", Some(tag))?.set_class_name(&format!("tag {tag_class}"));
            add(document, &item, "span", Some(&text))?;
            if let RequirementState::Missing { id } = check.state {
                self.prefill_button(document, &item, id, &model.actions)?;
            }
            let why = crate::ext::text(&check.requirement.why.message());
            add(document, &item, "span", Some(&why))?.set_class_name("why");
        }

        if !verdict.warnings.is_empty() {
            let warnings = add(document, body, "ul", None)?;
            warnings.set_class_name("warnings");
            for warning in &verdict.warnings {
                add(
                    document,
                    &warnings,
                    "li",
                    Some(&crate::ext::text(&warning.message())),
                )?;
            }
        }
        if !verdict.redundant.is_empty() {
            let notes = add(document, body, "ul", None)?;
            notes.set_class_name("notes");
            for id in &verdict.redundant {
                let by = REDUNDANCIES
                    .iter()
                    .find(|rule| rule.redundant == *id)
                    .map_or("another permission", |rule| {
                        catalog::name_of(rule.implied_by)
                    });
                add(
                    document,
                    &notes,
                    "li",
                    Some(&format!(
                        "{} is not needed: {by} includes it (not an error).",
                        catalog::name_of(id)
                    )),
                )?;
            }
        }

        let actions = add(document, body, "div", None)?;
        actions.set_class_name("actions");
        match &model.actions {
            Actions::ViewMode(edit_url) => {
                if verdict.status != Status::Ok {
                    match edit_url {
                        Some(url) => {
                            let link =
                                add(document, &actions, "a", Some("Edit this role to fix it"))?;
                            link.set_attribute("href", url)?;
                            link.set_attribute("data-tba-doctor-action", "edit")?;
                        }
                        None => {
                            add(
                                document,
                                &actions,
                                "span",
                                Some("Edit this role to fix it."),
                            )?;
                        }
                    }
                }
            }
            Actions::Enabled | Actions::Disabled(_) => {
                if !verdict.plan.is_empty() {
                    let fix = add(document, &actions, "button", Some("Fix all"))?;
                    fix.set_attribute("type", "button")?;
                    fix.set_class_name("primary");
                    fix.set_attribute("data-tba-doctor-action", "fix-all")?;
                    fix.set_attribute(
                        "aria-label",
                        &format!(
                            "Fix all: add or raise {}",
                            catalog::names_sentence(&verdict.plan.ids())
                        ),
                    )?;
                    if let Actions::Disabled(reason) = &model.actions {
                        fix.set_attribute("disabled", "")?;
                        fix.set_attribute("title", reason)?;
                    }
                }
            }
        }
        let status = add(document, &actions, "span", model.message)?;
        status.set_class_name("status");
        status.set_attribute("role", "status")?;
        status.set_attribute("tabindex", "-1")?;
        if let Actions::Disabled(reason) = &model.actions {
            add(document, body, "p", Some(reason))?.set_class_name("reason");
        }

        if let Some(ids) = model.confirm {
            let confirm = add(document, body, "div", None)?;
            confirm.set_class_name("confirm");
            confirm.set_attribute("role", "group")?;
            confirm.set_attribute("aria-label", "Confirm Fix all")?;
            add(
                document,
                &confirm,
                "p",
                Some(&format!(
                    "Adding {} makes this role require two-factor authentication: its users can then no longer use their password for API access. Add {} anyway?",
                    catalog::names_sentence(ids),
                    if ids.len() == 1 { "it" } else { "them" }
                )),
            )?;
            let yes = add(document, &confirm, "button", Some("Yes, add them"))?;
            yes.set_attribute("type", "button")?;
            yes.set_class_name("primary");
            yes.set_attribute("data-tba-doctor-action", "confirm-fix-all")?;
            add(document, &confirm, "span", Some(" "))?;
            let no = add(document, &confirm, "button", Some("Cancel"))?;
            no.set_attribute("type", "button")?;
            no.set_attribute("data-tba-doctor-action", "cancel-fix-all")?;
        }
        if !matches!(model.actions, Actions::ViewMode(_)) && !verdict.plan.is_empty() {
            add(
                document,
                body,
                "p",
                Some("Pre-fill puts the permission in the Setup add row for you to click Add; Fix all adds every line. Nothing is saved until you click Save."),
            )?
            .set_class_name("hint");
        }
        Ok(())
    }

    fn prefill_button(
        &self,
        document: &Document,
        item: &Element,
        id: &str,
        actions: &Actions,
    ) -> Result<(), JsValue> {
        if matches!(actions, Actions::ViewMode(_)) {
            return Ok(());
        }
        let button = add(document, item, "button", Some("Pre-fill"))?;
        button.set_attribute("type", "button")?;
        button.set_attribute("data-tba-doctor-action", "prefill")?;
        button.set_attribute("data-permkey", id)?;
        button.set_attribute("aria-label", &format!("Pre-fill {}", catalog::name_of(id)))?;
        if let Actions::Disabled(reason) = actions {
            button.set_attribute("disabled", "")?;
            button.set_attribute("title", reason)?;
        }
        Ok(())
    }
}

/// "Log in using Access Tokens or User Access Tokens", with the one a fix adds first.
fn alternatives(any_of: &[&str], first: &str) -> String {
    let mut names = vec![catalog::name_of(first)];
    names.extend(
        any_of
            .iter()
            .filter(|id| **id != first)
            .map(|id| catalog::name_of(id)),
    );
    join(&names, " or ")
}

#[cfg(test)]
mod tests {
    use super::{Actions, alternatives, status_hook};
    use tba_rules::profile::default_profile;
    use tba_rules::{Level, Role, Subtab, evaluate};

    #[test]
    fn status_hook_says_view_mode_only_when_something_is_to_fix() {
        let mut role = Role::default();
        let view = Actions::ViewMode(None);
        let missing = evaluate(&role, default_profile());
        assert_eq!(status_hook(&missing, &view), "view-mode");
        assert_eq!(status_hook(&missing, &Actions::Enabled), "needs-fix");
        role.grant("ADMI_MANAGE_OWN_OAUTH_TOKENS", Subtab::Setup, Level::Full);
        role.grant("ADMI_WEBSERVICES", Subtab::Setup, Level::Full);
        let ok = evaluate(&role, default_profile());
        assert_eq!(status_hook(&ok, &view), "ok");
    }

    #[test]
    fn alternatives_name_the_one_a_fix_adds_first() {
        assert_eq!(
            alternatives(
                &["ADMI_LOGIN_OAUTH", "ADMI_MANAGE_OWN_OAUTH_TOKENS"],
                "ADMI_MANAGE_OWN_OAUTH_TOKENS"
            ),
            "User Access Tokens or Log in using Access Tokens"
        );
    }
}
