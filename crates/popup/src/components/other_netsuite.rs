//! The screen for a NetSuite page that is neither a role page nor the authorization error.
use tba_rules::message::Id;
use yew::prelude::*;

use crate::components::words::say;

/// Props of [`OtherNetSuite`].
#[derive(Properties, PartialEq)]
pub struct OtherNetSuiteProps {
    /// The account's Manage Roles list.
    pub roles_url: AttrValue,
}

/// A link to Manage Roles of this account.
#[component]
pub fn OtherNetSuite(props: &OtherNetSuiteProps) -> Html {
    html! {
        <section class="other">
            <h2>{ say(Id::PopupOtherTitle) }</h2>
            <p>{ say(Id::PopupOtherOpenRole) }</p>
            <p><a class="link-button" href={props.roles_url.clone()} target="_blank" rel="noopener"
                data-tba-doctor-action="manage-roles">{ say(Id::PopupOpenManageRoles) }</a></p>
            <p class="muted">{ say(Id::PopupOtherAuthHint) }</p>
        </section>
    }
}
