//! The permission catalog: every Setup-subtab permission (netsuite-role-page.md §5.2 and its extra
//! list) plus `REPO_ANALYTICS`, with UI names, aliases, accepted levels and the 2FA flag.
//!
//! The table is static data generated once from the markdown; nothing here parses markdown at
//! run time, and nothing here decides policy (that is `profile` and `evaluate`).

use crate::level::{Level, LevelSet};

/// A subtab of the role page's Permissions tab, i.e. one permission sublist ("machine").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Subtab {
    /// Transactions (`tranmach`).
    Transactions,
    /// Reports (`repomach`).
    Reports,
    /// Lists (`listsmach`).
    Lists,
    /// Setup (`setupmach`).
    Setup,
    /// Custom Record (`custrecordmach`).
    CustomRecord,
}

impl Subtab {
    /// All subtabs in page order.
    pub const ALL: [Subtab; 5] = [
        Subtab::Transactions,
        Subtab::Reports,
        Subtab::Lists,
        Subtab::Setup,
        Subtab::CustomRecord,
    ];

    /// The sublist machine name (netsuite-role-page.md §1), e.g. `"setupmach"`.
    pub fn machine(self) -> &'static str {
        match self {
            Subtab::Transactions => "tranmach",
            Subtab::Reports => "repomach",
            Subtab::Lists => "listsmach",
            Subtab::Setup => "setupmach",
            Subtab::CustomRecord => "custrecordmach",
        }
    }

    /// The subtab whose machine name is `machine` (exact match).
    pub fn from_machine(machine: &str) -> Option<Subtab> {
        Subtab::ALL
            .into_iter()
            .find(|subtab| subtab.machine() == machine)
    }

    /// The English UI label, e.g. `"Setup"`.
    pub fn label(self) -> &'static str {
        match self {
            Subtab::Transactions => "Transactions",
            Subtab::Reports => "Reports",
            Subtab::Lists => "Lists",
            Subtab::Setup => "Setup",
            Subtab::CustomRecord => "Custom Record",
        }
    }
}

/// One permission of the catalog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Permission {
    /// The `permkey`, e.g. `"ADMI_MANAGE_OWN_OAUTH_TOKENS"`.
    pub id: &'static str,
    /// The English UI name, e.g. `"User Access Tokens"`.
    /// Empty for the few ids of Salto's extra list whose name no source gives.
    pub name: &'static str,
    /// Other names the UI used or uses, e.g. `"Web Services"` for SOAP Web Services.
    pub aliases: &'static [&'static str],
    /// The subtab (sublist) the permission lives on.
    pub subtab: Subtab,
    /// The levels the permission accepts.
    pub levels: LevelSet,
    /// Whether holding it makes the role 2FA-required (netsuite-role-page.md §5.1).
    pub requires_2fa: bool,
}

impl Permission {
    /// The UI name, or the id when no source gives a name.
    pub fn display_name(&self) -> &'static str {
        if self.name.is_empty() {
            self.id
        } else {
            self.name
        }
    }

    /// Whether `name` is this permission's name or one of its aliases, ignoring case and runs of
    /// whitespace.
    pub fn is_named(&self, name: &str) -> bool {
        (!self.name.is_empty() && same_words(self.name, name))
            || self.aliases.iter().any(|alias| same_words(alias, name))
    }
}

/// Permission ids the rules refer to by name.
pub mod ids {
    /// Log in using Access Tokens.
    pub const LOGIN_OAUTH: &str = "ADMI_LOGIN_OAUTH";
    /// User Access Tokens.
    pub const USER_ACCESS_TOKENS: &str = "ADMI_MANAGE_OWN_OAUTH_TOKENS";
    /// Access Token Management.
    pub const ACCESS_TOKEN_MANAGEMENT: &str = "ADMI_MANAGE_OAUTH_TOKENS";
    /// SOAP Web Services.
    pub const WEBSERVICES: &str = "ADMI_WEBSERVICES";
    /// REST Web Services.
    pub const REST_WEBSERVICES: &str = "ADMI_RESTWEBSERVICES";
    /// Log in using OAuth 2.0 Access Tokens.
    pub const LOGIN_OAUTH2: &str = "ADMI_LOGIN_OAUTH2";
    /// OAuth 2.0 Authorized Applications Management.
    pub const MANAGE_OAUTH2: &str = "ADMI_MANAGE_OAUTH2";
    /// SuiteAnalytics Connect.
    pub const SUITEANALYTICS_CONNECT: &str = "ADMI_SUITEANALYTICSCONNECT";
    /// SuiteAnalytics Workbook (Reports subtab).
    pub const SUITEANALYTICS_WORKBOOK: &str = "REPO_ANALYTICS";
    /// Core Administration Permissions.
    pub const KERNEL: &str = "ADMI_KERNEL";
    /// Integration Application.
    pub const INTEGRATION_APPLICATION: &str = "ADMI_INTEGRAPP";
    /// Two-Factor Authentication base.
    pub const TWO_FACTOR_BASE: &str = "ADMI_TWOFACTORAUTHBASE";
}

/// Every permission of the catalog, in catalog order (the order of `data-missing`).
pub fn all() -> &'static [Permission] {
    &CATALOG
}

/// The permission with this exact `permkey`.
pub fn by_id(id: &str) -> Option<&'static Permission> {
    CATALOG.iter().find(|permission| permission.id == id)
}

/// The permission with this UI name or alias, ignoring case and runs of whitespace (NBSP too).
pub fn by_name(name: &str) -> Option<&'static Permission> {
    CATALOG.iter().find(|permission| permission.is_named(name))
}

/// The UI name of `id` when the catalog knows it, else the id itself.
pub fn name_of(id: &str) -> &str {
    by_id(id).map_or(id, |permission| permission.display_name())
}

/// The UI names of `ids` joined for a sentence: `A`, `A and B`, `A, B and C`.
pub fn names_sentence(ids: &[&str]) -> String {
    let names: Vec<&str> = ids.iter().map(|id| name_of(id)).collect();
    match names.as_slice() {
        [] => String::new(),
        [only] => (*only).to_owned(),
        [init @ .., last] => format!("{} and {last}", crate::text::join(init, ", ")),
    }
}

/// The catalog position of `id`, used to sort ids in catalog order.
pub fn position(id: &str) -> Option<usize> {
    CATALOG.iter().position(|permission| permission.id == id)
}

/// Sorts `items` in catalog order of their ids; ids the catalog does not know go last, by id.
///
/// An insertion sort: the lists sorted here are one profile's requirements (a handful), and it
/// keeps a general sort's code out of the content script's wasm.
pub(crate) fn sort_in_catalog_order<T>(items: &mut [T], id: impl Fn(&T) -> &'static str) {
    let key = |item: &T| (position(id(item)).unwrap_or(usize::MAX), id(item));
    for end in 1..items.len() {
        let mut at = end;
        while at > 0 && key(&items[at - 1]) > key(&items[at]) {
            items.swap(at - 1, at);
            at -= 1;
        }
    }
}

/// Compares two names word by word, ignoring ASCII case and the kind and length of whitespace runs
/// (see `fold` for why only ASCII letters are folded).
pub(crate) fn same_words(left: &str, right: &str) -> bool {
    let mut left_words = left.split_whitespace();
    let mut right_words = right.split_whitespace();
    loop {
        match (left_words.next(), right_words.next()) {
            (None, None) => return true,
            (Some(left_word), Some(right_word)) => {
                let same = left_word.eq_ignore_ascii_case(right_word);
                if !same {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

const ALL: LevelSet = LevelSet::ALL;
const NONE_FULL: LevelSet = LevelSet::NONE_FULL;
const FULL_ONLY: LevelSet = LevelSet::of(&[Level::Full]);
const VIEW_ONLY: LevelSet = LevelSet::of(&[Level::View]);
const NVF: LevelSet = LevelSet::of(&[Level::None, Level::View, Level::Full]);
const NVC: LevelSet = LevelSet::of(&[Level::None, Level::View, Level::Create]);
const NVE: LevelSet = LevelSet::of(&[Level::None, Level::View, Level::Edit]);
const NVEF: LevelSet = LevelSet::of(&[Level::None, Level::View, Level::Edit, Level::Full]);
const VCEF: LevelSet = LevelSet::of(&[Level::View, Level::Create, Level::Edit, Level::Full]);

const fn p(
    id: &'static str,
    name: &'static str,
    aliases: &'static [&'static str],
    levels: LevelSet,
    requires_2fa: bool,
) -> Permission {
    Permission {
        id,
        name,
        aliases,
        subtab: Subtab::Setup,
        levels,
        requires_2fa,
    }
}

/// Generated once from netsuite-role-page.md §5.2 (names: Oracle's permissions.json, with the
/// `ADMI_LOGIN_OAUTH` erratum applied; levels: Salto), then its extra list, then `REPO_ANALYTICS`.
/// The 2FA flags follow §5.1 ("Requires 2FA"); the "View Unencrypted …" permissions are not on
/// the Setup subtab and are left out.
#[rustfmt::skip]
static CATALOG: [Permission; CATALOG_LEN] = [
    p("ADMI_ACCOUNTING", "Accounting Management", &[], NONE_FULL, false),
    p("ADMI_ACCOUNTINGBOOK", "Accounting Book", &[], ALL, false),
    p("ADMI_ACCOUNTINGLIST", "Accounting Lists", &[], ALL, false),
    p("ADMI_ACCTPERIODS", "Manage Accounting Periods", &[], NVF, false),
    p("ADMI_ACCTSETUP", "Set Up Accounting", &["Accounting Preferences"], NONE_FULL, false),
    p("ADMI_ADMINDOCSEU", "Admindocs EU", &[], NONE_FULL, false),
    p("ADMI_ADMINDOCSNA", "Admindocs NA", &[], NONE_FULL, false),
    p("ADMI_ADMINDOCSOTHER", "Admindocs OTHER", &[], NONE_FULL, false),
    p("ADMI_ACH", "Set Up ACH Processing", &[], NONE_FULL, false),
    p("ADMI_ADVANCED_ORDER_MANAGEMENT", "Advanced Order Management", &[], NONE_FULL, false),
    p("ADMI_ADVANCED_TEMPLATES", "Advanced PDF/HTML Templates", &[], NONE_FULL, false),
    p("ADMI_ALLOW_JS_HTML_UPLOAD", "Allow JS / HTML Uploads", &[], NONE_FULL, false),
    p("ADMI_ALLOWNONGLCHANGES", "Allow Non G/L Changes", &[], NONE_FULL, false),
    p("ADMI_ANALYTICS", "Analytics Administrator", &[], NONE_FULL, false),
    p("ADMI_APP_DEPLOYMENT", "SuiteApp Deployment", &[], NONE_FULL, false),
    p("ADMI_APPDEFPKG", "App Definitions and Packages", &[], NONE_FULL, false),
    p("ADMI_APPPUBLISHER", "Application Publishers", &[], NONE_FULL, false),
    p("ADMI_AUDITLOGIN", "View Login Audit Trail", &[], NONE_FULL, false),
    p("ADMI_BACKUPEXPORT", "Backup Your Data", &[], NONE_FULL, false),
    p("ADMI_BALANCE_TRX_BY_SEGMENTS", "Balance Transactions by Segments", &[], NVC, false),
    p("ADMI_BANK_CONNECTIVITY_CONFIG", "Bank Connectivity Plug-In Configuration", &[], NONE_FULL, false),
    p("ADMI_BILLINGINFO", "Billing Information", &[], NONE_FULL, false),
    p("ADMI_BLCGA", "Balance Location Costing Group Accounts", &[], NONE_FULL, false),
    p("ADMI_BUNDLER", "SuiteBundler", &["SuiteApp Marketplace"], NONE_FULL, false),
    p("ADMI_BUNDLERAUDITTRAIL", "SuiteBundler Audit Trail", &[], NONE_FULL, false),
    p("ADMI_BUNDLERMANUP", "SuiteBundler Upgrade Install Base", &[], NONE_FULL, false),
    p("ADMI_CAMPAIGNEMAIL", "Set Up Campaign Email Addresses", &[], NONE_FULL, false),
    p("ADMI_CAMPAIGNSETUP", "Setup Campaigns", &[], NONE_FULL, false),
    p("ADMI_CASEALERT", "Case Alerts", &[], NVF, false),
    p("ADMI_CASEFORM", "Online Case Form", &[], NONE_FULL, false),
    p("ADMI_CASEISSUE", "Support Case Issue", &[], NONE_FULL, false),
    p("ADMI_CASEORIGIN", "Support Case Origin", &[], NONE_FULL, false),
    p("ADMI_CASEPRIORITY", "Support Case Priority", &[], NONE_FULL, false),
    p("ADMI_CASESTATUS", "Support Case Status", &[], NONE_FULL, false),
    p("ADMI_CASETYPE", "Support Case Type", &[], NONE_FULL, false),
    p("ADMI_CASERULE", "Support Case Territory Rule", &[], ALL, false),
    p("ADMI_CASETERRITORY", "Support Case Territory", &[], ALL, false),
    p("ADMI_CENTERLINK", "Custom Center Link", &[], NONE_FULL, false),
    p("ADMI_CERTIFICATES", "Certificate Management", &[], ALL, false),
    p("ADMI_CLASSESTOLOCS", "Convert Classes to Locations", &[], NONE_FULL, false),
    p("ADMI_CLASSSEGMENTMAPPING", "Class Segment Mapping", &["Class Mapping"], NONE_FULL, false),
    p("ADMI_CLOSEPERIOD", "Lock Transactions", &[], NONE_FULL, false),
    p("ADMI_COMMERCECATEGORY", "Commerce Categories", &[], NONE_FULL, false),
    p("ADMI_COMMISSIONSETUP", "Commission Feature Setup", &[], NONE_FULL, false),
    p("ADMI_COMPANY", "Company Information", &[], NONE_FULL, false),
    p("ADMI_CONVERTCLASSES", "Convert Classes to Departments", &[], NONE_FULL, false),
    p("ADMI_CONVERTLEAD", "Lead Conversion Mapping", &[], NONE_FULL, false),
    p("ADMI_COPYPROJECTTASK", "Copy Project Tasks", &[], NONE_FULL, false),
    p("ADMI_CREATEJOBSFROMSALESTRANS", "Create Jobs from Sales Transactions", &[], NONE_FULL, false),
    p("ADMI_CREDITCARD", "Credit Card Processing", &[], NONE_FULL, false),
    p("ADMI_CRMLIST", "CRM Lists", &[], ALL, false),
    p("ADMI_CROSSCHARGE", "Manage Cross Charge Automation", &[], NVF, false),
    p("ADMI_CSVIMPORTPREF", "Set Up CSV Preferences", &[], NONE_FULL, false),
    p("ADMI_CUSTADDRESSFORM", "Custom Address Form", &[], ALL, false),
    p("ADMI_CUSTBODYFIELD", "Custom Body Fields", &[], ALL, false),
    p("ADMI_CUSTCATEGORY", "Custom Center Categories", &[], ALL, false),
    p("ADMI_CUSTCENTER", "Custom Centers", &[], ALL, false),
    p("ADMI_CUSTCOLUMNFIELD", "Custom Column Fields", &[], ALL, false),
    p("ADMI_CUSTEMAILLAYOUT", "Custom HTML Layouts", &[], ALL, false),
    p("ADMI_CUSTENTITYFIELD", "Custom Entity Fields", &[], ALL, false),
    p("ADMI_CUSTENTRYFORM", "Custom Entry Forms", &[], ALL, false),
    p("ADMI_CUSTEVENTFIELD", "Custom Event Fields", &[], ALL, false),
    p("ADMI_CUSTFIELD", "Custom Fields", &[], ALL, false),
    p("ADMI_CUSTFIELDTAB", "Custom Subtabs", &[], ALL, false),
    p("ADMI_CUSTFORM", "Custom Transaction Forms", &[], ALL, false),
    p("ADMI_CUSTITEMFIELD", "Custom Item Fields", &[], ALL, false),
    p("ADMI_CUSTITEMNUMBERFIELD", "Custom Item Number Fields", &[], ALL, false),
    p("ADMI_CUSTLAYOUT", "Custom PDF Layouts", &[], ALL, false),
    p("ADMI_CUSTLIST", "Custom Lists", &[], ALL, false),
    p("ADMI_CUSTOMERFORM", "Online Customer Form", &[], ALL, false),
    p("ADMI_CUSTOMERRULE", "Sales Territory Rule", &[], ALL, false),
    p("ADMI_CUSTOMER_SEGMENTS", "Customer Segments Manager", &[], NONE_FULL, false),
    p("ADMI_CUSTOMIZEDFIELDLEVELHELP", "Customize Field Level Help", &[], ALL, false),
    p("ADMI_CUSTOMSCRIPT", "SuiteScript", &[], ALL, false),
    p("ADMI_CUSTOMSUBLIST", "Custom Sublists", &[], ALL, false),
    p("ADMI_CUSTOTHERFIELD", "Other Custom Fields", &[], ALL, false),
    p("ADMI_CUSTRECORD", "Custom Record Types", &[], ALL, false),
    p("ADMI_CUSTRECORDFORM", "Online Custom Record Form", &[], ALL, false),
    p("ADMI_CUSTSECTION", "Custom Center Tabs", &[], ALL, false),
    p("ADMI_CUSTTASKS", "Custom Center Links", &[], ALL, false),
    p("ADMI_CUSTTRANFIELD", "Custom Transaction Fields", &[], ALL, false),
    p("ADMI_CUSTTRANSACTION", "Custom Transaction Types", &[], ALL, false),
    p("ADMI_DELETEDRECORD", "Deleted Records", &[], NONE_FULL, false),
    p("ADMI_DEPTSEGMENTMAPPING", "Department Segment Mapping", &["Department Mapping"], NONE_FULL, false),
    p("ADMI_DEVICE_ID", "Device ID Management", &[], NONE_FULL, true),
    p("ADMI_DIRECTINVOICEPAYMENTSETUP", "Direct Invoice Payment Setup", &[], NONE_FULL, false), // Levels not listed in Salto's table ("—"): treated as None and Full.
    p("ADMI_DOMAINS", "Set Up Domains", &[], NONE_FULL, false),
    p("ADMI_DUPLICATESETUP", "Duplicate Detection Setup", &[], NONE_FULL, false),
    p("ADMI_EMPLCATEGORY", "Publish Employee List", &[], NONE_FULL, false),
    p("ADMI_EMPLOYEE_EXPENSE_SOURCE", "Employee Expense Sources", &[], ALL, false),
    p("ADMI_EMPLOYEECENTERPUBLISHING", "Employee Center Publishing", &[], NONE_FULL, false),
    p("ADMI_EMPLOYEELIST", "Other Lists", &[], ALL, false),
    p("ADMI_ENABLEFEATURES", "Enable Features", &[], NONE_FULL, false),
    p("ADMI_ENTITYACCOUNTMAPPING", "Entity Account Mapping", &[], NONE_FULL, false),
    p("ADMI_ENTITYSTATUS", "Customer Status", &[], NONE_FULL, false),
    p("ADMI_ESCALATIONRULE", "Escalation Assignment Rule", &[], ALL, false),
    p("ADMI_ESCALATIONTERRITORY", "Escalation Assignment", &[], ALL, false),
    p("ADMI_EXPENSEREPORTPOLICY", "Expense Report Policies", &[], NVF, false),
    p("ADMI_EXPORTIIF", "Export as IIF", &[], NONE_FULL, false),
    p("ADMI_FFTEXCEPTIONREASON", "Fulfillment Exception Reason", &[], ALL, false),
    p("ADMI_FINANCIALINSTITUTION", "Financial Institution Records", &[], NONE_FULL, false),
    p("ADMI_FINCHARGEPREF", "Finance Charge Preferences", &[], NONE_FULL, false),
    p("ADMI_GAINLOSSACCTMAPPING", "Foreign Currency Variance Mapping", &[], NONE_FULL, false),
    p("ADMI_GLOBALACCOUNTMAPPING", "Global Account Mapping", &[], NONE_FULL, false),
    p("ADMI_HTMLFORMULA", "Create HTML Formulas in Search", &[], FULL_ONLY, false),
    p("ADMI_IMPORTCSVFILE", "Import CSV File", &[], NONE_FULL, false),
    p("ADMI_IMPORTOVERRIDESSTRIG", "Control SuiteScript and Workflow Triggers per CSV Import", &[], NONE_FULL, false),
    p("ADMI_IMPORTXML", "Set Up ADP Payroll", &[], NONE_FULL, false),
    p("ADMI_INTEGRAPP", "Integration Application", &[], NONE_FULL, true),
    p("ADMI_ISSUESETUP", "Issue Setup", &[], NONE_FULL, false),
    p("ADMI_ISSUESHOWSTOPPER", "Mark Issue As Showstopper", &[], NONE_FULL, false),
    p("ADMI_ITEMACCOUNTMAPPING", "Item Account Mapping", &[], NONE_FULL, false),
    p("ADMI_KERNEL", "Core Administration Permissions", &[], NONE_FULL, true),
    p("ADMI_KEYS", "Key Management", &[], ALL, false),
    p("ADMI_KNOWLEDGEBASE", "Publish Knowledge Base", &[], ALL, false),
    p("ADMI_KPIREPORT", "KPI Scorecards", &[], NONE_FULL, false),
    p("ADMI_LOCATIONCOSTINGGROUP", "Location Costing Group", &[], NONE_FULL, false),
    p("ADMI_LOCSEGMENTMAPPING", "Location Segment Mapping", &["Location Mapping"], NONE_FULL, false),
    p("ADMI_LOGIN_OAUTH", "Log in using Access Tokens", &[], NONE_FULL, false),
    p("ADMI_LOGIN_OAUTH2", "Log in using OAuth 2.0 Access Tokens", &[], NONE_FULL, false),
    p("ADMI_MANAGECUSTOMSEGMENTS", "Custom Segments", &[], ALL, false),
    p("ADMI_MANAGE_OAUTH2", "OAuth 2.0 Authorized Applications Management", &[], NONE_FULL, true),
    p("ADMI_MANAGE_OAUTH_TOKENS", "Access Token Management", &[], NONE_FULL, true),
    p("ADMI_MANAGE_OWN_OAUTH_TOKENS", "User Access Tokens", &[], NONE_FULL, false),
    p("ADMI_MANAGE_RESTRICTIONS", "Manage Custom Restrictions", &[], ALL, false),
    p("ADMI_MANAGEPERMISSIONS", "Manage Custom Permissions", &[], NONE_FULL, false),
    p("ADMI_MANAGEROLES", "Bulk Manage Roles", &[], NONE_FULL, false),
    p("ADMI_MANAGEUSERS", "Manage Users", &[], NONE_FULL, false),
    p("ADMI_MANUFACTURING", "Manufacturing Preferences", &[], NONE_FULL, false),
    p("ADMI_MCP_SERVER", "MCP Server Connection", &[], NONE_FULL, false), // Levels not listed in Salto's table ("—"): treated as None and Full.
    p("ADMI_MHLEVEL", "Merchandise Hierarchy Level", &[], NONE_FULL, false),
    p("ADMI_MHNODE", "Merchandise Hierarchy Node", &[], NONE_FULL, false),
    p("ADMI_MHVERSION", "Merchandise Hierarchy Version", &[], NONE_FULL, false),
    p("ADMI_MIGRATEREVARRNGANDPLAN", "Migrate Revenue Arrangements and Plans", &[], NONE_FULL, false),
    p("ADMI_MOBILE_ACCESS", "Mobile Device Access", &[], NONE_FULL, false),
    p("ADMI_NSASOIDCPROVIDER", "OIDC Provider Setup", &[], NONE_FULL, true),
    p("ADMI_NUMBERING", "Auto-Generated Numbers", &[], NVEF, false),
    p("ADMI_OIDC", "OpenID Connect Single Sign-On", &[], NONE_FULL, false),
    p("ADMI_OIDCSETUP", "Set Up OpenID Connect Single Sign-On", &[], NONE_FULL, true),
    p("ADMI_OPENIDSSO", "OpenID Single Sign-on", &[], NONE_FULL, false),
    p("ADMI_OPENIDSSOSETUP", "Set Up OpenID Single Sign-on", &[], NONE_FULL, true),
    p("ADMI_ORDERALLOCATIONSTRATEGY", "Order Allocation Strategy", &[], ALL, false),
    p("ADMI_ORDERPROMISING", "Order Promising", &[], NVF, false),
    p("ADMI_OUTLOOKINTEGRATION", "Outlook Integration 2.0", &[], NONE_FULL, false),
    p("ADMI_OUTLOOKINTEGRATION_V3", "Outlook Integration 3.0", &[], NONE_FULL, false),
    p("ADMI_PARTNERCONTRIBUTION", "Partner Contribution", &[], NONE_FULL, false),
    p("ADMI_PAYMENT_LINK_SETUP", "Set Up Payment Link", &[], NONE_FULL, false),
    p("ADMI_PAYROLL", "Set Up Payroll", &[], NONE_FULL, false),
    p("ADMI_PENDINGBOOKJOURNAL", "Allow Pending Book Journal Entry", &[], NONE_FULL, false),
    p("ADMI_PERIODCLOSING", "Period Closing Management", &[], NONE_FULL, false),
    p("ADMI_PERIODOVERRIDE", "Override Period Restrictions", &[], NONE_FULL, false),
    p("ADMI_PI_REMOVAL_CREATE", "Remove Personal Information Create", &[], NONE_FULL, false),
    p("ADMI_PI_REMOVAL_RUN", "Remove Personal Information Run", &[], NONE_FULL, false),
    p("ADMI_PROJECT_ACCOUNTING_SETUP", "Project Profitability Setup", &["Project Profitability"], NONE_FULL, false),
    p("ADMI_PROMPTS", "Prompts", &[], NONE_FULL, false), // Levels not listed in Salto's table ("—"): treated as None and Full.
    p("ADMI_PROVISION", "Provisioning", &[], NVF, false),
    p("ADMI_REPOGROUPS", "Financial Statement Sections", &[], NONE_FULL, false),
    p("ADMI_REPOLAYOUTS", "Financial Statement Layouts", &[], NONE_FULL, false),
    p("ADMI_RESTWEBSERVICES", "REST Web Services", &[], NONE_FULL, false),
    p("ADMI_REVIEW_CUSTOM_GL_RUNS", "Review Custom GL plug-in executions", &[], NONE_FULL, false),
    p("ADMI_SALESCHANNEL", "Sales Channel", &[], ALL, false),
    p("ADMI_SALESTERRITORY", "Sales Territory", &[], ALL, false),
    p("ADMI_SAMLSSO", "SAML Single Sign-on", &[], NONE_FULL, false),
    p("ADMI_SAMLSSOSETUP", "Set Up SAML Single Sign-on", &[], NONE_FULL, true),
    p("ADMI_SAVEDASHBOARD", "Publish Dashboards", &[], NONE_FULL, false),
    p("ADMI_SETUPCOMPANY", "Set Up Company", &[], NVF, false),
    p("ADMI_SETUPIMAGERESIZE", "Set Up Image Resizing", &[], NONE_FULL, false),
    p("ADMI_SETUPYEARSTATUS", "Set Up Year Status", &[], NONE_FULL, false),
    p("ADMI_SFASETUP", "Sales Force Automation Setup", &[], NONE_FULL, false),
    p("ADMI_SITEMANAGEMENT", "Website Management", &[], NONE_FULL, false),
    p("ADMI_STATETAXIMPORT", "Import State Sales Tax", &[], NONE_FULL, false),
    p("ADMI_STORESEARCH", "Site Search", &[], NONE_FULL, false),
    p("ADMI_STORESETUP", "Set Up Website", &[], NONE_FULL, false),
    p("ADMI_SUBLIST", "Custom Sublist", &[], ALL, false),
    p("ADMI_SUBSIDIARYHIERARCHYMOD", "Subsidiary Hierarchy Modification", &[], NVE, false),
    p("ADMI_SUBSIDIARYSETTINGSMANAGER", "Subsidiary Settings Manager", &[], NVE, false),
    p("ADMI_SUITE_OAX_CONNECTOR", "NSAW Connector Administrator", &["OAX Connector Administrator"], NONE_FULL, false),
    p("ADMI_SUITEANALYTICSCONNECT", "SuiteAnalytics Connect", &[], NONE_FULL, false),
    p("ADMI_SUITEAPP_MANAGEMENT", "SuiteApp Management", &[], NONE_FULL, false),
    p("ADMI_SUITECOMMERCEANALYTICS", "SuiteCommerce Analytics", &[], NVF, false),
    p("ADMI_SUITESIGNON", "SuiteSignOn", &[], NONE_FULL, false),
    p("ADMI_SUPPLYALLOCATIONSETUP", "Supply Allocation Setup", &[], ALL, false),
    p("ADMI_SUPPORTSETUP", "Support Setup", &[], NONE_FULL, false),
    p("ADMI_SWAPPRICES", "Swap Prices Between Price Levels", &[], NONE_FULL, false),
    p("ADMI_TAXMIGRATION", "SuiteTax Migration", &[], NONE_FULL, false),
    p("ADMI_TIMEMODIFICATION", "Bulk Time Entry Modification", &[], NONE_FULL, false),
    p("ADMI_TAXPERIODS", "Manage Tax Reporting Periods", &[], NONE_FULL, false),
    p("ADMI_TEAMSELLINGCONTRIBUTION", "Team Selling Contribution", &[], NONE_FULL, false),
    p("ADMI_TELEPHONY_SETUP", "Telephony Integration", &[], NONE_FULL, false),
    p("ADMI_TRAN_ACCOUNTING_RULES", "Transaction Accounting Rules", &[], NONE_FULL, false),
    p("ADMI_TRANSITEMTXT", "Translation", &[], NONE_FULL, false),
    p("ADMI_TRANSLATION", "Manage Translation", &[], NONE_FULL, false),
    p("ADMI_TSTDRV_MASTER", "Testdrive Masters", &[], NONE_FULL, false),
    p("ADMI_TWOFACTORAUTH", "Two-Factor Authentication", &[], NONE_FULL, false),
    p("ADMI_TWOFACTORAUTHBASE", "Two-Factor Authentication base", &[], NONE_FULL, true),
    p("ADMI_UNCATSITEITEMS", "Uncategorized Presentation Items", &[], NONE_FULL, false),
    p("ADMI_UPDATEPRICES", "Update Prices", &[], NONE_FULL, false),
    p("ADMI_UPSELLSETUP", "Upsell Setup", &[], NONE_FULL, false),
    p("ADMI_WEBSERVICES", "SOAP Web Services", &["Web Services"], NONE_FULL, false),
    p("ADMI_WEBSERVICESLOG", "View SOAP Web Services Logs", &["View Web Services Logs"], NONE_FULL, false),
    p("ADMI_WEBSERVICESSETUP", "Set Up SOAP Web Services", &["Set Up Web Services"], NONE_FULL, false),
    p("ADMI_WORKFLOW", "Workflow", &[], NONE_FULL, false),
    p("ADMINDOCS", "Admindocs", &[], NONE_FULL, false),
    p("ADMI_RECORDS_CATALOG", "", &[], VIEW_ONLY, false), // Extra list: the only level listed is View.
    p("ADMI_SECRETS", "Secrets", &[], VCEF, false),
    p("ADMI_SAC_READALL", "SuiteAnalytics Connect - Read All", &[], FULL_ONLY, false),
    p("ADMI_PROJECTTEMPLATE", "", &[], FULL_ONLY, false),
    p("ADMI_TYPE", "", &[], FULL_ONLY, false),
    p("ADMI_USER", "", &[], FULL_ONLY, false),
    p("ADMI_VICARIOUS_EMAILS", "", &[], FULL_ONLY, false),
    p("ADMI_WEBSERVICESOVERRIDESSTRING", "Control SuiteScript and Workflow Triggers in Web Services Request", &[], FULL_ONLY, false),
    // netsuite-role-page.md §5.2 "Other subtabs": REST and SuiteQL need it. Its levels are not in
    // the docs; like the TBA permissions it is treated as None and Full, and required at Full.
    Permission {
        id: "REPO_ANALYTICS",
        name: "SuiteAnalytics Workbook",
        aliases: &[],
        subtab: Subtab::Reports,
        levels: NONE_FULL,
        requires_2fa: false,
    },
];

const CATALOG_LEN: usize = 212;

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn catalog_is_large_and_unique() {
        let setup = all().iter().filter(|p| p.subtab == Subtab::Setup).count();
        assert!(setup >= 190, "only {setup} Setup ids");
        let mut seen_ids = HashSet::new();
        for permission in all() {
            assert!(
                seen_ids.insert(permission.id),
                "duplicate id {}",
                permission.id
            );
            assert!(
                !permission.levels.is_empty(),
                "{} has no level",
                permission.id
            );
            assert!(permission.levels.contains(Level::Full) || permission.levels.max().is_some());
        }
        // No name or alias may point at two permissions.
        for permission in all() {
            for name in std::iter::once(&permission.name).chain(permission.aliases) {
                if name.is_empty() {
                    continue;
                }
                let owners: Vec<_> = all()
                    .iter()
                    .filter(|p| p.is_named(name))
                    .map(|p| p.id)
                    .collect();
                assert_eq!(owners, vec![permission.id], "name {name:?} is ambiguous");
            }
        }
    }

    #[test]
    fn two_factor_permissions_match_section_5_1() {
        let flagged: Vec<&str> = all()
            .iter()
            .filter(|p| p.requires_2fa)
            .map(|p| p.id)
            .collect();
        let expected = [
            "ADMI_DEVICE_ID",
            "ADMI_INTEGRAPP",
            "ADMI_KERNEL",
            "ADMI_MANAGE_OAUTH2",
            "ADMI_MANAGE_OAUTH_TOKENS",
            "ADMI_NSASOIDCPROVIDER",
            "ADMI_OIDCSETUP",
            "ADMI_OPENIDSSOSETUP",
            "ADMI_SAMLSSOSETUP",
            "ADMI_TWOFACTORAUTHBASE",
        ];
        let mut sorted = flagged.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, expected);
    }

    fn check_name(name: &str, expected: Option<&str>) {
        assert_eq!(by_name(name).map(|p| p.id), expected, "looking up {name:?}");
    }

    #[test]
    fn lookup_by_name() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Log in using Access Tokens", Some(ids::LOGIN_OAUTH)),
            ("log  in using\u{a0}access tokens", Some(ids::LOGIN_OAUTH)),
            (" USER ACCESS TOKENS ", Some(ids::USER_ACCESS_TOKENS)),
            ("Web Services", Some(ids::WEBSERVICES)),
            ("SOAP Web Services", Some(ids::WEBSERVICES)),
            ("Accounting Preferences", Some("ADMI_ACCTSETUP")),
            ("Allow JS / HTML Uploads", Some("ADMI_ALLOW_JS_HTML_UPLOAD")),
            ("Support Case Priority", Some("ADMI_CASEPRIORITY")),
            ("Admindocs OTHER", Some("ADMI_ADMINDOCSOTHER")),
            ("Merchandise Hierarchy Version", Some("ADMI_MHVERSION")),
            (
                "Remove Personal Information Run",
                Some("ADMI_PI_REMOVAL_RUN"),
            ),
            ("SuiteAnalytics Workbook", Some("REPO_ANALYTICS")),
            (
                "Log In using OAuth 2.0 Access Tokens",
                Some(ids::LOGIN_OAUTH2),
            ),
            ("Zugriffstoken für Benutzer", None),
            ("", None),
            ("   ", None),
        ];
        for (name, expected) in cases {
            check_name(name, *expected);
        }
    }

    #[test]
    fn lookup_by_id_and_position() {
        assert_eq!(
            by_id(ids::WEBSERVICES).map(|p| p.name),
            Some("SOAP Web Services")
        );
        assert_eq!(by_id("admi_webservices"), None);
        assert_eq!(
            by_id(ids::SUITEANALYTICS_WORKBOOK).map(|p| p.subtab),
            Some(Subtab::Reports)
        );
        assert!(position(ids::LOGIN_OAUTH) < position(ids::USER_ACCESS_TOKENS));
        assert_eq!(position("NOPE"), None);
        assert_eq!(
            by_id("ADMI_TYPE").map(|p| p.display_name()),
            Some("ADMI_TYPE")
        );
        for subtab in Subtab::ALL {
            assert_eq!(Subtab::from_machine(subtab.machine()), Some(subtab));
        }
        assert_eq!(Subtab::from_machine("setupmachine"), None);
    }

    #[test]
    fn named_ids_are_in_the_catalog() {
        for id in [
            ids::LOGIN_OAUTH,
            ids::USER_ACCESS_TOKENS,
            ids::ACCESS_TOKEN_MANAGEMENT,
            ids::WEBSERVICES,
            ids::REST_WEBSERVICES,
            ids::LOGIN_OAUTH2,
            ids::MANAGE_OAUTH2,
            ids::SUITEANALYTICS_CONNECT,
            ids::SUITEANALYTICS_WORKBOOK,
            ids::KERNEL,
            ids::INTEGRATION_APPLICATION,
            ids::TWO_FACTOR_BASE,
        ] {
            let permission = by_id(id).unwrap_or_else(|| panic!("{id} missing"));
            assert!(permission.levels.contains(Level::Full));
        }
    }
}
