//! The popup's root: runs `use_popup` and picks the screen component for the current state.
use tba_rules::message::Id;
use yew::prelude::*;

use crate::components::auth_help::AuthHelp;
use crate::components::fix_steps::FixSteps;
use crate::components::no_permission::NoPermission;
use crate::components::other_netsuite::OtherNetSuite;
use crate::components::profile_picker::ProfilePicker;
use crate::components::role_verdict::RoleVerdict;
use crate::components::unavailable::UnavailableNote;
use crate::components::words::say;
use crate::ext;
use crate::hooks::use_popup::{FirstLookups, PopupCallbacks, use_popup};
use crate::state::{PopupState, Screen};

/// Props of [`App`].
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The state of the first render (`start` finds the tab before it).
    #[prop_or_default]
    pub initial: PopupState,
    /// The look-up `start` began and that is still open (the stored settings).
    #[prop_or_default]
    pub first: FirstLookups,
}

/// The whole popup.
#[component]
pub fn App(props: &AppProps) -> Html {
    let handle = use_popup(props.initial.clone(), props.first.clone());
    let state = (*handle.state).clone();
    {
        let name = state.screen().name();
        use_effect_with(name, move |name| {
            if name.starts_with("role-") {
                ext::mark("tba-doctor:popup-verdict");
            }
            if *name != "loading" {
                ext::mark("tba-doctor:popup-ready");
            }
        });
    }
    html! { <PopupView {state} callbacks={handle.callbacks} /> }
}

/// Props of [`PopupView`].
#[derive(Properties, PartialEq)]
pub struct PopupViewProps {
    /// The state to show.
    pub state: PopupState,
    /// What clicks do.
    pub callbacks: PopupCallbacks,
}

/// The popup for one state (separate from `App`, so the rendering tests can give it any state).
#[component]
pub fn PopupView(props: &PopupViewProps) -> Html {
    let state = &props.state;
    let handle = &props.callbacks;
    let screen = state.screen();
    let screen = &screen;
    let picker = html! { <ProfilePicker value={state.settings.profile} onchoose={handle.onchoose.clone()} /> };
    let body = match screen {
        // Nothing else while loading (a few ms): no flash of the default profile before the stored one.
        Screen::Loading => {
            return html! {
                <main data-screen="loading" aria-busy="true">
                    <p class="muted" role="status">{ say(Id::PopupReading) }</p>
                </main>
            };
        }
        Screen::Slow => html! {
            <section class="slow" role="status">
                <h2>{ say(Id::PopupSlowTitle) }</h2>
                <p>{ say(Id::PopupSlowBody) }</p>
            </section>
        },
        Screen::NoPermission => html! { <NoPermission ongrant={handle.ongrant.clone()} /> },
        Screen::NotNetSuite => html! { <FixSteps profile={state.settings.chosen()} /> },
        Screen::OtherNetSuite { roles_url } => {
            html! { <OtherNetSuite roles_url={AttrValue::from(roles_url.clone())} /> }
        }
        Screen::Unavailable(cause) => html! { <UnavailableNote cause={cause.clone()} /> },
        Screen::Role(role) => html! {
            <RoleVerdict role={role.clone()} busy={state.busy}
                confirming={state.two_factor_question().is_some()}
                notice={state.notice.clone().map(AttrValue::from)}
                copy={state.copy.clone()}
                onprefill={handle.onprefill.clone()} onfixall={handle.onfixall.clone()}
                onconfirm={handle.onconfirm.clone()} oncancel={handle.oncancel.clone()}
                oncopy={handle.oncopy.clone()}
                include_oauth2={state.include_oauth2} oninclude={handle.oninclude.clone()}
                onmakeprofile={handle.onmakeprofile.clone()} />
        },
        Screen::Unsupported { problems } => html! {
            <section class="unsupported">
                <h2>{ say(Id::PopupUnsupportedTitle) }</h2>
                <p>{ say(Id::PopupUnsupportedWhy) }</p>
                <ul>{ for problems.iter().map(|problem| html! { <li>{ problem.clone() }</li> }) }</ul>
                <p>{ say(Id::PopupUnsupportedByHand) }</p>
            </section>
        },
        Screen::AuthError(auth) => html! {
            <AuthHelp auth={auth.clone()} copy={state.copy.clone()} oncopy={handle.oncopy.clone()} />
        },
    };
    let show_picker = !matches!(screen, Screen::NoPermission | Screen::AuthError(_));
    // Beside the choice, which is how to replace settings that could not be read.
    let settings_note = (state.settings_note.as_ref())
        .filter(|_| show_picker)
        .map(|note| ext::text(&note.message()));
    html! {
        <main data-screen={screen.name()}>
            <header><h1>{ "TBA Doctor" }</h1></header>
            if show_picker { { picker } }
            if let Some(note) = settings_note {
                <p class="settings-note" role="status" data-tba-doctor="settings-note">{ note }</p>
            }
            { body }
        </main>
    }
}
