//! What TBA Doctor may claim after Pre-fill and Fix all, and when Fix all may run: the page decides,
//! the bridge's answer is a hint.
//!
//! The bridge answers from the page's own world, where any page script can answer in its place.
//! So an outcome that says lines were added or pre-filled comes from what the page shows when it is
//! read again ([`after_fix`], [`after_prefill`]); the bridge's answer only explains a line the page
//! does not show (NetSuite's alerts) or why nothing happened. A forged "done" is at worst
//! "could not confirm". [`gate`] is the one rule for the 2FA confirmation: Fix all runs only on a
//! confirmation that answers the question TBA Doctor itself asked, about the plan as it is now.
//! [`unsaved_line`] keeps Fix all from overwriting a line the admin is still editing.

use crate::bridge::{LineResult, Outcome as LineOutcome};
use crate::catalog::Subtab;
use crate::level::Level;
use crate::outcome::{BridgeFailure, NotTaken, Outcome};
use crate::plan::FixPlan;
use crate::role::Role;

/// The outcome of a Fix all, from the page read after it (`after`: `None` when that reading could
/// not be used) and the bridge's answer as a hint.
///
/// Every line of the plan that the page now holds at its level counts as done, whatever the bridge
/// said; every other line is not done: NetSuite's alerts, when the bridge reported some, say why;
/// a line the bridge claims done that the page does not show is "could not confirm".
pub fn after_fix(
    plan: &FixPlan,
    after: Option<&Role>,
    hint: Result<&[LineResult], &BridgeFailure>,
) -> Outcome {
    if plan.is_empty() {
        return Outcome::NothingToFix;
    }
    let held = |id: &str, level: Level| after.is_some_and(|role| role.level_of(id) >= level);
    let missing: Vec<(&'static str, Option<&LineResult>)> = plan
        .ops
        .iter()
        .filter(|op| !held(op.id(), op.level()))
        .map(|op| {
            let result = hint
                .ok()
                .and_then(|results| results.iter().find(|result| result.permkey == op.id()));
            (op.id(), result)
        })
        .collect();
    if missing.is_empty() {
        return Outcome::Fixed {
            ids: plan.ids().into_iter().map(str::to_owned).collect(),
        };
    }
    if let Err(failure) = hint
        && missing.len() == plan.ops.len()
    {
        return Outcome::FixFailed(failure.clone());
    }
    let claimed =
        |result: &LineResult| matches!(result.outcome, LineOutcome::Done | LineOutcome::Already);
    if missing
        .iter()
        .all(|(_, result)| result.is_some_and(claimed))
    {
        return Outcome::Unconfirmed {
            ids: missing.iter().map(|(id, _)| (*id).to_owned()).collect(),
        };
    }
    Outcome::NotTaken(
        missing
            .into_iter()
            .map(|(id, result)| NotTaken {
                id: id.to_owned(),
                alerts: result
                    .filter(|result| !claimed(result))
                    .map(|result| result.alerts.clone())
                    .unwrap_or_default(),
            })
            .collect(),
    )
}

/// The outcome of a Pre-fill of `id`, from the key the sublist's add row holds when read after it
/// (`add_row`: `None` when it could not be read) and the bridge's answer as a hint.
pub fn after_prefill(id: &str, add_row: Option<&str>, hint: Result<(), &BridgeFailure>) -> Outcome {
    match (add_row == Some(id), hint) {
        (true, _) => Outcome::Prefilled { id: id.to_owned() },
        (false, Err(failure)) => Outcome::PrefillFailed(failure.clone()),
        (false, Ok(())) => Outcome::Unconfirmed {
            ids: vec![id.to_owned()],
        },
    }
}

/// Whether Fix all may run now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Gate {
    /// Run it.
    Run,
    /// Ask first whether adding these 2FA-making permissions is meant.
    Ask(Vec<&'static str>),
}

/// The 2FA confirmation rule, the same for the panel and the popup. `needed`: the 2FA-making ids
/// the plan adds now ([`crate::Verdict::fix_confirmation`]); `asked`: the ids of the question TBA
/// Doctor asked and that is still open (`None` when none is); `given`: the ids a confirmation
/// answers (`None` for a plain Fix all).
///
/// Fix all runs when nothing needs confirming, or when `given` answers the open question and that
/// question is about the plan as it is now. A confirmation nobody asked for, or asked about
/// another plan (the page changed in between), asks again; it never runs.
pub fn gate(
    needed: &[&'static str],
    asked: Option<&[&'static str]>,
    given: Option<&[&str]>,
) -> Gate {
    if needed.is_empty() {
        return Gate::Run;
    }
    match (asked, given) {
        (Some(asked), Some(given)) if asked == needed && given == needed => Gate::Run,
        _ => Gate::Ask(needed.to_vec()),
    }
}

/// The values of a sublist's current line (its add row, or the line the admin opened), as the
/// page's form shows them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CurrentLine {
    /// The subtab of the sublist.
    pub subtab: Subtab,
    /// The key field's value (a permission id, or empty).
    pub key: String,
    /// The level field's value (`"1"` to `"4"`, or empty).
    pub level: String,
}

/// The first current line that holds edits not yet in the role's lines: a key is chosen and the
/// role has no line for it at that level. An empty add row, or an open line that is unchanged, is
/// not one. Fix all does not run over such a line (it would clear it).
pub fn unsaved_line<'a>(lines: &'a [CurrentLine], role: &Role) -> Option<&'a CurrentLine> {
    lines.iter().find(|line| {
        let key = line.key.trim();
        if key.is_empty() {
            return false;
        }
        let level = crate::text::whole(line.level.trim())
            .and_then(|number| u8::try_from(number).ok())
            .and_then(Level::from_number);
        role.grants.get(key).is_none_or(|grant| {
            grant.subtab != line.subtab || level.is_some_and(|level| level != grant.level)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::FixOp;

    fn plan() -> FixPlan {
        FixPlan {
            ops: vec![
                FixOp::Add {
                    id: "ADMI_LOGIN_OAUTH",
                    subtab: Subtab::Setup,
                    level: Level::Full,
                },
                FixOp::Raise {
                    id: "ADMI_WEBSERVICES",
                    subtab: Subtab::Setup,
                    from: Level::View,
                    to: Level::Full,
                },
            ],
        }
    }

    fn result(permkey: &str, outcome: LineOutcome, alerts: &[&str]) -> LineResult {
        LineResult {
            permkey: permkey.to_owned(),
            outcome,
            alerts: alerts.iter().map(|alert| (*alert).to_owned()).collect(),
        }
    }

    fn role(lines: &[(&str, Level)]) -> Role {
        let mut role = Role::default();
        for (id, level) in lines {
            role.grant(id, Subtab::Setup, *level);
        }
        role
    }

    #[test]
    fn a_forged_done_is_never_fixed() {
        let plan = plan();
        let before = role(&[("ADMI_WEBSERVICES", Level::View)]);
        let forged = [
            result("ADMI_LOGIN_OAUTH", LineOutcome::Done, &[]),
            result("ADMI_WEBSERVICES", LineOutcome::Done, &[]),
        ];
        assert_eq!(
            after_fix(&plan, Some(&before), Ok(&forged)),
            Outcome::Unconfirmed {
                ids: vec!["ADMI_LOGIN_OAUTH".to_owned(), "ADMI_WEBSERVICES".to_owned()]
            }
        );
        // A page that could not be read after the fix confirms nothing either.
        assert!(matches!(
            after_fix(&plan, None, Ok(&forged)),
            Outcome::Unconfirmed { .. }
        ));
    }

    #[test]
    fn the_page_decides_what_was_done() {
        let plan = plan();
        let fixed = role(&[
            ("ADMI_LOGIN_OAUTH", Level::Full),
            ("ADMI_WEBSERVICES", Level::Full),
        ]);
        // Done on the page: fixed, even when the answer was lost or forged as a failure.
        for hint in [Err(&BridgeFailure::NoAnswer), Ok(&[][..])] {
            assert_eq!(
                after_fix(&plan, Some(&fixed), hint),
                Outcome::Fixed {
                    ids: vec!["ADMI_LOGIN_OAUTH".to_owned(), "ADMI_WEBSERVICES".to_owned()]
                }
            );
        }
        // Half done: the line not held is not taken, with NetSuite's alerts.
        let half = role(&[
            ("ADMI_LOGIN_OAUTH", Level::Full),
            ("ADMI_WEBSERVICES", Level::View),
        ]);
        let answer = [
            result("ADMI_LOGIN_OAUTH", LineOutcome::Done, &[]),
            result("ADMI_WEBSERVICES", LineOutcome::Failed, &["Duplicate."]),
        ];
        assert_eq!(
            after_fix(&plan, Some(&half), Ok(&answer)),
            Outcome::NotTaken(vec![NotTaken {
                id: "ADMI_WEBSERVICES".to_owned(),
                alerts: vec!["Duplicate.".to_owned()],
            }])
        );
        // Nothing done and the bridge failed: its failure.
        let before = role(&[("ADMI_WEBSERVICES", Level::View)]);
        assert_eq!(
            after_fix(&plan, Some(&before), Err(&BridgeFailure::Malformed)),
            Outcome::FixFailed(BridgeFailure::Malformed)
        );
        assert_eq!(
            after_fix(&FixPlan::default(), Some(&before), Ok(&[])),
            Outcome::NothingToFix
        );
    }

    #[test]
    fn prefill_is_claimed_only_when_the_add_row_shows_it() {
        let id = "ADMI_LOGIN_OAUTH";
        assert_eq!(
            after_prefill(id, Some(id), Ok(())),
            Outcome::Prefilled { id: id.to_owned() }
        );
        assert_eq!(
            after_prefill(id, Some(""), Ok(())),
            Outcome::Unconfirmed {
                ids: vec![id.to_owned()]
            }
        );
        assert_eq!(
            after_prefill(id, None, Err(&BridgeFailure::NoAnswer)),
            Outcome::PrefillFailed(BridgeFailure::NoAnswer)
        );
        assert_eq!(
            after_prefill(id, Some(id), Err(&BridgeFailure::NoAnswer)),
            Outcome::Prefilled { id: id.to_owned() }
        );
    }

    #[test]
    fn only_the_question_asked_about_this_plan_is_confirmed() {
        let needed = ["ADMI_MANAGE_OAUTH_TOKENS"];
        assert_eq!(gate(&[], None, None), Gate::Run);
        assert_eq!(gate(&needed, None, None), Gate::Ask(needed.to_vec()));
        // Injected or replayed: no question open, or an answer to another question.
        assert_eq!(
            gate(&needed, None, Some(&needed)),
            Gate::Ask(needed.to_vec())
        );
        assert_eq!(
            gate(&needed, Some(&needed), Some(&["ADMI_WEBSERVICES"])),
            Gate::Ask(needed.to_vec())
        );
        // Asked before the page changed: asks again about the plan as it is.
        let now = ["ADMI_MANAGE_OAUTH_TOKENS", "ADMI_ACCESSTOKENS"];
        assert_eq!(
            gate(&now, Some(&needed), Some(&needed)),
            Gate::Ask(now.to_vec())
        );
        assert_eq!(gate(&needed, Some(&needed), Some(&needed)), Gate::Run);
        // A plain Fix all with the question open asks (again); it does not run.
        assert_eq!(
            gate(&needed, Some(&needed), None),
            Gate::Ask(needed.to_vec())
        );
    }

    #[test]
    fn an_open_line_with_edits_is_unsaved() {
        let role = role(&[("ADMI_WEBSERVICES", Level::View)]);
        let line = |key: &str, level: &str| CurrentLine {
            subtab: Subtab::Setup,
            key: key.to_owned(),
            level: level.to_owned(),
        };
        assert_eq!(unsaved_line(&[line("", "")], &role), None);
        assert_eq!(unsaved_line(&[line(" ", "4")], &role), None);
        // The admin opened an existing line and changed nothing.
        assert_eq!(unsaved_line(&[line("ADMI_WEBSERVICES", "1")], &role), None);
        // Changed its level, or chose a new permission in the add row.
        let raised = [line("", ""), line("ADMI_WEBSERVICES", "4")];
        assert_eq!(unsaved_line(&raised, &role), Some(&raised[1]));
        let new = [line("ADMI_LOGIN_OAUTH", "")];
        assert_eq!(unsaved_line(&new, &role), Some(&new[0]));
    }
}
