//! The copy buttons ("Copy request for your administrator", "Copy SDF XML") with a visible
//! confirmation, and the text to copy by hand when the browser refuses the clipboard.
use tba_rules::message::{Arg, Id};
use yew::prelude::*;

use crate::components::words::{say, say_with};

use crate::state::{CopyOutcome, CopyTarget};

/// Props of [`CopyActions`].
#[derive(Properties, PartialEq)]
pub struct CopyActionsProps {
    /// Whether the screen offers the request for the administrator.
    #[prop_or_default]
    pub request: bool,
    /// Whether the screen offers the SDF XML snippet.
    #[prop_or_default]
    pub sdf: bool,
    /// The text to copy by hand, shown only when the browser refused the copy.
    #[prop_or_default]
    pub fallback: Option<AttrValue>,
    /// How the last copy went.
    pub copy: Option<CopyOutcome>,
    /// A copy button was clicked.
    pub oncopy: Callback<CopyTarget>,
}

/// Copy buttons and their status line.
#[component]
pub fn CopyActions(props: &CopyActionsProps) -> Html {
    let button = |target: CopyTarget, label: String| {
        let oncopy = props.oncopy.clone();
        html! {
            <button type="button" data-tba-doctor-action={target.action()}
                onclick={Callback::from(move |_| oncopy.emit(target))}>{ label }</button>
        }
    };
    let (status, fallback) = match &props.copy {
        None => (String::new(), None),
        Some(CopyOutcome::Copied(CopyTarget::Request)) => (say(Id::PopupCopiedRequest), None),
        Some(CopyOutcome::Copied(CopyTarget::Sdf)) => (say(Id::PopupCopiedSdf), None),
        Some(CopyOutcome::Failed(_, reason)) => (
            say_with(Id::PopupCopyFailed, vec![Arg::Text(reason.clone())]),
            props.fallback.clone(),
        ),
    };
    html! {
        <section class="copy">
            <div class="buttons">
                if props.request {
                    { button(CopyTarget::Request, say(Id::PopupCopyRequest)) }
                }
                if props.sdf {
                    { button(CopyTarget::Sdf, say(Id::PopupCopySdf)) }
                }
            </div>
            <p class="copy-status" role="status" aria-live="polite">{ status }</p>
            if let Some(text) = fallback {
                <textarea class="copy-fallback" readonly=true rows="8"
                    aria-label={say(Id::PopupCopyFallbackLabel)} value={text} />
            }
        </section>
    }
}
