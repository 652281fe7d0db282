//! The profile choice: a labelled `<select id="profile">` of the built-in profiles, the chosen
//! one's summary, a short list saying when to pick each, and the link to the options page where
//! custom profiles are made.
use tba_rules::message::{Arg, Id, Text};
use tba_rules::profile::{self, Profile, ProfileId};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::words::{say, say_with};
use crate::ext;

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
    let profiles = profile::builtins();
    let chosen = profile::builtin(props.value).unwrap_or_else(profile::default_profile);
    let text = |text: &Text| ext::text(&text.message());
    let summary = |entry: &Profile| {
        say_with(
            Id::PopupProfileSummary,
            vec![Arg::message(entry.summary_text().message())],
        )
    };
    html! {
        <section class="profile">
            <label for="profile">{ say(Id::PopupProfileLabel) }</label>
            <select id="profile" aria-describedby="profile-summary" {onchange}>
                { for profiles.iter().map(|entry| html! {
                    <option value={entry.id.as_str().to_owned()} selected={entry.id == props.value}
                        title={text(&entry.summary_text())}>{ text(&entry.name) }</option>
                }) }
            </select>
            <p id="profile-summary" class="muted">{ summary(chosen) }</p>
            <details class="profiles">
                <summary>{ say(Id::PopupProfileWhich) }</summary>
                <dl>
                    { for profiles.iter().map(|entry| html! {
                        <>
                            <dt>{ text(&entry.name) }</dt>
                            <dd>{ summary(entry) }</dd>
                        </>
                    }) }
                </dl>
            </details>
            <p class="manage"><a href="options.html" target="_blank" rel="noopener"
                data-tba-doctor-action="manage-profiles">{ say(Id::PopupManageProfiles) }</a></p>
        </section>
    }
}
