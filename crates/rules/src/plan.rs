//! Fix plans: the minimal list of permission lines to add or raise so that a role meets a
//! profile.
//!
//! A plan never removes a line and never lowers a level. It holds permission operations only:
//! checkboxes such as Web Services Only and the Enable Features page are the admin's job, and are
//! reported as warnings instead.

use crate::catalog::{self, Subtab};
use crate::level::Level;
use crate::role::Role;

/// One change to a role's permission lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixOp {
    /// Add a line the role does not have.
    Add {
        /// Permission id.
        id: &'static str,
        /// Subtab to add it on.
        subtab: Subtab,
        /// Level to add it at.
        level: Level,
    },
    /// Raise a line the role has at a lower level.
    Raise {
        /// Permission id.
        id: &'static str,
        /// Subtab the line is on.
        subtab: Subtab,
        /// Current level.
        from: Level,
        /// New level.
        to: Level,
    },
}

impl FixOp {
    /// The permission id the operation touches.
    pub fn id(&self) -> &'static str {
        match *self {
            FixOp::Add { id, .. } | FixOp::Raise { id, .. } => id,
        }
    }

    /// The subtab the operation works on.
    pub fn subtab(&self) -> Subtab {
        match *self {
            FixOp::Add { subtab, .. } | FixOp::Raise { subtab, .. } => subtab,
        }
    }

    /// The level the line has after the operation.
    pub fn level(&self) -> Level {
        match *self {
            FixOp::Add { level, .. } => level,
            FixOp::Raise { to, .. } => to,
        }
    }
}

/// The operations that fix a role, in catalog order, at most one per permission id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FixPlan {
    /// The operations.
    pub ops: Vec<FixOp>,
}

impl FixPlan {
    /// Whether there is nothing to do.
    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    /// The ids of the operations, in plan order.
    pub fn ids(&self) -> Vec<&'static str> {
        self.ops.iter().map(FixOp::id).collect()
    }

    /// Ids of operations whose permission makes the role 2FA-required.
    pub fn two_factor_ids(&self) -> Vec<&'static str> {
        self.ops
            .iter()
            .map(FixOp::id)
            .filter(|id| catalog::by_id(id).is_some_and(|permission| permission.requires_2fa))
            .collect()
    }

    /// Builds a plan from operations: keeps the highest target per id and sorts in catalog order.
    pub(crate) fn from_ops(ops: impl IntoIterator<Item = FixOp>) -> FixPlan {
        let mut kept: Vec<FixOp> = Vec::new();
        for op in ops {
            match kept.iter_mut().find(|existing| existing.id() == op.id()) {
                Some(existing) if existing.level() < op.level() => *existing = op,
                Some(_) => {}
                None => kept.push(op),
            }
        }
        catalog::sort_in_catalog_order(&mut kept, FixOp::id);
        FixPlan { ops: kept }
    }
}

/// The role with the plan applied, as NetSuite would hold it after the admin saves.
///
/// Never removes a line and never lowers a level, whatever the plan says.
pub fn apply(role: &Role, plan: &FixPlan) -> Role {
    let mut fixed = role.clone();
    for op in &plan.ops {
        let existing = fixed.grants.get(op.id()).copied();
        match existing {
            Some(grant) if grant.level >= op.level() => {}
            Some(grant) => fixed.grant(op.id(), grant.subtab, op.level()),
            None => fixed.grant(op.id(), op.subtab(), op.level()),
        }
    }
    fixed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apply_never_lowers_or_removes() {
        let mut role = Role::default();
        role.grant("ADMI_WEBSERVICES", Subtab::Setup, Level::Full);
        role.grant("ADMI_LOGIN_OAUTH", Subtab::Setup, Level::View);
        let plan = FixPlan {
            ops: vec![
                FixOp::Raise {
                    id: "ADMI_WEBSERVICES",
                    subtab: Subtab::Setup,
                    from: Level::Full,
                    to: Level::View,
                },
                FixOp::Add {
                    id: "ADMI_LOGIN_OAUTH",
                    subtab: Subtab::Setup,
                    level: Level::Full,
                },
                FixOp::Add {
                    id: "REPO_ANALYTICS",
                    subtab: Subtab::Reports,
                    level: Level::Full,
                },
            ],
        };
        let fixed = apply(&role, &plan);
        assert_eq!(fixed.level_of("ADMI_WEBSERVICES"), Level::Full);
        assert_eq!(fixed.level_of("ADMI_LOGIN_OAUTH"), Level::Full);
        assert_eq!(fixed.grants["REPO_ANALYTICS"].subtab, Subtab::Reports);
        assert_eq!(fixed.grants.len(), 3);
    }

    #[test]
    fn from_ops_dedupes_and_sorts() {
        let add = |id| FixOp::Add {
            id,
            subtab: Subtab::Setup,
            level: Level::Full,
        };
        let plan = FixPlan::from_ops([
            add("ADMI_WEBSERVICES"),
            add("ADMI_LOGIN_OAUTH"),
            add("ADMI_WEBSERVICES"),
            add("ADMI_MANAGE_OAUTH_TOKENS"),
        ]);
        assert_eq!(
            plan.ids(),
            [
                "ADMI_LOGIN_OAUTH",
                "ADMI_MANAGE_OAUTH_TOKENS",
                "ADMI_WEBSERVICES"
            ]
        );
        assert_eq!(plan.two_factor_ids(), ["ADMI_MANAGE_OAUTH_TOKENS"]);
    }
}
