//! Fuzz target for the importers: reading any text as a pasted table, SDF role XML or a profile
//! file never panics, and what a table import understood survives an export → import round trip
//! as a profile file and as CSV.
#![no_main]

use std::sync::Once;

use libfuzzer_sys::fuzz_target;
use tba_rules::import::{Format, import, import_as};
use tba_rules::message::{Lookup, Text};
use tba_rules::profile::{Flags, Profile, ProfileDraft};
use tba_rules::{catalog, export};

static CATALOG: Once = Once::new();

/// Renders every message as its key: the round trip compares ids and levels, not words.
struct Keys;

impl Lookup for Keys {
    fn get(&self, id: &str, _: &[String]) -> Option<String> {
        Some(id.to_owned())
    }
}

fuzz_target!(|bytes: &[u8]| {
    CATALOG.call_once(|| {
        let text = include_str!("../../extension/catalog.tsv").to_owned();
        catalog::install(text).expect("the shipped catalog");
    });
    let text = String::from_utf8_lossy(bytes);
    let lines = text.lines().count().max(1) + 1;
    let previews = [Format::Table, Format::Sdf, Format::File].map(|format| import_as(format, &text));
    for preview in &previews {
        for entry in &preview.entries {
            assert!(entry.line >= 1 && entry.line <= lines);
            let _ = entry.status.message();
        }
        for problem in &preview.problems {
            let _ = problem.message();
        }
    }
    let [table, ..] = &previews;
    let imported = table.imported();
    let Ok(profile) = Profile::validate(ProfileDraft {
        id: "custom:fuzz".to_owned(),
        name: Text::Plain("Fuzz".to_owned()),
        summary: Text::Plain("Made by the fuzzer".to_owned()),
        requirements: imported.requirements.clone(),
        flags: Flags::default(),
    }) else {
        return;
    };
    let shape = |requirements: &[tba_rules::profile::RequirementDraft]| -> Vec<(Vec<String>, u8)> {
        requirements
            .iter()
            .map(|r| (r.any_of.clone(), r.level.number()))
            .collect()
    };
    let file = import(&export::file(&profile, &imported.kept, &Keys)).imported();
    assert_eq!(shape(&file.requirements), shape(&imported.requirements));
    assert_eq!(file.kept, imported.kept);
    let csv = import_as(Format::Table, &export::csv(&profile, &imported.kept)).imported();
    assert_eq!(shape(&csv.requirements), shape(&imported.requirements));
    assert_eq!(csv.kept, imported.kept);
});
