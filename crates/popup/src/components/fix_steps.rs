//! The screen for a tab that is not NetSuite: the fix in five short steps, for the chosen profile.
use tba_rules::level::Level;
use tba_rules::message::{Arg, Id};
use tba_rules::profile::Profile;
use tba_rules::text::MANAGE_ROLES_PATH;
use yew::prelude::*;

use crate::components::words::{say, say_marked, say_with};

use crate::state::guide_permissions;

/// Props of [`FixSteps`].
#[derive(Properties, PartialEq)]
pub struct FixStepsProps {
    /// The chosen profile.
    pub profile: &'static Profile,
}

/// "This tab is not a NetSuite page", and how to fix a role by hand.
#[component]
pub fn FixSteps(props: &FixStepsProps) -> Html {
    let permissions = guide_permissions(props.profile);
    let bold = |text: String| html! { <b>{ text }</b> };
    html! {
        <section class="guide">
            <h2>{ say(Id::PopupNotNetsuiteTitle) }</h2>
            <p>{ say(Id::PopupFixIntro) }</p>
            <ol class="steps">
                <li>{ say_marked(Id::PopupFixStepGo, Vec::new(), vec![bold(MANAGE_ROLES_PATH.to_owned())]) }</li>
                <li>{ say_marked(Id::PopupFixStepEdit, Vec::new(), vec![bold(say(Id::NetsuiteEdit))]) }</li>
                <li>{ say_marked(Id::PopupFixStepPermissions, Vec::new(), vec![bold(say(Id::NetsuitePermissions))]) }</li>
                <li>
                    { say_marked(Id::PopupFixStepAdd, Vec::new(), vec![bold(say(Id::of_level(Level::Full)))]) }
                    <ul>
                        { for permissions.iter().map(|(name, subtab)| html! {
                            <li>{ *name }{ " " }<span class="muted">{ say_with(Id::PopupFixStepSubtab, vec![Arg::Subtab(*subtab)]) }</span></li>
                        }) }
                    </ul>
                </li>
                <li>{ say_marked(Id::PopupFixStepSave, Vec::new(), vec![bold(say(Id::NetsuiteSave))]) }</li>
            </ol>
            <p class="muted">{ say(Id::PopupFixOrOpen) }</p>
        </section>
    }
}
