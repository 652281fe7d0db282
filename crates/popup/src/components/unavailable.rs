//! The screen when the content script cannot help on a page it should run on.
use tba_rules::message::{Arg, Id};
use tba_rules::text::MANAGE_ROLES_PATH;
use yew::prelude::*;

use crate::components::words::{say, say_marked, say_with};
use crate::state::Unavailable;

/// Props of [`UnavailableNote`].
#[derive(Properties, PartialEq)]
pub struct UnavailableNoteProps {
    /// Why.
    pub cause: Unavailable,
}

/// "Reload the tab", in bold, for the messages that place it.
fn reload_tab() -> Html {
    html! { <b>{ say(Id::PopupUnavailableReloadTab) }</b> }
}

/// Says why TBA Doctor cannot read this page, and what to do.
#[component]
pub fn UnavailableNote(props: &UnavailableNoteProps) -> Html {
    let cause = &props.cause;
    let path = || Arg::Text(MANAGE_ROLES_PATH.to_owned());
    let body = if cause.blocked_by_policy() {
        html! {
            <>
                <h2>{ say(Id::PopupUnavailablePolicyTitle) }</h2>
                <p>{ say(Id::PopupUnavailablePolicyWhy) }</p>
                <p>{ say_with(Id::PopupUnavailablePolicyTodo, vec![path()]) }</p>
            </>
        }
    } else {
        match cause {
            Unavailable::NoReceiver => html! {
                <>
                    <h2>{ say(Id::PopupUnavailableNotRunningTitle) }</h2>
                    <p>{ say(Id::PopupUnavailableNotRunningWhy) }</p>
                    <p>{ say_marked(Id::PopupUnavailableReload, Vec::new(), vec![reload_tab()]) }</p>
                </>
            },
            Unavailable::EngineFailed { .. } => html! {
                <>
                    <h2>{ say(Id::PopupUnavailableFailedTitle) }</h2>
                    <p>{ say(Id::PopupUnavailableFailedWhy) }</p>
                    <p>{ say_marked(Id::PopupUnavailableFailedTodo, vec![path()], vec![reload_tab()]) }</p>
                </>
            },
            Unavailable::Invalid { .. } => html! {
                <>
                    <h2>{ say(Id::PopupUnavailableInvalidTitle) }</h2>
                    <p>{ say_marked(Id::PopupUnavailableReload, Vec::new(), vec![reload_tab()]) }</p>
                </>
            },
        }
    };
    let detail = match cause {
        Unavailable::NoReceiver => None,
        Unavailable::EngineFailed { reason } | Unavailable::Invalid { reason } => {
            Some(reason.clone())
        }
    };
    html! {
        <section class="unavailable">
            { body }
            if let Some(detail) = detail {
                <p class="muted detail">{ say_with(Id::PopupUnavailableDetails, vec![Arg::Text(detail)]) }</p>
            }
        </section>
    }
}
