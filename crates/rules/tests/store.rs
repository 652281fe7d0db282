//! Custom profiles in `storage.sync` (`tba_rules::store`): saved in parts within the quotas, read
//! back whole, refused at the quota with nothing written, and corrupt entries reported with their
//! text while the other profiles still read.

use tba_rules::Level;
use tba_rules::catalog;
use tba_rules::export;
use tba_rules::import::Kept;
use tba_rules::message::{Text, english::Messages, render};
use tba_rules::profile::{Flags, Profile, ProfileDraft, RequirementDraft};
use tba_rules::settings;
use tba_rules::store::{self, Corrupt, QUOTA_BYTES, QUOTA_BYTES_PER_ITEM, SaveError, Saved};

use crate::wire::Mem;

fn mem(value: &settings::Value) -> Mem {
    match value {
        settings::Value::Null => Mem::Null,
        settings::Value::Bool(value) => Mem::Bool(*value),
        settings::Value::Number(number) => Mem::Number(*number),
        settings::Value::Text(text) => Mem::Text(text.clone()),
        settings::Value::List(items) => Mem::List(items.iter().map(mem).collect()),
        settings::Value::Object(members) => Mem::Object(
            members
                .iter()
                .map(|(name, member)| (name.clone(), mem(member)))
                .collect(),
        ),
    }
}

/// A profile of the first `count` catalog permissions that take Full, each with a long reason.
fn profile(id: &str, count: usize) -> Profile {
    let requirements = catalog::all()
        .iter()
        .filter(|permission| permission.levels.contains(Level::Full))
        .take(count)
        .map(|permission| RequirementDraft {
            any_of: vec![permission.id.to_owned()],
            level: Level::Full,
            why: Text::Plain(format!(
                "Needed by the sync of {} — “quoted”",
                permission.id
            )),
        })
        .collect();
    Profile::validate(ProfileDraft {
        id: id.to_owned(),
        name: Text::Plain(format!("Profile {id}")),
        summary: Text::Plain("For the storage tests".to_owned()),
        requirements,
        flags: Flags {
            forbids_web_services_only: true,
            ..Flags::default()
        },
    })
    .unwrap_or_else(|errors| panic!("{errors:?}"))
}

fn kept() -> Vec<Kept> {
    vec![Kept {
        key: "customrecord_invoice_batch".to_owned(),
        level: Level::View,
    }]
}

/// A browser's `storage.sync`: its items, their sizes as the quotas count them.
#[derive(Default)]
struct Sync(Vec<(String, settings::Value)>);

impl Sync {
    fn sizes(&self) -> Vec<(String, usize)> {
        self.0
            .iter()
            .map(|(key, value)| (key.clone(), store::item_size(key, value)))
            .collect()
    }

    fn save(&mut self, profile: &Profile, kept: &[Kept]) -> Result<(), SaveError> {
        let text = export::file_compact(profile, kept, &Messages::load());
        let save = store::plan_save(profile.id.as_str(), &text, &self.sizes())?;
        for (key, value) in save.set {
            self.0.retain(|(old, _)| *old != key);
            self.0.push((key, value));
        }
        self.0.retain(|(key, _)| !save.remove.contains(key));
        Ok(())
    }

    fn read(&self) -> Vec<Saved> {
        let items: Vec<(String, Mem)> = self.0.iter().map(|(k, v)| (k.clone(), mem(v))).collect();
        store::read(&items)
    }

    fn total(&self) -> usize {
        self.sizes().iter().map(|(_, size)| size).sum()
    }
}

fn profile_of(saved: &Saved) -> &Profile {
    match saved {
        Saved::Profile { profile, .. } => profile,
        Saved::Corrupt { id, problem, .. } => panic!("{id}: {problem:?}"),
    }
}

#[test]
fn a_profile_saves_and_reads_back_the_same() {
    let mut sync = Sync::default();
    sync.0.push(("settings".to_owned(), settings::Value::Null));
    let original = profile("custom:small", 3);
    sync.save(&original, &kept()).expect("fits");
    assert_eq!(sync.0.len(), 2, "one part beside the settings");
    assert_eq!(
        sync.read(),
        [Saved::Profile {
            profile: original,
            kept: kept()
        }]
    );
}

#[test]
fn a_profile_larger_than_an_item_is_saved_in_parts_that_each_fit() {
    let mut sync = Sync::default();
    let original = profile("custom:large", 400);
    sync.save(&original, &[]).expect("fits in all");
    assert!(sync.0.len() > 3, "{} parts", sync.0.len());
    for (key, size) in sync.sizes() {
        assert!(size <= QUOTA_BYTES_PER_ITEM, "{key}: {size} B");
    }
    assert_eq!(profile_of(&sync.read()[0]), &original);
    // Saving it smaller removes the parts it no longer needs.
    let smaller = profile("custom:large", 5);
    sync.save(&smaller, &[]).expect("fits");
    assert_eq!(sync.0.len(), 1);
    assert_eq!(profile_of(&sync.read()[0]), &smaller);
    let keys: Vec<String> = sync.0.iter().map(|(key, _)| key.clone()).collect();
    assert_eq!(store::plan_delete("custom:large", &keys), keys);
    assert!(store::plan_delete("custom:other", &keys).is_empty());
}

#[test]
fn at_the_quota_a_save_is_refused_and_nothing_saved_is_lost() {
    let mut sync = Sync::default();
    let mut saved = Vec::new();
    let mut refused = None;
    for index in 0..40 {
        let next = profile(&format!("custom:p{index}"), 150);
        match sync.save(&next, &[]) {
            Ok(()) => saved.push(next),
            Err(error) => {
                refused = Some(error);
                break;
            }
        }
    }
    let error = refused.expect("the quota is reached");
    assert!(matches!(error, SaveError::Quota { .. }), "{error:?}");
    assert!(sync.total() <= QUOTA_BYTES, "{} B stored", sync.total());
    let read: Vec<Profile> = sync.read().iter().map(|s| profile_of(s).clone()).collect();
    assert_eq!(read.len(), saved.len());
    for profile in &saved {
        assert!(read.contains(profile));
    }
    let said = render(&error.message(), &Messages::load());
    assert!(
        said.starts_with("Not saved:") && said.contains("Nothing already saved was changed"),
        "{said}"
    );
    // Saving a profile again in place counts only what it adds.
    let again = saved.last().expect("one saved").clone();
    sync.save(&again, &[]).expect("the same profile again fits");
}

fn corrupt(saved: &Saved) -> (&str, &Corrupt, bool) {
    match saved {
        Saved::Corrupt { id, problem, text } => (id, problem, text.is_some()),
        Saved::Profile { profile, .. } => panic!("read {:?}", profile.id),
    }
}

#[test]
fn corrupt_entries_are_reported_with_their_text_and_the_others_still_read() {
    let mut sync = Sync::default();
    let good = profile("custom:good", 4);
    sync.save(&good, &[]).expect("fits");
    sync.save(&profile("custom:split", 150), &[]).expect("fits");
    sync.save(&profile("custom:mixed", 150), &[]).expect("fits");
    // A part lost, and a part from another save of the same profile.
    sync.0.retain(|(key, _)| key != "profile:custom:split#1");
    let stale = store::plan_save("custom:mixed", &"x".repeat(20_000), &[]).expect("plan");
    let (_, old_part) = stale.set[1].clone();
    for (key, value) in &mut sync.0 {
        if key == "profile:custom:mixed#1" {
            *value = old_part.clone();
        }
    }
    // Text that is no profile file, a file that names another id, and an unknown permission.
    let one_part = |id: &str, text: &str| store::plan_save(id, text, &[]).expect("plan").set;
    sync.0.extend(one_part("custom:junk", "{not json"));
    let other = export::file_compact(&profile("custom:elsewhere", 2), &[], &Messages::load());
    sync.0.extend(one_part("custom:moved", &other));
    let unknown = other
        .replace("custom:elsewhere", "custom:unknown")
        .replacen("ADMI_", "ADMI_NOSUCH_", 1);
    sync.0.extend(one_part("custom:unknown", &unknown));
    // Keys that are no profile part are not TBA Doctor's profiles: ignored.
    sync.0.push((
        "profile".to_owned(),
        settings::Value::Text("soap".to_owned()),
    ));
    sync.0
        .push(("profile:custom:odd#x".to_owned(), settings::Value::Null));

    let read = sync.read();
    let ids: Vec<&str> = read
        .iter()
        .map(|saved| match saved {
            Saved::Profile { profile, .. } => profile.id.as_str(),
            Saved::Corrupt { id, .. } => id.as_str(),
        })
        .collect();
    assert_eq!(
        ids,
        [
            "custom:good",
            "custom:junk",
            "custom:mixed",
            "custom:moved",
            "custom:split",
            "custom:unknown"
        ]
    );
    assert_eq!(profile_of(&read[0]), &good);
    assert!(matches!(
        corrupt(&read[1]),
        (_, Corrupt::Unreadable(_), true)
    ));
    assert!(matches!(corrupt(&read[2]), (_, Corrupt::Mixed, true)));
    assert!(matches!(corrupt(&read[3]), (_, Corrupt::WrongId, true)));
    assert!(matches!(
        corrupt(&read[4]),
        (_, Corrupt::MissingParts, false)
    ));
    assert!(matches!(
        corrupt(&read[5]),
        (_, Corrupt::UnknownEntries { count: 1 }, true)
    ));
    let english = Messages::load();
    for saved in &read[1..] {
        let (_, problem, _) = corrupt(saved);
        let said = render(&problem.message(), &english);
        assert!(!said.contains('$') && said.len() > 20, "{said}");
    }
}

#[test]
fn hostile_parts_are_refused_without_copying_them() {
    let part = |fields: Vec<(&str, Mem)>| {
        Mem::Object(fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
    };
    let text = |t: &str| Mem::Text(t.to_owned());
    let cases = [
        part(vec![
            ("format", text("tba-doctor-part")),
            ("part", Mem::Number(0.0)),
            ("of", Mem::Number(1e300)),
            ("sum", text("0")),
            ("text", text("{}")),
        ]),
        part(vec![
            ("format", text("tba-doctor-part")),
            ("part", Mem::Number(0.0)),
            ("of", Mem::Number(0.5)),
            ("sum", text("0")),
            ("text", text("{}")),
        ]),
        part(vec![
            ("format", text("tba-doctor-part")),
            ("part", Mem::Number(0.0)),
            ("of", Mem::Number(1.0)),
            ("sum", text("0")),
            ("text", text(&"x".repeat(QUOTA_BYTES_PER_ITEM + 1))),
        ]),
        part(vec![
            ("format", text("other")),
            ("part", Mem::Number(0.0)),
            ("of", Mem::Number(1.0)),
            ("sum", text("0")),
            ("text", text("{}")),
        ]),
        Mem::Text("profile".to_owned()),
        Mem::Undefined,
    ];
    for value in cases {
        let read = store::read(&[("profile:custom:x#0".to_owned(), value.clone())]);
        assert!(
            matches!(
                read[..],
                [Saved::Corrupt {
                    problem: Corrupt::MissingParts,
                    ..
                }]
            ),
            "{value:?}"
        );
    }
}
