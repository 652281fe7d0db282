//! Every sentence a person reads, as a message id with typed arguments: `rules` decides what is
//! said, `_locales/<lang>/messages.json` says it, and the adapters look the ids up through the
//! WebExtension i18n API (`i18n.getMessage`), behind the [`Lookup`] trait.
//!
//! [`render`] turns a [`Message`] into text: it renders each argument first (a permission by its
//! name, a list of them as "A, B and C", a level or a subtab by its own message, a nested message),
//! then asks the lookup for the message with those substitutions (`$1`, `$2`, … in the order of
//! `args`). An id the lookup does not know renders as the id itself, so a missing translation is
//! visible but never breaks a page.

use crate::catalog::{self, Subtab};
use crate::level::Level;

/// Looks a message up by id with its substitutions, as `i18n.getMessage(id, substitutions)`
/// does; `None` when the id is unknown.
pub trait Lookup {
    /// The message `id` with its placeholders filled from `substitutions` (`$1` is the first).
    fn get(&self, id: &str, substitutions: &[String]) -> Option<String>;
}

/// A text for people: a message id and its arguments, in the order of the message's `$1`, `$2`, ….
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// Which message.
    pub id: Id,
    /// Its arguments; their number is [`Id::arity`].
    pub args: Vec<Arg>,
}

impl Message {
    /// A message without arguments.
    pub fn plain(id: Id) -> Message {
        Message {
            id,
            args: Vec::new(),
        }
    }

    /// A message with arguments.
    pub fn with(id: Id, args: Vec<Arg>) -> Message {
        Message { id, args }
    }
}

/// Builds a message argument by argument, in the order of its placeholders:
/// `Message::plain(id).permission(a).level(b)`. One call per argument keeps the code that builds a
/// message small (it matters in the size-budgeted content wasm), unlike a `vec!` of [`Arg`]s.
impl Message {
    /// Adds `arg`.
    #[must_use]
    pub fn arg(mut self, arg: Arg) -> Message {
        self.args.push(arg);
        self
    }

    /// Adds a text shown as it is.
    #[must_use]
    pub fn text(self, text: &str) -> Message {
        self.arg(Arg::Text(text.to_owned()))
    }

    /// Adds a number.
    #[must_use]
    pub fn count(self, count: usize) -> Message {
        self.arg(Arg::Count(count))
    }

    /// Adds a permission, shown by its name.
    #[must_use]
    pub fn permission(self, id: &str) -> Message {
        self.arg(Arg::Permission(id.to_owned()))
    }

    /// Adds permissions, shown as one list.
    #[must_use]
    pub fn permissions(self, ids: &[&str]) -> Message {
        self.arg(Arg::permissions(ids.iter().copied()))
    }

    /// Adds a level, shown by its message.
    #[must_use]
    pub fn level(self, level: Level) -> Message {
        self.arg(Arg::Level(level))
    }

    /// Adds a subtab, shown by its message.
    #[must_use]
    pub fn subtab(self, subtab: Subtab) -> Message {
        self.arg(Arg::Subtab(subtab))
    }

    /// Adds another message, rendered first.
    #[must_use]
    pub fn message(self, message: Message) -> Message {
        self.arg(Arg::Message(Box::new(message)))
    }
}

impl From<Id> for Message {
    fn from(id: Id) -> Message {
        Message::plain(id)
    }
}

/// One argument of a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    /// Text shown as it is: a role name or account from the page, a click path, an id.
    Text(String),
    /// A number.
    Count(usize),
    /// A permission, shown by its name (its id when the catalog does not know it).
    Permission(String),
    /// Permissions, shown as one list: "A", "A and B", "A, B and C".
    Permissions(Vec<String>),
    /// A level, shown by its message (`level_full`, …).
    Level(Level),
    /// A subtab, shown by its message (`subtab_setup`, …).
    Subtab(Subtab),
    /// Another message, rendered first.
    Message(Box<Message>),
    /// Messages, each rendered first, shown as one list like [`Arg::Permissions`].
    Messages(Vec<Message>),
}

impl Arg {
    /// A nested message.
    pub fn message(message: impl Into<Message>) -> Arg {
        Arg::Message(Box::new(message.into()))
    }

    /// Permissions from ids.
    pub fn permissions<'a>(ids: impl IntoIterator<Item = &'a str>) -> Arg {
        Arg::Permissions(ids.into_iter().map(str::to_owned).collect())
    }
}

/// A text of data, such as a profile's name: a message id (the built-in profiles, so that they are
/// translated) or text as someone wrote it (custom profiles).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Text {
    /// A message without arguments.
    Message(Id),
    /// Text shown as it is.
    Plain(String),
}

impl Text {
    /// The text as a message: the id itself, or [`Id::Verbatim`] around the plain text.
    pub fn message(&self) -> Message {
        match self {
            Text::Message(id) => Message::plain(*id),
            Text::Plain(text) => Message::with(Id::Verbatim, vec![Arg::Text(text.clone())]),
        }
    }
}

/// Renders `message` through `lookup`.
pub fn render(message: &Message, lookup: &dyn Lookup) -> String {
    let substitutions: Vec<String> = message
        .args
        .iter()
        .map(|arg| render_arg(arg, lookup))
        .collect();
    lookup
        .get(message.id.as_str(), &substitutions)
        .unwrap_or_else(|| message.id.as_str().to_owned())
}

fn render_arg(arg: &Arg, lookup: &dyn Lookup) -> String {
    match arg {
        Arg::Text(text) => text.clone(),
        Arg::Count(count) => crate::text::decimal(*count),
        Arg::Permission(id) => catalog::name_of(id).to_owned(),
        Arg::Permissions(ids) => list(ids.iter().map(|id| catalog::name_of(id)), lookup),
        Arg::Level(level) => render(&Message::plain(Id::of_level(*level)), lookup),
        Arg::Subtab(subtab) => render(&Message::plain(Id::of_subtab(*subtab)), lookup),
        Arg::Message(message) => render(message, lookup),
        Arg::Messages(messages) => {
            let items: Vec<String> = messages
                .iter()
                .map(|message| render(message, lookup))
                .collect();
            list(items.iter().map(String::as_str), lookup)
        }
    }
}

/// Joins items for a sentence by the `list_pair` ("$1 and $2") and `list_more` ("$1, $2")
/// messages: "A", "A and B", "A, B and C".
fn list<'a>(items: impl DoubleEndedIterator<Item = &'a str>, lookup: &dyn Lookup) -> String {
    let mut items = items;
    let Some(last) = items.next_back() else {
        return String::new();
    };
    let mut head: Option<String> = None;
    for item in items {
        head = Some(match head {
            None => item.to_owned(),
            Some(before) => render_with(Id::ListMore, vec![before, item.to_owned()], lookup),
        });
    }
    match head {
        None => last.to_owned(),
        Some(head) => render_with(Id::ListPair, vec![head, last.to_owned()], lookup),
    }
}

fn render_with(id: Id, substitutions: Vec<String>, lookup: &dyn Lookup) -> String {
    lookup
        .get(id.as_str(), &substitutions)
        .unwrap_or_else(|| id.as_str().to_owned())
}

/// A message id: the key of the message in `_locales/<lang>/messages.json`, and how many
/// arguments it takes.
///
/// The ids are constants rather than an enum, so that a wasm module carries the key of each message
/// it can show and no other (an enum's `as_str` would hold every key in every module).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Id {
    key: &'static str,
    arity: u8,
}

impl Id {
    /// The key in `messages.json`.
    pub fn as_str(self) -> &'static str {
        self.key
    }

    /// How many arguments the message takes (its placeholders `$1`…`$n`).
    pub fn arity(self) -> usize {
        usize::from(self.arity)
    }
}

macro_rules! ids {
    ($($(#[doc = $doc:literal])* $variant:ident = $name:literal / $arity:literal,)*) => {
        #[allow(non_upper_case_globals)]
        impl Id {
            $($(#[doc = $doc])* pub const $variant: Id = Id { key: $name, arity: $arity };)*

            /// Every id `rules` can produce.
            pub const ALL: &'static [Id] = &[$(Id::$variant,)*];
        }
    };
}

ids! {
    /// Text shown as it is ($1): a [`Text::Plain`].
    Verbatim = "verbatim" / 1,
    /// "$1 and $2" (the last two items of a list).
    ListPair = "list_pair" / 2,
    /// "$1, $2" (the items of a list before the last two).
    ListMore = "list_more" / 2,
    /// The level None.
    LevelNone = "level_none" / 0,
    /// The level View.
    LevelView = "level_view" / 0,
    /// The level Create.
    LevelCreate = "level_create" / 0,
    /// The level Edit.
    LevelEdit = "level_edit" / 0,
    /// The level Full.
    LevelFull = "level_full" / 0,
    /// The Transactions subtab.
    SubtabTransactions = "subtab_transactions" / 0,
    /// The Reports subtab.
    SubtabReports = "subtab_reports" / 0,
    /// The Lists subtab.
    SubtabLists = "subtab_lists" / 0,
    /// The Setup subtab.
    SubtabSetup = "subtab_setup" / 0,
    /// The Custom Record subtab.
    SubtabCustomRecord = "subtab_custom_record" / 0,
    /// Reading problem: $1 (a subtab) has neither its sublist data nor its table.
    ProblemAbsent = "problem_absent" / 1,
    /// Reading problem: $1 (a subtab)'s hidden sublist data lost something: $2 (a message).
    ProblemLostData = "problem_lost_data" / 2,
    /// Reading problem: $1 (a subtab)'s data and table disagree: $2 (a message).
    ProblemDisagrees = "problem_disagrees" / 2,
    /// Reading problem: some rows of $1 (a subtab)'s table could not be read.
    ProblemUnreadableRows = "problem_unreadable_rows" / 1,
    /// Reading problem: $1 (a subtab)'s sublist has no key or level field.
    ProblemNoEditableFields = "problem_no_editable_fields" / 1,
    /// $1 (a permission id) is at $2 in the sublist data and $3 in the table (levels).
    DisagreementLevel = "disagreement_level" / 3,
    /// $1 (a permission id) is only in the sublist data.
    DisagreementOnlyHidden = "disagreement_only_hidden" / 1,
    /// $1 (a permission id) is only in the table.
    DisagreementOnlyVisible = "disagreement_only_visible" / 1,
    /// The sublist fields name no permission key field.
    SublistNoKeyField = "sublist_no_key_field" / 0,
    /// The sublist fields name no permission level field.
    SublistNoLevelField = "sublist_no_level_field" / 0,
    /// Line $1 has $2 cells where $3 fields are declared (numbers).
    SublistRaggedRow = "sublist_ragged_row" / 3,
    /// Line $1 (a number) has no permission key.
    SublistEmptyKey = "sublist_empty_key" / 1,
    /// Line $1 (a number) has the unreadable level $2 (page text).
    SublistInvalidLevel = "sublist_invalid_level" / 2,
    /// Permission $1 (an id) appears on lines $2 (numbers).
    SublistDuplicateKey = "sublist_duplicate_key" / 2,
    /// Sublist data of $1 bytes is larger than the $2 bytes read (numbers).
    SublistTooLarge = "sublist_too_large" / 2,
    /// Adding $1 (permissions) makes the role 2FA-required.
    WarningWouldRequireTwoFactor = "warning_would_require_2fa" / 1,
    /// The Administrator role's token rules.
    WarningAdministratorRole = "warning_administrator_role" / 0,
    /// A Web Services Only role cannot be used for RESTlets or CloudExtend.
    WarningWebServicesOnly = "warning_web_services_only" / 0,
    /// SOAP Web Services is at $1 (a level), below Full.
    WarningSoapBelowFull = "warning_soap_below_full" / 1,
    /// The account does not offer $1 (permissions); enable TBA at $2 (a path).
    WarningFeatureOff = "warning_feature_off" / 2,
    /// What Access Token Management does and does not allow.
    WarningTokenAdminLimits = "warning_token_admin_limits" / 0,
    /// SuiteAnalytics Connect is not for the Administrator role.
    WarningConnectNotForAdministrator = "warning_connect_not_for_administrator" / 0,
    /// The greeting of a request to the administrator.
    RequestGreeting = "request_greeting" / 0,
    /// The closing of a request.
    RequestThanks = "request_thanks" / 0,
    /// The role $1 (its name, from the page).
    RequestRoleNamed = "request_role_named" / 1,
    /// A role whose name is not known.
    RequestRoleUnnamed = "request_role_unnamed" / 0,
    /// $1 (a role) with its internal id $2.
    RequestRoleWithId = "request_role_with_id" / 2,
    /// $1 (a role), not saved yet.
    RequestRoleNew = "request_role_new" / 1,
    /// $1 (a role) in account $2.
    RequestRoleInAccount = "request_role_in_account" / 2,
    /// $1 (a role) needs changes for $2 (an integration profile).
    RequestNeedsChanges = "request_needs_changes" / 2,
    /// The role already has every permission.
    RequestNothingMissing = "request_nothing_missing" / 0,
    /// Heading of the permission list.
    RequestSetThese = "request_set_these" / 0,
    /// $1 (permission name) ($2, its id), $3 (subtab) subtab: $4 (what to do).
    RequestOp = "request_op" / 4,
    /// Add at $1 (a level).
    RequestActionAdd = "request_action_add" / 1,
    /// Raise from $1 to $2 (levels).
    RequestActionRaise = "request_action_raise" / 2,
    /// $1 (one item), as a sentence.
    RequestItem = "request_item" / 1,
    /// $1 (one item), as a sentence, with why: $2.
    RequestItemWhy = "request_item_why" / 2,
    /// Heading of the click paths.
    RequestWhere = "request_where" / 0,
    /// $1 (a click path) > $2 (a subtab).
    RequestWherePath = "request_where_path" / 2,
    /// How to add a permission on the role page.
    RequestHow = "request_how" / 0,
    /// Heading of the warnings in a request.
    RequestAlsoNote = "request_also_note" / 0,
    /// NetSuite says $1 (its authorization error).
    AuthRequestSays = "auth_request_says" / 1,
    /// $1 (a role) lacks token-based authentication permissions.
    AuthRequestLacks = "auth_request_lacks" / 1,
    /// Heading of the permission list of the authorization-error request.
    AuthRequestSetFull = "auth_request_set_full" / 0,
    /// $1 (permission name) ($2, its id): $3 (why).
    AuthRequestItem = "auth_request_item" / 3,
    /// Why User Access Tokens, in the authorization-error request.
    AuthWhyUserAccessTokens = "auth_why_user_access_tokens" / 0,
    /// Why SOAP Web Services, in the authorization-error request.
    AuthWhySoap = "auth_why_soap" / 0,
    /// Where: $1 (a click path) > $2 (a subtab), and how.
    AuthRequestWhere = "auth_request_where" / 2,
    /// If the permissions are not offered, enable TBA at $1 (a path).
    AuthRequestFeatureOff = "auth_request_feature_off" / 1,
    /// Popup heading on a tab that is not NetSuite.
    PopupNotNetsuiteTitle = "popup_not_netsuite_title" / 0,
    /// Popup: introduces the steps to fix a role by hand.
    PopupFixIntro = "popup_fix_intro" / 0,
    /// Popup step 1; $PATH$ is NetSuite's menu path, shown in bold.
    PopupFixStepGo = "popup_fix_step_go" / 1,
    /// Popup step 2; $EDIT$ is NetSuite's Edit link, in bold.
    PopupFixStepEdit = "popup_fix_step_edit" / 1,
    /// Popup step 3; $TAB$ is NetSuite's Permissions tab, in bold.
    PopupFixStepPermissions = "popup_fix_step_permissions" / 1,
    /// Popup step 4; $LEVEL$ is the level, in bold.
    PopupFixStepAdd = "popup_fix_step_add" / 1,
    /// Popup: the subtab a permission is on.
    PopupFixStepSubtab = "popup_fix_step_subtab" / 1,
    /// Popup step 5; $SAVE$ is NetSuite's Save button, in bold.
    PopupFixStepSave = "popup_fix_step_save" / 1,
    /// Popup: the easier way.
    PopupFixOrOpen = "popup_fix_or_open" / 0,
    /// NetSuite's Edit link on Manage Roles, as NetSuite names it.
    NetsuiteEdit = "netsuite_edit" / 0,
    /// NetSuite's Permissions tab of the role page, as NetSuite names it.
    NetsuitePermissions = "netsuite_permissions" / 0,
    /// NetSuite's Save button, as NetSuite names it.
    NetsuiteSave = "netsuite_save" / 0,
    /// Popup heading on another NetSuite page.
    PopupOtherTitle = "popup_other_title" / 0,
    /// Popup on another NetSuite page.
    PopupOtherOpenRole = "popup_other_open_role" / 0,
    /// Popup link to the account's Manage Roles list.
    PopupOpenManageRoles = "popup_open_manage_roles" / 0,
    /// Popup on another NetSuite page: the authorization error.
    PopupOtherAuthHint = "popup_other_auth_hint" / 0,
    /// Popup heading when the NetSuite host permission is withheld.
    PopupPermissionTitle = "popup_permission_title" / 0,
    /// Popup: why the host permission.
    PopupPermissionWhy = "popup_permission_why" / 0,
    /// Popup button asking for the host permission.
    PopupPermissionGrant = "popup_permission_grant" / 0,
    /// Popup: after granting.
    PopupPermissionReload = "popup_permission_reload" / 0,
    /// Popup heading on the authorization-error page.
    PopupAuthTitle = "popup_auth_title" / 0,
    /// The user's role, by the name the page shows.
    PopupAuthRoleNamed = "popup_auth_role_named" / 1,
    /// The user's role when the page shows no name.
    PopupAuthRole = "popup_auth_role" / 0,
    /// Popup: what the role lacks; $TOKENS$ and $SOAP$ are permission names in bold.
    PopupAuthLacks = "popup_auth_lacks" / 3,
    /// Popup: why not the password.
    PopupAuthPassword = "popup_auth_password" / 0,
    /// Popup: above the request text.
    PopupAuthSend = "popup_auth_send" / 0,
    /// Accessible name of the request text.
    PopupRequestLabel = "popup_request_label" / 0,
    /// Popup: for administrators; $LINK$ is a link.
    PopupAuthAdmins = "popup_auth_admins" / 1,
    /// Link text inside a sentence.
    PopupOpenManageRolesLower = "popup_open_manage_roles_lower" / 0,
    /// Popup: the request was copied.
    PopupCopiedRequest = "popup_copied_request" / 0,
    /// Popup: the SDF XML was copied.
    PopupCopiedSdf = "popup_copied_sdf" / 0,
    /// Popup: the clipboard refused; $REASON$ is the browser's reason.
    PopupCopyFailed = "popup_copy_failed" / 1,
    /// Popup button.
    PopupCopyRequest = "popup_copy_request" / 0,
    /// Popup button.
    PopupCopySdf = "popup_copy_sdf" / 0,
    /// Accessible name of the text to copy by hand.
    PopupCopyFallbackLabel = "popup_copy_fallback_label" / 0,
    /// Label of the profile choice.
    PopupProfileLabel = "popup_profile_label" / 0,
    /// A profile's one-line summary as a sentence.
    PopupProfileSummary = "popup_profile_summary" / 1,
    /// Popup: opens the list of profiles.
    PopupProfileWhich = "popup_profile_which" / 0,
    /// Popup while it waits for the tab.
    PopupReading = "popup_reading" / 0,
    /// Popup heading on a role page it could not read.
    PopupUnsupportedTitle = "popup_unsupported_title" / 0,
    /// Popup: above the reading problems.
    PopupUnsupportedWhy = "popup_unsupported_why" / 0,
    /// Popup: the way by hand.
    PopupUnsupportedByHand = "popup_unsupported_by_hand" / 0,
    /// Popup: before the role's name, in edit mode.
    PopupRoleEdit = "popup_role_edit" / 0,
    /// Popup: before the role's name, in view mode.
    PopupRoleView = "popup_role_view" / 0,
    /// Popup: before the name of a role not saved yet.
    PopupRoleNew = "popup_role_new" / 0,
    /// Popup: a new role without a name.
    PopupRoleUnnamed = "popup_role_unnamed" / 0,
    /// Popup: a permission made unnecessary by another.
    PopupRedundantBy = "popup_redundant_by" / 2,
    /// Popup: a permission not needed.
    PopupRedundant = "popup_redundant" / 1,
    /// Button that fills NetSuite's add row with one permission.
    PopupPrefill = "popup_prefill" / 0,
    /// Accessible name of a Pre-fill button.
    PopupPrefillLabel = "popup_prefill_label" / 1,
    /// Popup: the question before Fix all adds a 2FA-making permission.
    PopupConfirmTwoFactor = "popup_confirm_2fa" / 1,
    /// Popup: confirms Fix all.
    PopupAddAnyway = "popup_add_anyway" / 0,
    /// Popup: cancels Fix all.
    PopupCancel = "popup_cancel" / 0,
    /// Button that adds or raises every permission; $COUNT$ is how many.
    PopupFixAll = "popup_fix_all" / 1,
    /// Popup: beside Fix all.
    PopupFixAllHint = "popup_fix_all_hint" / 0,
    /// Popup on a new role.
    PopupNewRoleHint = "popup_new_role_hint" / 0,
    /// Popup link in view mode.
    PopupOpenEdit = "popup_open_edit" / 0,
    /// Accessible name of the warnings list.
    PopupWarningsLabel = "popup_warnings_label" / 0,
    /// Accessible name of the list of permissions not needed.
    PopupRedundantLabel = "popup_redundant_label" / 0,
    /// Popup: how many reading problems the page has.
    PopupProblems = "popup_problems" / 1,
    /// Accessible name of the help box beside NetSuite's authorization error.
    AuthHelpLabel = "auth_help_label" / 0,
    /// Heading of the help box beside NetSuite's authorization error.
    AuthHelpTitle = "auth_help_title" / 0,
    /// The user's role, by the name the page shows.
    AuthHelpRoleNamed = "auth_help_role_named" / 1,
    /// The user's role when the page shows no name.
    AuthHelpRole = "auth_help_role" / 0,
    /// Help box: what the role lacks.
    AuthHelpLacks = "auth_help_lacks" / 1,
    /// Help box heading.
    AuthHelpWhyNotPassword = "auth_help_why_not_password" / 0,
    /// Help box: a reason against the password.
    AuthHelpConcurrency = "auth_help_concurrency" / 0,
    /// Help box: a reason against the password.
    AuthHelpSecurity = "auth_help_security" / 0,
    /// Help box: a reason against the password.
    AuthHelpReauth = "auth_help_reauth" / 0,
    /// Help box heading above the request.
    AuthHelpSend = "auth_help_send" / 0,
    /// Help box button.
    AuthHelpCopy = "auth_help_copy" / 0,
    /// Help box link to the account's Manage Roles list.
    AuthHelpAdmins = "auth_help_admins" / 0,
    /// Help box: the request was copied.
    AuthHelpCopied = "auth_help_copied" / 0,
    /// Help box: the browser refused the clipboard.
    AuthHelpCopyByHand = "auth_help_copy_by_hand" / 0,
    /// Popup heading when the content script's WebAssembly failed to load (page CSP or damaged install).
    PopupUnavailablePolicyTitle = "popup_unavailable_policy_title" / 0,
    /// Popup explanation under popup_unavailable_policy_title.
    PopupUnavailablePolicyWhy = "popup_unavailable_policy_why" / 0,
    /// Popup advice when the engine's WebAssembly failed to load; $PATH$ is NetSuite's menu path to Manage Roles.
    PopupUnavailablePolicyTodo = "popup_unavailable_policy_todo" / 1,
    /// Popup heading when no content script answered.
    PopupUnavailableNotRunningTitle = "popup_unavailable_not_running_title" / 0,
    /// Popup explanation under popup_unavailable_not_running_title.
    PopupUnavailableNotRunningWhy = "popup_unavailable_not_running_why" / 0,
    /// Popup advice; $RELOAD$ is popup_unavailable_reload_tab, shown in bold.
    PopupUnavailableReload = "popup_unavailable_reload" / 1,
    /// The bold words of popup_unavailable_reload and popup_unavailable_failed_todo.
    PopupUnavailableReloadTab = "popup_unavailable_reload_tab" / 0,
    /// Popup heading when the content script's engine threw or trapped.
    PopupUnavailableFailedTitle = "popup_unavailable_failed_title" / 0,
    /// Popup explanation under popup_unavailable_failed_title.
    PopupUnavailableFailedWhy = "popup_unavailable_failed_why" / 0,
    /// Popup advice after an engine failure; $RELOAD$ is popup_unavailable_reload_tab in bold, $PATH$ NetSuite's menu path to Manage Roles.
    PopupUnavailableFailedTodo = "popup_unavailable_failed_todo" / 2,
    /// Popup heading when the content script's answer failed validation.
    PopupUnavailableInvalidTitle = "popup_unavailable_invalid_title" / 0,
    /// Popup line with the technical reason; $DETAIL$ is the reason as the content script gave it.
    PopupUnavailableDetails = "popup_unavailable_details" / 1,
    /// Why Pre-fill or Fix all failed: the extension's script in the page gave no answer (a clause).
    BridgeNoAnswer = "bridge_no_answer" / 0,
    /// Why Pre-fill or Fix all failed: $TEXT$ is the error text from the NetSuite page, as it is (a clause).
    BridgeSaid = "bridge_said" / 1,
    /// Why Pre-fill and Fix all cannot run (a clause after 'Cannot pre-fill:').
    BlockedUnreadable = "blocked_unreadable" / 0,
    /// Why Pre-fill and Fix all cannot run (a clause after 'Cannot pre-fill:').
    BlockedViewMode = "blocked_view_mode" / 0,
    /// Why Pre-fill and Fix all cannot run; $FUNCTIONS$ lists the names of NetSuite's page functions (code names, not translated).
    BlockedMissingFunctions = "blocked_missing_functions" / 1,
    /// Why Pre-fill and Fix all cannot run; $ERROR$ is bridge_no_answer or bridge_said.
    BlockedBridge = "blocked_bridge" / 1,
    /// Why Pre-fill and Fix all cannot run: the role has not been evaluated (a clause).
    BlockedNoVerdict = "blocked_no_verdict" / 0,
    /// Why Pre-fill cannot run for this permission (a clause).
    BlockedNotMissing = "blocked_not_missing" / 0,
    /// Why Pre-fill and Fix all cannot run; $SUBTAB$ is a subtab name (a clause).
    BlockedNoEditableFields = "blocked_no_editable_fields" / 1,
    /// A blocked_* reason shown as a sentence of its own (under the disabled buttons and as their tooltip).
    BlockedSentence = "blocked_sentence" / 1,
    /// After Pre-fill; $PERMISSION$ is the permission's name. Add and Save are NetSuite's buttons.
    OutcomePrefilled = "outcome_prefilled" / 1,
    /// After Fix all; $PERMISSIONS$ lists the permissions' names. Save is NetSuite's button.
    OutcomeFixed = "outcome_fixed" / 1,
    /// After Fix all on a role that needs no change.
    OutcomeNothingToFix = "outcome_nothing_to_fix" / 0,
    /// After the admin cancelled the two-factor confirmation of Fix all.
    OutcomeCancelled = "outcome_cancelled" / 0,
    /// Why Fix all waits (a clause shown as a refusal's reason); $PERMISSIONS$ lists the permissions' names.
    OutcomeConfirmFirst = "outcome_confirm_first" / 1,
    /// After Fix all when NetSuite refused lines; $LINES$ lists outcome_not_taken_line or outcome_not_taken_line_alerts.
    OutcomeNotTaken = "outcome_not_taken" / 1,
    /// One line NetSuite refused: the permission's name.
    OutcomeNotTakenLine = "outcome_not_taken_line" / 1,
    /// One line NetSuite refused; $ALERTS$ is NetSuite's own alert text, as it is.
    OutcomeNotTakenLineAlerts = "outcome_not_taken_line_alerts" / 2,
    /// After Pre-fill could not run; $REASON$ is a blocked_* clause.
    OutcomeCannotPrefill = "outcome_cannot_prefill" / 1,
    /// After Fix all could not run; $REASON$ is a blocked_* clause.
    OutcomeCannotFix = "outcome_cannot_fix" / 1,
    /// After Pre-fill failed in the page; $ERROR$ is bridge_no_answer or bridge_said.
    OutcomePrefillFailed = "outcome_prefill_failed" / 1,
    /// After Fix all failed in the page; $ERROR$ is bridge_no_answer or bridge_said.
    OutcomeFixFailed = "outcome_fix_failed" / 1,
    /// Tooltip of a permission row that meets the profile. Keep the 'TBA Doctor:' start: the extension recognises its own tooltips by it.
    RowMarkOk = "row_mark_ok" / 0,
    /// Tooltip of a permission row held below the level needed. Keep the 'TBA Doctor:' start.
    RowMarkTooLow = "row_mark_too_low" / 0,
    /// Tooltip of a permission row another permission includes. Keep the 'TBA Doctor:' start.
    RowMarkRedundant = "row_mark_redundant" / 0,
    /// Tooltip of the count badge on the Permissions tab, for one change.
    BadgeChange = "badge_change" / 1,
    /// Tooltip of the count badge on the Permissions tab, for several changes.
    BadgeChanges = "badge_changes" / 1,
    /// Tooltip of the count badge on a subtab, for one change; $SUBTAB$ is the subtab's name.
    BadgeChangeOn = "badge_change_on" / 2,
    /// Tooltip of the count badge on a subtab, for several changes; $SUBTAB$ is the subtab's name.
    BadgeChangesOn = "badge_changes_on" / 2,
    /// The panel's heading and accessible name (the product's short name).
    PanelTitle = "panel_title" / 0,
    /// The panel's line naming the integration profile evaluated.
    PanelIntegration = "panel_integration" / 1,
    /// The panel's line naming the role; $NAME$ is the role's name as the page shows it.
    PanelRole = "panel_role" / 1,
    /// The panel's verdict line when the page could not be read; a list of problems follows.
    PanelUnreadable = "panel_unreadable" / 0,
    /// The panel's verdict line when nothing is missing; $PROFILE$ names the integration.
    PanelSummaryOk = "panel_summary_ok" / 1,
    /// The panel's verdict line when a needed permission is not offered.
    PanelSummaryFeatureOff = "panel_summary_feature_off" / 0,
    /// The panel's verdict line when only a role setting (e.g. Web Services Only) blocks.
    PanelSummarySetting = "panel_summary_setting" / 1,
    /// The panel's verdict line for one change.
    PanelSummaryChange = "panel_summary_change" / 2,
    /// The panel's verdict line for several changes.
    PanelSummaryChanges = "panel_summary_changes" / 2,
    /// Tag of a requirement the role meets (shown in capitals).
    PanelTagOk = "panel_tag_ok" / 0,
    /// Tag of a requirement held below the level needed.
    PanelTagTooLow = "panel_tag_too_low" / 0,
    /// Tag of a requirement the role lacks.
    PanelTagMissing = "panel_tag_missing" / 0,
    /// Tag of a requirement the account does not offer.
    PanelTagNotOffered = "panel_tag_not_offered" / 0,
    /// A requirement the role meets: the permission and the level needed.
    PanelCheckOk = "panel_check_ok" / 2,
    /// A requirement held too low: the permission, its level and the level needed.
    PanelCheckTooLow = "panel_check_too_low" / 3,
    /// A requirement the role lacks: its alternatives (panel_or) and the level needed.
    PanelCheckMissing = "panel_check_missing" / 2,
    /// A requirement the account does not offer.
    PanelCheckNotOffered = "panel_check_not_offered" / 1,
    /// The first alternative of a requirement: a permission's name.
    PanelAlternative = "panel_alternative" / 1,
    /// Alternatives of a requirement: any one of them satisfies it.
    PanelOr = "panel_or" / 2,
    /// Note on a permission the role does not need because another it holds includes it.
    PanelRedundantBy = "panel_redundant_by" / 2,
    /// Note on a permission the role does not need.
    PanelRedundant = "panel_redundant" / 1,
    /// Link to the role's edit page, in view mode.
    PanelEditLink = "panel_edit_link" / 0,
    /// Advice in view mode when the role has no id to link to.
    PanelEditHint = "panel_edit_hint" / 0,
    /// Button that adds or raises every permission the plan names.
    PanelFixAll = "panel_fix_all" / 0,
    /// Accessible name of the Fix all button; $PERMISSIONS$ lists the permissions.
    PanelFixAllLabel = "panel_fix_all_label" / 1,
    /// Button that puts one missing permission into NetSuite's add row.
    PanelPrefill = "panel_prefill" / 0,
    /// Accessible name of a Pre-fill button.
    PanelPrefillLabel = "panel_prefill_label" / 1,
    /// Accessible name of the 2FA confirmation group.
    PanelConfirmLabel = "panel_confirm_label" / 0,
    /// The question before a Fix all that adds one 2FA-making permission.
    PanelConfirm2faOne = "panel_confirm_2fa_one" / 1,
    /// The question before a Fix all that adds several 2FA-making permissions.
    PanelConfirm2faMany = "panel_confirm_2fa_many" / 1,
    /// The button that confirms a 2FA-making Fix all.
    PanelConfirmYes = "panel_confirm_yes" / 0,
    /// The button that cancels a 2FA-making Fix all.
    PanelCancel = "panel_cancel" / 0,
    /// The panel's hint under the buttons. Add and Save are NetSuite's buttons.
    PanelHint = "panel_hint" / 0,
    /// Why Pre-fill or Fix all failed: the answer of the extension's script in the page was not valid (a clause).
    BridgeMalformed = "bridge_malformed" / 0,
    /// Why Pre-fill or Fix all was refused on NetSuite's authorization error page (a clause the popup shows).
    RefusedAuthPage = "refused_auth_page" / 0,
    /// Name of the CloudExtend profile.
    ProfileCloudExtendName = "profile_cloudextend_name" / 0,
    /// Summary of the CloudExtend profile.
    ProfileCloudExtendSummary = "profile_cloudextend_summary" / 0,
    /// Name of the token-login profile.
    ProfileTokenLoginName = "profile_token_login_name" / 0,
    /// Summary of the token-login profile.
    ProfileTokenLoginSummary = "profile_token_login_summary" / 0,
    /// Name of the self-service-tokens profile.
    ProfileSelfServiceTokensName = "profile_self_service_tokens_name" / 0,
    /// Summary of the self-service-tokens profile.
    ProfileSelfServiceTokensSummary = "profile_self_service_tokens_summary" / 0,
    /// Name of the SOAP profile.
    ProfileSoapName = "profile_soap_name" / 0,
    /// Summary of the SOAP profile.
    ProfileSoapSummary = "profile_soap_summary" / 0,
    /// Name of the REST profile.
    ProfileRestName = "profile_rest_name" / 0,
    /// Summary of the REST profile.
    ProfileRestSummary = "profile_rest_summary" / 0,
    /// Name of the RESTlet profile.
    ProfileRestletName = "profile_restlet_name" / 0,
    /// Summary of the RESTlet profile.
    ProfileRestletSummary = "profile_restlet_summary" / 0,
    /// Name of the OAuth 2.0 profile.
    ProfileOAuth2Name = "profile_oauth2_name" / 0,
    /// Summary of the OAuth 2.0 profile.
    ProfileOAuth2Summary = "profile_oauth2_summary" / 0,
    /// Name of the SuiteAnalytics Connect profile.
    ProfileSuiteAnalyticsConnectName = "profile_suiteanalytics_connect_name" / 0,
    /// Summary of the SuiteAnalytics Connect profile.
    ProfileSuiteAnalyticsConnectSummary = "profile_suiteanalytics_connect_summary" / 0,
    /// Name of the token-administrator profile.
    ProfileTokenAdminName = "profile_token_admin_name" / 0,
    /// Summary of the token-administrator profile.
    ProfileTokenAdminSummary = "profile_token_admin_summary" / 0,
    /// Why a token login permission.
    WhyTokenLogin = "why_token_login" / 0,
    /// Why User Access Tokens.
    WhyUserAccessTokens = "why_user_access_tokens" / 0,
    /// Why SOAP Web Services.
    WhySoap = "why_soap" / 0,
    /// Why SOAP Web Services, for CloudExtend.
    WhyCloudExtendSoap = "why_cloudextend_soap" / 0,
    /// Why User Access Tokens, for CloudExtend.
    WhyCloudExtendTokens = "why_cloudextend_tokens" / 0,
    /// Why REST Web Services.
    WhyRest = "why_rest" / 0,
    /// Why SuiteAnalytics Workbook.
    WhyWorkbook = "why_workbook" / 0,
    /// Why Log in using OAuth 2.0 Access Tokens.
    WhyOAuth2Login = "why_oauth2_login" / 0,
    /// Why SuiteAnalytics Connect.
    WhyConnect = "why_connect" / 0,
    /// Why a login permission, for SuiteAnalytics Connect.
    WhyConnectLogin = "why_connect_login" / 0,
    /// Why Access Token Management.
    WhyTokenManagement = "why_token_management" / 0,
    /// The saved settings are not in a known format, so $1 (a profile name) applies.
    SettingsNoteUnreadable = "settings_note_unreadable" / 1,
    /// The saved settings are in an unknown format version, so $1 (a profile name) applies.
    SettingsNoteVersion = "settings_note_version" / 1,
    /// The saved profile $1 (an id) is unknown, so $2 (a profile name) applies.
    SettingsNoteProfile = "settings_note_profile" / 2,
    /// A profile's name, in a profile error.
    ProfileFieldName = "profile_field_name" / 0,
    /// A profile's summary, in a profile error.
    ProfileFieldSummary = "profile_field_summary" / 0,
    /// The reason of requirement $1 (a number), in a profile error.
    ProfileFieldWhy = "profile_field_why" / 1,
    /// Profile error: the id $1 is not 1 to $2 lower-case letters, digits or hyphens.
    ProfileErrorInvalidId = "profile_error_invalid_id" / 2,
    /// Profile error: the id $1 is a built-in profile's.
    ProfileErrorBuiltinId = "profile_error_builtin_id" / 1,
    /// Profile error: $1 (a field) is empty.
    ProfileErrorEmpty = "profile_error_empty" / 1,
    /// Profile error: $1 (a field) is longer than $2 characters.
    ProfileErrorTooLong = "profile_error_too_long" / 2,
    /// Profile error: the profile has no requirements.
    ProfileErrorNoRequirements = "profile_error_no_requirements" / 0,
    /// Profile error: more than $1 requirements.
    ProfileErrorTooManyRequirements = "profile_error_too_many_requirements" / 1,
    /// Profile error: requirement $1 names no permission.
    ProfileErrorEmptyRequirement = "profile_error_empty_requirement" / 1,
    /// Profile error: requirement $1 names $2 (an id), which the catalog does not know.
    ProfileErrorUnknownPermission = "profile_error_unknown_permission" / 2,
    /// Profile error: the permission $1 (a permission) is named twice.
    ProfileErrorDuplicatePermission = "profile_error_duplicate_permission" / 1,
    /// Profile error: requirement $1 asks for $2 (a permission) at $3 (a level) it does not take.
    ProfileErrorImpossibleLevel = "profile_error_impossible_level" / 3,
    /// Profile error: requirement $1 asks for the level None.
    ProfileErrorLevelNone = "profile_error_level_none" / 1,
    /// Popup notice when a change could not reach the page; $REASON$ is a technical code.
    PopupNoAnswerNotice = "popup_no_answer_notice" / 1,
    /// A reading problem listed in the popup: the content script's answer had no role (a clause).
    PopupNoRole = "popup_no_role" / 0,
    /// Popup requirement line: the role has it at the level needed.
    PopupStatePresent = "popup_state_present" / 1,
    /// Popup requirement line: held below the level needed.
    PopupStateTooLow = "popup_state_too_low" / 2,
    /// Popup requirement line: the role lacks it.
    PopupStateMissing = "popup_state_missing" / 0,
    /// Popup requirement line: the account does not offer the permission.
    PopupStateNotOffered = "popup_state_not_offered" / 0,
    /// Popup verdict heading when nothing is missing.
    PopupStatusOk = "popup_status_ok" / 0,
    /// Popup verdict heading when something must change.
    PopupStatusNeedsFix = "popup_status_needs_fix" / 0,
    /// Popup verdict heading when a needed permission is not offered.
    PopupStatusFeatureOff = "popup_status_feature_off" / 0,
    /// Why Fix all does not run: the admin has a sublist line open with edits; $SUBTAB$ is a subtab name (a clause). Add, OK and Cancel are NetSuite's buttons.
    BlockedOpenLine = "blocked_open_line" / 1,
    /// After Pre-fill or Fix all when the page, read again, does not show what NetSuite's page answered was done; $PERMISSIONS$ lists permissions' names. Save is NetSuite's button.
    OutcomeUnconfirmed = "outcome_unconfirmed" / 1,
    /// Popup heading when the page has not answered within 1.5 seconds.
    PopupSlowTitle = "popup_slow_title" / 0,
    /// Popup: why the page may not answer, and what to do.
    PopupSlowBody = "popup_slow_body" / 0,
    /// Popup notice when a Pre-fill or Fix all has had no answer within 1.5 seconds.
    PopupSlowNotice = "popup_slow_notice" / 0,
    /// A note on the role page and in the popup when the role id in the page's address differs from the id the page itself holds. $PAGE$ and $ADDRESS$ are role ids (numbers).
    NoteIdMismatch = "note_id_mismatch" / 2,
    /// A note on the role page and in the popup: some permission lines carry an id TBA Doctor cannot read. $COUNT$ is a number, $SUBTAB$ a subtab of the Permissions tab.
    NoteOddIds = "note_odd_ids" / 2,
    /// Popup: the page's answer held permission ids that are not valid; the rest of the answer is shown. $COUNT$ is a number.
    PopupOddIds = "popup_odd_ids" / 1,
    /// Name of the OAuth 2.0 client credentials profile.
    ProfileOAuth2M2mName = "profile_oauth2_m2m_name" / 0,
    /// When to pick the OAuth 2.0 client credentials profile.
    ProfileOAuth2M2mSummary = "profile_oauth2_m2m_summary" / 0,
    /// Name of the RESTlets with OAuth 2.0 profile.
    ProfileRestletOAuth2Name = "profile_restlet_oauth2_name" / 0,
    /// When to pick the RESTlets with OAuth 2.0 profile.
    ProfileRestletOAuth2Summary = "profile_restlet_oauth2_summary" / 0,
    /// Name of the SuiteAnalytics Connect with OAuth 2.0 profile.
    ProfileSuiteAnalyticsConnectOAuth2Name = "profile_suiteanalytics_connect_oauth2_name" / 0,
    /// When to pick the SuiteAnalytics Connect with OAuth 2.0 profile.
    ProfileSuiteAnalyticsConnectOAuth2Summary = "profile_suiteanalytics_connect_oauth2_summary" / 0,
    /// Name of the NetSuite AI Connector profile.
    ProfileAiConnectorName = "profile_ai_connector_name" / 0,
    /// When to pick the NetSuite AI Connector profile.
    ProfileAiConnectorSummary = "profile_ai_connector_summary" / 0,
    /// Why the AI Connector needs MCP Server Connection.
    WhyMcp = "why_mcp" / 0,
    /// Why SuiteAnalytics Connect with OAuth 2.0 needs Log in using OAuth 2.0 Access Tokens.
    WhyConnectOAuth2Login = "why_connect_oauth2_login" / 0,
    /// Warning for a profile whose login refuses 2FA-required roles, when the role is one.
    WarningTwoFactorRefused = "warning_two_factor_refused" / 0,
    /// Warning for a profile whose login refuses 2FA-required roles, when the fix would make the role one.
    WarningTwoFactorRefusedWould = "warning_two_factor_refused_would" / 1,
    /// Warning when the page does not offer the OAuth 2.0 permissions.
    WarningOAuth2Off = "warning_oauth2_off" / 1,
    /// Warning when the page does not offer a needed permission of another feature.
    WarningOtherFeatureOff = "warning_other_feature_off" / 1,
    /// Warning for the AI Connector profile on the Administrator role.
    WarningAdministratorRefused = "warning_administrator_refused" / 0,
    /// Note of the OAuth 2.0 client credentials profile.
    WarningM2mMapping = "warning_m2m_mapping" / 0,
    /// Note of the RESTlets with OAuth 2.0 profile.
    WarningSuiteScriptFeatures = "warning_suitescript_features" / 0,
    /// The notice of the 2027.1 change, on a role or profile that uses TBA.
    NoticeTba2027 = "notice_tba_2027" / 0,
    /// Heading of what the role would also need to serve the same integration over OAuth 2.0.
    NoticeAlsoTitle = "notice_also_title" / 0,
    /// The role needs nothing more for OAuth 2.0.
    NoticeAlsoReady = "notice_also_ready" / 0,
    /// Before the list of what OAuth 2.0 would also need.
    NoticeAlsoNeeds = "notice_also_needs" / 0,
    /// The notice's line for a SOAP integration.
    NoticeSoap = "notice_soap" / 0,
    /// Checkbox of the popup: the copied texts also list what OAuth 2.0 would need.
    PopupIncludeOAuth2 = "popup_include_oauth2" / 0,
    /// Why a requirement of an imported custom profile is needed.
    WhyImported = "why_imported" / 0,
    /// Import preview line that was understood: a permission, its level and its subtab.
    ImportMatched = "import_matched" / 3,
    /// Import preview line naming several permissions, any of which will do.
    ImportMatchedAnyOf = "import_matched_any_of" / 2,
    /// Import preview line that names a permission an earlier line named.
    ImportRepeated = "import_repeated" / 2,
    /// Import preview line with a custom record permission key.
    ImportKept = "import_kept" / 2,
    /// Import preview line whose name matches nothing.
    ImportUnknown = "import_unknown" / 1,
    /// Import preview line whose name matches nothing, with the closest names.
    ImportUnknownSuggest = "import_unknown_suggest" / 2,
    /// Import preview error: a permission without a level.
    ImportErrorNoLevel = "import_error_no_level" / 1,
    /// Import preview error: the level is not one.
    ImportErrorUnknownLevel = "import_error_unknown_level" / 1,
    /// Import preview error: the level None.
    ImportErrorLevelNone = "import_error_level_none" / 1,
    /// Import preview error: a level the permission does not take, and the levels it takes.
    ImportErrorImpossibleLevel = "import_error_impossible_level" / 3,
    /// Import preview error: an entry of a profile file cannot be read.
    ImportErrorUnreadable = "import_error_unreadable" / 0,
    /// Import problem: the text is too large.
    ImportProblemTooLarge = "import_problem_too_large" / 1,
    /// Import problem: too many permissions.
    ImportProblemTooMany = "import_problem_too_many" / 2,
    /// Import problem: nothing understood.
    ImportProblemNothing = "import_problem_nothing" / 0,
    /// Import problem: a profile file that is not JSON.
    ImportProblemNotJson = "import_problem_not_json" / 1,
    /// Import problem: JSON of another kind.
    ImportProblemNotAProfileFile = "import_problem_not_a_profile_file" / 0,
    /// Import problem: a profile file of another version.
    ImportProblemUnknownVersion = "import_problem_unknown_version" / 1,
    /// Import preview line: a custom record type named by its display name.
    ImportUnknownCustomRecord = "import_unknown_custom_record" / 1,
    /// A save of a custom profile was refused at the storage.sync quota.
    StoreQuota = "store_quota" / 2,
    /// A save was refused: too many storage items.
    StoreTooManyItems = "store_too_many_items" / 1,
    /// A stored custom profile lacks a part.
    StoreCorruptMissing = "store_corrupt_missing" / 0,
    /// A stored custom profile mixes parts of two saves.
    StoreCorruptMixed = "store_corrupt_mixed" / 0,
    /// A stored custom profile cannot be read; $PROBLEM$ says why.
    StoreCorruptUnreadable = "store_corrupt_unreadable" / 1,
    /// A stored custom profile has entries this version cannot read.
    StoreCorruptEntries = "store_corrupt_entries" / 1,
    /// A stored custom profile fails validation; $ERRORS$ lists why.
    StoreCorruptInvalid = "store_corrupt_invalid" / 1,
    /// A stored custom profile's id does not match its storage key.
    StoreCorruptWrongId = "store_corrupt_wrong_id" / 0,
    /// Title of the options page.
    OptionsTitle = "options_title" / 0,
    /// Introduction of the options page.
    OptionsIntro = "options_intro" / 0,
    /// Options page while storage is read.
    OptionsLoading = "options_loading" / 0,
    /// Heading of the saved custom profiles.
    OptionsSavedTitle = "options_saved_title" / 0,
    /// No custom profile saved.
    OptionsNoneSaved = "options_none_saved" / 0,
    /// A saved profile's counts.
    OptionsCounts = "options_counts" / 2,
    /// Button: edit a saved profile.
    OptionsEdit = "options_edit" / 0,
    /// Button: start a new profile from this one.
    OptionsDuplicate = "options_duplicate" / 0,
    /// Button: delete a saved profile (asks first).
    OptionsDelete = "options_delete" / 0,
    /// Question before deleting a saved profile.
    OptionsDeleteQuestion = "options_delete_question" / 1,
    /// Button: confirm the delete.
    OptionsDeleteConfirm = "options_delete_confirm" / 0,
    /// Button: do not delete.
    OptionsDeleteKeep = "options_delete_keep" / 0,
    /// Notice after a delete.
    OptionsDeleted = "options_deleted" / 1,
    /// Button: download the profile as a TBA Doctor profile file.
    OptionsExportJson = "options_export_json" / 0,
    /// Button: download the profile as SDF role XML.
    OptionsExportXml = "options_export_xml" / 0,
    /// Button: download the profile as CSV.
    OptionsExportCsv = "options_export_csv" / 0,
    /// Heading of the built-in profiles.
    OptionsBuiltinTitle = "options_builtin_title" / 0,
    /// Heading of the import box for a new profile.
    OptionsImportTitle = "options_import_title" / 0,
    /// Heading of the import box when editing.
    OptionsEditTitle = "options_edit_title" / 0,
    /// Help of the import box.
    OptionsImportHelp = "options_import_help" / 0,
    /// Label of the profile name box.
    OptionsNameLabel = "options_name_label" / 0,
    /// Note when a saved profile is edited.
    OptionsEditing = "options_editing" / 1,
    /// Label of the import text box.
    OptionsTextLabel = "options_text_label" / 0,
    /// Label of the catalog picker.
    OptionsPickLabel = "options_pick_label" / 0,
    /// Label of the picker's level.
    OptionsPickLevel = "options_pick_level" / 0,
    /// Button: add the picked permission to the text.
    OptionsAdd = "options_add" / 0,
    /// Button: read the text and show what was understood.
    OptionsPreview = "options_preview" / 0,
    /// Button: save the profile.
    OptionsSave = "options_save" / 0,
    /// Button: clear the box for a new profile.
    OptionsNew = "options_new" / 0,
    /// Label of the import preview.
    OptionsPreviewLabel = "options_preview_label" / 0,
    /// Counts of the import preview.
    OptionsPreviewCounts = "options_preview_counts" / 3,
    /// Save refused: nothing understood.
    OptionsNothingToSave = "options_nothing_to_save" / 0,
    /// Summary of a custom profile that has none.
    OptionsCustomSummary = "options_custom_summary" / 0,
    /// Notice after a save.
    OptionsSaved = "options_saved" / 2,
    /// A storage call failed.
    OptionsStorageFailed = "options_storage_failed" / 1,
    /// Name of a duplicated profile.
    OptionsCopyOf = "options_copy_of" / 1,
    /// Link of the popup to the options page.
    PopupManageProfiles = "popup_manage_profiles" / 0,
    /// A saved profile's count of permissions.
    OptionsCountsOnly = "options_counts_only" / 1,
    /// Button of the popup: opens the options page with this role's permissions in the import box, to trim and save as a profile.
    PopupMakeProfile = "popup_make_profile" / 0,
    /// Button in the import preview: put this catalog permission on the line instead of the unknown name.
    OptionsUseSuggestion = "options_use_suggestion" / 1,
}

impl Id {
    /// The message of a level.
    pub fn of_level(level: Level) -> Id {
        match level {
            Level::None => Id::LevelNone,
            Level::View => Id::LevelView,
            Level::Create => Id::LevelCreate,
            Level::Edit => Id::LevelEdit,
            Level::Full => Id::LevelFull,
        }
    }

    /// The message of a subtab.
    pub fn of_subtab(subtab: Subtab) -> Id {
        match subtab {
            Subtab::Transactions => Id::SubtabTransactions,
            Subtab::Reports => Id::SubtabReports,
            Subtab::Lists => Id::SubtabLists,
            Subtab::Setup => Id::SubtabSetup,
            Subtab::CustomRecord => Id::SubtabCustomRecord,
        }
    }
}

/// The English messages of `extension/_locales/en/messages.json`, looked up as the browsers do:
/// for native tests and native builds of the adapters, which have no i18n API.
#[cfg(any(test, feature = "test-support"))]
pub mod english {
    use std::collections::BTreeMap;

    use super::Lookup;

    /// The English `messages.json`, as shipped.
    pub const MESSAGES_JSON: &str = include_str!("../../../extension/_locales/en/messages.json");

    /// One message: its text and its placeholders (lower-case name → content, e.g. `"$1"`).
    #[derive(Clone, Debug, Default)]
    pub struct Entry {
        /// The `message` text, with `$name$` placeholders.
        pub text: String,
        /// The `placeholders`, by lower-case name.
        pub placeholders: BTreeMap<String, String>,
    }

    /// The messages of one `messages.json`.
    #[derive(Clone, Debug, Default)]
    pub struct Messages {
        /// By id.
        pub entries: BTreeMap<String, Entry>,
    }

    impl Messages {
        /// Parses a `messages.json`.
        pub fn parse(json: &str) -> Result<Messages, String> {
            let value: serde_json::Value =
                serde_json::from_str(json).map_err(|error| error.to_string())?;
            let object = value.as_object().ok_or("messages.json is not an object")?;
            let mut entries = BTreeMap::new();
            for (id, body) in object {
                let text = body["message"]
                    .as_str()
                    .ok_or_else(|| format!("{id} has no message"))?
                    .to_owned();
                let mut placeholders = BTreeMap::new();
                if let Some(map) = body.get("placeholders").and_then(|map| map.as_object()) {
                    for (name, placeholder) in map {
                        let content = placeholder["content"]
                            .as_str()
                            .ok_or_else(|| format!("{id}: placeholder {name} has no content"))?;
                        placeholders.insert(name.to_ascii_lowercase(), content.to_owned());
                    }
                }
                entries.insert(id.clone(), Entry { text, placeholders });
            }
            Ok(Messages { entries })
        }

        /// The shipped English messages.
        pub fn load() -> Messages {
            Messages::parse(MESSAGES_JSON).unwrap_or_default()
        }
    }

    /// Replaces `$1`…`$9` in `content` by `substitutions`, and `$$` by `$`.
    fn substitute(content: &str, substitutions: &[String]) -> String {
        let mut out = String::new();
        let mut chars = content.chars().peekable();
        while let Some(character) = chars.next() {
            if character != '$' {
                out.push(character);
                continue;
            }
            match chars.peek().copied() {
                Some('$') => {
                    chars.next();
                    out.push('$');
                }
                Some(digit @ '1'..='9') => {
                    chars.next();
                    let index = digit as usize - '1' as usize;
                    out.push_str(substitutions.get(index).map_or("", String::as_str));
                }
                _ => out.push('$'),
            }
        }
        out
    }

    impl Lookup for Messages {
        fn get(&self, id: &str, substitutions: &[String]) -> Option<String> {
            let entry = self.entries.get(id)?;
            let mut out = String::new();
            let mut rest = entry.text.as_str();
            while let Some(start) = rest.find('$') {
                out.push_str(&rest[..start]);
                let after = &rest[start + 1..];
                if let Some(stripped) = after.strip_prefix('$') {
                    out.push('$');
                    rest = stripped;
                    continue;
                }
                let name_end = after.find('$');
                let placeholder = name_end.and_then(|end| {
                    entry
                        .placeholders
                        .get(&after[..end].to_ascii_lowercase())
                        .map(|content| (end, content))
                });
                match placeholder {
                    Some((end, content)) => {
                        out.push_str(&substitute(content, substitutions));
                        rest = &after[end + 1..];
                    }
                    None => {
                        out.push('$');
                        rest = after;
                    }
                }
            }
            out.push_str(rest);
            Some(out)
        }
    }
}
