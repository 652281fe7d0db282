//! The screen for a role page: the verdict (as in the page panel), the requirement list with
//! states, warnings and redundant notes, Pre-fill and Fix all, and the copy buttons.
use std::rc::Rc;

use tba_rules::profile::REDUNDANCIES;
use yew::prelude::*;

use crate::components::copy_actions::CopyActions;
use crate::state::{
    CopyOutcome, CopyTarget, RoleMode, RoleScreen, permission_name, requirement_lines,
    status_heading,
};

/// Props of [`RoleVerdict`].
#[derive(Properties, PartialEq)]
pub struct RoleVerdictProps {
    /// The role and its verdict.
    pub role: Rc<RoleScreen>,
    /// A change is on its way to the page.
    pub busy: bool,
    /// Fix all waits for the 2FA confirmation.
    pub confirming: bool,
    /// A message from the last change.
    pub notice: Option<AttrValue>,
    /// How the last copy went.
    pub copy: Option<CopyOutcome>,
    /// Pre-fill one permission id.
    pub onprefill: Callback<String>,
    /// Fix all.
    pub onfixall: Callback<()>,
    /// Fix all with the 2FA-making permissions confirmed.
    pub onconfirm: Callback<()>,
    /// Cancel the confirmation.
    pub oncancel: Callback<()>,
    /// Copy a text.
    pub oncopy: Callback<CopyTarget>,
}

fn join_ids(ids: &[&str]) -> String {
    ids.join(" ")
}

/// The verdict and what to do about it.
#[component]
pub fn RoleVerdict(props: &RoleVerdictProps) -> Html {
    let screen = &props.role;
    let verdict = &screen.verdict;
    let editable = screen.editable();
    let title = match screen.mode {
        RoleMode::Edit => "Role (edit mode)",
        RoleMode::View => "Role (view mode)",
        RoleMode::New => "New role",
    };
    let name = screen
        .role
        .name
        .clone()
        .unwrap_or_else(|| "not named yet".to_owned());
    let lines = requirement_lines(verdict);
    let two_factor: Vec<&str> = verdict
        .fix_confirmation()
        .iter()
        .map(|id| permission_name(id))
        .collect();
    let redundant: Vec<String> = verdict
        .redundant
        .iter()
        .map(|id| {
            let implied_by = REDUNDANCIES
                .iter()
                .find(|redundancy| redundancy.redundant == *id)
                .map(|redundancy| permission_name(redundancy.implied_by));
            match implied_by {
                Some(by) => format!("{} is not needed: {by} includes it.", permission_name(id)),
                None => format!("{} is not needed.", permission_name(id)),
            }
        })
        .collect();
    // The confirmation replaces the focused Fix all button: move the focus to its safe answer, so
    // that keyboard users land in it rather than at the top of the page.
    let cancel_ref = use_node_ref();
    {
        let cancel_ref = cancel_ref.clone();
        use_effect_with(props.confirming, move |confirming| {
            if *confirming && let Some(button) = cancel_ref.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        });
    }
    // The texts are made when a button is clicked; here only the one the browser refused to copy.
    let fallback = match &props.copy {
        Some(CopyOutcome::Failed(CopyTarget::Request, _)) => Some(screen.admin_request()),
        Some(CopyOutcome::Failed(CopyTarget::Sdf, _)) => Some(screen.sdf_snippet()),
        _ => None,
    }
    .map(AttrValue::from);
    let onfixall = props.onfixall.clone();
    let onconfirm = props.onconfirm.clone();
    let oncancel = props.oncancel.clone();
    html! {
        <section class="role">
            <p class="role-title"><span class="muted">{ title }{ ": " }</span><b>{ name }</b></p>
            <div class="verdict" data-status={verdict.status.as_str()}
                data-profile={verdict.profile.as_str()}
                data-missing={join_ids(&verdict.missing_ids())}
                data-too-low={join_ids(&verdict.too_low_ids())}>
                <h2 aria-live="polite">{ status_heading(verdict) }</h2>
                <ul class="requirements">
                    { for lines.iter().map(|line| {
                        let onprefill = props.onprefill.clone();
                        let permkey = line.id.to_owned();
                        html! {
                            <li data-state={line.state} data-permkey={line.id}>
                                <span class="mark" aria-hidden="true">{ mark(line.state) }</span>
                                <span class="what">
                                    <b>{ line.name }</b>
                                    <span class="state">{ line.detail.clone() }</span>
                                    <span class="why muted">{ line.why }</span>
                                </span>
                                if editable && line.can_prefill {
                                    <button type="button" data-tba-doctor-action="prefill"
                                        data-permkey={line.id} disabled={props.busy}
                                        aria-label={format!("Pre-fill {}", line.name)}
                                        onclick={Callback::from(move |_| onprefill.emit(permkey.clone()))}>
                                        { "Pre-fill" }</button>
                                }
                            </li>
                        }
                    }) }
                </ul>
            </div>
            if editable && !verdict.plan.is_empty() {
                if props.confirming {
                    <div class="confirm" role="group" aria-labelledby="confirm-text">
                        <p id="confirm-text">
                            { format!("Adding {} makes this role require two-factor authentication (2FA); a 2FA-required role cannot use user credentials for API access. Add anyway?", two_factor.join(" and ")) }
                        </p>
                        <button type="button" class="primary" data-tba-doctor-action="confirm-fix-all"
                            disabled={props.busy} onclick={Callback::from(move |_| onconfirm.emit(()))}>
                            { "Add anyway" }</button>
                        <button type="button" data-tba-doctor-action="cancel-fix-all" ref={cancel_ref}
                            onclick={Callback::from(move |_| oncancel.emit(()))}>{ "Cancel" }</button>
                    </div>
                } else {
                    <p class="fix">
                        <button type="button" class="primary" data-tba-doctor-action="fix-all"
                            disabled={props.busy} onclick={Callback::from(move |_| onfixall.emit(()))}>
                            { format!("Fix all ({})", verdict.plan.ops.len()) }</button>
                        <span class="muted">{ " Adds the lines to the sublist; you review and click Save." }</span>
                    </p>
                }
            }
            if screen.mode == RoleMode::New && editable && !verdict.plan.is_empty() {
                <p class="muted">{ "This role is not saved yet: NetSuite keeps the added permissions when you save it." }</p>
            }
            if let Some(edit_url) = screen.edit_url.clone() {
                if !verdict.plan.is_empty() {
                    <p><a class="link-button" href={edit_url} target="_blank" rel="noopener"
                        data-tba-doctor-action="open-edit">{ "Open the edit page to fix it" }</a></p>
                }
            }
            if let Some(notice) = props.notice.clone() {
                <p class="notice" role="status">{ notice }</p>
            }
            if !verdict.warnings.is_empty() {
                <ul class="warnings" aria-label="Warnings">
                    { for verdict.warnings.iter().map(|warning| html! {
                        <li data-code={warning.code()}>{ crate::ext::text(&warning.message()) }</li>
                    }) }
                </ul>
            }
            if !redundant.is_empty() {
                <ul class="redundant" aria-label="Redundant permissions">
                    { for redundant.into_iter().map(|note| html! { <li>{ note }</li> }) }
                </ul>
            }
            if !screen.problems.is_empty() {
                <details class="problems">
                    <summary>{ format!("{} reading problem(s) on the page", screen.problems.len()) }</summary>
                    <ul>{ for screen.problems.iter().map(|problem| html! { <li>{ problem.clone() }</li> }) }</ul>
                </details>
            }
            <CopyActions request=true sdf={!verdict.plan.is_empty()}
                fallback={fallback} copy={props.copy.clone()} oncopy={props.oncopy.clone()} />
        </section>
    }
}

fn mark(state: &str) -> &'static str {
    match state {
        "ok" => "✓",
        "too-low" => "▲",
        "missing" => "✗",
        _ => "!",
    }
}
