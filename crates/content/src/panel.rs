//! The in-page panel: an open shadow root (host `#tba-doctor-panel`) above the Setup sublist that
//! states the verdict in plain words and offers Pre-fill and Fix all.
//!
//! The panel only displays what it is given; it reads nothing from the page and decides nothing.
//! Every text goes in with `set_text_content`. Its host carries the stable hooks of product.md §6
//! (`data-profile`, `data-status`, `data-missing`, `data-too-low`), and the 2027.1 notice its own
//! (`data-tba-doctor-notice`, `data-oauth2-missing`). Clicks are delegated to one
//! listener that the `Panel` owns and removes when dropped.
use tba_rules::assemble::Mode;
use tba_rules::evaluate::{Also, RequirementCheck, RequirementState, Transition, Verdict};
use tba_rules::message::{Id, Message};
use tba_rules::outcome::{Blocked, Outcome};
use tba_rules::profile::Profile;
use tba_rules::settings::Note;
use tba_rules::text::concat;
use tba_rules::text::join;
use tba_rules::{Status, wording};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, Event, ShadowRoot};

use crate::dom::{self, add, element};
use crate::ext::{say, text};

/// Id of the panel's host element: a stable hook (product.md §6).
pub const HOST_ID: &str = "tba-doctor-panel";

/// What the buttons can do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Actions {
    /// Pre-fill and Fix all work.
    Enabled,
    /// The page functions are missing or the bridge failed; the reason is shown on the disabled
    /// buttons.
    Disabled(Blocked),
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
    /// What could not be read, in words, when `verdict` is `None`; with a verdict, what is worth
    /// saying about the page (`tba_rules::assemble::PageNote`).
    pub problems: &'a [String],
    /// Button state.
    pub actions: Actions,
    /// 2FA-making ids of a Fix all that waits for confirmation.
    pub confirm: Option<&'a [&'static str]>,
    /// The outcome of the last action, if any.
    pub outcome: Option<&'a Outcome>,
    /// The role's name, when read.
    pub role_name: Option<&'a str>,
}

/// The `data-status` value: the verdict's status, `view-mode` for a view-mode page that is not ok
/// (`tba_rules::assemble::status_hook`).
pub fn status_hook(verdict: &Verdict, actions: &Actions) -> &'static str {
    let mode = match actions {
        Actions::ViewMode(_) => Mode::View,
        Actions::Enabled | Actions::Disabled(_) => Mode::Edit,
    };
    tba_rules::assemble::status_hook(verdict.status, mode)
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

impl Panel {
    /// Creates the panel host and inserts it before `anchor` (the Setup table container), or at
    /// the start of `fallback` when there is no anchor.
    pub fn create(
        document: &Document,
        anchor: Option<&Element>,
        fallback: &Element,
        on_action: impl Fn(&str, Option<String>) + 'static,
    ) -> Result<Panel, JsValue> {
        let host = element(document, "div", None);
        host.set_id(HOST_ID);
        let shadow = dom::open_shadow(document, &host, dom::style())?;
        let body = element(document, "section", None);
        dom::attr(&body, "aria-label", &say(Id::PanelTitle));
        shadow.append_child(&body)?;
        // The whole handler is one entry point: a throw while it finds the button stops the
        // engine as one in the action would.
        let on_click = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
            crate::guard::run("panel-click", || {
                // Only the admin's own clicks (and keys) act: a page script's `click()` on a
                // button of the panel is not trusted, and does nothing.
                if !event.is_trusted() {
                    return;
                }
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
        let body = element(document, "div", None);
        self.draw(document, &body, model);
        self.body.replace_children_with_node_1(&body);
        if let Some((Some(action), permkey)) = focused {
            let selector = match permkey {
                Some(permkey) => concat(&[
                    "[data-tba-doctor-action=\"",
                    &action,
                    "\"][data-permkey=\"",
                    &permkey,
                    "\"]",
                ]),
                None => concat(&["[data-tba-doctor-action=\"", &action, "\"]"]),
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

    fn draw(&self, document: &Document, body: &Element, model: &Model) {
        let profile_name = crate::ext::text(&model.profile.name.message());
        let class = match model.verdict {
            Some(verdict) => concat(&["panel s-", status_hook(verdict, &model.actions)]),
            None => "panel s-unsupported".to_owned(),
        };
        body.set_class_name(&class);
        let head = add(document, body, "div", None);
        head.set_class_name("head");
        add(document, &head, "h2", Some(&say(Id::PanelTitle)));
        let integration = Message::plain(Id::PanelIntegration).text(&profile_name);
        add(document, &head, "span", Some(&text(&integration))).set_class_name("profile");
        if let Some(name) = model.role_name {
            let role = Message::plain(Id::PanelRole).text(name);
            add(document, &head, "span", Some(&text(&role))).set_class_name("profile");
        }
        if let Some(note) = model.note {
            let line = add(
                document,
                body,
                "p",
                Some(&crate::ext::text(&note.message())),
            );
            line.set_class_name("hint");
            dom::attr(&line, "data-tba-doctor", "settings-note");
        }

        let Some(verdict) = model.verdict else {
            add(document, body, "p", Some(&say(Id::PanelUnreadable))).set_class_name("verdict");
            let list = add(document, body, "ul", None);
            list.set_class_name("problems");
            for problem in model.problems {
                add(document, &list, "li", Some(problem));
            }
            return;
        };

        for note in model.problems {
            let line = add(document, body, "p", Some(note));
            line.set_class_name("hint");
            dom::attr(&line, "data-tba-doctor", "page-note");
        }
        let summary = wording::summary(verdict, &profile_name);
        add(document, body, "p", Some(&text(&summary))).set_class_name("verdict");

        self.checks(document, body, &verdict.checks, &model.actions);

        if !verdict.warnings.is_empty() {
            let warnings = add(document, body, "ul", None);
            warnings.set_class_name("warnings");
            for warning in &verdict.warnings {
                add(document, &warnings, "li", Some(&text(&warning.message())));
            }
        }
        if !verdict.redundant.is_empty() {
            let notes = add(document, body, "ul", None);
            notes.set_class_name("notes");
            for id in &verdict.redundant {
                add(
                    document,
                    &notes,
                    "li",
                    Some(&text(&wording::redundant_note(id))),
                );
            }
        }

        let actions = add(document, body, "div", None);
        actions.set_class_name("actions");
        match &model.actions {
            Actions::ViewMode(edit_url) => {
                if verdict.status != Status::Ok {
                    match edit_url {
                        Some(url) => {
                            let link = add(document, &actions, "a", Some(&say(Id::PanelEditLink)));
                            dom::attr(&link, "href", url);
                            dom::attr(&link, "data-tba-doctor-action", "edit");
                        }
                        None => {
                            add(document, &actions, "span", Some(&say(Id::PanelEditHint)));
                        }
                    }
                }
            }
            Actions::Enabled | Actions::Disabled(_) => {
                if !verdict.plan.is_empty() {
                    let fix = add(document, &actions, "button", Some(&say(Id::PanelFixAll)));
                    dom::attr(&fix, "type", "button");
                    fix.set_class_name("primary");
                    dom::attr(&fix, "data-tba-doctor-action", "fix-all");
                    let label =
                        Message::plain(Id::PanelFixAllLabel).permissions(&verdict.plan.ids());
                    dom::attr(&fix, "aria-label", &text(&label));
                    disable(&fix, &model.actions);
                }
            }
        }
        let outcome = model.outcome.map(|outcome| text(&outcome.message()));
        let status = add(document, &actions, "span", outcome.as_deref());
        status.set_class_name("status");
        dom::attr(&status, "role", "status");
        dom::attr(&status, "tabindex", "-1");
        if let Actions::Disabled(blocked) = &model.actions {
            add(document, body, "p", Some(&text(&blocked.sentence()))).set_class_name("reason");
        }

        if let Some(ids) = model.confirm {
            let confirm = add(document, body, "div", None);
            confirm.set_class_name("confirm");
            dom::attr(&confirm, "role", "group");
            dom::attr(&confirm, "aria-label", &say(Id::PanelConfirmLabel));
            let question = wording::confirm_two_factor(ids);
            add(document, &confirm, "p", Some(&text(&question)));
            let yes = add(
                document,
                &confirm,
                "button",
                Some(&say(Id::PanelConfirmYes)),
            );
            dom::attr(&yes, "type", "button");
            yes.set_class_name("primary");
            dom::attr(&yes, "data-tba-doctor-action", "confirm-fix-all");
            add(document, &confirm, "span", Some(" "));
            let no = add(document, &confirm, "button", Some(&say(Id::PanelCancel)));
            dom::attr(&no, "type", "button");
            dom::attr(&no, "data-tba-doctor-action", "cancel-fix-all");
        }
        if !matches!(model.actions, Actions::ViewMode(_)) && !verdict.plan.is_empty() {
            add(document, body, "p", Some(&say(Id::PanelHint))).set_class_name("hint");
        }
        if let Some(transition) = &verdict.transition {
            self.notice(document, body, transition, &model.actions);
        }
    }

    /// The requirement lines of `checks`, with a Pre-fill button on each missing one.
    fn checks(
        &self,
        document: &Document,
        parent: &Element,
        checks: &[RequirementCheck],
        actions: &Actions,
    ) -> Element {
        let list = add(document, parent, "ul", None);
        list.set_class_name("checks");
        for check in checks {
            let item = add(document, &list, "li", None);
            let tag_class = match check.state {
                RequirementState::Satisfied { .. } => "tag ok",
                RequirementState::TooLow { .. } => "tag too-low",
                RequirementState::Missing { .. } => "tag missing",
                RequirementState::NotOffered { .. } => "tag not-offered",
            };
            let (tag, line) = wording::check_line(check);
            add(document, &item, "span", Some(&text(&tag))).set_class_name(tag_class);
            add(document, &item, "span", Some(&text(&line)));
            if let Some(id) = check.state.prefill_id() {
                self.prefill_button(document, &item, id, actions);
            }
            let why = crate::ext::text(&check.requirement.why.message());
            add(document, &item, "span", Some(&why)).set_class_name("why");
        }
        list
    }

    /// The 2027.1 notice (`data-tba-doctor-notice="tba-2027"`), with "Also ready for OAuth 2.0":
    /// what the role would also need (`data-oauth2-missing`), each with Pre-fill.
    fn notice(
        &self,
        document: &Document,
        body: &Element,
        transition: &Transition,
        actions: &Actions,
    ) {
        let notice = add(document, body, "div", None);
        notice.set_class_name("notice");
        dom::attr(&notice, "data-tba-doctor-notice", "tba-2027");
        add(
            document,
            &notice,
            "p",
            Some(&text(&wording::tba_2027_notice())),
        );
        let Some(line) = wording::oauth2_line(transition) else {
            return;
        };
        if let Also::Checks(checks) = &transition.also {
            add(document, &notice, "h3", Some(&say(Id::NoticeAlsoTitle)));
            add(document, &notice, "p", Some(&say(line)));
            let list = self.checks(document, &notice, checks, actions);
            dom::attr(
                &list,
                "data-oauth2-missing",
                &join(&transition.missing_ids(), " "),
            );
        } else {
            add(document, &notice, "p", Some(&say(line)));
        }
    }

    fn prefill_button(&self, document: &Document, item: &Element, id: &str, actions: &Actions) {
        if matches!(actions, Actions::ViewMode(_)) {
            return;
        }
        let button = add(document, item, "button", Some(&say(Id::PanelPrefill)));
        dom::attr(&button, "type", "button");
        dom::attr(&button, "data-tba-doctor-action", "prefill");
        dom::attr(&button, "data-permkey", id);
        let label = Message::plain(Id::PanelPrefillLabel).permission(id);
        dom::attr(&button, "aria-label", &text(&label));
        disable(&button, actions)
    }
}

/// Disables `button` with the reason as its title when the actions are off.
fn disable(button: &Element, actions: &Actions) {
    if let Actions::Disabled(blocked) = actions {
        dom::attr(button, "disabled", "");
        dom::attr(button, "title", &text(&blocked.sentence()));
    }
}

#[cfg(test)]
mod tests {
    use super::{Actions, status_hook};
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
}
