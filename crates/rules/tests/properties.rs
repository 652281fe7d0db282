//! Property tests: the fix plan is minimal, never removes or lowers, and is idempotent for every
//! profile; the codec round-trips and never panics; page-facing parsers never panic.

use std::collections::BTreeSet;

use proptest::prelude::*;
use tba_rules::codec::{decode_permissions, encode};
use tba_rules::evaluate::RequirementState;
use tba_rules::protocol::RoleWire;
use tba_rules::{FixOp, Level, ProfileId, Role, Status, catalog, evaluate, plan};

/// Ids any profile or rule mentions, so generated roles hit them often.
const RELEVANT: &[&str] = &[
    "ADMI_LOGIN_OAUTH",
    "ADMI_MANAGE_OWN_OAUTH_TOKENS",
    "ADMI_MANAGE_OAUTH_TOKENS",
    "ADMI_WEBSERVICES",
    "ADMI_RESTWEBSERVICES",
    "ADMI_LOGIN_OAUTH2",
    "ADMI_MANAGE_OAUTH2",
    "ADMI_SUITEANALYTICSCONNECT",
    "REPO_ANALYTICS",
    "ADMI_KERNEL",
];

fn any_id() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        3 => prop::sample::select(RELEVANT),
        1 => prop::sample::select(catalog::all()).prop_map(|permission| permission.id),
    ]
}

fn any_role() -> impl Strategy<Value = Role> {
    (
        prop::collection::vec((any_id(), 0u8..=4), 0..12),
        prop::option::of(prop::collection::btree_set(any_id(), 0..10)),
        any::<bool>(),
        prop::option::of(any::<bool>()),
        prop::option::of(any::<bool>()),
    )
        .prop_map(
            |(grants, offered, administrator, web_services_only, two_factor_required)| {
                let mut role = Role {
                    id: Some(if administrator { 3 } else { 1001 }),
                    web_services_only,
                    two_factor_required,
                    offered: offered
                        .map(|ids| ids.into_iter().map(str::to_owned).collect::<BTreeSet<_>>()),
                    ..Role::default()
                };
                for (id, level) in grants {
                    let subtab = catalog::by_id(id)
                        .map_or(tba_rules::Subtab::Setup, |permission| permission.subtab);
                    role.grant(id, subtab, Level::from_number(level).unwrap_or(Level::None));
                }
                role
            },
        )
}

fn unmet(state: &RequirementState) -> bool {
    matches!(
        state,
        RequirementState::Missing { .. } | RequirementState::TooLow { .. }
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn plan_fixes_everything_it_can_and_is_idempotent(role in any_role()) {
        for profile in ProfileId::ALL {
            let verdict = evaluate(&role, profile);
            let fixed = plan::apply(&role, &verdict.plan);

            // Never removes, never lowers.
            for (id, grant) in &role.grants {
                prop_assert!(fixed.level_of(id) >= grant.level, "{id} lowered");
            }
            // Idempotent: nothing missing or too low afterwards, and nothing more to do.
            let again = evaluate(&fixed, profile);
            prop_assert!(!again.checks.iter().any(|check| unmet(&check.state)), "{profile:?}: {:?}", again.checks);
            prop_assert!(again.plan.is_empty());
            prop_assert_eq!(plan::apply(&fixed, &again.plan), fixed.clone());
            // Fixed roles are ok unless a feature is off or a checkbox is wrong.
            let blocked = again.warnings.iter().any(|warning| warning.blocks());
            prop_assert_eq!(again.status == Status::Ok, !blocked && again.not_offered_ids().is_empty());

            // Minimal: one operation per unmet requirement, Add only for absent lines, Raise only
            // for present ones, and only to the needed level.
            let unmet_ids: BTreeSet<&str> = verdict.checks.iter().filter_map(|check| match check.state {
                RequirementState::Missing { id } | RequirementState::TooLow { id, .. } => Some(id),
                _ => None,
            }).collect();
            prop_assert_eq!(verdict.plan.ids().into_iter().collect::<BTreeSet<_>>(), unmet_ids);
            for op in &verdict.plan.ops {
                match *op {
                    FixOp::Add { id, level, .. } => {
                        prop_assert!(!role.has_line(id));
                        prop_assert_eq!(level, Level::Full);
                        prop_assert!(role.offered.is_none() || role.is_offered(id) || catalog::by_id(id).is_some_and(|p| p.subtab != tba_rules::Subtab::Setup));
                    }
                    FixOp::Raise { id, from, to, .. } => {
                        prop_assert!(role.has_line(id));
                        prop_assert_eq!(from, role.level_of(id));
                        prop_assert!(from < to);
                    }
                }
            }

            // Status rules: feature-off beats needs-fix; ok needs every requirement met.
            let all_met = verdict.checks.iter().all(|check| matches!(check.state, RequirementState::Satisfied { .. }));
            let expected = if !verdict.not_offered_ids().is_empty() {
                Status::FeatureOff
            } else if !all_met || verdict.warnings.iter().any(|warning| warning.blocks()) {
                Status::NeedsFix
            } else {
                Status::Ok
            };
            prop_assert_eq!(verdict.status, expected);

            // 2FA warning exactly when the plan adds a 2FA permission to a role not yet 2FA-required.
            let warns = verdict.has_warning("would-require-2fa");
            prop_assert_eq!(warns, !verdict.plan.two_factor_ids().is_empty() && !role.is_two_factor_required());

            // The popup re-evaluates the wire form and must see the same verdict.
            let through_wire = Role::try_from(RoleWire::from(&role));
            prop_assert_eq!(through_wire.as_ref(), Ok(&role));
            if let Ok(rebuilt) = through_wire {
                prop_assert_eq!(evaluate(&rebuilt, profile), verdict);
            }
        }
    }

    #[test]
    fn codec_round_trips(
        digits in "[0-9]{0,2}",
        rows in prop::collection::vec(("[A-Za-z0-9_]{1,30}", 0u8..=4, "[^\u{1}\u{2}]{0,20}"), 0..40),
    ) {
        let key = format!("permkey{digits}");
        let level = format!("permlevel{digits}");
        let display = format!("{key}_display");
        let fields = [display.as_str(), key.as_str(), "permlevel_display_other", level.as_str()];
        let encoded_rows: Vec<Vec<String>> = rows
            .iter()
            .map(|(id, level, label)| vec![label.clone(), id.clone(), String::new(), level.to_string()])
            .collect();
        let (fields_value, data_value) = encode(&fields, &encoded_rows);
        let decoded = decode_permissions(&fields_value, &data_value);
        prop_assert_eq!(decoded.key_field.as_deref(), Some(key.as_str()));
        prop_assert_eq!(decoded.level_field.as_deref(), Some(level.as_str()));
        let got: Vec<(String, Option<u8>, Option<String>)> = decoded
            .lines
            .iter()
            .map(|line| (line.id.clone(), line.level.map(Level::number), line.label.clone()))
            .collect();
        let want: Vec<(String, Option<u8>, Option<String>)> = rows
            .iter()
            .map(|(id, level, label)| (id.clone(), Some(*level), Some(label.clone())))
            .collect();
        prop_assert_eq!(got, want);
        prop_assert!(decoded.diagnostics.iter().all(|diagnostic| !diagnostic.loses_data()));
        prop_assert!(decoded.complete);
    }

    #[test]
    fn codec_never_panics(fields in "[\u{0}-\u{7}permkeylvdisp_0-9 ]{0,60}", data in "[\u{0}-\u{7}A-Z_0-9 \u{a0}é]{0,200}") {
        let decoded = decode_permissions(&fields, &data);
        for diagnostic in &decoded.diagnostics {
            prop_assert!(!diagnostic.message().is_empty());
        }
        prop_assert!(decoded.lines.iter().all(|line| !line.id.is_empty() && line.line >= 1));
    }

    #[test]
    fn codec_never_panics_on_any_text(fields in ".*", data in ".*") {
        let _ = decode_permissions(&fields, &data);
    }

    #[test]
    fn page_parsers_never_panic(text in ".*", tail in "[/?#&=:@a-zA-Z0-9.é-]{0,40}") {
        let _ = tba_rules::page::classify_url(&text);
        let _ = tba_rules::page::classify_url(&format!("https://{tail}"));
        let _ = tba_rules::page::classify_url(&format!("https://1.app.netsuite.com/app/setup/role.nl?{tail}"));
        let _ = tba_rules::page::account_from_host(&text);
        let _ = tba_rules::authmsg::contains_auth_error(&text);
        let _ = tba_rules::Level::parse(&text);
        let _ = catalog::by_name(&text);
        let _ = tba_rules::text::xml_escape(&text);
    }
}
