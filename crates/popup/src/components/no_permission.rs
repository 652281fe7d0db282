//! The screen when the NetSuite host permission is not granted (Firefox lets users withhold it).
use tba_rules::message::Id;
use yew::prelude::*;

use crate::components::words::say;

/// Props of [`NoPermission`].
#[derive(Properties, PartialEq)]
pub struct NoPermissionProps {
    /// The user asked to grant the permission (a click: the browser's user gesture).
    pub ongrant: Callback<()>,
}

/// Explains the missing permission and asks for it.
#[component]
pub fn NoPermission(props: &NoPermissionProps) -> Html {
    let ongrant = props.ongrant.clone();
    html! {
        <section class="permission">
            <h2>{ say(Id::PopupPermissionTitle) }</h2>
            <p>{ say(Id::PopupPermissionWhy) }</p>
            <p><button type="button" class="primary" data-tba-doctor-action="grant"
                onclick={Callback::from(move |_| ongrant.emit(()))}>{ say(Id::PopupPermissionGrant) }</button></p>
            <p class="muted">{ say(Id::PopupPermissionReload) }</p>
        </section>
    }
}
