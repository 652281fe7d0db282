//! The options page's state: the saved custom profiles, the import box and its preview, and what
//! a save or a delete writes. Pure and tested natively; `components/options_page.rs` renders it
//! and `ext` does the storage calls.
//!
//! A profile is edited as text: a new one is pasted (a vendor's table, SDF role XML or a profile
//! file), a built-in or saved one is duplicated or edited as its CSV, and the preview says line by
//! line what was understood before anything is saved.

use tba_rules::export;
use tba_rules::import::{self, Kept, Preview};
use tba_rules::message::{Arg, Id, Lookup, Message, Text};
use tba_rules::profile::{
    self, CUSTOM_PREFIX, Flags, MAX_ID_CHARS, Profile, ProfileDraft, ProfileError,
};
use tba_rules::store::{self, Save, Saved};

/// What the page shows and holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OptionsState {
    /// The saved custom profiles (and the entries that cannot be read), once storage answered.
    pub saved: Option<Vec<Saved>>,
    /// The import box's text.
    pub text: String,
    /// The profile name box.
    pub name: String,
    /// The id of the saved profile being edited; `None` for a new one.
    pub editing: Option<String>,
    /// The flags the profile keeps (from the profile duplicated or edited, or a profile file).
    pub flags: Flags,
    /// The preview of the text, when asked.
    pub preview: Option<Preview>,
    /// What the last action came to.
    pub notice: Option<Notice>,
    /// The saved profile whose delete waits for a confirmation.
    pub confirm_delete: Option<String>,
}

/// What the last action came to, to show beside the import box.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// Whether it is an error.
    pub error: bool,
    /// The messages.
    pub messages: Vec<Message>,
}

impl Notice {
    fn ok(message: Message) -> Notice {
        Notice {
            error: false,
            messages: vec![message],
        }
    }

    fn errors(messages: Vec<Message>) -> Notice {
        Notice {
            error: true,
            messages,
        }
    }
}

/// What a save writes, once the page has the sizes of what is stored.
#[derive(Clone, Debug, PartialEq)]
pub struct Ready {
    /// The profile's id.
    pub id: String,
    /// The profile.
    pub profile: Profile,
    /// Its kept custom-record permissions.
    pub kept: Vec<Kept>,
}

impl OptionsState {
    /// The saved custom profiles that read.
    pub fn profiles(&self) -> impl Iterator<Item = (&Profile, &[Kept])> {
        self.saved.iter().flatten().filter_map(|saved| match saved {
            Saved::Profile { profile, kept } => Some((profile, kept.as_slice())),
            Saved::Corrupt { .. } => None,
        })
    }

    /// Storage answered.
    pub fn loaded(&mut self, saved: Vec<Saved>) {
        self.saved = Some(saved);
    }

    /// The import box changed: the preview is of the old text, so it goes.
    pub fn set_text(&mut self, text: String) {
        self.text = text;
        self.preview = None;
    }

    /// Starts a new profile from a role's permissions ("Make a profile from this role"), named
    /// after the role.
    pub fn draft(&mut self, name: String, text: String) {
        self.start_new();
        self.name = name;
        self.text = text;
        self.preview();
    }

    /// Reads the text into a preview.
    pub fn preview(&mut self) {
        let preview = import::import(&self.text);
        if preview.format == import::Format::File {
            self.flags = preview.flags;
            if self.name.trim().is_empty() {
                self.name = preview.name.clone().unwrap_or_default();
            }
        }
        self.preview = Some(preview);
        self.notice = None;
    }

    /// Puts the catalog permission `id` on line `line` (1-based) of the box in place of a name
    /// that matched nothing, at the level the line gave (Full when it gave none), and previews.
    pub fn use_suggestion(&mut self, line: usize, id: &str) {
        let Some(permission) = tba_rules::catalog::by_id(id) else {
            return;
        };
        let level = self
            .preview
            .iter()
            .flat_map(|preview| &preview.entries)
            .find(|entry| entry.line == line)
            .and_then(|entry| match &entry.status {
                import::Status::Unknown { level, .. } => *level,
                _ => None,
            })
            .unwrap_or(tba_rules::Level::Full);
        let mut lines: Vec<String> = self.text.lines().map(str::to_owned).collect();
        let Some(slot) = line.checked_sub(1).and_then(|index| lines.get_mut(index)) else {
            return;
        };
        *slot = line_for(permission, level);
        self.set_text(lines.join("\n"));
        self.preview();
    }

    /// Adds a line for the catalog permission named `name` (a name, an alias or an id) at `level`
    /// to the end of the box; `false` when the catalog knows no such permission.
    pub fn add_line(&mut self, name: &str, level: tba_rules::Level) -> bool {
        let Some(permission) =
            tba_rules::catalog::by_name(name).or_else(|| tba_rules::catalog::by_id(name.trim()))
        else {
            return false;
        };
        let mut text = self.text.trim_end().to_owned();
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&line_for(permission, level));
        text.push('\n');
        self.set_text(text);
        true
    }

    /// Starts a new profile.
    pub fn start_new(&mut self) {
        *self = OptionsState {
            saved: self.saved.take(),
            ..OptionsState::default()
        };
    }

    /// Puts `profile` into the import box as CSV, to edit it (`id` is the saved profile's) or to
    /// make a new one from it.
    fn load(&mut self, profile: &Profile, kept: &[Kept], name: String, editing: Option<String>) {
        self.text = export::csv(profile, kept);
        self.name = name;
        self.editing = editing;
        self.flags = profile.flags;
        self.preview = None;
        self.preview();
    }

    /// Starts a new profile from a built-in or saved one, named "Copy of …".
    pub fn duplicate(&mut self, id: &str, lookup: &dyn Lookup) {
        let found = self.find(id);
        if let Some((profile, kept)) = found {
            let name = tba_rules::message::render(
                &Message::with(
                    Id::OptionsCopyOf,
                    vec![Arg::message(profile.name.message())],
                ),
                lookup,
            );
            self.load(&profile, &kept, name, None);
        }
    }

    /// Edits the saved profile `id`.
    pub fn edit(&mut self, id: &str, lookup: &dyn Lookup) {
        if let Some((profile, kept)) = self.find(id) {
            let name = tba_rules::message::render(&profile.name.message(), lookup);
            self.load(&profile, &kept, name, Some(id.to_owned()));
        }
    }

    /// The built-in or saved profile `id`, with its kept permissions.
    pub fn find(&self, id: &str) -> Option<(Profile, Vec<Kept>)> {
        if let Some(builtin) = profile::builtins().iter().find(|p| p.id.as_str() == id) {
            return Some((builtin.clone(), Vec::new()));
        }
        self.profiles()
            .find(|(profile, _)| profile.id.as_str() == id)
            .map(|(profile, kept)| (profile.clone(), kept.to_vec()))
    }

    /// The profile the box and the name make, ready to save; the errors to show otherwise.
    pub fn ready(&mut self) -> Result<Ready, Vec<Message>> {
        if self.preview.is_none() {
            self.preview();
        }
        let Some(preview) = &self.preview else {
            return Err(vec![Message::plain(Id::ImportProblemNothing)]);
        };
        let imported = preview.imported();
        if imported.requirements.is_empty() {
            let mut errors: Vec<Message> = preview.problems.iter().map(|p| p.message()).collect();
            errors.push(Message::plain(Id::OptionsNothingToSave));
            return Err(errors);
        }
        let id = match &self.editing {
            Some(id) => id.clone(),
            None => new_id(&self.name, &self.taken_ids()),
        };
        let draft = ProfileDraft {
            id: id.clone(),
            name: Text::Plain(self.name.trim().to_owned()),
            summary: preview
                .summary
                .clone()
                .filter(|summary| !summary.trim().is_empty())
                .map_or(Text::Message(Id::OptionsCustomSummary), Text::Plain),
            requirements: imported.requirements,
            flags: self.flags,
        };
        match Profile::validate(draft) {
            Ok(profile) => Ok(Ready {
                id,
                profile,
                kept: imported.kept,
            }),
            Err(errors) => Err(errors.iter().map(ProfileError::message).collect()),
        }
    }

    fn taken_ids(&self) -> Vec<String> {
        self.saved
            .iter()
            .flatten()
            .map(|saved| match saved {
                Saved::Profile { profile, .. } => profile.id.as_str().to_owned(),
                Saved::Corrupt { id, .. } => id.clone(),
            })
            .collect()
    }

    /// The save was written.
    pub fn saved_as(&mut self, ready: &Ready, lookup: &dyn Lookup) {
        let name = tba_rules::message::render(&ready.profile.name.message(), lookup);
        self.editing = Some(ready.id.clone());
        self.notice = Some(Notice::ok(Message::with(
            Id::OptionsSaved,
            vec![
                Arg::Text(name),
                Arg::Count(ready.profile.requirements.len()),
            ],
        )));
    }

    /// A save or delete failed or was refused.
    pub fn failed(&mut self, messages: Vec<Message>) {
        self.notice = Some(Notice::errors(messages));
    }

    /// Asks before deleting `id`.
    pub fn ask_delete(&mut self, id: &str) {
        self.confirm_delete = Some(id.to_owned());
    }

    /// The delete was not confirmed.
    pub fn keep(&mut self) {
        self.confirm_delete = None;
    }

    /// `id` was deleted.
    pub fn deleted(&mut self, id: &str) {
        self.confirm_delete = None;
        if self.editing.as_deref() == Some(id) {
            self.editing = None;
        }
        self.notice = Some(Notice::ok(Message::with(
            Id::OptionsDeleted,
            vec![Arg::Text(id.to_owned())],
        )));
    }
}

/// The import box's line for `permission` at `level`: `Subtab > Name | Level`.
fn line_for(permission: &tba_rules::Permission, level: tba_rules::Level) -> String {
    format!(
        "{} > {} | {}",
        permission.subtab.label(),
        permission.display_name(),
        level.label()
    )
}

/// A custom id for a profile named `name`: `custom:` and the name's letters and digits in lower
/// case, words joined by hyphens, made unique among `taken` with `-2`, `-3`…
pub fn new_id(name: &str, taken: &[String]) -> String {
    let mut slug = String::new();
    for character in name.chars() {
        if character.is_ascii_alphanumeric() {
            slug.push(character.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let room = MAX_ID_CHARS - CUSTOM_PREFIX.len() - 4;
    let mut slug: String = slug.trim_end_matches('-').chars().take(room).collect();
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        slug.push_str("profile");
    }
    let base = format!("{CUSTOM_PREFIX}{slug}");
    let mut id = base.clone();
    let mut number = 2;
    while taken.contains(&id) {
        id = format!("{base}-{number}");
        number += 1;
    }
    id
}

/// What saving `ready` writes, given what storage holds (key and size of every item).
pub fn save_plan(
    ready: &Ready,
    stored: &[(String, usize)],
    lookup: &dyn Lookup,
) -> Result<Save, store::SaveError> {
    let text = export::file_compact(&ready.profile, &ready.kept, lookup);
    store::plan_save(&ready.id, &text, stored)
}

/// The file name and type of an export of `profile` as `kind` (`json`, `xml` or `csv`).
pub fn export_file(
    profile: &Profile,
    kept: &[Kept],
    kind: &str,
    lookup: &dyn Lookup,
) -> (String, &'static str, String) {
    let id = profile.id.as_str();
    let base = id.strip_prefix(CUSTOM_PREFIX).unwrap_or(id);
    match kind {
        "xml" => (
            format!("{}.xml", export::script_id(profile)),
            "application/xml",
            export::sdf(profile, kept, lookup),
        ),
        "csv" => (
            format!("tba-doctor-{base}.csv"),
            "text/csv",
            export::csv(profile, kept),
        ),
        _ => (
            format!("tba-doctor-{base}.json"),
            "application/json",
            export::file(profile, kept, lookup),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tba_rules::Level;
    use tba_rules::message::english::Messages;

    #[test]
    fn ids_are_made_from_names_and_kept_unique() {
        assert_eq!(
            new_id("Celigo integrator.io", &[]),
            "custom:celigo-integrator-io"
        );
        assert_eq!(new_id("  ", &[]), "custom:profile");
        let taken = vec!["custom:zuora".to_owned(), "custom:zuora-2".to_owned()];
        assert_eq!(new_id("Zuora", &taken), "custom:zuora-3");
        let long = new_id(&"Very long name ".repeat(10), &[]);
        assert!(
            long.len() <= MAX_ID_CHARS - 3 && !long.ends_with('-'),
            "{long}"
        );
    }

    #[test]
    fn a_pasted_table_previews_and_saves_as_a_profile() {
        let english = Messages::load();
        let mut state = OptionsState::default();
        state.loaded(Vec::new());
        state.set_text("Customers | Full\nSales Order | Edit\nCustmers | View\n".to_owned());
        state.name = "Our sync".to_owned();
        state.preview();
        let preview = state.preview.as_ref().expect("previewed");
        assert_eq!(preview.counts(), (2, 1, 0));
        let ready = state.ready().expect("ready");
        assert_eq!(ready.id, "custom:our-sync");
        assert_eq!(ready.profile.requirements.len(), 2);
        assert_eq!(ready.profile.requirements[1].level, Level::Edit);
        let plan = save_plan(&ready, &[], &english).expect("fits");
        assert_eq!(plan.set.len(), 1);
        state.saved_as(&ready, &english);
        assert_eq!(state.editing.as_deref(), Some("custom:our-sync"));
        assert!(!state.notice.as_ref().expect("notice").error);
    }

    #[test]
    fn a_draft_from_a_role_starts_a_new_profile_named_after_it() {
        let mut state = OptionsState {
            editing: Some("custom:other".to_owned()),
            ..OptionsState::default()
        };
        state.draft(
            "REST Integration".to_owned(),
            "Permission,Subtab,Id,Level\r\nCustomers,Lists,LIST_CUSTJOB,Edit\r\n".to_owned(),
        );
        assert_eq!(state.editing, None);
        assert_eq!(state.name, "REST Integration");
        let preview = state.preview.as_ref().expect("previewed");
        assert_eq!(preview.counts(), (1, 0, 0));
        assert_eq!(
            state.ready().map(|ready| ready.id),
            Ok("custom:rest-integration".to_owned())
        );
    }

    #[test]
    fn a_suggestion_takes_the_place_of_a_name_that_matched_nothing() {
        let mut state = OptionsState::default();
        state.set_text("Customers | Full\nCustmer Deposit | Edit\n".to_owned());
        state.preview();
        state.use_suggestion(2, "TRAN_CUSTDEP");
        assert_eq!(
            state.text,
            "Customers | Full\nTransactions > Customer Deposit | Edit"
        );
        assert_eq!(state.preview.as_ref().map(|p| p.counts()), Some((2, 0, 0)));
        // A line that is not there, or an id the catalog does not know, changes nothing.
        state.use_suggestion(9, "TRAN_CUSTDEP");
        state.use_suggestion(1, "NO_SUCH_ID");
        assert_eq!(
            state.text,
            "Customers | Full\nTransactions > Customer Deposit | Edit"
        );
    }

    #[test]
    fn a_catalog_permission_is_added_as_a_line_by_name_alias_or_id() {
        let mut state = OptionsState::default();
        assert!(state.add_line("Customers", Level::Edit));
        assert!(state.add_line("Web Services", Level::Full));
        assert!(state.add_line(" TRAN_SALESORD ", Level::View));
        assert!(!state.add_line("No such permission", Level::Full));
        assert_eq!(
            state.text,
            "Lists > Customers | Edit\nSetup > SOAP Web Services | Full\nTransactions > Sales Order | View\n"
        );
    }

    #[test]
    fn nothing_understood_or_no_name_is_not_saved() {
        let mut state = OptionsState::default();
        state.set_text("hello\n".to_owned());
        state.name = "X".to_owned();
        assert!(state.ready().is_err());
        state.set_text("Customers | Full".to_owned());
        state.name = " ".to_owned();
        let errors = state.ready().expect_err("no name");
        let english = Messages::load();
        let said = tba_rules::message::render(&errors[0], &english);
        assert!(said.contains("name"), "{said}");
    }

    #[test]
    fn a_builtin_is_duplicated_as_csv_with_its_flags_and_a_saved_one_edited_in_place() {
        let english = Messages::load();
        let mut state = OptionsState::default();
        state.loaded(Vec::new());
        state.duplicate("cloudextend", &english);
        assert!(state.text.starts_with("Permission,Subtab,Id,Level"));
        assert!(
            state.name.starts_with("Copy of CloudExtend"),
            "{}",
            state.name
        );
        assert!(state.flags.forbids_web_services_only);
        assert_eq!(state.editing, None);
        let ready = state.ready().expect("ready");
        assert_eq!(ready.profile.requirements.len(), 2);
        assert!(ready.profile.flags.forbids_web_services_only);
        state.loaded(vec![Saved::Profile {
            profile: ready.profile.clone(),
            kept: Vec::new(),
        }]);
        state.start_new();
        state.edit(&ready.id, &english);
        assert_eq!(state.editing.as_deref(), Some(ready.id.as_str()));
        assert_eq!(state.ready().map(|again| again.id), Ok(ready.id.clone()));
        let (name, mime, text) = export_file(&ready.profile, &[], "json", &english);
        assert!(name.ends_with(".json") && mime == "application/json");
        assert!(text.contains("tba-doctor-profile"));
    }
}
