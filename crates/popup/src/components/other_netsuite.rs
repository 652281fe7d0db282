//! The screen for a NetSuite page that is neither a role page nor the authorization error.
use yew::prelude::*;

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
            <h2>{ "This NetSuite page is not a role." }</h2>
            <p>{ "Open a role to see what it lacks for your integration, then click TBA Doctor again." }</p>
            <p><a class="link-button" href={props.roles_url.clone()} target="_blank" rel="noopener"
                data-tba-doctor-action="manage-roles">{ "Open Manage Roles" }</a></p>
            <p class="muted">{ "If this page shows \"You cannot continue this authorization flow\", reload the tab: TBA Doctor then explains the error." }</p>
        </section>
    }
}
