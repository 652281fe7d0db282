//! The screen for a tab showing NetSuite's "You cannot continue this authorization flow" error:
//! the same help as the page's help box.
use yew::prelude::*;

use crate::components::copy_actions::CopyActions;
use crate::state::{AuthScreen, CopyOutcome, CopyTarget};

/// Props of [`AuthHelp`].
#[derive(Properties, PartialEq)]
pub struct AuthHelpProps {
    /// The page's facts.
    pub auth: AuthScreen,
    /// How the last copy went.
    pub copy: Option<CopyOutcome>,
    /// A copy button was clicked.
    pub oncopy: Callback<CopyTarget>,
}

/// Explains the error and offers the request for the administrator.
#[component]
pub fn AuthHelp(props: &AuthHelpProps) -> Html {
    let request = AttrValue::from(props.auth.request());
    let role = match &props.auth.role_name {
        Some(name) => format!("Your role ({name})"),
        None => "Your role".to_owned(),
    };
    html! {
        <section class="auth">
            <h2>{ "NetSuite refused the integration's sign-in." }</h2>
            <p>
                { role }{ " lacks " }<b>{ "User Access Tokens" }</b>{ " and/or " }<b>{ "SOAP Web Services" }</b>
                { ", which token-based authentication (TBA) needs. Only an administrator can add them." }
            </p>
            <p>
                { "Logging in with your password instead is a poor workaround: it makes NetSuite concurrency errors more likely, gives up token-based security, and makes you sign in again more often." }
            </p>
            <p>{ "Send this request to your NetSuite administrator:" }</p>
            <textarea class="request" readonly=true rows="9" aria-label="Request for your administrator"
                data-tba-doctor="request" value={request.clone()} />
            <CopyActions request=true fallback={Some(request)} copy={props.copy.clone()}
                oncopy={props.oncopy.clone()} />
            <p>
                { "Administrators: " }
                <a href={props.auth.roles_url.clone()} target="_blank" rel="noopener"
                    data-tba-doctor-action="manage-roles">{ "open Manage Roles" }</a>
                { " and edit the role." }
            </p>
        </section>
    }
}
