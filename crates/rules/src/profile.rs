//! Integration profiles (product.md §3): named sets of requirements on a role, held as owned data,
//! with the source of each built-in requirement.
//!
//! A [`Profile`] is data, not code: the nine built-in ones ([`builtins`]) are a static table here,
//! and a profile someone writes (a custom profile) becomes one only through [`Profile::validate`],
//! which refuses anything `evaluate` could not honour (an id the catalog does not know, an empty
//! or duplicate requirement, a level the permission does not take) with typed errors, never a
//! panic. This module only states what a profile needs; `evaluate` compares a role against it.

use std::borrow::Cow;

use crate::catalog::{self, ids};
use crate::level::Level;
use crate::message::{Arg, Id, Message, Text};

/// The id of an integration profile, as used in `data-profile` and in the settings (product.md
/// §6): one of the thirteen built-in profiles, or a custom profile's.
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
    /// REST web services with OAuth 2.0, authorization code grant (the id `oauth2`).
    OAuth2,
    /// SuiteAnalytics Connect (with TBA or OAuth 2.0).
    SuiteAnalyticsConnect,
    /// A role that issues tokens to other users.
    TokenAdmin,
    /// REST web services or RESTlets with OAuth 2.0 client credentials (machine to machine).
    OAuth2M2m,
    /// RESTlets with OAuth 2.0.
    RestletOAuth2,
    /// SuiteAnalytics Connect with OAuth 2.0.
    SuiteAnalyticsConnectOAuth2,
    /// The NetSuite AI Connector (MCP).
    AiConnector,
    /// A custom profile's id (made only by [`Profile::validate`]).
    Custom(CustomId),
}

/// The id of a custom profile: `custom:` and 1 to [`MAX_ID_CHARS`] − 7 lower-case ASCII letters,
/// digits or hyphens (the prefix keeps it apart from every built-in id, now and later). Held
/// inline, so that a [`ProfileId`] stays `Copy`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CustomId {
    len: u8,
    bytes: [u8; MAX_ID_CHARS],
}

/// What every custom profile's id starts with.
pub const CUSTOM_PREFIX: &str = "custom:";

impl CustomId {
    /// The id, when `id` is well formed (its prefix, length and letters).
    fn new(id: &str) -> Option<CustomId> {
        let rest = id.strip_prefix(CUSTOM_PREFIX)?;
        let well_formed = !rest.is_empty()
            && id.len() <= MAX_ID_CHARS
            && rest
                .bytes()
                .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-');
        let mut bytes = [0; MAX_ID_CHARS];
        bytes.get_mut(..id.len())?.copy_from_slice(id.as_bytes());
        let len = u8::try_from(id.len()).ok()?;
        well_formed.then_some(CustomId { len, bytes })
    }

    /// The id.
    // Out of line: the built-in ids' `as_str` stays a table look-up.
    #[inline(never)]
    pub fn as_str(&self) -> &str {
        let bytes = self.bytes.get(..usize::from(self.len)).unwrap_or_default();
        std::str::from_utf8(bytes).unwrap_or_default()
    }
}

impl std::fmt::Debug for CustomId {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(formatter, "{:?}", self.as_str())
    }
}

/// The longest profile id.
pub const MAX_ID_CHARS: usize = 40;

impl ProfileId {
    /// The built-in profiles, in the order the popup lists them.
    pub const ALL: [ProfileId; 13] = [
        ProfileId::CloudExtend,
        ProfileId::TokenLogin,
        ProfileId::SelfServiceTokens,
        ProfileId::Soap,
        ProfileId::Rest,
        ProfileId::Restlet,
        ProfileId::OAuth2,
        ProfileId::SuiteAnalyticsConnect,
        ProfileId::TokenAdmin,
        ProfileId::OAuth2M2m,
        ProfileId::RestletOAuth2,
        ProfileId::SuiteAnalyticsConnectOAuth2,
        ProfileId::AiConnector,
    ];

    /// The stable ids of [`ProfileId::ALL`], in its order.
    const BUILTIN_IDS: [&'static str; 13] = [
        "cloudextend",
        "token-login",
        "self-service-tokens",
        "soap",
        "rest",
        "restlet",
        "oauth2",
        "suiteanalytics-connect",
        "token-admin",
        "oauth2-m2m",
        "restlet-oauth2",
        "suiteanalytics-connect-oauth2",
        "ai-connector",
    ];

    /// The stable id, e.g. `"token-login"`.
    pub fn as_str(&self) -> &str {
        let index = match self {
            ProfileId::Custom(id) => return id.as_str(),
            ProfileId::CloudExtend => 0,
            ProfileId::TokenLogin => 1,
            ProfileId::SelfServiceTokens => 2,
            ProfileId::Soap => 3,
            ProfileId::Rest => 4,
            ProfileId::Restlet => 5,
            ProfileId::OAuth2 => 6,
            ProfileId::SuiteAnalyticsConnect => 7,
            ProfileId::TokenAdmin => 8,
            ProfileId::OAuth2M2m => 9,
            ProfileId::RestletOAuth2 => 10,
            ProfileId::SuiteAnalyticsConnectOAuth2 => 11,
            ProfileId::AiConnector => 12,
        };
        ProfileId::BUILTIN_IDS
            .get(index)
            .copied()
            .unwrap_or_default()
    }

    /// The built-in profile with this stable id (exact, after trimming whitespace).
    pub fn parse(text: &str) -> Option<ProfileId> {
        let text = text.trim();
        let index = ProfileId::BUILTIN_IDS.iter().position(|id| *id == text)?;
        ProfileId::ALL.get(index).copied()
    }
}

/// One requirement: the role must hold one of `any_of` at `level` or higher.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Requirement {
    /// Permission ids (of the catalog) that each satisfy the requirement; the first is the one a
    /// fix adds. Never empty. (Borrowed for the built-in profiles, which are static data.)
    pub any_of: Cow<'static, [&'static str]>,
    /// The level needed: View, Create, Edit or Full, one each permission of `any_of` takes (every
    /// TBA permission accepts only None and Full, so the built-in profiles need Full).
    pub level: Level,
    /// Why it is needed, in plain words for admins.
    pub why: Text,
}

/// The rules of a profile beyond its requirements.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Flags {
    /// The role must not be Web Services Only (blocks `Ok`).
    pub forbids_web_services_only: bool,
    /// Choosing the profile always brings the token-administrator limits warning.
    pub warns_token_admin_limits: bool,
    /// The Administrator role gets the warning that the Connect data source is not for it.
    pub warns_connect_not_for_administrator: bool,
    /// The integration does not accept a 2FA-required role (SuiteAnalytics Connect, password
    /// logins): the role being or becoming 2FA-required is warned about. For token and OAuth 2.0
    /// logins it is not (they work with 2FA roles); Fix all asks before adding a 2FA-making
    /// permission whatever the profile.
    pub refuses_two_factor: bool,
    /// The integration refuses the Administrator role (blocks `Ok`).
    pub refuses_administrator: bool,
    /// Brings the note on the client-credentials (M2M) mapping.
    pub notes_m2m_mapping: bool,
    /// Brings the note that RESTlets need the Client and Server SuiteScript features.
    pub notes_suitescript: bool,
    /// The integration logs in with TBA: the 2027.1 change concerns it.
    pub tba: bool,
}

/// What the integration of a TBA profile needs to run over OAuth 2.0 instead.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum OAuth2Route {
    /// Nothing to say: the profile uses OAuth 2.0 already, or no source names a counterpart.
    #[default]
    None,
    /// The role needs these to serve the same integration over OAuth 2.0. (Borrowed for the
    /// built-in profiles.)
    Needs(Cow<'static, [Requirement]>),
    /// A SOAP integration: OAuth 2.0 cannot serve SOAP web services, so it must move to REST.
    Soap,
}

/// An integration profile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    /// Its id.
    pub id: ProfileId,
    /// Its name for people, e.g. "CloudExtend (Outlook, Excel)".
    pub name: Text,
    /// One line, without a final period: when to pick it; `None` for a built-in profile, whose
    /// line is in a table beside the profiles (read it with [`Profile::summary_text`]): the
    /// content script never shows one, and would otherwise carry all of them.
    pub summary: Option<Text>,
    /// What the role must hold, in the order the panel lists it. Never empty. (Borrowed for the
    /// built-in profiles.)
    pub requirements: Cow<'static, [Requirement]>,
    /// Its other rules.
    pub flags: Flags,
    /// What the same integration needs over OAuth 2.0, for a TBA profile.
    pub oauth2: OAuth2Route,
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

/// A requirement of a built-in profile: always at Full (every TBA permission accepts only None
/// and Full).
const fn need(any_of: &'static [&'static str], why: Id) -> Requirement {
    Requirement {
        any_of: Cow::Borrowed(any_of),
        level: Level::Full,
        why: Text::Message(why),
    }
}

/// Where a built-in profile's rules come from (doc and section, or Oracle page id): the profile
/// and its flags, then each requirement in order.
///
/// A table beside the profiles rather than fields of `Profile`: the content script's wasm never
/// shows a source, and would otherwise carry all of them (about 0.4 KB gzipped, against a budget
/// it is at).
#[derive(Debug, PartialEq, Eq)]
pub struct Sources {
    /// Where the profile as a whole and its flags come from.
    pub profile: &'static str,
    /// Where each requirement comes from, in the profile's order.
    pub requirements: &'static [&'static str],
}

const TOKEN_LOGIN: Requirement = need(
    &[ids::LOGIN_OAUTH, ids::USER_ACCESS_TOKENS],
    Id::WhyTokenLogin,
);
const TOKEN_LOGIN_SOURCE: &str = "product.md §3 (token login); netsuite-role-page.md §5.1 and §6.1 (Oracle bridgehead_4254081947, bridgehead_4254083671)";

const USER_ACCESS_TOKENS: Requirement = need(&[ids::USER_ACCESS_TOKENS], Id::WhyUserAccessTokens);
const USER_ACCESS_TOKENS_SOURCE: &str =
    "product.md §3; netsuite-role-page.md §5.1 and §6.1 (Oracle bridgehead_4254083671)";

const SOAP: Requirement = need(&[ids::WEBSERVICES], Id::WhySoap);
const SOAP_SOURCE: &str =
    "product.md §3 and §4; netsuite-role-page.md §5.1 (Oracle section_N3424476)";

const CLOUDEXTEND_SOAP: Requirement = need(&[ids::WEBSERVICES], Id::WhyCloudExtendSoap);
const CLOUDEXTEND_SOAP_SOURCE: &str =
    "product.md §1 and §3; netsuite-role-page.md §6.4 (CloudExtend articles 3589085, 3595323)";

const CLOUDEXTEND_TOKENS: Requirement = need(&[ids::USER_ACCESS_TOKENS], Id::WhyCloudExtendTokens);
const CLOUDEXTEND_TOKENS_SOURCE: &str =
    "product.md §1 and §3; netsuite-role-page.md §6.4 (CloudExtend articles 3589085, 3595323)";

const REST: Requirement = need(&[ids::REST_WEBSERVICES], Id::WhyRest);
const REST_SOURCE: &str =
    "product.md §3; netsuite-role-page.md §5.1 (Oracle article_5085602973, article_0320025211)";

const WORKBOOK: Requirement = need(&[ids::SUITEANALYTICS_WORKBOOK], Id::WhyWorkbook);
const WORKBOOK_SOURCE: &str = "product.md §3; netsuite-role-page.md §5.1 and §5.2 (Oracle article_5085602973, article_0320025211)";

const OAUTH2_LOGIN: Requirement = need(&[ids::LOGIN_OAUTH2], Id::WhyOAuth2Login);
const OAUTH2_LOGIN_SOURCE: &str =
    "product.md §3; netsuite-role-page.md §5.1 (Oracle section_157771510070)";

const CONNECT: Requirement = need(&[ids::SUITEANALYTICS_CONNECT], Id::WhyConnect);
const CONNECT_SOURCE: &str =
    "product.md §3; netsuite-role-page.md §5.1 (Oracle article_163239880280)";

const CONNECT_LOGIN: Requirement = need(
    &[ids::LOGIN_OAUTH, ids::USER_ACCESS_TOKENS, ids::LOGIN_OAUTH2],
    Id::WhyConnectLogin,
);
const CONNECT_LOGIN_SOURCE: &str =
    "product.md §3; netsuite-role-page.md §5.1 and §6.5 (Oracle article_163239880280)";

const TOKEN_MANAGEMENT: Requirement = need(&[ids::ACCESS_TOKEN_MANAGEMENT], Id::WhyTokenManagement);
const TOKEN_MANAGEMENT_SOURCE: &str =
    "product.md §3 and §4; netsuite-role-page.md §5.1 and §6.1 (Oracle bridgehead_4254081947)";

const MCP: Requirement = need(&[ids::MCP_SERVER], Id::WhyMcp);
const AI_CONNECTOR_SOURCE: &str = "Oracle article_4160616848 (NetSuite AI Connector Service FAQ: MCP Server Connection, OAuth 2.0 Access Tokens, REST Web Services for the MCP Standard Tools SuiteApp; no Administrator role)";

const OAUTH2_FLOW_SOURCE: &str = "Oracle section_157771510070 (Set Up OAuth 2.0 Roles), section_157771482304 (Enable the OAuth 2.0 Feature)";

const CONNECT_OAUTH2_LOGIN: Requirement = need(&[ids::LOGIN_OAUTH2], Id::WhyConnectOAuth2Login);

const NO_FLAGS: Flags = Flags {
    forbids_web_services_only: false,
    warns_token_admin_limits: false,
    warns_connect_not_for_administrator: false,
    refuses_two_factor: false,
    refuses_administrator: false,
    notes_m2m_mapping: false,
    notes_suitescript: false,
    tba: false,
};

const TBA: Flags = Flags {
    tba: true,
    ..NO_FLAGS
};

const TBA_FORBIDS_WEB_SERVICES_ONLY: Flags = Flags {
    forbids_web_services_only: true,
    ..TBA
};

/// What the TBA profiles' integrations need over OAuth 2.0: the OAuth 2.0 profile of the same
/// kind's requirements (a token login becomes the OAuth 2.0 login).
const TO_OAUTH2_LOGIN: OAuth2Route = OAuth2Route::Needs(Cow::Borrowed(&[OAUTH2_LOGIN]));
const REST_OAUTH2: &[Requirement] = &[OAUTH2_LOGIN, REST];
const CONNECT_OAUTH2: &[Requirement] = &[CONNECT, CONNECT_OAUTH2_LOGIN];

static BUILTINS: [Profile; 13] = [
    Profile {
        id: ProfileId::CloudExtend,
        name: Text::Message(Id::ProfileCloudExtendName),
        summary: None,
        requirements: Cow::Borrowed(&[CLOUDEXTEND_TOKENS, CLOUDEXTEND_SOAP]),
        flags: TBA_FORBIDS_WEB_SERVICES_ONLY,
        oauth2: OAuth2Route::Soap,
    },
    Profile {
        id: ProfileId::TokenLogin,
        name: Text::Message(Id::ProfileTokenLoginName),
        summary: None,
        requirements: Cow::Borrowed(&[TOKEN_LOGIN]),
        flags: TBA,
        oauth2: TO_OAUTH2_LOGIN,
    },
    Profile {
        id: ProfileId::SelfServiceTokens,
        name: Text::Message(Id::ProfileSelfServiceTokensName),
        summary: None,
        requirements: Cow::Borrowed(&[USER_ACCESS_TOKENS]),
        flags: TBA,
        oauth2: TO_OAUTH2_LOGIN,
    },
    Profile {
        id: ProfileId::Soap,
        name: Text::Message(Id::ProfileSoapName),
        summary: None,
        requirements: Cow::Borrowed(&[TOKEN_LOGIN, SOAP]),
        flags: TBA,
        oauth2: OAuth2Route::Soap,
    },
    Profile {
        id: ProfileId::Rest,
        name: Text::Message(Id::ProfileRestName),
        summary: None,
        requirements: Cow::Borrowed(&[TOKEN_LOGIN, REST, WORKBOOK]),
        flags: TBA,
        oauth2: OAuth2Route::Needs(Cow::Borrowed(REST_OAUTH2)),
    },
    Profile {
        id: ProfileId::Restlet,
        name: Text::Message(Id::ProfileRestletName),
        summary: None,
        requirements: Cow::Borrowed(&[TOKEN_LOGIN]),
        flags: TBA_FORBIDS_WEB_SERVICES_ONLY,
        oauth2: TO_OAUTH2_LOGIN,
    },
    Profile {
        id: ProfileId::OAuth2,
        name: Text::Message(Id::ProfileOAuth2Name),
        summary: None,
        requirements: Cow::Borrowed(REST_OAUTH2),
        flags: NO_FLAGS,
        oauth2: OAuth2Route::None,
    },
    Profile {
        id: ProfileId::SuiteAnalyticsConnect,
        name: Text::Message(Id::ProfileSuiteAnalyticsConnectName),
        summary: None,
        requirements: Cow::Borrowed(&[CONNECT, CONNECT_LOGIN]),
        flags: Flags {
            warns_connect_not_for_administrator: true,
            refuses_two_factor: true,
            ..TBA
        },
        oauth2: OAuth2Route::Needs(Cow::Borrowed(CONNECT_OAUTH2)),
    },
    Profile {
        id: ProfileId::TokenAdmin,
        name: Text::Message(Id::ProfileTokenAdminName),
        summary: None,
        requirements: Cow::Borrowed(&[TOKEN_MANAGEMENT]),
        flags: Flags {
            warns_token_admin_limits: true,
            ..TBA
        },
        oauth2: OAuth2Route::None,
    },
    Profile {
        id: ProfileId::OAuth2M2m,
        name: Text::Message(Id::ProfileOAuth2M2mName),
        summary: None,
        requirements: Cow::Borrowed(REST_OAUTH2),
        flags: Flags {
            notes_m2m_mapping: true,
            ..NO_FLAGS
        },
        oauth2: OAuth2Route::None,
    },
    Profile {
        id: ProfileId::RestletOAuth2,
        name: Text::Message(Id::ProfileRestletOAuth2Name),
        summary: None,
        requirements: Cow::Borrowed(&[OAUTH2_LOGIN]),
        flags: Flags {
            forbids_web_services_only: true,
            notes_suitescript: true,
            ..NO_FLAGS
        },
        oauth2: OAuth2Route::None,
    },
    Profile {
        id: ProfileId::SuiteAnalyticsConnectOAuth2,
        name: Text::Message(Id::ProfileSuiteAnalyticsConnectOAuth2Name),
        summary: None,
        requirements: Cow::Borrowed(CONNECT_OAUTH2),
        flags: Flags {
            warns_connect_not_for_administrator: true,
            refuses_two_factor: true,
            ..NO_FLAGS
        },
        oauth2: OAuth2Route::None,
    },
    Profile {
        id: ProfileId::AiConnector,
        name: Text::Message(Id::ProfileAiConnectorName),
        summary: None,
        requirements: Cow::Borrowed(&[MCP, OAUTH2_LOGIN, REST]),
        flags: Flags {
            refuses_administrator: true,
            ..NO_FLAGS
        },
        oauth2: OAuth2Route::None,
    },
];

/// In `ProfileId::ALL` order, like the profiles.
static SOURCES: [Sources; 13] = [
    Sources {
        profile: "product.md §1 and §3; not Web Services Only: netsuite-role-page.md §6.3 (CloudExtend article 3509654)",
        requirements: &[CLOUDEXTEND_TOKENS_SOURCE, CLOUDEXTEND_SOAP_SOURCE],
    },
    Sources {
        profile: "product.md §3",
        requirements: &[TOKEN_LOGIN_SOURCE],
    },
    Sources {
        profile: "product.md §3",
        requirements: &[USER_ACCESS_TOKENS_SOURCE],
    },
    Sources {
        profile: "product.md §3",
        requirements: &[TOKEN_LOGIN_SOURCE, SOAP_SOURCE],
    },
    Sources {
        profile: "product.md §3",
        requirements: &[TOKEN_LOGIN_SOURCE, REST_SOURCE, WORKBOOK_SOURCE],
    },
    Sources {
        profile: "product.md §3; not Web Services Only: product.md §4, netsuite-role-page.md §6.3 (Oracle section_1530099787)",
        requirements: &[TOKEN_LOGIN_SOURCE],
    },
    Sources {
        profile: "product.md §3",
        requirements: &[OAUTH2_LOGIN_SOURCE, REST_SOURCE],
    },
    Sources {
        profile: "product.md §3; the Administrator role: netsuite-role-page.md §6.4 (Oracle section_1549964695)",
        requirements: &[CONNECT_SOURCE, CONNECT_LOGIN_SOURCE],
    },
    Sources {
        profile: "product.md §3 and §4; netsuite-role-page.md §6.1 (Oracle bridgehead_4254081947)",
        requirements: &[TOKEN_MANAGEMENT_SOURCE],
    },
    Sources {
        profile: "Oracle section_162686838198 (OAuth 2.0 Client Credentials (M2M) Setup: the mapping of entity, role, application and certificate, made by a user with OAuth 2.0 Authorized Applications Management, cleared by a sandbox refresh); section_157771510070 (the role's permissions are those of the authorization code grant)",
        requirements: &[OAUTH2_LOGIN_SOURCE, REST_SOURCE],
    },
    Sources {
        profile: "Oracle section_157771510070 (Set Up OAuth 2.0 Roles); not Web Services Only: netsuite-role-page.md §6.3 (Oracle section_1530099787); Client and Server SuiteScript: netsuite-more-pages.md (Oracle bridgehead_4253254429)",
        requirements: &[OAUTH2_LOGIN_SOURCE],
    },
    Sources {
        profile: "Oracle section_157771510070; the Administrator role: netsuite-role-page.md §6.4 (Oracle section_1549964695); 2FA: netsuite-role-page.md §6.2 (Oracle section_N328126)",
        requirements: &[CONNECT_SOURCE, OAUTH2_FLOW_SOURCE],
    },
    Sources {
        profile: "Oracle article_4160616848 (NetSuite AI Connector Service FAQ: 'the NetSuite AI Connector service does not support Administrator roles'). The FAQ also asks for the Server SuiteScript, OAuth 2.0 and REST Web Services features and an AI client with PKCE; the role page cannot see those, so they are not requirements here",
        requirements: &[AI_CONNECTOR_SOURCE, OAUTH2_LOGIN_SOURCE, REST_SOURCE],
    },
];

/// The built-in profiles' summaries, in `ProfileId::ALL` order.
static SUMMARIES: [Id; 13] = [
    Id::ProfileCloudExtendSummary,
    Id::ProfileTokenLoginSummary,
    Id::ProfileSelfServiceTokensSummary,
    Id::ProfileSoapSummary,
    Id::ProfileRestSummary,
    Id::ProfileRestletSummary,
    Id::ProfileOAuth2Summary,
    Id::ProfileSuiteAnalyticsConnectSummary,
    Id::ProfileTokenAdminSummary,
    Id::ProfileOAuth2M2mSummary,
    Id::ProfileRestletOAuth2Summary,
    Id::ProfileSuiteAnalyticsConnectOAuth2Summary,
    Id::ProfileAiConnectorSummary,
];

impl Profile {
    /// One line, without a final period: when to pick it.
    pub fn summary_text(&self) -> Text {
        match &self.summary {
            Some(text) => text.clone(),
            None => ProfileId::ALL
                .iter()
                .position(|id| *id == self.id)
                .and_then(|index| SUMMARIES.get(index))
                .map_or(Text::Plain(String::new()), |id| Text::Message(*id)),
        }
    }

    /// Where the profile's rules come from, for a built-in profile; `None` for a custom one.
    pub fn sources(&self) -> Option<&'static Sources> {
        let index = ProfileId::ALL.iter().position(|id| *id == self.id)?;
        SOURCES.get(index)
    }
}

/// The thirteen built-in profiles, in `ProfileId::ALL` order.
pub fn builtins() -> &'static [Profile; 13] {
    &BUILTINS
}

/// The built-in profile with this id; `None` for a custom profile's id.
pub fn builtin(id: ProfileId) -> Option<&'static Profile> {
    builtins().iter().find(|profile| profile.id == id)
}

/// The default profile (CloudExtend, first of the built-in ones).
pub fn default_profile() -> &'static Profile {
    let [first, ..] = builtins();
    first
}

/// A profile as someone wrote it, before [`Profile::validate`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileDraft {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: Text,
    /// When to pick it, one line.
    pub summary: Text,
    /// What the role must hold.
    pub requirements: Vec<RequirementDraft>,
    /// Its other rules.
    pub flags: Flags,
}

/// A requirement as someone wrote it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequirementDraft {
    /// Permission ids, any of which satisfies it.
    pub any_of: Vec<String>,
    /// The level needed.
    pub level: Level,
    /// Why it is needed.
    pub why: Text,
}

impl From<&Profile> for ProfileDraft {
    fn from(profile: &Profile) -> ProfileDraft {
        ProfileDraft {
            id: profile.id.as_str().to_owned(),
            name: profile.name.clone(),
            summary: profile.summary_text(),
            requirements: profile
                .requirements
                .iter()
                .map(|requirement| RequirementDraft {
                    any_of: requirement
                        .any_of
                        .iter()
                        .map(|id| (*id).to_owned())
                        .collect(),
                    level: requirement.level,
                    why: requirement.why.clone(),
                })
                .collect(),
            flags: profile.flags,
        }
    }
}

/// The longest name of a profile, in characters.
pub const MAX_NAME_CHARS: usize = 80;
/// The longest summary of a profile, in characters.
pub const MAX_SUMMARY_CHARS: usize = 200;
/// The longest reason of a requirement, in characters.
pub const MAX_WHY_CHARS: usize = 300;
/// The most requirements a profile has.
pub const MAX_REQUIREMENTS: usize = 1000;

/// Which text of a profile an error is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The name.
    Name,
    /// The summary.
    Summary,
    /// The reason of the requirement at this index (from 0).
    Why(usize),
}

impl Field {
    fn message(self) -> Message {
        match self {
            Field::Name => Message::plain(Id::ProfileFieldName),
            Field::Summary => Message::plain(Id::ProfileFieldSummary),
            Field::Why(index) => Message::with(Id::ProfileFieldWhy, vec![Arg::Count(index + 1)]),
        }
    }
}

/// Why a profile was refused. Requirement indices count from 0 (messages count from 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProfileError {
    /// The id is not `custom:` and lower-case ASCII letters, digits or hyphens, at most
    /// [`MAX_ID_CHARS`] in all.
    InvalidId {
        /// The id as given (cut to [`MAX_ID_CHARS`] characters).
        id: String,
    },
    /// The id is a built-in profile's.
    BuiltinId {
        /// That built-in profile.
        id: ProfileId,
    },
    /// A text is empty (or only whitespace).
    Empty {
        /// Which.
        field: Field,
    },
    /// A text is longer than its limit.
    TooLong {
        /// Which.
        field: Field,
        /// The limit, in characters.
        max: usize,
    },
    /// The profile requires nothing.
    NoRequirements,
    /// More than [`MAX_REQUIREMENTS`] requirements.
    TooManyRequirements,
    /// A requirement names no permission.
    EmptyRequirement {
        /// The requirement.
        requirement: usize,
    },
    /// A requirement names an id the catalog does not know.
    UnknownPermission {
        /// The requirement.
        requirement: usize,
        /// The id as given (cut to [`MAX_ID_CHARS`] characters).
        id: String,
    },
    /// A permission is named twice, in one requirement or across two.
    DuplicatePermission {
        /// The permission.
        id: &'static str,
    },
    /// A requirement asks for a level one of its permissions does not take.
    ImpossibleLevel {
        /// The requirement.
        requirement: usize,
        /// The permission.
        id: &'static str,
        /// The level asked for.
        level: Level,
    },
    /// A requirement asks for the level None, which every role meets.
    LevelNone {
        /// The requirement.
        requirement: usize,
    },
}

impl ProfileError {
    /// The error in words.
    pub fn message(&self) -> Message {
        let number = |index: &usize| Arg::Count(index + 1);
        match self {
            ProfileError::InvalidId { id } => Message::with(
                Id::ProfileErrorInvalidId,
                vec![Arg::Text(id.clone()), Arg::Count(MAX_ID_CHARS)],
            ),
            ProfileError::BuiltinId { id } => Message::with(
                Id::ProfileErrorBuiltinId,
                vec![Arg::Text(id.as_str().to_owned())],
            ),
            ProfileError::Empty { field } => {
                Message::with(Id::ProfileErrorEmpty, vec![Arg::message(field.message())])
            }
            ProfileError::TooLong { field, max } => Message::with(
                Id::ProfileErrorTooLong,
                vec![Arg::message(field.message()), Arg::Count(*max)],
            ),
            ProfileError::NoRequirements => Message::plain(Id::ProfileErrorNoRequirements),
            ProfileError::TooManyRequirements => Message::with(
                Id::ProfileErrorTooManyRequirements,
                vec![Arg::Count(MAX_REQUIREMENTS)],
            ),
            ProfileError::EmptyRequirement { requirement } => {
                Message::with(Id::ProfileErrorEmptyRequirement, vec![number(requirement)])
            }
            ProfileError::UnknownPermission { requirement, id } => Message::with(
                Id::ProfileErrorUnknownPermission,
                vec![number(requirement), Arg::Text(id.clone())],
            ),
            ProfileError::DuplicatePermission { id } => Message::with(
                Id::ProfileErrorDuplicatePermission,
                vec![Arg::Permission((*id).to_owned())],
            ),
            ProfileError::ImpossibleLevel {
                requirement,
                id,
                level,
            } => Message::with(
                Id::ProfileErrorImpossibleLevel,
                vec![
                    number(requirement),
                    Arg::Permission((*id).to_owned()),
                    Arg::Level(*level),
                ],
            ),
            ProfileError::LevelNone { requirement } => {
                Message::with(Id::ProfileErrorLevelNone, vec![number(requirement)])
            }
        }
    }
}

fn cut(text: &str) -> String {
    text.chars().take(MAX_ID_CHARS).collect()
}

fn check_text(text: &Text, field: Field, max: usize, errors: &mut Vec<ProfileError>) {
    // A message id is the project's own text; only text someone wrote is checked.
    let Text::Plain(plain) = text else {
        return;
    };
    if plain.trim().is_empty() {
        errors.push(ProfileError::Empty { field });
    } else if plain.chars().count() > max {
        errors.push(ProfileError::TooLong { field, max });
    }
}

fn check_id(id: &str, errors: &mut Vec<ProfileError>) -> Option<ProfileId> {
    if let Some(builtin) = ProfileId::parse(id).filter(|builtin| builtin.as_str() == id) {
        errors.push(ProfileError::BuiltinId { id: builtin });
        return None;
    }
    let custom = CustomId::new(id);
    if custom.is_none() {
        errors.push(ProfileError::InvalidId { id: cut(id) });
    }
    custom.map(ProfileId::Custom)
}

impl Profile {
    /// Validates a profile someone wrote (a custom profile): its id must be well formed and not a
    /// built-in profile's, its texts not empty nor too long, and its requirements must be what
    /// `evaluate` can honour. Every problem is reported, in the order of the draft.
    pub fn validate(draft: ProfileDraft) -> Result<Profile, Vec<ProfileError>> {
        let mut errors = Vec::new();
        let id = check_id(&draft.id, &mut errors);
        check_text(&draft.name, Field::Name, MAX_NAME_CHARS, &mut errors);
        check_text(
            &draft.summary,
            Field::Summary,
            MAX_SUMMARY_CHARS,
            &mut errors,
        );
        if draft.requirements.is_empty() {
            errors.push(ProfileError::NoRequirements);
        } else if draft.requirements.len() > MAX_REQUIREMENTS {
            errors.push(ProfileError::TooManyRequirements);
        }
        let mut named: Vec<&'static str> = Vec::new();
        let mut requirements = Vec::new();
        for (index, draft) in draft.requirements.into_iter().enumerate() {
            if draft.any_of.is_empty() {
                errors.push(ProfileError::EmptyRequirement { requirement: index });
            }
            if draft.level == Level::None {
                errors.push(ProfileError::LevelNone { requirement: index });
            }
            let mut any_of = Vec::new();
            for given in &draft.any_of {
                let Some(permission) = catalog::by_id(given.trim()) else {
                    errors.push(ProfileError::UnknownPermission {
                        requirement: index,
                        id: cut(given),
                    });
                    continue;
                };
                if named.contains(&permission.id) {
                    errors.push(ProfileError::DuplicatePermission { id: permission.id });
                    continue;
                }
                named.push(permission.id);
                if draft.level != Level::None && !permission.levels.contains(draft.level) {
                    errors.push(ProfileError::ImpossibleLevel {
                        requirement: index,
                        id: permission.id,
                        level: draft.level,
                    });
                }
                any_of.push(permission.id);
            }
            check_text(&draft.why, Field::Why(index), MAX_WHY_CHARS, &mut errors);
            requirements.push(Requirement {
                any_of: Cow::Owned(any_of),
                level: draft.level,
                why: draft.why,
            });
        }
        match id {
            Some(id) if errors.is_empty() => Ok(Profile {
                id,
                name: draft.name,
                summary: Some(draft.summary),
                requirements: Cow::Owned(requirements),
                flags: draft.flags,
                oauth2: OAuth2Route::None,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> Text {
        Text::Plain(text.to_owned())
    }

    fn need(ids: &[&str], level: Level) -> RequirementDraft {
        RequirementDraft {
            any_of: ids.iter().map(|id| (*id).to_owned()).collect(),
            level,
            why: plain("because"),
        }
    }

    fn draft(id: &str, requirements: Vec<RequirementDraft>) -> ProfileDraft {
        ProfileDraft {
            id: id.to_owned(),
            name: plain("Our integration"),
            summary: plain("Our own integration logs in with tokens"),
            requirements,
            flags: Flags::default(),
        }
    }

    fn refused(draft: ProfileDraft) -> Vec<ProfileError> {
        match Profile::validate(draft) {
            Ok(profile) => panic!("accepted {profile:?}"),
            Err(errors) => errors,
        }
    }

    #[test]
    fn the_builtin_profiles_are_consistent_data() {
        let profiles = builtins();
        assert_eq!(profiles.len(), ProfileId::ALL.len());
        for (profile, id) in profiles.iter().zip(ProfileId::ALL) {
            assert_eq!(profile.id, id);
            assert_eq!(builtin(id), Some(profile));
            assert_eq!(ProfileId::parse(id.as_str()), Some(id));
            let sources = profile.sources().expect("a built-in profile has sources");
            assert!(!sources.profile.is_empty());
            assert_eq!(sources.requirements.len(), profile.requirements.len());
            assert!(sources.requirements.iter().all(|source| !source.is_empty()));
            assert!(!profile.requirements.is_empty());
            for requirement in profile.requirements.iter() {
                assert!(matches!(requirement.why, Text::Message(_)));
                assert_eq!(requirement.level, Level::Full);
            }
        }
        assert_eq!(ProfileId::default(), ProfileId::CloudExtend);
        assert_eq!(default_profile().id, ProfileId::CloudExtend);
        assert_eq!(ProfileId::parse(" rest "), Some(ProfileId::Rest));
        assert_eq!(ProfileId::parse("REST"), None);
        assert_eq!(ProfileId::parse(""), None);
    }

    #[test]
    fn the_builtin_profiles_pass_validation_but_for_their_taken_ids() {
        for profile in builtins() {
            let mut copy = ProfileDraft::from(profile);
            assert_eq!(
                refused(copy.clone()),
                [ProfileError::BuiltinId { id: profile.id }]
            );
            copy.id = format!("custom:{}", profile.id.as_str());
            let valid = Profile::validate(copy).unwrap_or_else(|errors| {
                panic!("{}: {errors:?}", profile.id.as_str());
            });
            assert_eq!(valid.requirements.len(), profile.requirements.len());
            for (valid, original) in valid.requirements.iter().zip(profile.requirements.iter()) {
                assert_eq!(valid.any_of, original.any_of);
                assert_eq!(valid.level, original.level);
            }
            assert_eq!(valid.flags, profile.flags);
        }
    }

    #[test]
    fn a_valid_custom_profile_is_owned_data_with_catalog_ids() {
        let profile = Profile::validate(draft(
            "custom:our-sync-2",
            vec![
                need(&[ids::LOGIN_OAUTH, ids::USER_ACCESS_TOKENS], Level::Full),
                need(&[" LIST_EMPLOYEE "], Level::View),
            ],
        ))
        .unwrap_or_else(|errors| panic!("{errors:?}"));
        assert_eq!(profile.id.as_str(), "custom:our-sync-2");
        assert!(matches!(profile.id, ProfileId::Custom(_)));
        assert_eq!(
            ProfileId::parse("custom:our-sync-2"),
            None,
            "parse knows built-ins only"
        );
        assert_eq!(
            *profile.requirements[0].any_of,
            [ids::LOGIN_OAUTH, ids::USER_ACCESS_TOKENS]
        );
        assert_eq!(*profile.requirements[1].any_of, ["LIST_EMPLOYEE"]);
        assert_eq!(profile.sources(), None);
    }

    #[test]
    fn ids_are_refused_when_malformed_or_taken() {
        for id in [
            "",
            "custom:",
            "our-sync",
            "custom:Our-Sync",
            "custom:our sync",
            "custom:our_sync",
            "custom:ünï",
            "Custom:ours",
            &format!("custom:{}", "x".repeat(34)),
        ] {
            let errors = refused(draft(id, vec![need(&[ids::WEBSERVICES], Level::Full)]));
            assert_eq!(errors, [ProfileError::InvalidId { id: cut(id) }], "{id:?}");
        }
        let errors = refused(draft("soap", vec![need(&[ids::WEBSERVICES], Level::Full)]));
        assert_eq!(
            errors,
            [ProfileError::BuiltinId {
                id: ProfileId::Soap
            }]
        );
        // " soap " is not a built-in id (ids are exact here), and not well formed either.
        let errors = refused(draft(" soap", vec![need(&[ids::WEBSERVICES], Level::Full)]));
        assert_eq!(
            errors,
            [ProfileError::InvalidId {
                id: " soap".to_owned()
            }]
        );
    }

    #[test]
    fn names_summaries_and_reasons_are_refused_when_empty_or_oversized() {
        let mut long = draft("custom:ours", vec![need(&[ids::WEBSERVICES], Level::Full)]);
        long.name = plain(&"n".repeat(MAX_NAME_CHARS + 1));
        long.summary = plain(" \n ");
        long.requirements[0].why = plain(&"w".repeat(MAX_WHY_CHARS + 1));
        assert_eq!(
            refused(long),
            [
                ProfileError::TooLong {
                    field: Field::Name,
                    max: MAX_NAME_CHARS
                },
                ProfileError::Empty {
                    field: Field::Summary
                },
                ProfileError::TooLong {
                    field: Field::Why(0),
                    max: MAX_WHY_CHARS
                },
            ]
        );
        let mut exact = draft("custom:ours", vec![need(&[ids::WEBSERVICES], Level::Full)]);
        exact.name = plain(&"é".repeat(MAX_NAME_CHARS));
        exact.requirements[0].why = plain("");
        assert_eq!(
            refused(exact),
            [ProfileError::Empty {
                field: Field::Why(0)
            }]
        );
    }

    #[test]
    fn requirements_are_refused_when_empty_unknown_duplicate_or_impossible() {
        assert_eq!(
            refused(draft("custom:ours", Vec::new())),
            [ProfileError::NoRequirements]
        );
        let many = vec![need(&[ids::WEBSERVICES], Level::Full); MAX_REQUIREMENTS + 1];
        assert!(refused(draft("custom:ours", many)).contains(&ProfileError::TooManyRequirements));
        assert_eq!(
            refused(draft("custom:ours", vec![need(&[], Level::Full)])),
            [ProfileError::EmptyRequirement { requirement: 0 }]
        );
        assert_eq!(
            refused(draft(
                "custom:ours",
                vec![need(&[ids::WEBSERVICES, "ADMI_NO_SUCH_THING"], Level::Full)]
            )),
            [ProfileError::UnknownPermission {
                requirement: 0,
                id: "ADMI_NO_SUCH_THING".to_owned()
            }]
        );
        assert_eq!(
            refused(draft(
                "custom:ours",
                vec![
                    need(&[ids::LOGIN_OAUTH, ids::USER_ACCESS_TOKENS], Level::Full),
                    need(&[ids::USER_ACCESS_TOKENS], Level::Full),
                ]
            )),
            [ProfileError::DuplicatePermission {
                id: ids::USER_ACCESS_TOKENS
            }]
        );
        assert_eq!(
            refused(draft(
                "custom:ours",
                vec![need(&[ids::WEBSERVICES, ids::WEBSERVICES], Level::Full)]
            )),
            [ProfileError::DuplicatePermission {
                id: ids::WEBSERVICES
            }]
        );
        // Every TBA permission takes only None and Full.
        assert_eq!(
            refused(draft(
                "custom:ours",
                vec![
                    need(&["LIST_EMPLOYEE"], Level::Edit),
                    need(&[ids::USER_ACCESS_TOKENS], Level::View)
                ]
            )),
            [ProfileError::ImpossibleLevel {
                requirement: 1,
                id: ids::USER_ACCESS_TOKENS,
                level: Level::View
            }]
        );
        assert_eq!(
            refused(draft(
                "custom:ours",
                vec![need(&["LIST_EMPLOYEE"], Level::None)]
            )),
            [ProfileError::LevelNone { requirement: 0 }]
        );
    }

    #[test]
    fn errors_render_as_messages_with_their_arguments() {
        let english = crate::message::english::Messages::load();
        let errors = [
            ProfileError::InvalidId { id: "A".to_owned() },
            ProfileError::BuiltinId {
                id: ProfileId::Soap,
            },
            ProfileError::Empty { field: Field::Name },
            ProfileError::TooLong {
                field: Field::Why(2),
                max: 300,
            },
            ProfileError::NoRequirements,
            ProfileError::TooManyRequirements,
            ProfileError::EmptyRequirement { requirement: 0 },
            ProfileError::UnknownPermission {
                requirement: 1,
                id: "X".to_owned(),
            },
            ProfileError::DuplicatePermission {
                id: ids::WEBSERVICES,
            },
            ProfileError::ImpossibleLevel {
                requirement: 0,
                id: ids::WEBSERVICES,
                level: Level::Edit,
            },
            ProfileError::LevelNone { requirement: 0 },
        ];
        let texts: Vec<String> = errors
            .iter()
            .map(|error| crate::message::render(&error.message(), &english))
            .collect();
        for (error, text) in errors.iter().zip(&texts) {
            assert_eq!(error.message().args.len(), error.message().id.arity());
            assert!(text.ends_with('.') && !text.contains('$'), "{text}");
        }
        assert_eq!(
            texts[3],
            "The reason of requirement 3 is longer than 300 characters."
        );
        assert_eq!(texts[8], "SOAP Web Services is named more than once.");
        assert_eq!(
            texts[9],
            "Requirement 1 asks for SOAP Web Services at Edit, a level it does not take."
        );
    }
}
