//! The screen for a role page: the verdict (as in the page panel), the requirement list with
//! states, warnings and redundant notes, Pre-fill and Fix all, the 2027.1 notice with "Also ready
//! for OAuth 2.0", and the copy buttons.
use std::rc::Rc;

use tba_rules::message::{Arg, Id, Message};
use tba_rules::profile::REDUNDANCIES;
use yew::prelude::*;

use crate::components::copy_actions::CopyActions;
use crate::components::words::{say, say_with};
use crate::state::{
    CopyOutcome, CopyTarget, RequirementLine, RoleMode, RoleScreen, oauth2_lines,
    requirement_lines, status_heading,
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
    /// The copied texts include the OAuth 2.0 lines.
    #[prop_or_default]
    pub include_oauth2: bool,
    /// The admin ticked or cleared "Include the OAuth 2.0 lines".
    #[prop_or_default]
    pub oninclude: Callback<bool>,
    /// "Make a profile from this role" was clicked.
    #[prop_or_default]
    pub onmakeprofile: Callback<()>,
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
        RoleMode::Edit => say(Id::PopupRoleEdit),
        RoleMode::View => say(Id::PopupRoleView),
        RoleMode::New => say(Id::PopupRoleNew),
    };
    let name = screen
        .role
        .name
        .clone()
        .unwrap_or_else(|| say(Id::PopupRoleUnnamed));
    let lines = requirement_lines(verdict);
    let also = oauth2_lines(verdict);
    // Lines OAuth 2.0 needs beyond the plan (they never repeat one of its own).
    let has_oauth2_lines = verdict
        .transition
        .as_ref()
        .is_some_and(|transition| !transition.plan().is_empty());
    let two_factor = Message::with(
        Id::WarningWouldRequireTwoFactor,
        vec![Arg::permissions(verdict.fix_confirmation().iter().copied())],
    );
    let redundant: Vec<String> = verdict
        .redundant
        .iter()
        .map(|id| {
            let implied_by = REDUNDANCIES
                .iter()
                .find(|redundancy| redundancy.redundant == *id)
                .map(|redundancy| redundancy.implied_by);
            let permission = Arg::Permission((*id).to_owned());
            match implied_by {
                Some(by) => say_with(
                    Id::PopupRedundantBy,
                    vec![permission, Arg::Permission(by.to_owned())],
                ),
                None => say_with(Id::PopupRedundant, vec![permission]),
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
        Some(CopyOutcome::Failed(CopyTarget::Request, _)) => {
            Some(screen.admin_request(props.include_oauth2))
        }
        Some(CopyOutcome::Failed(CopyTarget::Sdf, _)) => {
            Some(screen.sdf_snippet(props.include_oauth2))
        }
        _ => None,
    }
    .map(AttrValue::from);
    let onfixall = props.onfixall.clone();
    let onconfirm = props.onconfirm.clone();
    let oncancel = props.oncancel.clone();
    html! {
        <section class="role">
            <p class="role-title"><span class="muted">{ title }{ " " }</span><b>{ name }</b></p>
            <div class="verdict" data-status={verdict.status.as_str()}
                data-profile={verdict.profile.as_str().to_owned()}
                data-missing={join_ids(&verdict.missing_ids())}
                data-too-low={join_ids(&verdict.too_low_ids())}>
                <h2 aria-live="polite">{ status_heading(verdict) }</h2>
                <ul class="requirements">
                    { for lines.iter().map(|line| requirement(line, editable, props)) }
                </ul>
            </div>
            if editable && !verdict.plan.is_empty() {
                if props.confirming {
                    <div class="confirm" role="group" aria-labelledby="confirm-text">
                        <p id="confirm-text">
                            { say_with(Id::PopupConfirmTwoFactor, vec![Arg::message(two_factor.clone())]) }
                        </p>
                        <button type="button" class="primary" data-tba-doctor-action="confirm-fix-all"
                            disabled={props.busy} onclick={Callback::from(move |_| onconfirm.emit(()))}>
                            { say(Id::PopupAddAnyway) }</button>
                        <button type="button" data-tba-doctor-action="cancel-fix-all" ref={cancel_ref}
                            onclick={Callback::from(move |_| oncancel.emit(()))}>{ say(Id::PopupCancel) }</button>
                    </div>
                } else {
                    <p class="fix">
                        <button type="button" class="primary" data-tba-doctor-action="fix-all"
                            disabled={props.busy} onclick={Callback::from(move |_| onfixall.emit(()))}>
                            { say_with(Id::PopupFixAll, vec![Arg::Count(verdict.plan.ops.len())]) }</button>
                        { " " }<span class="muted">{ say(Id::PopupFixAllHint) }</span>
                    </p>
                }
            }
            if screen.mode == RoleMode::New && editable && !verdict.plan.is_empty() {
                <p class="muted">{ say(Id::PopupNewRoleHint) }</p>
            }
            if let Some(edit_url) = screen.edit_url.clone() {
                if !verdict.plan.is_empty() {
                    <p><a class="link-button" href={edit_url} target="_blank" rel="noopener"
                        data-tba-doctor-action="open-edit">{ say(Id::PopupOpenEdit) }</a></p>
                }
            }
            if let Some(notice) = props.notice.clone() {
                <p class="notice" role="status">{ notice }</p>
            }
            if !verdict.warnings.is_empty() {
                <ul class="warnings" aria-label={say(Id::PopupWarningsLabel)}>
                    { for verdict.warnings.iter().map(|warning| html! {
                        <li data-code={warning.code()}>{ crate::ext::text(&warning.message()) }</li>
                    }) }
                </ul>
            }
            if let Some(transition) = &verdict.transition {
                <section class="tba-2027" data-tba-doctor-notice="tba-2027">
                    <p>{ crate::ext::text(&tba_rules::wording::tba_2027_notice()) }</p>
                    if let Some(line) = tba_rules::wording::oauth2_line(transition) {
                        if matches!(transition.also, tba_rules::evaluate::Also::Checks(_)) {
                            <h3>{ say(Id::NoticeAlsoTitle) }</h3>
                            <p>{ say(line) }</p>
                            <ul class="requirements" data-oauth2-missing={join_ids(&transition.missing_ids())}>
                                { for also.iter().map(|line| requirement(line, editable, props)) }
                            </ul>
                            { for transition.feature_off().iter().map(|off| html! {
                                <p class="muted">{ crate::ext::text(&off.message()) }</p>
                            }) }
                        } else {
                            <p>{ say(line) }</p>
                        }
                    }
                    if has_oauth2_lines {
                        <label class="include">
                            <input type="checkbox" id="include-oauth2" checked={props.include_oauth2}
                                onchange={include_change(props.oninclude.clone())} />
                            { " " }{ say(Id::PopupIncludeOAuth2) }
                        </label>
                    }
                </section>
            }
            if !redundant.is_empty() {
                <ul class="redundant" aria-label={say(Id::PopupRedundantLabel)}>
                    { for redundant.into_iter().map(|note| html! { <li>{ note }</li> }) }
                </ul>
            }
            if !screen.problems.is_empty() {
                <details class="problems">
                    <summary>{ say_with(Id::PopupProblems, vec![Arg::Count(screen.problems.len())]) }</summary>
                    <ul>{ for screen.problems.iter().map(|problem| html! { <li>{ problem.clone() }</li> }) }</ul>
                </details>
            }
            <CopyActions request=true
                sdf={!verdict.plan.is_empty() || (props.include_oauth2 && has_oauth2_lines)}
                fallback={fallback} copy={props.copy.clone()} oncopy={props.oncopy.clone()} />
            if !screen.role.grants.is_empty() {
                <p class="make-profile">
                    <button type="button" data-tba-doctor-action="make-profile"
                        onclick={let on = props.onmakeprofile.clone(); move |_| on.emit(())}>
                        { say(Id::PopupMakeProfile) }
                    </button>
                </p>
            }
        </section>
    }
}

/// One requirement's line, with Pre-fill when the permission can be put in its add row.
fn requirement(line: &RequirementLine, editable: bool, props: &RoleVerdictProps) -> Html {
    let onprefill = props.onprefill.clone();
    let permkey = line.id.to_owned();
    html! {
        <li data-state={line.state} data-permkey={line.id}>
            <span class="mark" aria-hidden="true">{ mark(line.state) }</span>
            <span class="what">
                <b>{ line.name }</b>
                <span class="state">{ line.detail.clone() }</span>
                <span class="why muted">{ crate::ext::text(&line.why.message()) }</span>
            </span>
            if editable && line.can_prefill {
                <button type="button" data-tba-doctor-action="prefill"
                    data-permkey={line.id} disabled={props.busy}
                    aria-label={say_with(Id::PopupPrefillLabel, vec![Arg::Permission(line.id.to_owned())])}
                    onclick={Callback::from(move |_| onprefill.emit(permkey.clone()))}>
                    { say(Id::PopupPrefill) }</button>
            }
        </li>
    }
}

/// The checkbox's change, as its new state.
fn include_change(oninclude: Callback<bool>) -> Callback<Event> {
    Callback::from(move |event: Event| {
        let checked = event
            .target_dyn_into::<web_sys::HtmlInputElement>()
            .is_some_and(|input| input.checked());
        oninclude.emit(checked);
    })
}

fn mark(state: &str) -> &'static str {
    match state {
        "ok" => "✓",
        "too-low" => "▲",
        "missing" => "✗",
        _ => "!",
    }
}
