//! The role page: reads the role, evaluates it, draws the panel, marks and badges, drives the
//! pre-fill bridge and answers the popup.
//!
//! One `App` per page holds the current reading and verdict. It is shared by the panel's click
//! handler and the table watcher (through `Weak`, so they never keep it alive) and by the popup
//! and storage listeners (which live as long as the page). Every entry point re-reads the page
//! first: the verdict always follows what the page shows, never a cached copy.
use std::cell::RefCell;
use std::rc::{Rc, Weak};

use tba_rules::bridge::{Line, LineKind};
use tba_rules::evaluate::{Verdict, evaluate};
use tba_rules::page::role_edit_url;
use tba_rules::protocol::{Page, Request, Response, Snapshot};
use tba_rules::text::join;
use tba_rules::{ProfileId, Subtab, catalog};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

use crate::bridge::{self, BridgeError};
use crate::panel::{Actions, Model, Panel};
use crate::read::{self, Mode, PageRead};
use crate::watch::Watch;
use crate::wire::Js;
use crate::{dom, ext, marks, rehearsal};

/// Root attribute with the page state (product.md §6).
const STATE_ATTRIBUTE: &str = "data-tba-doctor";

struct App {
    document: Document,
    profile: ProfileId,
    read: PageRead,
    verdict: Option<Verdict>,
    actions: Actions,
    confirm: Option<Vec<&'static str>>,
    message: Option<String>,
    panel: Option<Panel>,
    /// What the panel shows now; a redraw with the same content is skipped.
    drawn: Option<PanelKey>,
    watch: Option<Watch>,
    weak: Weak<RefCell<App>>,
}

/// Everything the panel's content depends on.
#[derive(Clone, PartialEq)]
struct PanelKey {
    profile: ProfileId,
    verdict: Option<Verdict>,
    problems: Vec<String>,
    actions: Actions,
    confirm: Option<Vec<&'static str>>,
    message: Option<String>,
    role_name: Option<String>,
}

/// Starts the role-page feature. `stored_profile` is the preload's early question for the profile
/// ([`ext::stored_profile`]).
pub fn start(stored_profile: JsValue) {
    dom::mark("tba-doctor:start");
    let Some(document) = dom::document() else {
        return;
    };
    // Read the page first; the stored profile arrives in a later task.
    let first_read = read::read(&document);
    dom::mark("tba-doctor:read");
    // Watch NetSuite's redraws from this reading on, so that one before the panel exists is not lost.
    let watched: Rc<RefCell<Watched>> = Rc::default();
    let watch = watch_tables(&document, Rc::clone(&watched));
    ext::stored_profile(stored_profile, move |profile| {
        // The answer is usually there already (the preload asked at document_start): evaluate and
        // draw in a task of their own anyway, so that the first run is two tasks, never one long one.
        dom::in_new_task(move || show_first(document, first_read, profile, watch, watched));
    });
}

/// Whom the table watcher wakes: the app once it exists; until then a redraw is only noted.
#[derive(Default)]
struct Watched {
    app: Weak<RefCell<App>>,
    missed: bool,
}

/// Observes the permission tables; each redraw re-reads the page through `watched`.
fn watch_tables(document: &Document, watched: Rc<RefCell<Watched>>) -> Option<Watch> {
    let targets: Vec<Element> = Subtab::ALL
        .into_iter()
        .filter_map(|subtab| {
            document
                .get_element_by_id(read::page_names(subtab).table)
                .and_then(|table| table.parent_element())
        })
        .collect();
    Watch::new(&targets, move || {
        let app = {
            let mut watched = watched.borrow_mut();
            let app = watched.app.upgrade();
            watched.missed |= app.is_none();
            app
        };
        if let Some(Ok(mut state)) = app.as_ref().map(|app| app.try_borrow_mut()) {
            state.refresh();
        }
    })
    .map_err(|_| dom::warn("tables not watched"))
    .ok()
}

/// Evaluates the first reading with the stored profile, draws the panel, and starts listening to
/// the popup, the profile choice and NetSuite's redraws (re-reading at once if the tables were
/// redrawn since the first reading).
fn show_first(
    document: Document,
    first_read: PageRead,
    profile: Option<String>,
    watch: Option<Watch>,
    watched: Rc<RefCell<Watched>>,
) {
    let profile = profile
        .and_then(|profile| ProfileId::parse(&profile))
        .unwrap_or_default();
    dom::mark("tba-doctor:profile");
    let app = App::new(document, profile);
    {
        let mut state = app.borrow_mut();
        state.take(first_read);
        state.render();
        dom::mark("tba-doctor:drawn");
        state.watch = watch;
    }
    let missed = {
        let mut watched = watched.borrow_mut();
        watched.app = Rc::downgrade(&app);
        std::mem::take(&mut watched.missed)
    };
    if missed {
        app.borrow_mut().refresh();
    }
    // The popup's channel and the profile choice live as long as the page; these two
    // closures hold the only strong references to the app.
    let for_messages = Rc::clone(&app);
    ext::on_message(move |message| match for_messages.try_borrow_mut() {
        Ok(mut state) => state.answer(message).encode::<Js>().0,
        // The same type as the answer above, so that one writer serves both.
        Err(_) => {
            Response::<&tba_rules::Role>::Unavailable {
                reason: "busy".to_owned(),
            }
            .encode::<Js>()
            .0
        }
    });
    ext::on_profile_changed(move |profile| {
        // A removed key means the default profile again; an id this version does not know
        // leaves the current one in place.
        let profile = match profile {
            None => ProfileId::default(),
            Some(text) => match ProfileId::parse(&text) {
                Some(profile) => profile,
                None => return,
            },
        };
        if let Ok(mut state) = app.try_borrow_mut() {
            state.profile = profile;
            state.confirm = None;
            state.message = None;
            state.refresh();
        }
    });
}

/// Runs the first run's code (read, evaluate, panel, marks, badges) once on the made-up page of
/// [`rehearsal`], then the reading's hot loops on made-up rows, so that V8 has compiled all of it
/// (and optimized the loops) before the real page is read. Nothing listens afterwards: the made-up
/// page and everything drawn on it are dropped on return.
pub fn rehearse() {
    dom::mark("tba-doctor:rehearsal");
    if let Some(document) = rehearsal::page() {
        let app = App::new(document, ProfileId::default());
        let mut state = app.borrow_mut();
        let read = read::read(&state.document);
        state.take(read);
        state.render();
    }
    rehearsal::warm_loops();
    dom::mark("tba-doctor:rehearsed");
}

fn join_names(ids: &[&str]) -> String {
    let names: Vec<&str> = ids.iter().map(|id| catalog::name_of(id)).collect();
    join(&names, ", ")
}

impl App {
    fn new(document: Document, profile: ProfileId) -> Rc<RefCell<App>> {
        Rc::new_cyclic(|weak| {
            RefCell::new(App {
                document,
                profile,
                read: PageRead::default(),
                verdict: None,
                actions: Actions::ViewMode(None),
                confirm: None,
                message: None,
                panel: None,
                drawn: None,
                watch: None,
                weak: weak.clone(),
            })
        })
    }

    /// Takes a fresh reading: asks the bridge what the page offers (edit mode) and evaluates.
    fn take(&mut self, mut read: PageRead) {
        self.actions = match read.mode {
            Mode::View => Actions::ViewMode(
                read.role
                    .id
                    .filter(|_| !read.host.is_empty())
                    .map(|id| role_edit_url(&read.host, id)),
            ),
            Mode::Edit => {
                let key_field = read
                    .sublist(Subtab::Setup)
                    .and_then(|sublist| sublist.fields.as_ref())
                    .map(|(key, _)| key.clone())
                    .unwrap_or_default();
                match bridge::probe(&self.document, &key_field) {
                    Ok(probe) if probe.missing_functions.is_empty() => {
                        read.role.offered = probe.offered;
                        Actions::Enabled
                    }
                    Ok(probe) => Actions::Disabled(format!(
                        "Pre-fill and Fix all are off: this page lacks NetSuite's functions {}. Add the lines by hand on the Setup subtab.",
                        join(&probe.missing_functions, ", ")
                    )),
                    Err(error) => Actions::Disabled(format!(
                        "Pre-fill and Fix all are off: {}. Reload the page to try again.",
                        error.message()
                    )),
                }
            }
        };
        self.verdict = read
            .is_supported()
            .then(|| evaluate(&read.role, self.profile));
        self.read = read;
    }

    /// Re-reads the page, re-evaluates and redraws.
    fn refresh(&mut self) {
        dom::mark("tba-doctor:refresh");
        let read = read::read(&self.document);
        self.take(read);
        self.render();
        dom::mark("tba-doctor:refreshed");
        if let Some(watch) = &self.watch {
            watch.discard_pending();
        }
    }

    fn render(&mut self) {
        let state = if self.read.is_supported() {
            "ready"
        } else {
            "unsupported"
        };
        if self
            .panel
            .as_ref()
            .is_none_or(|panel| !panel.is_connected())
        {
            self.panel = self.create_panel();
            self.drawn = None;
        }
        let key = PanelKey {
            profile: self.profile,
            verdict: self.verdict.clone(),
            problems: self.read.problems.clone(),
            actions: self.actions.clone(),
            confirm: self.confirm.clone(),
            message: self.message.clone(),
            role_name: self.read.role.name.clone(),
        };
        let unchanged = self.drawn.as_ref() == Some(&key);
        if let Some(panel) = self.panel.as_ref().filter(|_| !unchanged) {
            let model = Model {
                profile: self.profile,
                verdict: self.verdict.as_ref(),
                problems: &self.read.problems,
                actions: self.actions.clone(),
                confirm: self.confirm.as_deref(),
                message: self.message.as_deref(),
                role_name: self.read.role.name.as_deref(),
            };
            match panel.render(&self.document, &model) {
                Ok(()) => self.drawn = Some(key),
                Err(_) => dom::warn("panel not drawn"),
            }
        }
        match &self.verdict {
            Some(verdict) => marks::apply_rows(
                &self.document,
                &self.read,
                &marks::row_marks(&self.read.role, verdict),
            ),
            None => marks::clear_rows(&self.document, &self.read),
        }
        marks::apply_badges(&self.document, self.verdict.as_ref());
        if let Some(root) = self.document.document_element() {
            dom::set_or_remove(&root, STATE_ATTRIBUTE, Some(state));
        }
    }

    fn create_panel(&self) -> Option<Panel> {
        // From the table up (an id look-up and a walk over its ancestors), not a query over the
        // whole page.
        let container = ".uir-machine-table-container[data-machine-name=\"setupmach\"]";
        let anchor = match self.document.get_element_by_id("setupmach_splits") {
            Some(table) => table
                .closest(container)
                .ok()
                .flatten()
                .or_else(|| table.parent_element()),
            None => dom::query(self.document.as_ref(), container),
        };
        let fallback: Element = self
            .document
            .get_element_by_id("main_form")
            .or_else(|| self.document.body().map(Into::into))?;
        let weak = self.weak.clone();
        let panel = Panel::create(
            &self.document,
            anchor.as_ref(),
            &fallback,
            move |action, permkey| {
                let Some(app) = weak.upgrade() else {
                    return;
                };
                if let Ok(mut state) = app.try_borrow_mut() {
                    state.act(action, permkey);
                };
            },
        );
        panel.map_err(|_| dom::warn("panel not created")).ok()
    }

    /// A panel button.
    fn act(&mut self, action: &str, permkey: Option<String>) {
        let read = read::read(&self.document);
        self.take(read);
        match action {
            "prefill" => {
                let permkey = permkey.unwrap_or_default();
                self.message = Some(match self.prefill(&permkey) {
                    Ok(()) => format!(
                        "{} is in the add row: check it and click Add, then Save.",
                        catalog::name_of(&permkey)
                    ),
                    Err(reason) => reason,
                });
            }
            "fix-all" => {
                self.message = None;
                match self.two_factor_ids() {
                    Some(ids) if !ids.is_empty() => self.confirm = Some(ids),
                    _ => self.message = Some(self.fix_all()),
                }
            }
            "confirm-fix-all" => {
                self.confirm = None;
                self.message = Some(self.fix_all());
            }
            "cancel-fix-all" => {
                self.confirm = None;
                self.message = Some("Fix all cancelled: nothing was changed.".to_owned());
            }
            _ => {}
        }
        self.refresh();
        if self.confirm.is_some() {
            self.focus_action("confirm-fix-all");
        }
    }

    fn focus_action(&self, action: &str) {
        let Some(panel) = dom::query(
            self.document.as_ref(),
            &format!("#{}", crate::panel::HOST_ID),
        ) else {
            return;
        };
        let button = panel.shadow_root().and_then(|shadow| {
            shadow
                .query_selector(&format!("[data-tba-doctor-action=\"{action}\"]"))
                .ok()
                .flatten()
        });
        if let Some(button) =
            button.and_then(|button| button.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = button.focus();
        }
    }

    /// The 2FA-making ids the current plan would add, when the role is not already 2FA-required.
    fn two_factor_ids(&self) -> Option<Vec<&'static str>> {
        Some(self.verdict.as_ref()?.fix_confirmation().to_vec())
    }

    fn why_not(&self) -> Option<String> {
        if !self.read.is_supported() {
            return Some("TBA Doctor could not read this page completely".to_owned());
        }
        match &self.actions {
            Actions::Enabled => None,
            Actions::Disabled(reason) => Some(reason.clone()),
            Actions::ViewMode(_) => Some("the role is open in view mode: edit it first".to_owned()),
        }
    }

    fn line_for(
        &self,
        permkey: &'static str,
        kind: LineKind,
        level: tba_rules::Level,
    ) -> Result<Line, String> {
        let subtab = catalog::by_id(permkey).map_or(Subtab::Setup, |permission| permission.subtab);
        let (key_field, level_field) = self
            .read
            .sublist(subtab)
            .and_then(|sublist| sublist.fields.clone())
            .ok_or_else(|| format!("the {} sublist has no editable fields", subtab.label()))?;
        Ok(Line {
            kind,
            subtab,
            key_field,
            level_field,
            permkey: permkey.to_owned(),
            level,
        })
    }

    /// Puts a missing permission into its sublist's add row.
    fn prefill(&mut self, permkey: &str) -> Result<(), String> {
        if let Some(reason) = self.why_not() {
            return Err(format!("Cannot pre-fill: {reason}."));
        }
        let verdict = self
            .verdict
            .as_ref()
            .ok_or("Cannot pre-fill: no verdict.")?;
        let Some(id) = verdict.missing_ids().into_iter().find(|id| *id == permkey) else {
            return Err("Cannot pre-fill: that permission is not missing.".to_owned());
        };
        let level = verdict
            .plan
            .ops
            .iter()
            .find(|op| op.id() == id)
            .map_or(tba_rules::Level::Full, |op| op.level());
        let line = self.line_for(id, LineKind::Add, level)?;
        bridge::prefill(&self.document, &line)
            .map_err(|error| format!("Pre-fill did not work: {}.", error.message()))
    }

    /// Adds and raises every line of the plan, then reports what happened.
    fn fix_all(&mut self) -> String {
        if let Some(reason) = self.why_not() {
            return format!("Cannot fix: {reason}.");
        }
        let Some(verdict) = &self.verdict else {
            return "Cannot fix: no verdict.".to_owned();
        };
        if verdict.plan.is_empty() {
            return "Nothing to fix.".to_owned();
        }
        let mut lines = Vec::new();
        for op in &verdict.plan.ops {
            let kind = match op {
                tba_rules::FixOp::Add { .. } => LineKind::Add,
                tba_rules::FixOp::Raise { .. } => LineKind::Raise,
            };
            match self.line_for(op.id(), kind, op.level()) {
                Ok(line) => lines.push(line),
                Err(reason) => return format!("Cannot fix: {reason}."),
            }
        }
        let ids = verdict.plan.ids();
        match bridge::fix(&self.document, &lines) {
            Ok(results) => {
                let failed: Vec<String> = results
                    .iter()
                    .filter(|result| !result.outcome.is_success())
                    .map(|result| {
                        let alerts = join(&result.alerts, " ");
                        if alerts.is_empty() {
                            catalog::name_of(&result.permkey).to_owned()
                        } else {
                            format!("{} ({alerts})", catalog::name_of(&result.permkey))
                        }
                    })
                    .collect();
                if failed.is_empty() {
                    format!(
                        "Added or raised: {}. Review the lines and click Save.",
                        join_names(&ids)
                    )
                } else {
                    format!("NetSuite did not take: {}.", join(&failed, "; "))
                }
            }
            Err(BridgeError::NoAnswer) => {
                "Fix all did not work: the page bridge did not answer.".to_owned()
            }
            Err(error) => format!("Fix all did not work: {}.", error.message()),
        }
    }

    fn snapshot(&self) -> Snapshot<&tba_rules::Role> {
        let page = match (self.read.is_supported(), self.read.mode, self.read.role.id) {
            (false, _, _) => Page::Unsupported,
            (true, Mode::View, _) => Page::RoleView,
            (true, Mode::Edit, None) => Page::RoleNew,
            (true, Mode::Edit, Some(_)) => Page::RoleEdit,
        };
        let mut problems = self.read.problems.clone();
        if let Actions::Disabled(reason) = &self.actions {
            problems.push(reason.clone());
        }
        Snapshot {
            page,
            profile: self.profile.as_str().to_owned(),
            role: self.read.is_supported().then_some(&self.read.role),
            problems,
            bridge_ok: self.actions == Actions::Enabled,
        }
    }

    /// Answers one popup message; every message re-reads the page first.
    fn answer(&mut self, message: JsValue) -> Response<&tba_rules::Role> {
        let request = Request::decode(&Js(message));
        self.refresh();
        let Ok(request) = request else {
            return Response::Refused {
                reason: "malformed request".to_owned(),
                snapshot: self.snapshot(),
            };
        };
        let refused = match request {
            Request::GetSnapshot => None,
            Request::Prefill { permkey } => {
                let result = self.prefill(&permkey);
                self.message = Some(match &result {
                    Ok(()) => format!(
                        "{} is in the add row: check it and click Add, then Save.",
                        catalog::name_of(&permkey)
                    ),
                    Err(reason) => reason.clone(),
                });
                self.refresh();
                result.err()
            }
            Request::FixAll { confirm_two_factor } => {
                let two_factor = self.two_factor_ids().filter(|ids| !ids.is_empty());
                match two_factor {
                    Some(ids) if !confirm_two_factor => Some(format!(
                        "adding {} makes the role 2FA-required: confirm first",
                        join_names(&ids)
                    )),
                    _ => {
                        let message = self.fix_all();
                        self.confirm = None;
                        self.message = Some(message.clone());
                        self.refresh();
                        (!message.starts_with("Added") && message != "Nothing to fix.")
                            .then_some(message)
                    }
                }
            }
        };
        match refused {
            None => Response::Snapshot {
                snapshot: self.snapshot(),
            },
            Some(reason) => Response::Refused {
                reason,
                snapshot: self.snapshot(),
            },
        }
    }
}
