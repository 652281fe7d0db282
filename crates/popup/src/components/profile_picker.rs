//! The profile choice: a labelled `<select id="profile">` of all nine profiles, the chosen one's
//! summary, and a short list saying when to pick each.
use tba_rules::message::{Arg, Id};
use tba_rules::profile::{self, ProfileId};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::words::{say, say_with};

/// Props of [`ProfilePicker`].
#[derive(Properties, PartialEq)]
pub struct ProfilePickerProps {
    /// The chosen profile.
    pub value: ProfileId,
    /// The user picked another profile.
    pub onchoose: Callback<ProfileId>,
}

/// The profile `<select>` with its label and summaries.
#[component]
pub fn ProfilePicker(props: &ProfilePickerProps) -> Html {
    let onchange = {
        let onchoose = props.onchoose.clone();
        Callback::from(move |event: Event| {
            let chosen = event
                .target_dyn_into::<HtmlSelectElement>()
                .and_then(|select| ProfileId::parse(&select.value()));
            if let Some(profile_id) = chosen {
                onchoose.emit(profile_id);
            }
        })
    };
    let chosen = profile::profile(props.value);
    html! {
        <section class="profile">
            <label for="profile">{ say(Id::PopupProfileLabel) }</label>
            <select id="profile" aria-describedby="profile-summary" {onchange}>
                { for profile::profiles().iter().map(|entry| html! {
                    <option value={entry.id.as_str()} selected={entry.id == props.value}
                        title={entry.summary}>{ entry.name }</option>
                }) }
            </select>
            <p id="profile-summary" class="muted">{ say_with(Id::PopupProfileSummary, vec![Arg::Text(chosen.summary.to_owned())]) }</p>
            <details class="profiles">
                <summary>{ say(Id::PopupProfileWhich) }</summary>
                <dl>
                    { for profile::profiles().iter().map(|entry| html! {
                        <>
                            <dt>{ entry.name }</dt>
                            <dd>{ say_with(Id::PopupProfileSummary, vec![Arg::Text(entry.summary.to_owned())]) }</dd>
                        </>
                    }) }
                </dl>
            </details>
        </section>
    }
}
