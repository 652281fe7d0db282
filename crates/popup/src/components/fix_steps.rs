//! The screen for a tab that is not NetSuite: the fix in five short steps, for the chosen profile.
use tba_rules::profile::ProfileId;
use yew::prelude::*;

use crate::state::guide_permissions;

/// Props of [`FixSteps`].
#[derive(Properties, PartialEq)]
pub struct FixStepsProps {
    /// The chosen profile.
    pub profile: ProfileId,
}

/// "This tab is not a NetSuite page", and how to fix a role by hand.
#[component]
pub fn FixSteps(props: &FixStepsProps) -> Html {
    let permissions = guide_permissions(props.profile);
    html! {
        <section class="guide">
            <h2>{ "This tab is not a NetSuite page." }</h2>
            <p>{ "To give a role what this integration needs:" }</p>
            <ol class="steps">
                <li>{ "In NetSuite, go to " }<b>{ "Setup > Users/Roles > User Management > Manage Roles" }</b>{ "." }</li>
                <li>{ "Click " }<b>{ "Edit" }</b>{ " next to the role." }</li>
                <li>{ "Open the " }<b>{ "Permissions" }</b>{ " tab." }</li>
                <li>
                    { "Add each of these at " }<b>{ "Full" }</b>{ ":" }
                    <ul>
                        { for permissions.iter().map(|(name, subtab)| html! {
                            <li>{ *name }<span class="muted">{ format!(" ({subtab} subtab)") }</span></li>
                        }) }
                    </ul>
                </li>
                <li>{ "Click " }<b>{ "Save" }</b>{ "." }</li>
            </ol>
            <p class="muted">{ "Or open the role in NetSuite and click TBA Doctor again: it shows what is missing and fills it in for you." }</p>
        </section>
    }
}
