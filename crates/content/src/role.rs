//! The role page: reads the role, evaluates it, draws the panel, marks and badges, drives the
//! pre-fill bridge and answers the popup.
//!
//! One `App` per page holds the current reading and verdict. It is shared by the panel's click
//! handler and the table watcher (through `Weak`, so they never keep it alive) and by the popup
//! and storage listeners (which live as long as the page). Every entry point re-reads the page
//! first: the verdict always follows what the page shows, never a cached copy.
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use tba_rules::text::concat;

use tba_rules::assemble::{Mode, PageRead, page_names};
use tba_rules::bridge::{Line, LineKind};
use tba_rules::confirm::{self, Gate};
use tba_rules::evaluate::{Verdict, evaluate};
use tba_rules::outcome::{Blocked, Outcome};
use tba_rules::page::role_edit_url;
use tba_rules::protocol::{Page, Request, Response, Snapshot};
use tba_rules::settings::{Note, Settings};
use tba_rules::{Subtab, catalog};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

use crate::bridge;
use crate::guard;
use crate::panel::{Actions, Model, Panel};
use crate::read;
use crate::watch::Watch;
use crate::wire::Js;
use crate::{dom, ext, marks, rehearsal};

/// Root attribute with the page state (product.md §6).
const STATE_ATTRIBUTE: &str = "data-tba-doctor";

struct App {
    document: Document,
    settings: Settings,
    /// Why the stored settings could not be read, when they could not (shown in the panel).
    note: Option<Note>,
    read: PageRead,
    /// The reading's problems, then its notes, in words, worded once per reading (a page that
    /// can be read has no problems, so its list is its notes).
    problems: Vec<String>,
    verdict: Option<Verdict>,
    actions: Actions,
    confirm: Option<Vec<&'static str>>,
    outcome: Option<Outcome>,
    panel: Option<Panel>,
    /// What the panel shows now; a redraw with the same content is skipped.
    drawn: Option<PanelKey>,
    watch: Option<Watch>,
    weak: Weak<RefCell<App>>,
}

/// Everything the panel's content depends on. The verdict is a function of the role and the
/// settings (`evaluate`), so the role stands for it: comparing it is less code than comparing
/// a whole verdict.
#[derive(Clone, PartialEq)]
struct PanelKey {
    settings: Settings,
    note: Option<Note>,
    role: Option<tba_rules::Role>,
    problems: Vec<String>,
    actions: Actions,
    confirm: Option<Vec<&'static str>>,
    outcome: Option<Outcome>,
    role_name: Option<String>,
}

/// Starts the role-page feature. `stored_settings` is the preload's early question for the stored
/// settings ([`ext::stored_settings`]).
pub fn start(stored_settings: JsValue) {
    dom::mark("tba-doctor:start");
    let Some(document) = dom::document() else {
        return;
    };
    // Read the page first; the stored settings arrive in a later task.
    let first_read = read::read(&document);
    dom::mark("tba-doctor:read");
    // Watch NetSuite's redraws from this reading on, so that one before the panel exists is not lost.
    let watched: Rc<RefCell<Watched>> = Rc::default();
    let watch = watch_tables(&document, Rc::clone(&watched));
    ext::stored_settings(
        stored_settings,
        Box::new(move |stored| {
            guard::run("settings-answer", || {
                let (settings, note) = tba_rules::settings::read(&stored);
                // The answer is usually there already (the preload asked at document_start):
                // evaluate and draw in a task of their own anyway, so that the first run is two
                // tasks, never one long one.
                dom::in_new_task(move || {
                    guard::run("first-run", || {
                        show_first(document, first_read, settings, note, watch, watched);
                    });
                });
            });
        }),
    );
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
                .get_element_by_id(page_names(subtab).table)
                .and_then(|table| table.parent_element())
        })
        .collect();
    Watch::new(&targets, move || {
        guard::run("redraw-handler", || {
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
    })
    .map_err(|_| dom::warn("tables not watched"))
    .ok()
}

/// Evaluates the first reading with the stored settings' profile, draws the panel, and starts
/// listening to the popup, the settings and NetSuite's redraws (re-reading at once if the tables
/// were redrawn since the first reading).
fn show_first(
    document: Document,
    first_read: PageRead,
    settings: Settings,
    note: Option<Note>,
    watch: Option<Watch>,
    watched: Rc<RefCell<Watched>>,
) {
    dom::mark("tba-doctor:profile");
    let app = App::new(document, settings, note);
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
    // The popup's channel and the settings listener live as long as the page; these two
    // closures hold the only strong references to the app.
    let for_messages = Rc::clone(&app);
    // The same type as the answers, so that one writer serves all.
    let unavailable = |reason: &str| {
        Response::<&tba_rules::Role>::Unavailable {
            reason: reason.to_owned(),
        }
        .encode::<Js>()
        .0
    };
    ext::on_message(move |message| {
        guard::entry(
            "popup-message",
            || match for_messages.try_borrow_mut() {
                Ok(mut state) => state.answer(message).encode::<Js>().0,
                // Only a call that never returned can still hold the app in a new task.
                Err(_) => {
                    guard::stop("popup-message", "held");
                    unavailable(&guard::reason().unwrap_or_default())
                }
            },
            unavailable,
        )
    });
    ext::on_settings_changed(move || {
        guard::run("settings-listener", || {
            // Read everything again, as at the start: the settings are read from all that is
            // stored.
            let app = Rc::clone(&app);
            ext::stored_settings(
                JsValue::UNDEFINED,
                Box::new(move |stored| {
                    guard::run("settings-answer", || {
                        let (settings, note) = tba_rules::settings::read(&stored);
                        if let Ok(mut state) = app.try_borrow_mut()
                            && (state.settings != settings || state.note != note)
                        {
                            state.settings = settings;
                            state.note = note;
                            state.confirm = None;
                            state.outcome = None;
                            state.refresh();
                        }
                    });
                }),
            );
        });
    });
}

/// Runs the first run's code (read, evaluate, panel, marks, badges) once on the made-up page of
/// [`rehearsal`], then the reading's hot loops on made-up rows, so that V8 has compiled all of it
/// (and optimized the loops) before the real page is read. Nothing listens afterwards: the made-up
/// page and everything drawn on it are dropped on return.
pub fn rehearse(page: &str) {
    dom::mark("tba-doctor:rehearsal");
    if let Some(document) = rehearsal::page(page) {
        let app = App::new(document, Settings::default(), None);
        let mut state = app.borrow_mut();
        let read = read::read(&state.document);
        state.take(read);
        state.render();
    }
    rehearsal::warm_loops();
    dom::mark("tba-doctor:rehearsed");
}

impl App {
    fn new(document: Document, settings: Settings, note: Option<Note>) -> Rc<RefCell<App>> {
        Rc::new_cyclic(|weak| {
            RefCell::new(App {
                document,
                settings,
                note,
                read: PageRead::default(),
                problems: Vec::new(),
                verdict: None,
                actions: Actions::ViewMode(None),
                confirm: None,
                outcome: None,
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
                    Ok(probe) => Actions::Disabled(Blocked::MissingFunctions(
                        probe
                            .missing_functions
                            .iter()
                            .map(|name| (*name).to_owned())
                            .collect(),
                    )),
                    Err(error) => Actions::Disabled(Blocked::Bridge(error)),
                }
            }
        };
        self.verdict = read
            .is_supported()
            .then(|| evaluate(&read.role, self.settings.chosen()));
        self.problems = read
            .problems
            .iter()
            .map(|problem| problem.message())
            .chain(read.notes.iter().map(|note| note.message()))
            .map(|message| ext::text(&message))
            .collect();
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
            settings: self.settings.clone(),
            note: self.note.clone(),
            role: self.verdict.as_ref().map(|_| self.read.role.clone()),
            problems: self.problems.clone(),
            actions: self.actions.clone(),
            confirm: self.confirm.clone(),
            outcome: self.outcome.clone(),
            role_name: self.read.role.name.clone(),
        };
        let unchanged = self.drawn.as_ref() == Some(&key);
        if let Some(panel) = self.panel.as_ref().filter(|_| !unchanged) {
            let model = Model {
                profile: self.settings.chosen(),
                note: self.note.as_ref(),
                verdict: self.verdict.as_ref(),
                problems: &self.problems,
                actions: self.actions.clone(),
                confirm: self.confirm.as_deref(),
                outcome: self.outcome.as_ref(),
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
                &tba_rules::marks::row_marks(&self.read.role, verdict),
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
            // Called inside the click's entry point (`Panel::create`).
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
                self.outcome = Some(self.prefill(&permkey.unwrap_or_default()));
            }
            "fix-all" => {
                self.outcome = None;
                self.gated_fix_all(None);
            }
            "confirm-fix-all" => {
                // The answer to the question the panel shows, if it shows one: a button the page
                // put there, or a question about another plan, asks again (`confirm::gate`).
                self.outcome = None;
                let asked: Option<Vec<String>> = self
                    .confirm
                    .as_ref()
                    .map(|ids| ids.iter().map(|id| (*id).to_owned()).collect());
                self.gated_fix_all(asked.as_deref());
            }
            "cancel-fix-all" => {
                self.confirm = None;
                self.outcome = Some(Outcome::Cancelled);
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
            &concat(&["#", crate::panel::HOST_ID]),
        ) else {
            return;
        };
        let button = panel.shadow_root().and_then(|shadow| {
            shadow
                .query_selector(&concat(&["[data-tba-doctor-action=\"", action, "\"]"]))
                .ok()
                .flatten()
        });
        if let Some(button) =
            button.and_then(|button| button.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = button.focus();
        }
    }

    /// Fix all through the 2FA rule: runs it, or opens the question (`given`: the ids a
    /// confirmation answers). Returns the outcome, or `ConfirmFirst` when it asked.
    fn gated_fix_all(&mut self, given: Option<&[String]>) -> Outcome {
        let needed = self
            .verdict
            .as_ref()
            .map(|verdict| verdict.fix_confirmation().to_vec())
            .unwrap_or_default();
        let given: Option<Vec<&str>> = given.map(|ids| ids.iter().map(String::as_str).collect());
        match confirm::gate(&needed, self.confirm.as_deref(), given.as_deref()) {
            Gate::Run => {
                self.confirm = None;
                let outcome = self.fix_all();
                self.outcome = Some(outcome.clone());
                outcome
            }
            Gate::Ask(ids) => {
                let outcome = Outcome::ConfirmFirst {
                    ids: ids.iter().map(|id| (*id).to_owned()).collect(),
                };
                self.confirm = Some(ids);
                outcome
            }
        }
    }

    fn why_not(&self) -> Option<Blocked> {
        if !self.read.is_supported() {
            return Some(Blocked::Unreadable);
        }
        match &self.actions {
            Actions::Enabled => None,
            Actions::Disabled(blocked) => Some(blocked.clone()),
            Actions::ViewMode(_) => Some(Blocked::ViewMode),
        }
    }

    fn line_for(
        &self,
        permkey: &'static str,
        kind: LineKind,
        level: tba_rules::Level,
    ) -> Result<Line, Blocked> {
        let subtab = catalog::by_id(permkey).map_or(Subtab::Setup, |permission| permission.subtab);
        let (key_field, level_field) = self
            .read
            .sublist(subtab)
            .and_then(|sublist| sublist.fields.clone())
            .ok_or(Blocked::NoEditableFields(subtab))?;
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
    fn prefill(&mut self, permkey: &str) -> Outcome {
        if let Some(blocked) = self.why_not() {
            return Outcome::CannotPrefill(blocked);
        }
        let Some(verdict) = self.verdict.as_ref() else {
            return Outcome::CannotPrefill(Blocked::NoVerdict);
        };
        // A missing line of the verdict, or of "Also ready for OAuth 2.0".
        let oauth2 = verdict
            .transition
            .as_ref()
            .map(tba_rules::evaluate::Transition::missing_ids)
            .unwrap_or_default();
        let Some(id) = verdict
            .missing_ids()
            .into_iter()
            .chain(oauth2)
            .find(|id| *id == permkey)
        else {
            return Outcome::CannotPrefill(Blocked::NotMissing);
        };
        let level = verdict
            .plan
            .ops
            .iter()
            .find(|op| op.id() == id)
            .map_or(tba_rules::Level::Full, |op| op.level());
        let line = match self.line_for(id, LineKind::Add, level) {
            Ok(line) => line,
            Err(blocked) => return Outcome::CannotPrefill(blocked),
        };
        let hint = bridge::prefill(&self.document, &line);
        // What the add row holds now says whether it worked; the bridge's answer only says why not.
        let add_row = read::current_key(&self.document, line.subtab, &line.key_field);
        confirm::after_prefill(id, add_row.as_deref(), hint.as_ref().map(|_| ()))
    }

    /// Adds and raises every line of the plan, then reports what happened.
    fn fix_all(&mut self) -> Outcome {
        if let Some(blocked) = self.why_not() {
            return Outcome::CannotFix(blocked);
        }
        let Some(verdict) = &self.verdict else {
            return Outcome::CannotFix(Blocked::NoVerdict);
        };
        if verdict.plan.is_empty() {
            return Outcome::NothingToFix;
        }
        let plan = verdict.plan.clone();
        let subtabs: Vec<Subtab> = plan.ops.iter().map(tba_rules::FixOp::subtab).collect();
        let open: Vec<_> = read::current_lines(&self.document, &self.read)
            .into_iter()
            .filter(|line| subtabs.contains(&line.subtab))
            .collect();
        if let Some(line) = confirm::unsaved_line(&open, &self.read.role) {
            return Outcome::CannotFix(Blocked::OpenLine(line.subtab));
        }
        let mut lines = Vec::new();
        for op in &plan.ops {
            let kind = match op {
                tba_rules::FixOp::Add { .. } => LineKind::Add,
                tba_rules::FixOp::Raise { .. } => LineKind::Raise,
            };
            match self.line_for(op.id(), kind, op.level()) {
                Ok(line) => lines.push(line),
                Err(blocked) => return Outcome::CannotFix(blocked),
            }
        }
        let hint = bridge::fix(&self.document, &lines);
        // The page, read again, says what was done; the bridge's answer only explains the rest.
        let after = read::read(&self.document);
        confirm::after_fix(
            &plan,
            after.is_supported().then_some(&after.role),
            hint.as_deref(),
        )
    }

    fn snapshot(&self) -> Snapshot<&tba_rules::Role> {
        let page = match (self.read.is_supported(), self.read.mode, self.read.role.id) {
            (false, _, _) => Page::Unsupported,
            (true, Mode::View, _) => Page::RoleView,
            (true, Mode::Edit, None) => Page::RoleNew,
            (true, Mode::Edit, Some(_)) => Page::RoleEdit,
        };
        let mut problems = self.problems.clone();
        if let Actions::Disabled(blocked) = &self.actions {
            problems.push(ext::text(&blocked.sentence()));
        }
        Snapshot {
            page,
            profile: self.settings.chosen().id.as_str().to_owned(),
            role: self.read.is_supported().then_some(&self.read.role),
            problems,
            bridge_ok: self.actions == Actions::Enabled,
            confirm: self
                .confirm
                .as_ref()
                .map(|ids| ids.iter().map(|id| (*id).to_owned()).collect()),
            // The role holds valid ids only (`Role::add_sublist`); `notes` says what was left out.
            odd_ids: 0,
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
                let outcome = self.prefill(&permkey);
                self.outcome = Some(outcome.clone());
                self.refresh();
                Some(outcome)
            }
            Request::FixAll { confirm } => {
                let outcome = self.gated_fix_all(confirm.as_deref());
                self.refresh();
                Some(outcome)
            }
            Request::CancelFixAll => {
                if self.confirm.take().is_some() {
                    self.outcome = Some(Outcome::Cancelled);
                }
                self.refresh();
                None
            }
        };
        // A question is no refusal: the snapshot carries it (`Snapshot::confirm`).
        let refused = refused
            .filter(|outcome| {
                !outcome.succeeded() && !matches!(outcome, Outcome::ConfirmFirst { .. })
            })
            .map(|outcome| ext::text(&outcome.message()));
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
