//! The options page (`options.html`): the built-in profiles (read-only, to duplicate), the saved
//! custom profiles (edit, duplicate, export, delete), and the import box with its preview.
//!
//! The state and every decision are `crate::options`'; this component renders them and runs the
//! storage calls (`crate::ext`) after a click, in a future whose answer comes back as a message.
use tba_rules::catalog;
use tba_rules::import::{Entry, Preview};
use tba_rules::message::{Arg, Id, Message};
use tba_rules::profile::{self, Profile};
use tba_rules::store::{self, Saved};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::components::words::{say, say_with};
use crate::ext;
use crate::options::{self, OptionsState, Ready};

/// What happens on the page.
pub enum Msg {
    /// Storage answered with the saved profiles.
    Loaded(Vec<Saved>),
    /// Storage could not be read.
    LoadFailed(String),
    /// "Make a profile from this role" left this draft (name, text) for the import box.
    Draft(String, String),
    /// The import box changed.
    Text(String),
    /// The name box changed.
    Name(String),
    /// Preview was clicked.
    Preview,
    /// Save was clicked.
    Save,
    /// The save was written.
    Wrote(Ready),
    /// A save or delete failed.
    Failed(Vec<Message>),
    /// New profile.
    New,
    /// Duplicate this profile.
    Duplicate(String),
    /// Edit this saved profile.
    Edit(String),
    /// Delete was clicked: ask.
    AskDelete(String),
    /// The delete was not confirmed.
    Keep,
    /// The delete was confirmed.
    Delete(String),
    /// The profile was deleted.
    Deleted(String),
    /// Export this profile as `json`, `xml` or `csv`.
    Export(String, &'static str),
    /// Export what a corrupt entry holds.
    ExportCorrupt(String),
    /// Use this catalog permission on this line instead of the name that matched nothing.
    UseSuggestion(usize, &'static str),
    /// The catalog picker's name changed.
    PickName(String),
    /// The catalog picker's level changed.
    PickLevel(String),
    /// Add the picked catalog permission at the picked level to the import box.
    AddLine,
}

/// The options page.
#[derive(Default)]
pub struct OptionsPage {
    state: OptionsState,
    /// The catalog picker's chosen name and level.
    pick: (String, String),
}

/// Props of [`OptionsPage`]: an initial state (tests render one without storage).
#[derive(Properties, PartialEq, Default)]
pub struct OptionsPageProps {
    /// The state to start from.
    #[prop_or_default]
    pub initial: OptionsState,
}

/// The page's answer to a storage call that failed.
fn storage_failed(reason: String) -> Msg {
    Msg::Failed(vec![Message::with(
        Id::OptionsStorageFailed,
        vec![Arg::Text(reason)],
    )])
}

fn load(ctx: &Context<OptionsPage>) {
    ctx.link().send_future(async {
        match ext::stored_items().await {
            Ok(items) => {
                let items: Vec<(String, crate::wire::Js)> = items
                    .into_iter()
                    .map(|(key, value)| (key, crate::wire::Js(value)))
                    .collect();
                Msg::Loaded(store::read(&items))
            }
            Err(error) => Msg::LoadFailed(error.0),
        }
    });
}

fn save(ctx: &Context<OptionsPage>, ready: Ready) {
    ctx.link().send_future(async move {
        let sizes: Vec<(String, usize)> = match ext::stored_items().await {
            Ok(items) => items
                .into_iter()
                .map(|(key, value)| {
                    let size = ext::item_size(&key, &value);
                    (key, size)
                })
                .collect(),
            Err(error) => return storage_failed(error.0),
        };
        let plan = ext::with_lookup(|lookup| options::save_plan(&ready, &sizes, lookup));
        match plan {
            Err(refused) => Msg::Failed(vec![refused.message()]),
            Ok(plan) => match ext::write_items(&plan.set, &plan.remove).await {
                Ok(()) => Msg::Wrote(ready),
                Err(error) => storage_failed(error.0),
            },
        }
    });
}

fn delete(ctx: &Context<OptionsPage>, id: String) {
    ctx.link().send_future(async move {
        let keys: Vec<String> = match ext::stored_items().await {
            Ok(items) => items.into_iter().map(|(key, _)| key).collect(),
            Err(error) => return storage_failed(error.0),
        };
        let remove = store::plan_delete(&id, &keys);
        match ext::write_items(&[], &remove).await {
            Ok(()) => Msg::Deleted(id),
            Err(error) => storage_failed(error.0),
        }
    });
}

impl Component for OptionsPage {
    type Message = Msg;
    type Properties = OptionsPageProps;

    fn create(ctx: &Context<Self>) -> Self {
        OptionsPage {
            state: ctx.props().initial.clone(),
            pick: (String::new(), "4".to_owned()),
        }
    }

    fn rendered(&mut self, ctx: &Context<Self>, first_render: bool) {
        if first_render && self.state.saved.is_none() {
            load(ctx);
            ctx.link().send_future_batch(async {
                ext::take_draft()
                    .await
                    .map(|(name, text)| Msg::Draft(name, text))
                    .into_iter()
                    .collect::<Vec<Msg>>()
            });
        }
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        let state = &mut self.state;
        match msg {
            Msg::Loaded(saved) => state.loaded(saved),
            Msg::LoadFailed(reason) => {
                state.loaded(Vec::new());
                state.failed(vec![Message::with(
                    Id::OptionsStorageFailed,
                    vec![Arg::Text(reason)],
                )]);
            }
            Msg::Draft(name, text) => state.draft(name, text),
            Msg::Text(text) => state.set_text(text),
            Msg::UseSuggestion(line, id) => state.use_suggestion(line, id),
            Msg::Name(name) => state.name = name,
            Msg::Preview => state.preview(),
            Msg::Save => match state.ready() {
                Ok(ready) => save(ctx, ready),
                Err(errors) => state.failed(errors),
            },
            Msg::Wrote(ready) => {
                ext::with_lookup(|lookup| state.saved_as(&ready, lookup));
                load(ctx);
            }
            Msg::Failed(errors) => state.failed(errors),
            Msg::New => state.start_new(),
            Msg::Duplicate(id) => ext::with_lookup(|lookup| state.duplicate(&id, lookup)),
            Msg::Edit(id) => ext::with_lookup(|lookup| state.edit(&id, lookup)),
            Msg::AskDelete(id) => state.ask_delete(&id),
            Msg::Keep => state.keep(),
            Msg::Delete(id) => delete(ctx, id),
            Msg::Deleted(id) => {
                state.deleted(&id);
                load(ctx);
            }
            Msg::Export(id, kind) => {
                if let Some((profile, kept)) = state.find(&id) {
                    let (name, mime, text) = ext::with_lookup(|lookup| {
                        options::export_file(&profile, &kept, kind, lookup)
                    });
                    if let Err(error) = ext::download(&name, mime, &text) {
                        state.failed(vec![Message::with(Id::Verbatim, vec![Arg::Text(error.0)])]);
                    }
                }
            }
            Msg::ExportCorrupt(id) => {
                let text = state.saved.iter().flatten().find_map(|saved| match saved {
                    Saved::Corrupt {
                        id: own,
                        text: Some(text),
                        ..
                    } if *own == id => Some(text.clone()),
                    _ => None,
                });
                if let Some(text) = text {
                    let name = format!(
                        "tba-doctor-{}.json",
                        id.trim_start_matches(profile::CUSTOM_PREFIX)
                    );
                    let _ = ext::download(&name, "application/json", &text);
                }
            }
            Msg::PickName(name) => self.pick.0 = name,
            Msg::PickLevel(level) => self.pick.1 = level,
            Msg::AddLine => {
                let (name, level) = &self.pick;
                let level = level
                    .parse()
                    .ok()
                    .and_then(tba_rules::Level::from_number)
                    .unwrap_or(tba_rules::Level::Full);
                if state.add_line(name, level) {
                    self.pick.0.clear();
                }
            }
        }
        true
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let state = &self.state;
        html! {
            <main class="options" data-screen="options">
                <h1>{ say(Id::OptionsTitle) }</h1>
                <p class="muted">{ say(Id::OptionsIntro) }</p>
                { self.saved_list(ctx) }
                { builtin_list(ctx) }
                <section class="import" aria-labelledby="import-title">
                    <h2 id="import-title">{
                        if state.editing.is_some() { say(Id::OptionsEditTitle) } else { say(Id::OptionsImportTitle) }
                    }</h2>
                    <p class="muted">{ say(Id::OptionsImportHelp) }</p>
                    <label for="profile-name">{ say(Id::OptionsNameLabel) }</label>
                    <input id="profile-name" type="text" maxlength="80" value={state.name.clone()}
                        oninput={link.callback(|event: InputEvent| {
                            Msg::Name(event.target_unchecked_into::<HtmlInputElement>().value())
                        })} />
                    if let Some(id) = &state.editing {
                        <p class="muted" data-editing={id.clone()}>{ say_with(Id::OptionsEditing, vec![Arg::Text(id.clone())]) }</p>
                    }
                    <label for="import-text">{ say(Id::OptionsTextLabel) }</label>
                    <textarea id="import-text" rows="12" spellcheck="false" value={state.text.clone()}
                        oninput={link.callback(|event: InputEvent| {
                            Msg::Text(event.target_unchecked_into::<HtmlTextAreaElement>().value())
                        })} />
                    { self.picker(ctx) }
                    <p class="actions">
                        <button type="button" data-tba-doctor-action="import-preview"
                            onclick={link.callback(|_| Msg::Preview)}>{ say(Id::OptionsPreview) }</button>
                        <button type="button" class="primary" data-tba-doctor-action="import-save"
                            onclick={link.callback(|_| Msg::Save)}>{ say(Id::OptionsSave) }</button>
                        <button type="button" data-tba-doctor-action="new-profile"
                            onclick={link.callback(|_| Msg::New)}>{ say(Id::OptionsNew) }</button>
                    </p>
                    if let Some(notice) = &state.notice {
                        <div class={classes!("notice", notice.error.then_some("error"))} role="status"
                            data-tba-doctor="options-notice">
                            { for notice.messages.iter().map(|message| html! { <p>{ ext::text(message) }</p> }) }
                        </div>
                    }
                    if let Some(preview) = &state.preview {
                        { preview_view(ctx, preview) }
                    }
                </section>
            </main>
        }
    }
}

impl OptionsPage {
    fn saved_list(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let Some(saved) = &self.state.saved else {
            return html! { <p class="muted">{ say(Id::OptionsLoading) }</p> };
        };
        html! {
            <section class="saved" aria-labelledby="saved-title">
                <h2 id="saved-title">{ say(Id::OptionsSavedTitle) }</h2>
                if saved.is_empty() {
                    <p class="muted">{ say(Id::OptionsNoneSaved) }</p>
                }
                <ul class="profiles-list">
                    { for saved.iter().map(|entry| match entry {
                        Saved::Profile { profile, kept } => {
                            let id = profile.id.as_str().to_owned();
                            let asking = self.state.confirm_delete.as_deref() == Some(id.as_str());
                            html! {
                                <li data-profile-id={id.clone()}>
                                    <strong>{ ext::text(&profile.name.message()) }</strong>
                                    { " " }<code>{ id.clone() }</code>{ " " }
                                    <span class="muted">{
                                        if kept.is_empty() {
                                            say_with(Id::OptionsCountsOnly, vec![Arg::Count(profile.requirements.len())])
                                        } else {
                                            say_with(Id::OptionsCounts, vec![
                                                Arg::Count(profile.requirements.len()), Arg::Count(kept.len())])
                                        }
                                    }</span>
                                    <span class="buttons">
                                        { action("edit", say(Id::OptionsEdit), link.callback({ let id = id.clone(); move |_| Msg::Edit(id.clone()) })) }
                                        { action("duplicate", say(Id::OptionsDuplicate), link.callback({ let id = id.clone(); move |_| Msg::Duplicate(id.clone()) })) }
                                        { export_buttons(ctx, &id) }
                                        { action("delete", say(Id::OptionsDelete), link.callback({ let id = id.clone(); move |_| Msg::AskDelete(id.clone()) })) }
                                    </span>
                                    if asking {
                                        <p class="confirm" role="alertdialog">
                                            { say_with(Id::OptionsDeleteQuestion, vec![Arg::message(profile.name.message())]) }
                                            { " " }
                                            { action("confirm-delete", say(Id::OptionsDeleteConfirm), link.callback({ let id = id.clone(); move |_| Msg::Delete(id.clone()) })) }
                                            { action("keep", say(Id::OptionsDeleteKeep), link.callback(|_| Msg::Keep)) }
                                        </p>
                                    }
                                </li>
                            }
                        }
                        Saved::Corrupt { id, problem, text } => {
                            let asking = self.state.confirm_delete.as_deref() == Some(id.as_str());
                            html! {
                                <li data-profile-id={id.clone()} data-corrupt="true">
                                    <code>{ id.clone() }</code>{ " " }
                                    <span class="bad">{ ext::text(&problem.message()) }</span>
                                    <span class="buttons">
                                        if text.is_some() {
                                            { action("export-json", say(Id::OptionsExportJson), link.callback({ let id = id.clone(); move |_| Msg::ExportCorrupt(id.clone()) })) }
                                        }
                                        { action("delete", say(Id::OptionsDelete), link.callback({ let id = id.clone(); move |_| Msg::AskDelete(id.clone()) })) }
                                    </span>
                                    if asking {
                                        <p class="confirm" role="alertdialog">
                                            { say_with(Id::OptionsDeleteQuestion, vec![Arg::Text(id.clone())]) }
                                            { " " }
                                            { action("confirm-delete", say(Id::OptionsDeleteConfirm), link.callback({ let id = id.clone(); move |_| Msg::Delete(id.clone()) })) }
                                            { action("keep", say(Id::OptionsDeleteKeep), link.callback(|_| Msg::Keep)) }
                                        </p>
                                    }
                                </li>
                            }
                        }
                    }) }
                </ul>
            </section>
        }
    }

    fn picker(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let levels = [
            tba_rules::Level::View,
            tba_rules::Level::Create,
            tba_rules::Level::Edit,
            tba_rules::Level::Full,
        ];
        html! {
            <div class="picker">
                <label for="catalog-pick">{ say(Id::OptionsPickLabel) }</label>
                <input id="catalog-pick" list="catalog-names" type="text" value={self.pick.0.clone()}
                    oninput={link.callback(|event: InputEvent| {
                        Msg::PickName(event.target_unchecked_into::<HtmlInputElement>().value())
                    })} />
                <datalist id="catalog-names">
                    { for catalog::all().iter().filter(|p| !p.name.is_empty()).map(|permission| html! {
                        <option value={permission.name}>{ permission.subtab.label() }</option>
                    }) }
                </datalist>
                <select id="catalog-level" aria-label={say(Id::OptionsPickLevel)}
                    onchange={link.callback(|event: Event| {
                        Msg::PickLevel(event.target_unchecked_into::<web_sys::HtmlSelectElement>().value())
                    })}>
                    { for levels.iter().map(|level| html! {
                        <option value={level.number().to_string()}
                            selected={level.number().to_string() == self.pick.1}>{ say(Id::of_level(*level)) }</option>
                    }) }
                </select>
                <button type="button" data-tba-doctor-action="add-permission"
                    onclick={link.callback(|_| Msg::AddLine)}>{ say(Id::OptionsAdd) }</button>
            </div>
        }
    }
}

fn action(name: &'static str, label: String, onclick: Callback<MouseEvent>) -> Html {
    html! { <button type="button" data-tba-doctor-action={name} {onclick}>{ label }</button> }
}

fn export_buttons(ctx: &Context<OptionsPage>, id: &str) -> Html {
    let link = ctx.link();
    let button = |kind: &'static str, label: Id| {
        let id = id.to_owned();
        action(
            match kind {
                "xml" => "export-xml",
                "csv" => "export-csv",
                _ => "export-json",
            },
            say(label),
            link.callback(move |_| Msg::Export(id.clone(), kind)),
        )
    };
    html! {
        <>
            { button("json", Id::OptionsExportJson) }
            { button("xml", Id::OptionsExportXml) }
            { button("csv", Id::OptionsExportCsv) }
        </>
    }
}

fn builtin_list(ctx: &Context<OptionsPage>) -> Html {
    let link = ctx.link();
    html! {
        <details class="builtins">
            <summary>{ say(Id::OptionsBuiltinTitle) }</summary>
            <ul class="profiles-list">
                { for profile::builtins().iter().map(|builtin: &Profile| {
                    let id = builtin.id.as_str().to_owned();
                    html! {
                        <li data-profile-id={id.clone()} data-builtin="true">
                            <strong>{ ext::text(&builtin.name.message()) }</strong>
                            { " " }<span class="muted">{ ext::text(&builtin.summary_text().message()) }</span>
                            <span class="buttons">
                                { action("duplicate", say(Id::OptionsDuplicate), link.callback({ let id = id.clone(); move |_| Msg::Duplicate(id.clone()) })) }
                                { export_buttons(ctx, &id) }
                            </span>
                        </li>
                    }
                }) }
            </ul>
        </details>
    }
}

fn entry_view(ctx: &Context<OptionsPage>, entry: &Entry) -> Html {
    let permkey = entry.status.permkey().map(str::to_owned);
    let level = entry.status.level().map(|level| level.number().to_string());
    let suggestions: &[&'static str] = match &entry.status {
        tba_rules::import::Status::Unknown { suggestions, .. } => suggestions,
        _ => &[],
    };
    let line = entry.line;
    html! {
        <li data-import-line={entry.line.to_string()} data-status={entry.status.code()}
            data-permkey={permkey} data-level={level}>
            <span class="line-number">{ entry.line }</span>
            <code class="line-text">{ entry.text.clone() }</code>
            <span class="line-meaning">
                { ext::text(&entry.status.message()) }
                { for suggestions.iter().map(|id| {
                    let id: &'static str = id;
                    html! {
                        <>{ " " }<button type="button" class="suggestion" data-tba-doctor-action="use-suggestion"
                            data-permkey={id} onclick={ctx.link().callback(move |_| Msg::UseSuggestion(line, id))}>
                            { say_with(Id::OptionsUseSuggestion, vec![Arg::Permission(id.to_owned())]) }
                        </button></>
                    }
                }) }
            </span>
        </li>
    }
}

fn preview_view(ctx: &Context<OptionsPage>, preview: &Preview) -> Html {
    let (matched, unknown, errors) = preview.counts();
    html! {
        <section class="preview" aria-label={say(Id::OptionsPreviewLabel)} data-tba-doctor="import-preview">
            <p>{ say_with(Id::OptionsPreviewCounts, vec![Arg::Count(matched), Arg::Count(unknown), Arg::Count(errors)]) }</p>
            { for preview.problems.iter().map(|problem| html! { <p class="bad">{ ext::text(&problem.message()) }</p> }) }
            <ol class="preview-lines">
                { for preview.entries.iter().map(|entry| entry_view(ctx, entry)) }
            </ol>
        </section>
    }
}
