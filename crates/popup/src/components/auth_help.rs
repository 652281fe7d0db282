//! The screen for a tab showing NetSuite's "You cannot continue this authorization flow" error:
//! the same help as the page's help box.
use tba_rules::catalog::ids;
use tba_rules::message::{Arg, Id};
use yew::prelude::*;

use crate::components::words::{say, say_marked, say_with};

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
        Some(name) => say_with(Id::PopupAuthRoleNamed, vec![Arg::Text(name.clone())]),
        None => say(Id::PopupAuthRole),
    };
    let bold_permission = |id: &str| {
        html! { <b>{ tba_rules::catalog::name_of(id).to_owned() }</b> }
    };
    html! {
        <section class="auth">
            <h2>{ say(Id::PopupAuthTitle) }</h2>
            <p>
                { say_marked(Id::PopupAuthLacks, vec![Arg::Text(role)], vec![
                    bold_permission(ids::USER_ACCESS_TOKENS),
                    bold_permission(ids::WEBSERVICES),
                ]) }
            </p>
            <p>{ say(Id::PopupAuthPassword) }</p>
            <p>{ say(Id::PopupAuthSend) }</p>
            <textarea class="request" readonly=true rows="9" aria-label={say(Id::PopupRequestLabel)}
                data-tba-doctor="request" value={request.clone()} />
            <CopyActions request=true fallback={Some(request)} copy={props.copy.clone()}
                oncopy={props.oncopy.clone()} />
            <p>
                { say_marked(Id::PopupAuthAdmins, Vec::new(), vec![html! {
                    <a href={props.auth.roles_url.clone()} target="_blank" rel="noopener"
                        data-tba-doctor-action="manage-roles">{ say(Id::PopupOpenManageRolesLower) }</a>
                }]) }
            </p>
        </section>
    }
}
