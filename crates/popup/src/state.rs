//! The popup's state and its reducer: what the popup knows about the tab it looks at, and the
//! screen derived from that, the stored settings and the content script's answer.
//!
//! Pure: no browser calls here (those live in `hooks/` and `ext.rs`), so every screen's derivation
//! is tested natively. Everything that arrives from the page is checked before it gets here (an
//! answer is a `Response` only once `tba_rules::protocol` has read it, its role a valid `Role`),
//! and the verdict is recomputed with the same `tba_rules::evaluate` the page panel uses.
use std::rc::Rc;

use tba_rules::evaluate::{RequirementState, Verdict, evaluate};
use tba_rules::message::{Arg, Id, Message, Text};
use tba_rules::page::{self, PageKind};
use tba_rules::profile::{Profile, ProfileId};
use tba_rules::protocol::{Page, Response, Snapshot};
use tba_rules::role::Role;
use tba_rules::settings::{Note, Settings};
use tba_rules::text;
use yew::Reducible;

/// How long the popup waits for the page's answer before it says the page is not answering (a
/// NetSuite `confirm()` or `beforeunload` dialog blocks the page, and with it the content script).
pub const SLOW_ANSWER_MS: i32 = 1500;

/// The facts about one browser tab that the popup may see (without the `tabs` permission the URL
/// is only visible for NetSuite hosts).
#[derive(Clone, Debug, PartialEq)]
pub struct TabFacts {
    /// The tab id.
    pub id: Option<i32>,
    /// The URL, when the extension may see it.
    pub url: Option<String>,
    /// `lastAccessed`, in ms since the epoch (0 when unknown).
    pub last_accessed: f64,
}

/// Which tab the popup describes.
///
/// In the toolbar popup, `current` is `None` and the active tab of the window is the one.
/// When the popup page is open in a tab of its own (`current` is that tab, e.g. after a user
/// opened popup.html directly, or in the end-to-end tests), the active tab is the popup itself,
/// so the most recently used other tab is the one the user means.
pub fn choose_tab(
    current: Option<&TabFacts>,
    active: &[TabFacts],
    all: &[TabFacts],
) -> Option<TabFacts> {
    match current {
        None => active.first().cloned(),
        Some(own) => all
            .iter()
            .filter(|tab| tab.id.is_some() && tab.id != own.id)
            .max_by(|left, right| left.last_accessed.total_cmp(&right.last_accessed))
            .cloned(),
    }
}

/// What the popup has learnt about the tab, step by step.
#[derive(Clone, Debug, PartialEq)]
pub enum TabView {
    /// Still asking the browser.
    Loading,
    /// The NetSuite host permission is not granted: the popup cannot see the tab.
    NoPermission,
    /// Not a NetSuite page (or the browser does not show its URL).
    NotNetSuite,
    /// A NetSuite page; the content script was asked and has not answered yet.
    Asking {
        /// The tab id.
        tab_id: i32,
        /// What the URL says the page is.
        kind: PageKind,
        /// The host, lower case.
        host: String,
    },
    /// A NetSuite page whose content script did not answer (`tabs.sendMessage` rejected).
    NoAnswer {
        /// What the URL says the page is.
        kind: PageKind,
        /// The host.
        host: String,
    },
    /// The content script answered something invalid.
    BadAnswer {
        /// What was wrong.
        reason: String,
    },
    /// The content script answered.
    Answered {
        /// The tab id.
        tab_id: i32,
        /// What the URL says the page is.
        kind: PageKind,
        /// The host.
        host: String,
        /// The answer, not yet validated (shared: states are cloned on every render).
        response: Rc<Response>,
    },
}

/// Which text a copy button copies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CopyTarget {
    /// `text::admin_request` (or `text::auth_error_request` on the authorization-error page).
    Request,
    /// `text::sdf_snippet`.
    Sdf,
}

impl CopyTarget {
    /// The `data-tba-doctor-action` of its button.
    pub fn action(self) -> &'static str {
        match self {
            CopyTarget::Request => "copy-request",
            CopyTarget::Sdf => "copy-sdf",
        }
    }
}

/// How the last copy went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CopyOutcome {
    /// The text is on the clipboard.
    Copied(CopyTarget),
    /// The browser refused; the text is shown for the user to copy by hand.
    Failed(CopyTarget, String),
}

/// The whole popup state.
#[derive(Clone, Debug, PartialEq)]
pub struct PopupState {
    /// The settings: the chosen profile.
    pub settings: Settings,
    /// Whether `settings` came from storage or the user; until then no answer is shown.
    pub profile_loaded: bool,
    /// Why the stored settings could not be read, when they could not (until the user chooses).
    pub settings_note: Option<Note>,
    /// The tab.
    pub tab: TabView,
    /// A Pre-fill or Fix all is on its way to the page.
    pub busy: bool,
    /// A message from the last change (a refusal, or a failure to reach the page).
    pub notice: Option<String>,
    /// The last copy.
    pub copy: Option<CopyOutcome>,
    /// The page has not answered the question the popup is waiting on within [`SLOW_ANSWER_MS`].
    pub slow: bool,
    /// The admin asked for the OAuth 2.0 lines in the request and the SDF snippet.
    pub include_oauth2: bool,
    /// What the popup shows, derived from `profile` and `tab` whenever one of them changes (the
    /// verdict is evaluated once per answer, not once per render); see `screen`.
    screen: Rc<Screen>,
}

impl Default for PopupState {
    fn default() -> PopupState {
        PopupState {
            settings: Settings::default(),
            profile_loaded: false,
            settings_note: None,
            tab: TabView::Loading,
            busy: false,
            notice: None,
            copy: None,
            slow: false,
            include_oauth2: false,
            screen: Rc::new(Screen::Loading),
        }
    }
}

/// What happened; the reducer's verbs.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Use this profile, picked by the user (and stored as the settings).
    ChooseProfile(ProfileId),
    /// Use these settings, read from storage, with a note when what is stored could not be read
    /// (then they are the defaults).
    LoadSettings(Settings, Option<Note>),
    /// The host permission is missing.
    LackPermission,
    /// The popup describes this tab (or none).
    SeeTab(Option<TabFacts>),
    /// The content script answered.
    ReceiveAnswer(Box<Response>),
    /// The content script answered something that is not a valid `Response`.
    RejectAnswer {
        /// What was wrong.
        reason: String,
    },
    /// The content script could not be reached.
    MissAnswer {
        /// The browser's error.
        reason: String,
    },
    /// A Pre-fill or Fix all was sent.
    StartChange,
    /// The page has not answered within [`SLOW_ANSWER_MS`]: a dialog or a long script may hold
    /// it. Its answer is still awaited, and shown when it comes.
    SeeSlowAnswer,
    /// A copy finished.
    FinishCopy(CopyOutcome),
    /// The admin ticked or cleared "Include the OAuth 2.0 lines".
    IncludeOAuth2(bool),
}

impl Reducible for PopupState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = (*self).clone();
        match action {
            // A pick of the user's beats a late answer from storage (which then holds the pick).
            Action::LoadSettings(..) if state.profile_loaded => {}
            Action::ChooseProfile(profile_id) => {
                state.settings = Settings {
                    profile: profile_id,
                };
                state.settings_note = None;
                state.profile_loaded = true;
                state.copy = None;
            }
            Action::LoadSettings(settings, note) => {
                state.settings = settings;
                state.settings_note = note;
                state.profile_loaded = true;
                state.copy = None;
            }
            Action::LackPermission => state.tab = TabView::NoPermission,
            Action::SeeTab(tab) => state.tab = view_of_tab(tab),
            Action::ReceiveAnswer(response) => {
                state.busy = false;
                state.slow = false;
                state.copy = None;
                state.notice = match &*response {
                    Response::Refused { reason, .. } => Some(reason.clone()),
                    _ => None,
                };
                if let TabView::Asking { tab_id, kind, host }
                | TabView::Answered {
                    tab_id, kind, host, ..
                } = state.tab
                {
                    state.tab = TabView::Answered {
                        tab_id,
                        kind,
                        host,
                        response: Rc::from(response),
                    };
                }
            }
            Action::RejectAnswer { reason } => {
                state.busy = false;
                state.slow = false;
                state.tab = TabView::BadAnswer { reason };
            }
            Action::MissAnswer { reason } => {
                state.busy = false;
                state.slow = false;
                match state.tab {
                    TabView::Asking { kind, host, .. } => {
                        state.tab = TabView::NoAnswer { kind, host };
                    }
                    // A change could not reach a page that answered before (it navigated away).
                    TabView::Answered { .. } => {
                        state.notice = Some(crate::ext::text(
                            &Message::plain(Id::PopupNoAnswerNotice).text(&reason),
                        ));
                    }
                    _ => {}
                }
            }
            Action::StartChange => {
                state.busy = true;
                state.notice = None;
            }
            // A first question still open shows the slow screen; a change, a notice beside the
            // verdict. An answer that came meanwhile makes it moot.
            Action::SeeSlowAnswer => match state.tab {
                TabView::Asking { .. } => state.slow = true,
                TabView::Answered { .. } if state.busy => {
                    state.slow = true;
                    state.notice = Some(crate::ext::text(&Message::plain(Id::PopupSlowNotice)));
                }
                _ => {}
            },
            Action::FinishCopy(outcome) => state.copy = Some(outcome),
            Action::IncludeOAuth2(include) => {
                state.include_oauth2 = include;
                state.copy = None;
            }
        }
        if state.settings != self.settings
            || state.tab != self.tab
            || state.profile_loaded != self.profile_loaded
            || state.slow != self.slow
        {
            state.screen = Rc::new(state.derive_screen());
        }
        Rc::new(state)
    }
}

/// What a tab is, from its URL alone.
pub fn view_of_tab(tab: Option<TabFacts>) -> TabView {
    let Some(TabFacts {
        id: Some(tab_id),
        url: Some(url),
        ..
    }) = tab
    else {
        return TabView::NotNetSuite;
    };
    match page::classify_url(&url) {
        (PageKind::NotNetSuite, _) | (_, None) => TabView::NotNetSuite,
        (kind, Some(host)) => TabView::Asking { tab_id, kind, host },
    }
}

/// How a role page is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleMode {
    /// Edit mode: the popup offers Pre-fill and Fix all.
    Edit,
    /// View mode: the popup links to the edit page.
    View,
    /// A new role, not saved yet (editable).
    New,
}

/// Why the content script cannot help on a page it should run on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unavailable {
    /// No content script answered: the tab was open before the extension was installed or updated.
    NoReceiver,
    /// The content script's engine failed: it did not load (Chrome checks WebAssembly against the
    /// page CSP), or it threw or trapped while starting or later.
    EngineFailed {
        /// The loader's reason.
        reason: String,
    },
    /// The answer was not valid.
    Invalid {
        /// What was wrong.
        reason: String,
    },
}

impl Unavailable {
    /// Whether the reason looks like the page's security policy blocking WebAssembly.
    ///
    /// https://crbug.com/1385796 (Chrome checks extensions' WebAssembly against the page CSP)
    ///   Chrome's error can be as short as "WebAssembly.instantiateStreaming(): ", so a failure in
    ///   starting WebAssembly counts, as do the words of the CSP message; failing to fetch or
    ///   import the engine does not.
    pub fn blocked_by_policy(&self) -> bool {
        match self {
            Unavailable::EngineFailed { reason } => {
                let reason = reason.to_ascii_lowercase();
                reason.contains("content security policy")
                    || reason.contains("wasm-unsafe-eval")
                    || reason.contains("webassembly")
                    || reason.contains("csp")
            }
            _ => false,
        }
    }
}

/// A role page's screen.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleScreen {
    /// Edit, view or new.
    pub mode: RoleMode,
    /// The role as read from the page (validated).
    pub role: Role,
    /// The verdict for the chosen profile.
    pub verdict: Verdict,
    /// The edit page of this role (view mode with a known id).
    pub edit_url: Option<String>,
    /// The account's Manage Roles list.
    pub roles_url: String,
    /// Problems the content script met while reading the page.
    pub problems: Vec<String>,
    /// Whether the page's pre-fill bridge answered.
    pub bridge_ok: bool,
}

impl RoleScreen {
    /// Whether Pre-fill and Fix all can act on this page.
    pub fn editable(&self) -> bool {
        matches!(self.mode, RoleMode::Edit | RoleMode::New)
    }

    /// The request for the administrator; with the OAuth 2.0 lines when `oauth2`.
    pub fn admin_request(&self, oauth2: bool) -> String {
        crate::ext::with_lookup(|lookup| {
            text::admin_request(&self.role, &self.verdict, oauth2, lookup)
        })
    }

    /// The SDF role XML snippet of the plan; with the OAuth 2.0 lines when `oauth2`.
    pub fn sdf_snippet(&self, oauth2: bool) -> String {
        if oauth2 {
            text::sdf_snippet(&self.verdict.plan_with_oauth2())
        } else {
            text::sdf_snippet(&self.verdict.plan)
        }
    }
}

/// The authorization-error page's screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuthScreen {
    /// The account id, from the page or the host.
    pub account: Option<String>,
    /// The role name, when the page shows it.
    pub role_name: Option<String>,
    /// The account's Manage Roles list.
    pub roles_url: String,
}

impl AuthScreen {
    /// The request for the administrator.
    pub fn request(&self) -> String {
        crate::ext::with_lookup(|lookup| {
            text::auth_error_request(self.account.as_deref(), self.role_name.as_deref(), lookup)
        })
    }
}

/// What the popup shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Screen {
    /// Still asking.
    Loading,
    /// Still asking, and the page has not answered within [`SLOW_ANSWER_MS`].
    Slow,
    /// The host permission is missing.
    NoPermission,
    /// Not NetSuite: the fix in five steps.
    NotNetSuite,
    /// Another NetSuite page: a link to Manage Roles.
    OtherNetSuite {
        /// The account's Manage Roles list.
        roles_url: String,
    },
    /// The content script cannot help.
    Unavailable(Unavailable),
    /// A role page.
    Role(Rc<RoleScreen>),
    /// A role page the content script could not read.
    Unsupported {
        /// What could not be read.
        problems: Vec<String>,
    },
    /// The authorization-flow error.
    AuthError(AuthScreen),
}

impl Screen {
    /// The `data-screen` value of `<main>`.
    pub fn name(&self) -> &'static str {
        match self {
            Screen::Loading => "loading",
            Screen::Slow => "page-slow",
            Screen::NoPermission => "no-permission",
            Screen::NotNetSuite => "not-netsuite",
            Screen::OtherNetSuite { .. } => "other-netsuite",
            Screen::Unavailable(_) => "unavailable",
            Screen::Role(role) => match role.mode {
                RoleMode::Edit => "role-edit",
                RoleMode::View => "role-view",
                RoleMode::New => "role-new",
            },
            Screen::Unsupported { .. } => "unsupported",
            Screen::AuthError(_) => "auth-error",
        }
    }
}

impl PopupState {
    /// The screen for the current facts.
    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    fn derive_screen(&self) -> Screen {
        match &self.tab {
            TabView::Asking { .. } if self.slow => Screen::Slow,
            TabView::Loading | TabView::Asking { .. } => Screen::Loading,
            TabView::NoPermission => Screen::NoPermission,
            TabView::NotNetSuite => Screen::NotNetSuite,
            // Only role pages and pages showing the authorization error run the content script, so
            // silence elsewhere is normal; on a role page it means the tab predates the extension.
            TabView::NoAnswer {
                kind: PageKind::Role { .. },
                ..
            } => Screen::Unavailable(Unavailable::NoReceiver),
            TabView::BadAnswer { reason } => Screen::Unavailable(Unavailable::Invalid {
                reason: reason.clone(),
            }),
            TabView::NoAnswer { host, .. } => Screen::OtherNetSuite {
                roles_url: page::manage_roles_url(host),
            },
            // Until storage answers, the profile (and a note that it could not be read) is not
            // known: a verdict shown now could change profile or gain the note a moment later.
            TabView::Answered { .. } if !self.profile_loaded => Screen::Loading,
            TabView::Answered { host, response, .. } => {
                screen_of_answer(host, response, self.settings.chosen())
            }
        }
    }

    /// The text a copy button copies on the current screen, if it has one.
    pub fn copy_text(&self, target: CopyTarget) -> Option<String> {
        match (self.screen(), target) {
            (Screen::Role(role), CopyTarget::Request) => {
                Some(role.admin_request(self.include_oauth2))
            }
            (Screen::Role(role), CopyTarget::Sdf) => Some(role.sdf_snippet(self.include_oauth2)),
            (Screen::AuthError(auth), CopyTarget::Request) => Some(auth.request()),
            _ => None,
        }
    }

    /// The 2FA question the content script asked before Fix all and that is still open (the ids
    /// that would make the role 2FA-required), from its last answer: the popup shows it, and a
    /// confirmation answers it with these ids (`tba_rules::confirm::gate`).
    pub fn two_factor_question(&self) -> Option<&[String]> {
        match &self.tab {
            TabView::Answered { response, .. } => match &**response {
                Response::Snapshot { snapshot } | Response::Refused { snapshot, .. } => {
                    snapshot.confirm.as_deref()
                }
                Response::Unavailable { .. } => None,
            },
            _ => None,
        }
    }

    /// The tab the content script lives in, once it has answered.
    pub fn answering_tab(&self) -> Option<i32> {
        match self.tab {
            TabView::Answered { tab_id, .. } => Some(tab_id),
            _ => None,
        }
    }
}

fn screen_of_answer(host: &str, response: &Response, profile: &Profile) -> Screen {
    let snapshot = match response {
        Response::Snapshot { snapshot } | Response::Refused { snapshot, .. } => snapshot,
        Response::Unavailable { reason } => {
            return Screen::Unavailable(Unavailable::EngineFailed {
                reason: reason.clone(),
            });
        }
    };
    screen_of_snapshot(host, snapshot, profile)
}

fn screen_of_snapshot(host: &str, snapshot: &Snapshot, profile: &Profile) -> Screen {
    let roles_url = page::manage_roles_url(host);
    let mode = match snapshot.page {
        Page::RoleEdit => RoleMode::Edit,
        Page::RoleView => RoleMode::View,
        Page::RoleNew => RoleMode::New,
        Page::Unsupported => {
            return Screen::Unsupported {
                problems: snapshot.problems.clone(),
            };
        }
        Page::AuthError => {
            let role = snapshot.role.clone().unwrap_or_default();
            return Screen::AuthError(AuthScreen {
                account: role.account.or_else(|| page::account_from_host(host)),
                role_name: role.name,
                roles_url,
            });
        }
    };
    let Some(role) = snapshot.role.clone() else {
        let mut problems = snapshot.problems.clone();
        problems.push(crate::ext::text(&Message::plain(Id::PopupNoRole)));
        return Screen::Unsupported { problems };
    };
    let verdict = evaluate(&role, profile);
    let edit_url = match (mode, role.id) {
        (RoleMode::View, Some(id)) => Some(page::role_edit_url(host, id)),
        _ => None,
    };
    Screen::Role(Rc::new(RoleScreen {
        mode,
        role,
        verdict,
        edit_url,
        roles_url,
        problems: answer_problems(snapshot),
        bridge_ok: snapshot.bridge_ok,
    }))
}

/// The problems and notes the content script sent, and, when the answer held ids that are no
/// permission ids (left out of the role, the rest kept), a line that says so.
fn answer_problems(snapshot: &Snapshot) -> Vec<String> {
    let mut problems = snapshot.problems.clone();
    if snapshot.odd_ids > 0 {
        problems.push(crate::ext::text(&Message::with(
            Id::PopupOddIds,
            vec![Arg::Count(snapshot.odd_ids)],
        )));
    }
    problems
}

/// How one requirement is shown: a label and a state word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequirementLine {
    /// The permission shown (the one that satisfies it, or the one to add).
    pub id: &'static str,
    /// Its UI name.
    pub name: &'static str,
    /// `"ok"`, `"too-low"`, `"missing"` or `"not-offered"` (the `data-state` attribute).
    pub state: &'static str,
    /// The state in words.
    pub detail: String,
    /// Why the profile needs it.
    pub why: Text,
    /// Whether Pre-fill can put it in the add row.
    pub can_prefill: bool,
}

/// The requirement list of a verdict, in profile order.
pub fn requirement_lines(verdict: &Verdict) -> Vec<RequirementLine> {
    check_lines(&verdict.checks)
}

/// The lines of "Also ready for OAuth 2.0" (empty when there is no such list).
pub fn oauth2_lines(verdict: &Verdict) -> Vec<RequirementLine> {
    match verdict
        .transition
        .as_ref()
        .map(|transition| &transition.also)
    {
        Some(tba_rules::evaluate::Also::Checks(checks)) => check_lines(checks),
        _ => Vec::new(),
    }
}

fn check_lines(checks: &[tba_rules::evaluate::RequirementCheck]) -> Vec<RequirementLine> {
    checks
        .iter()
        .map(|check| {
            let why = check.requirement.why.clone();
            let level = check.requirement.level;
            let (id, state, detail) = match check.state {
                RequirementState::Satisfied { by } => {
                    (by, "ok", Message::plain(Id::PopupStatePresent).level(level))
                }
                RequirementState::TooLow { id, have, need } => (
                    id,
                    "too-low",
                    Message::plain(Id::PopupStateTooLow).level(have).level(need),
                ),
                RequirementState::Missing { id } => {
                    (id, "missing", Message::plain(Id::PopupStateMissing))
                }
                RequirementState::NotOffered { id } => {
                    (id, "not-offered", Message::plain(Id::PopupStateNotOffered))
                }
            };
            let detail = crate::ext::text(&detail);
            let can_prefill = check.state.prefill_id().is_some();
            RequirementLine {
                id,
                name: permission_name(id),
                state,
                detail,
                why,
                can_prefill,
            }
        })
        .collect()
}

/// The UI name of a permission id (the id itself when the catalog does not know it).
pub fn permission_name(id: &'static str) -> &'static str {
    tba_rules::catalog::name_of(id)
}

/// The overall status in words, for the verdict heading.
pub fn status_heading(verdict: &Verdict) -> String {
    crate::ext::text(&Message::plain(match verdict.status {
        tba_rules::Status::Ok => Id::PopupStatusOk,
        tba_rules::Status::NeedsFix => Id::PopupStatusNeedsFix,
        tba_rules::Status::FeatureOff => Id::PopupStatusFeatureOff,
    }))
}

/// The permissions a profile needs, for the guide off NetSuite: the UI name and subtab of the
/// first of each requirement's alternatives (the one a fix adds).
pub fn guide_permissions(profile: &Profile) -> Vec<(&'static str, tba_rules::Subtab)> {
    profile
        .requirements
        .iter()
        .filter_map(|requirement| requirement.any_of.first())
        .map(|id| {
            let subtab = tba_rules::catalog::by_id(id)
                .map_or(tba_rules::Subtab::Setup, |permission| permission.subtab);
            (permission_name(id), subtab)
        })
        .collect()
}

#[cfg(test)]
mod tests;
