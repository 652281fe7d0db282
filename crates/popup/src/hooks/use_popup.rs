//! `use_popup`: the popup's one hook. It loads the stored settings, finds the tab, asks its content
//! script for one snapshot, and turns the user's clicks into requests, storage writes and clipboard
//! writes. Every result goes through the reducer as an `Action`; nothing is decided here.
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::Poll;

use tba_rules::profile::ProfileId;
use tba_rules::protocol::{Request, Response};
use tba_rules::settings::{Note, Settings};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::state::{
    Action, CopyOutcome, CopyTarget, PopupState, SLOW_ANSWER_MS, Screen, TabFacts, TabView,
    choose_tab, view_of_tab,
};
use crate::{ext, wire};

/// The state and the popup's callbacks.
pub struct PopupHandle {
    /// The state.
    pub state: UseReducerHandle<PopupState>,
    /// What clicks do.
    pub callbacks: PopupCallbacks,
}

/// What the popup's clicks do (no-ops by default, as in the rendering tests).
#[derive(Clone, Default, PartialEq)]
pub struct PopupCallbacks {
    /// Store and use another profile.
    pub onchoose: Callback<ProfileId>,
    /// Pre-fill one permission id.
    pub onprefill: Callback<String>,
    /// Fix all (asks for confirmation first when the plan makes the role 2FA-required).
    pub onfixall: Callback<()>,
    /// Fix all, 2FA-making permissions confirmed.
    pub onconfirm: Callback<()>,
    /// Cancel the 2FA confirmation.
    pub oncancel: Callback<()>,
    /// Copy a text.
    pub oncopy: Callback<CopyTarget>,
    /// Ask for the NetSuite host permission.
    pub ongrant: Callback<()>,
    /// Include the OAuth 2.0 lines in the copied texts, or not.
    pub oninclude: Callback<bool>,
    /// Make a profile from the role: open the options page with its permissions in the box.
    pub onmakeprofile: Callback<()>,
}

/// Turns a raw answer into an action: valid answers are `ReceiveAnswer`, anything else is refused.
fn answer_action(answer: Result<JsValue, ext::ExtError>) -> Action {
    match answer {
        Err(error) => Action::MissAnswer { reason: error.0 },
        // Firefox resolves with undefined when a listener exists but nobody answered.
        Ok(value) if value.is_undefined() || value.is_null() => Action::MissAnswer {
            reason: "no answer".to_owned(),
        },
        Ok(value) => match Response::decode(&wire::Js(value)) {
            Ok(response) => Action::ReceiveAnswer(Box::new(response)),
            Err(reason) => Action::RejectAnswer {
                reason: format!("the page sent an invalid answer: {reason}"),
            },
        },
    }
}

/// A listener that was there and did not answer (its engine stopped while answering: the browser
/// says the port closed, or Firefox resolves with nothing) is asked once more after a moment, when
/// the engine has had the time to notice it stopped and answers why (`Unavailable`). No receiving
/// end at all (a tab older than the extension) is final.
async fn again_if_dropped(tab_id: i32, action: Action) -> Action {
    let Action::MissAnswer { reason } = &action else {
        return action;
    };
    if tba_rules::protocol::nobody_listens(reason) {
        return action;
    }
    ext::sleep(300).await;
    match answer_action(ext::send_message(tab_id, &Request::GetSnapshot).await) {
        Action::MissAnswer { .. } => action,
        again => again,
    }
}

/// `work`'s result when it comes within `ms`; otherwise `work` itself, still running, to be awaited
/// further.
async fn within<T>(mut work: LocalBoxFuture<T>, ms: i32) -> Result<T, LocalBoxFuture<T>> {
    let mut timer = Box::pin(ext::sleep(ms));
    let finished = std::future::poll_fn(|context| {
        if let Poll::Ready(value) = work.as_mut().poll(context) {
            return Poll::Ready(Some(value));
        }
        timer.as_mut().poll(context).map(|()| None)
    })
    .await;
    finished.ok_or(work)
}

/// The page's answer to one question, as an action: at once when it comes within
/// [`SLOW_ANSWER_MS`]; otherwise `slow` gets [`Action::SeeSlowAnswer`] and the rest of the wait is
/// returned (`Err`), for the caller to await after it drew the slow screen.
async fn answer_or_slow(
    answer: LocalBoxFuture<Action>,
    mut slow: impl FnMut(Action),
) -> Result<Action, LocalBoxFuture<Action>> {
    let pending = within(answer, SLOW_ANSWER_MS).await;
    if pending.is_err() {
        slow(Action::SeeSlowAnswer);
    }
    pending
}

/// The browser look-ups of one load, started together so that they run in parallel.
///
/// The first load takes the promises `popup.js` started before the wasm loaded (`ext::Early`), so
/// that the first extension API round trips overlap the engine's fetch and compile; `start` in
/// `lib.rs` waits for the tab's look-ups before the first render, so that the first screen Yew
/// draws is the verdict.
pub struct Lookups {
    /// The stored settings (and a note when they cannot be read).
    pub stored_settings: LocalBoxFuture<StoredSettings>,
    /// What the popup needs to find its tab and the content script's answer.
    pub tab: TabLookups,
}

/// The look-ups that decide which tab the popup describes and what its content script says.
pub struct TabLookups {
    permission: LocalBoxFuture<Result<bool, ext::ExtError>>,
    current: LocalBoxFuture<Option<TabFacts>>,
    active: LocalBoxFuture<Result<Vec<TabFacts>, ext::ExtError>>,
    all: LocalBoxFuture<Result<Vec<TabFacts>, ext::ExtError>>,
    /// The active tab's answer to `GetSnapshot`, asked for by `popup.js`.
    early_answer: Option<LocalBoxFuture<Result<JsValue, ext::ExtError>>>,
}

type LocalBoxFuture<T> = Pin<Box<dyn Future<Output = T>>>;

/// What `tba_rules::settings::read` gives: the settings, and a note when they could not be read.
type StoredSettings = (Settings, Option<Note>);

impl Lookups {
    /// Calls the browser now, or takes the calls `popup.js` already made.
    pub fn start(early: &ext::Early) -> Lookups {
        Lookups {
            stored_settings: Box::pin(ext::stored_settings(early)),
            tab: TabLookups {
                permission: Box::pin(ext::has_host_permission(early)),
                current: Box::pin(ext::current_tab(early)),
                active: Box::pin(ext::active_tabs(early)),
                all: Box::pin(ext::all_tabs(early)),
                early_answer: ext::early_snapshot(early)
                    .map(|answer| Box::pin(answer) as LocalBoxFuture<_>),
            },
        }
    }
}

impl TabLookups {
    /// Finds the tab and asks its content script for a snapshot, handing each finding to `apply`
    /// as an action, in order.
    ///
    /// The early answer is used only when the tab described is the active tab `popup.js` asked;
    /// otherwise (the popup page open in a tab of its own) the chosen tab is asked now. When the
    /// page has not answered within [`SLOW_ANSWER_MS`] (a dialog may hold it), `apply` gets
    /// [`Action::SeeSlowAnswer`] and the rest of the wait is returned, for the caller to apply
    /// once it has drawn that.
    pub async fn find(self, mut apply: impl FnMut(Action)) -> Option<LocalBoxFuture<Action>> {
        let TabLookups {
            permission,
            current,
            active,
            all,
            early_answer,
        } = self;
        match permission.await {
            Ok(true) => {}
            Ok(false) => {
                apply(Action::LackPermission);
                return None;
            }
            Err(error) => log::warn!("cannot check the host permission: {}", error.0),
        }
        let current = current.await;
        let active = active.await.unwrap_or_default();
        let all = all.await.unwrap_or_default();
        let tab = choose_tab(current.as_ref(), &active, &all);
        let asking = match view_of_tab(tab.clone()) {
            TabView::Asking { tab_id, .. } => Some(tab_id),
            _ => None,
        };
        apply(Action::SeeTab(tab));
        let tab_id = asking?;
        let early_is_for_tab = active.first().and_then(|tab| tab.id) == Some(tab_id);
        let answer = Box::pin(async move {
            let answer = match early_answer {
                Some(answer) if early_is_for_tab => answer.await,
                _ => ext::send_message(tab_id, &Request::GetSnapshot).await,
            };
            again_if_dropped(tab_id, answer_action(answer)).await
        });
        match answer_or_slow(answer, &mut apply).await {
            Ok(action) => {
                apply(action);
                None
            }
            Err(pending) => Some(pending),
        }
    }
}

/// The stored-settings look-up that `start` began, for the first load (the tab was found before
/// the first render), and the rest of the wait for the page's answer when it was slow; empty
/// afterwards and in the rendering tests, where a load asks for everything.
#[derive(Clone, Default)]
pub struct FirstLookups(pub Rc<RefCell<Option<FirstLoad>>>);

/// What the first load has left to do: the settings, and the page's late answer, if any.
pub type FirstLoad = (
    LocalBoxFuture<StoredSettings>,
    Option<LocalBoxFuture<Action>>,
);

impl PartialEq for FirstLookups {
    fn eq(&self, other: &FirstLookups) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Applies the stored settings once storage answers. The popup uses the profile the page reports
/// until then, which the page read from the same storage.
async fn load_settings(
    dispatch: UseReducerDispatcher<PopupState>,
    stored_settings: LocalBoxFuture<StoredSettings>,
) {
    let (settings, note) = stored_settings.await;
    dispatch.dispatch(Action::LoadSettings(settings, note));
}

fn send_change(dispatch: UseReducerDispatcher<PopupState>, tab_id: i32, request: Request) {
    dispatch.dispatch(Action::StartChange);
    spawn_local(async move {
        let answer = Box::pin(async move {
            let answer = ext::send_message(tab_id, &request).await;
            again_if_dropped(tab_id, answer_action(answer)).await
        });
        let action = match answer_or_slow(answer, |slow| dispatch.dispatch(slow)).await {
            Ok(action) => action,
            Err(pending) => pending.await,
        };
        dispatch.dispatch(action);
    });
}

/// Applies the page's late answer (see [`TabLookups::find`]) when it comes.
async fn apply_late(
    dispatch: UseReducerDispatcher<PopupState>,
    pending: Option<LocalBoxFuture<Action>>,
) {
    if let Some(pending) = pending {
        dispatch.dispatch(pending.await);
    }
}

/// The popup's state and callbacks, starting from `initial`; loads once per open (and again after
/// a permission grant). When `first` holds the stored-settings look-up, `start` has already found
/// the tab (it is in `initial`) and only the settings are left to load.
#[hook]
pub fn use_popup(initial: PopupState, first: FirstLookups) -> PopupHandle {
    let state = use_reducer(move || initial);
    let generation = use_state(|| 0u32);
    {
        let dispatch = state.dispatcher();
        use_effect_with(*generation, move |_| {
            let first_load = first.0.borrow_mut().take();
            if let Some((stored_settings, pending)) = first_load {
                spawn_local(load_settings(dispatch.clone(), stored_settings));
                spawn_local(apply_late(dispatch, pending));
            } else {
                let Lookups {
                    stored_settings,
                    tab,
                } = Lookups::start(&ext::Early::none());
                spawn_local(load_settings(dispatch.clone(), stored_settings));
                spawn_local(async move {
                    let found = dispatch.clone();
                    let pending = tab.find(move |action| found.dispatch(action)).await;
                    apply_late(dispatch, pending).await;
                });
            }
        });
    }

    let onchoose = {
        let dispatch = state.dispatcher();
        Callback::from(move |profile_id: ProfileId| {
            dispatch.dispatch(Action::ChooseProfile(profile_id));
            // Only a choice writes: stored settings that could not be read stay until then.
            let settings = Settings {
                profile: profile_id,
            };
            spawn_local(async move {
                if let Err(error) = ext::store_settings(&settings).await {
                    log::warn!("cannot store the settings: {}", error.0);
                }
            });
        })
    };
    let onprefill = {
        let dispatch = state.dispatcher();
        let tab_id = state.answering_tab();
        Callback::from(move |permkey: String| {
            if let Some(tab_id) = tab_id {
                send_change(dispatch.clone(), tab_id, Request::Prefill { permkey });
            }
        })
    };
    // Fix all asks the content script, which runs it or opens the 2FA question; the popup shows
    // that question from the answer and confirms it with the ids asked (`tba_rules::confirm`).
    let onfixall = {
        let dispatch = state.dispatcher();
        let tab_id = state.answering_tab();
        Callback::from(move |()| {
            if let Some(tab_id) = tab_id {
                send_change(dispatch.clone(), tab_id, Request::FixAll { confirm: None });
            }
        })
    };
    let onconfirm = {
        let dispatch = state.dispatcher();
        let tab_id = state.answering_tab();
        let question = state.two_factor_question().map(<[String]>::to_vec);
        Callback::from(move |()| {
            if let (Some(tab_id), Some(ids)) = (tab_id, question.clone()) {
                send_change(
                    dispatch.clone(),
                    tab_id,
                    Request::FixAll { confirm: Some(ids) },
                );
            }
        })
    };
    let oncancel = {
        let dispatch = state.dispatcher();
        let tab_id = state.answering_tab();
        Callback::from(move |()| {
            if let Some(tab_id) = tab_id {
                send_change(dispatch.clone(), tab_id, Request::CancelFixAll);
            }
        })
    };
    let oncopy = {
        let dispatch = state.dispatcher();
        let state = state.clone();
        Callback::from(move |target: CopyTarget| {
            let Some(text) = state.copy_text(target) else {
                return;
            };
            // Called before any await: the clipboard wants the click on the stack.
            let promise = ext::write_clipboard(&text);
            let dispatch = dispatch.clone();
            spawn_local(async move {
                let result = match promise {
                    Ok(promise) => ext::finish(promise).await.map(|_| ()),
                    Err(error) => Err(error),
                };
                let outcome = match result {
                    Ok(()) => CopyOutcome::Copied(target),
                    Err(error) => CopyOutcome::Failed(target, error.0),
                };
                dispatch.dispatch(Action::FinishCopy(outcome));
            });
        })
    };
    let ongrant = {
        let generation = generation.clone();
        Callback::from(move |()| {
            // Called before any await: Firefox grants permissions only from a user gesture.
            let promise = ext::request_host_permission();
            let generation = generation.clone();
            spawn_local(async move {
                let granted = match promise {
                    Ok(promise) => ext::finish(promise).await.ok().and_then(|v| v.as_bool()),
                    Err(error) => {
                        log::warn!("cannot request the host permission: {}", error.0);
                        None
                    }
                };
                if granted == Some(true) {
                    generation.set(*generation + 1);
                }
            });
        })
    };
    let oninclude = {
        let dispatch = state.dispatcher();
        Callback::from(move |include: bool| dispatch.dispatch(Action::IncludeOAuth2(include)))
    };
    let onmakeprofile = {
        let state = state.clone();
        Callback::from(move |()| {
            let Screen::Role(screen) = state.screen() else {
                return;
            };
            let text = tba_rules::export::role(&screen.role);
            let name = screen.role.name.clone().unwrap_or_default();
            spawn_local(async move {
                if let Err(error) = ext::open_draft(&name, &text).await {
                    log::warn!("cannot open the options page: {}", error.0);
                }
            });
        })
    };
    PopupHandle {
        state,
        callbacks: PopupCallbacks {
            onmakeprofile,
            oninclude,
            onchoose,
            onprefill,
            onfixall,
            onconfirm,
            oncancel,
            oncopy,
            ongrant,
        },
    }
}
