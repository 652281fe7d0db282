//! Integration profiles (product.md §3): named sets of requirements on a role, held as data that
//! names the source of each requirement.
//!
//! This module only states what a profile needs; `evaluate` compares a role against it.

use crate::catalog::ids;
use crate::level::Level;

/// The id of an integration profile, as used in `data-profile` and in storage (product.md §6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum ProfileId {
    /// CloudExtend for Outlook and Excel (the default).
    #[default]
    CloudExtend,
    /// Token login with tokens made by an admin.
    TokenLogin,
    /// Users create their own tokens.
    SelfServiceTokens,
    /// SOAP web services with TBA.
    Soap,
    /// REST web services with TBA.
    Rest,
    /// RESTlets with TBA.
    Restlet,
    /// OAuth 2.0 (REST).
    OAuth2,
    /// SuiteAnalytics Connect.
    SuiteAnalyticsConnect,
    /// A role that issues tokens to other users.
    TokenAdmin,
}

impl ProfileId {
    /// All profiles, in the order the popup lists them.
    pub const ALL: [ProfileId; 9] = [
        ProfileId::CloudExtend,
        ProfileId::TokenLogin,
        ProfileId::SelfServiceTokens,
        ProfileId::Soap,
        ProfileId::Rest,
        ProfileId::Restlet,
        ProfileId::OAuth2,
        ProfileId::SuiteAnalyticsConnect,
        ProfileId::TokenAdmin,
    ];

    /// The stable id, e.g. `"token-login"`.
    pub fn as_str(self) -> &'static str {
        match self {
            ProfileId::CloudExtend => "cloudextend",
            ProfileId::TokenLogin => "token-login",
            ProfileId::SelfServiceTokens => "self-service-tokens",
            ProfileId::Soap => "soap",
            ProfileId::Rest => "rest",
            ProfileId::Restlet => "restlet",
            ProfileId::OAuth2 => "oauth2",
            ProfileId::SuiteAnalyticsConnect => "suiteanalytics-connect",
            ProfileId::TokenAdmin => "token-admin",
        }
    }

    /// The profile with this stable id (exact, after trimming whitespace).
    pub fn parse(text: &str) -> Option<ProfileId> {
        let text = text.trim();
        ProfileId::ALL
            .into_iter()
            .find(|profile| profile.as_str() == text)
    }
}

/// One requirement: the role must hold one of `any_of` at `level` or higher.
#[derive(Debug, PartialEq, Eq)]
pub struct Requirement {
    /// Permission ids that each satisfy the requirement; the first is the one a fix adds.
    pub any_of: &'static [&'static str],
    /// The level needed (always Full: every TBA permission accepts only None and Full).
    pub level: Level,
    /// Why it is needed, in plain words for admins.
    pub why: &'static str,
    /// Where the rule comes from (doc and section, or Oracle page id).
    pub source: &'static str,
}

/// An integration profile.
#[derive(Debug, PartialEq, Eq)]
pub struct Profile {
    /// Its id.
    pub id: ProfileId,
    /// Its name for people, e.g. `"CloudExtend (Outlook, Excel)"`.
    pub name: &'static str,
    /// One line: when to pick it.
    pub summary: &'static str,
    /// What the role must hold.
    pub requirements: &'static [Requirement],
    /// Whether the role must not be Web Services Only.
    pub forbids_web_services_only: bool,
    /// Source of `forbids_web_services_only`, when it is set.
    pub web_services_only_source: &'static str,
    /// Whether choosing the profile always brings the token-administrator limits warning.
    pub warns_token_admin_limits: bool,
}

/// A permission made unnecessary by another one the role holds (reported, never an error).
#[derive(Debug, PartialEq, Eq)]
pub struct Redundancy {
    /// The permission that is not needed.
    pub redundant: &'static str,
    /// The permission that makes it unnecessary.
    pub implied_by: &'static str,
    /// Where the rule comes from.
    pub source: &'static str,
}

/// Redundancy rules, applied whatever the profile.
pub static REDUNDANCIES: [Redundancy; 1] = [Redundancy {
    redundant: ids::LOGIN_OAUTH,
    implied_by: ids::USER_ACCESS_TOKENS,
    source: "product.md §4 bullet 1; netsuite-role-page.md §5.1 (Oracle bridgehead_4254083671)",
}];

const FULL: Level = Level::Full;

const TOKEN_LOGIN: Requirement = Requirement {
    any_of: &[ids::LOGIN_OAUTH, ids::USER_ACCESS_TOKENS],
    level: FULL,
    why: "lets the role log in with access tokens (User Access Tokens also allows it)",
    source: "product.md §3 (token login); netsuite-role-page.md §5.1 and §6.1 (Oracle bridgehead_4254081947, bridgehead_4254083671)",
};

const USER_ACCESS_TOKENS: Requirement = Requirement {
    any_of: &[ids::USER_ACCESS_TOKENS],
    level: FULL,
    why: "lets users create and manage access tokens for themselves and this role",
    source: "product.md §3; netsuite-role-page.md §5.1 and §6.1 (Oracle bridgehead_4254083671)",
};

const SOAP: Requirement = Requirement {
    any_of: &[ids::WEBSERVICES],
    level: FULL,
    why: "lets the role log in to SOAP web services (View, Create and Edit cannot log in)",
    source: "product.md §3 and §4; netsuite-role-page.md §5.1 (Oracle section_N3424476)",
};

const CLOUDEXTEND_SOAP: Requirement = Requirement {
    any_of: &[ids::WEBSERVICES],
    level: FULL,
    why: "CloudExtend talks to NetSuite through SOAP web services, which needs this at Full",
    source: "product.md §1 and §3; netsuite-role-page.md §6.4 (CloudExtend articles 3589085, 3595323)",
};

const CLOUDEXTEND_TOKENS: Requirement = Requirement {
    any_of: &[ids::USER_ACCESS_TOKENS],
    level: FULL,
    why: "CloudExtend's login creates an access token for the user, which needs this permission",
    source: "product.md §1 and §3; netsuite-role-page.md §6.4 (CloudExtend articles 3589085, 3595323)",
};

const REST: Requirement = Requirement {
    any_of: &[ids::REST_WEBSERVICES],
    level: FULL,
    why: "lets the role use REST web services",
    source: "product.md §3; netsuite-role-page.md §5.1 (Oracle article_5085602973, article_0320025211)",
};

const WORKBOOK: Requirement = Requirement {
    any_of: &[ids::SUITEANALYTICS_WORKBOOK],
    level: FULL,
    why: "REST web services and SuiteQL need SuiteAnalytics Workbook on the Reports subtab",
    source: "product.md §3; netsuite-role-page.md §5.1 and §5.2 (Oracle article_5085602973, article_0320025211)",
};

const OAUTH2_LOGIN: Requirement = Requirement {
    any_of: &[ids::LOGIN_OAUTH2],
    level: FULL,
    why: "lets the role log in with OAuth 2.0 access tokens",
    source: "product.md §3; netsuite-role-page.md §5.1 (Oracle section_157771510070)",
};

const CONNECT: Requirement = Requirement {
    any_of: &[ids::SUITEANALYTICS_CONNECT],
    level: FULL,
    why: "lets the role use SuiteAnalytics Connect",
    source: "product.md §3; netsuite-role-page.md §5.1 (Oracle article_163239880280)",
};

const CONNECT_LOGIN: Requirement = Requirement {
    any_of: &[ids::LOGIN_OAUTH, ids::USER_ACCESS_TOKENS, ids::LOGIN_OAUTH2],
    level: FULL,
    why: "SuiteAnalytics Connect with tokens needs a token or OAuth 2.0 login permission",
    source: "product.md §3; netsuite-role-page.md §5.1 and §6.5 (Oracle article_163239880280)",
};

const TOKEN_MANAGEMENT: Requirement = Requirement {
    any_of: &[ids::ACCESS_TOKEN_MANAGEMENT],
    level: FULL,
    why: "lets the role create, assign and manage access tokens for other users",
    source: "product.md §3 and §4; netsuite-role-page.md §5.1 and §6.1 (Oracle bridgehead_4254081947)",
};

const WEB_SERVICES_ONLY_RESTLET: &str =
    "product.md §4; netsuite-role-page.md §6.3 (Oracle section_1530099787)";
const WEB_SERVICES_ONLY_CLOUDEXTEND: &str =
    "product.md §3; netsuite-role-page.md §6.3 (CloudExtend article 3509654)";

static PROFILES: [Profile; 9] = [
    Profile {
        id: ProfileId::CloudExtend,
        name: "CloudExtend (Outlook, Excel)",
        summary: "Users sign in to CloudExtend for Outlook or Excel with their own NetSuite role",
        requirements: &[CLOUDEXTEND_TOKENS, CLOUDEXTEND_SOAP],
        forbids_web_services_only: true,
        web_services_only_source: WEB_SERVICES_ONLY_CLOUDEXTEND,
        warns_token_admin_limits: false,
    },
    Profile {
        id: ProfileId::TokenLogin,
        name: "Token login (tokens made by an admin)",
        summary: "An integration logs in with tokens that an administrator created for the user",
        requirements: &[TOKEN_LOGIN],
        forbids_web_services_only: false,
        web_services_only_source: "",
        warns_token_admin_limits: false,
    },
    Profile {
        id: ProfileId::SelfServiceTokens,
        name: "Self-service tokens",
        summary: "Users create and manage their own access tokens",
        requirements: &[USER_ACCESS_TOKENS],
        forbids_web_services_only: false,
        web_services_only_source: "",
        warns_token_admin_limits: false,
    },
    Profile {
        id: ProfileId::Soap,
        name: "SOAP web services with TBA",
        summary: "An integration calls SOAP web services with token-based authentication",
        requirements: &[TOKEN_LOGIN, SOAP],
        forbids_web_services_only: false,
        web_services_only_source: "",
        warns_token_admin_limits: false,
    },
    Profile {
        id: ProfileId::Rest,
        name: "REST web services with TBA",
        summary: "An integration calls REST web services or SuiteQL with token-based authentication",
        requirements: &[TOKEN_LOGIN, REST, WORKBOOK],
        forbids_web_services_only: false,
        web_services_only_source: "",
        warns_token_admin_limits: false,
    },
    Profile {
        id: ProfileId::Restlet,
        name: "RESTlets with TBA",
        summary: "An integration calls RESTlets with token-based authentication",
        requirements: &[TOKEN_LOGIN],
        forbids_web_services_only: true,
        web_services_only_source: WEB_SERVICES_ONLY_RESTLET,
        warns_token_admin_limits: false,
    },
    Profile {
        id: ProfileId::OAuth2,
        name: "OAuth 2.0 (REST)",
        summary: "An integration calls REST web services with OAuth 2.0 instead of TBA",
        requirements: &[OAUTH2_LOGIN, REST],
        forbids_web_services_only: false,
        web_services_only_source: "",
        warns_token_admin_limits: false,
    },
    Profile {
        id: ProfileId::SuiteAnalyticsConnect,
        name: "SuiteAnalytics Connect",
        summary: "A BI tool reads NetSuite through SuiteAnalytics Connect with tokens or OAuth 2.0",
        requirements: &[CONNECT, CONNECT_LOGIN],
        forbids_web_services_only: false,
        web_services_only_source: "",
        warns_token_admin_limits: false,
    },
    Profile {
        id: ProfileId::TokenAdmin,
        name: "Token administrator",
        summary: "This role creates and manages access tokens for other users",
        requirements: &[TOKEN_MANAGEMENT],
        forbids_web_services_only: false,
        web_services_only_source: "",
        warns_token_admin_limits: true,
    },
];

/// The profile with this id.
pub fn profile(id: ProfileId) -> &'static Profile {
    // PROFILES is in ProfileId::ALL order; the test below guards it.
    &PROFILES[id as usize]
}

/// All profiles, in `ProfileId::ALL` order.
pub fn profiles() -> &'static [Profile] {
    &PROFILES
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;

    #[test]
    fn profiles_are_consistent_data() {
        for id in ProfileId::ALL {
            let profile = profile(id);
            assert_eq!(profile.id, id);
            assert_eq!(ProfileId::parse(id.as_str()), Some(id));
            assert!(!profile.requirements.is_empty());
            assert_eq!(
                profile.forbids_web_services_only,
                !profile.web_services_only_source.is_empty()
            );
            for requirement in profile.requirements {
                assert!(!requirement.source.is_empty() && !requirement.why.is_empty());
                assert_eq!(requirement.level, Level::Full);
                for id in requirement.any_of {
                    let permission =
                        catalog::by_id(id).unwrap_or_else(|| panic!("{id} not in catalog"));
                    assert!(permission.levels.contains(requirement.level));
                }
            }
        }
        assert_eq!(ProfileId::default(), ProfileId::CloudExtend);
        assert_eq!(ProfileId::parse(" rest "), Some(ProfileId::Rest));
        assert_eq!(ProfileId::parse("REST"), None);
        assert_eq!(ProfileId::parse(""), None);
    }
}
