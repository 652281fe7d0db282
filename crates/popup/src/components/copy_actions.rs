//! The copy buttons ("Copy request for your administrator", "Copy SDF XML") with a visible
//! confirmation, and the text to copy by hand when the browser refuses the clipboard.
use yew::prelude::*;

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
    let button = |target: CopyTarget, label: &'static str| {
        let oncopy = props.oncopy.clone();
        html! {
            <button type="button" data-tba-doctor-action={target.action()}
                onclick={Callback::from(move |_| oncopy.emit(target))}>{ label }</button>
        }
    };
    let (status, fallback) = match &props.copy {
        None => (String::new(), None),
        Some(CopyOutcome::Copied(CopyTarget::Request)) => {
            ("Copied: the request is on your clipboard.".to_owned(), None)
        }
        Some(CopyOutcome::Copied(CopyTarget::Sdf)) => {
            ("Copied: the SDF XML is on your clipboard.".to_owned(), None)
        }
        Some(CopyOutcome::Failed(_, reason)) => (
            format!(
                "The browser did not allow copying ({reason}). Select the text below and press Ctrl+C."
            ),
            props.fallback.clone(),
        ),
    };
    html! {
        <section class="copy">
            <div class="buttons">
                if props.request {
                    { button(CopyTarget::Request, "Copy request for your administrator") }
                }
                if props.sdf {
                    { button(CopyTarget::Sdf, "Copy SDF XML") }
                }
            </div>
            <p class="copy-status" role="status" aria-live="polite">{ status }</p>
            if let Some(text) = fallback {
                <textarea class="copy-fallback" readonly=true rows="8"
                    aria-label="Text to copy" value={text} />
            }
        </section>
    }
}
