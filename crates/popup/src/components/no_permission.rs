//! The screen when the NetSuite host permission is not granted (Firefox lets users withhold it).
use yew::prelude::*;

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
            <h2>{ "TBA Doctor may not read NetSuite pages yet." }</h2>
            <p>{ "It needs access to NetSuite pages (https://*.netsuite.com) to read a role and fill in permissions. It reads no other site and sends nothing anywhere." }</p>
            <p><button type="button" class="primary" data-tba-doctor-action="grant"
                onclick={Callback::from(move |_| ongrant.emit(()))}>{ "Allow access to NetSuite" }</button></p>
            <p class="muted">{ "Then reload the NetSuite tab." }</p>
        </section>
    }
}
