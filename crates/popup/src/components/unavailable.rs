//! The screen when the content script cannot help on a page it should run on.
use yew::prelude::*;

use crate::state::Unavailable;

/// Props of [`UnavailableNote`].
#[derive(Properties, PartialEq)]
pub struct UnavailableNoteProps {
    /// Why.
    pub cause: Unavailable,
}

/// Says why TBA Doctor cannot read this page, and what to do.
#[component]
pub fn UnavailableNote(props: &UnavailableNoteProps) -> Html {
    let cause = &props.cause;
    let body = if cause.blocked_by_policy() {
        html! {
            <>
                <h2>{ "This page's security policy blocks TBA Doctor's engine, or its WebAssembly is damaged." }</h2>
                <p>{ "Chrome checks the WebAssembly of extensions against the page's own Content Security Policy. TBA Doctor's engine failed while starting its WebAssembly on this page, which is what a policy without 'wasm-unsafe-eval' does (or a damaged installation), so it cannot read the role here and has left nothing on the page." }</p>
                <p>{ "What you can do: reload the tab (the policy may differ on the next load), reinstall TBA Doctor, use Firefox, or fix the role by hand: Setup > Users/Roles > User Management > Manage Roles, Edit, Permissions > Setup." }</p>
            </>
        }
    } else {
        match cause {
            Unavailable::NoReceiver => html! {
                <>
                    <h2>{ "TBA Doctor is not running in this tab yet." }</h2>
                    <p>{ "The tab was probably open before TBA Doctor was installed or updated." }</p>
                    <p><b>{ "Reload the tab" }</b>{ ", then click TBA Doctor again." }</p>
                </>
            },
            Unavailable::EngineFailed { .. } => html! {
                <>
                    <h2>{ "TBA Doctor's engine failed on this page." }</h2>
                    <p>{ "It stopped with an error (the details are below and in the tab's console) and took what it had drawn off the page." }</p>
                    <p><b>{ "Reload the tab" }</b>{ ", then click TBA Doctor again. If it keeps failing, fix the role by hand: Setup > Users/Roles > User Management > Manage Roles, Edit, Permissions > Setup." }</p>
                </>
            },
            Unavailable::Invalid { .. } => html! {
                <>
                    <h2>{ "TBA Doctor could not understand this page's answer." }</h2>
                    <p><b>{ "Reload the tab" }</b>{ ", then click TBA Doctor again." }</p>
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
                <p class="muted detail">{ "Details: " }{ detail }</p>
            }
        </section>
    }
}
