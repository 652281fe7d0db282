//! Exporting a profile to share it: as a TBA Doctor profile file (JSON, versioned; importing it
//! gives the same profile back), as SDF role XML, and as CSV (both read back by the importer,
//! with what each format cannot hold named on [`sdf`] and [`csv`]).

use crate::catalog;
use crate::import::Kept;
use crate::import::file::{FORMAT, VERSION, flag_fields};
use crate::json::{self, Json, Node};
use crate::message::{Lookup, Text, render};
use crate::profile::Profile;
use crate::role::Role;
use crate::text::xml_escape;

fn words(text: &Text, lookup: &dyn Lookup) -> String {
    render(&text.message(), lookup)
}

fn text(value: &str) -> Node {
    Node::new(Json::Text(value.to_owned()))
}

/// The profile file: `{"format": "tba-doctor-profile", "version": 1, "id", "name", "summary",
/// "flags", "requirements": [{"anyOf", "level", "why"}], "kept": [{"permkey", "level"}]}`, the
/// texts in words (a built-in profile's in the words of `lookup`), indented to be read.
pub fn file(profile: &Profile, kept: &[Kept], lookup: &dyn Lookup) -> String {
    json::write(&file_node(profile, kept, lookup))
}

/// The profile file without spaces, as `storage` keeps it (`store`).
pub fn file_compact(profile: &Profile, kept: &[Kept], lookup: &dyn Lookup) -> String {
    json::write_compact(&file_node(profile, kept, lookup))
}

fn file_node(profile: &Profile, kept: &[Kept], lookup: &dyn Lookup) -> Node {
    let mut flags = profile.flags;
    let flags: Vec<(String, Node)> = flag_fields(&mut flags)
        .into_iter()
        .map(|(name, value)| (name.to_owned(), Node::new(Json::Bool(*value))))
        .collect();
    let requirements = profile
        .requirements
        .iter()
        .map(|requirement| {
            let ids = requirement.any_of.iter().map(|id| text(id)).collect();
            Node::new(Json::Object(vec![
                ("anyOf".to_owned(), Node::new(Json::List(ids))),
                ("level".to_owned(), text(requirement.level.sdf())),
                ("why".to_owned(), text(&words(&requirement.why, lookup))),
            ]))
        })
        .collect();
    let kept = kept
        .iter()
        .map(|kept| {
            Node::new(Json::Object(vec![
                ("permkey".to_owned(), text(&kept.key)),
                ("level".to_owned(), text(kept.level.sdf())),
            ]))
        })
        .collect();
    let root = Json::Object(vec![
        ("format".to_owned(), text(FORMAT)),
        (
            "version".to_owned(),
            Node::new(Json::Number(f64::from(VERSION))),
        ),
        ("id".to_owned(), text(profile.id.as_str())),
        ("name".to_owned(), text(&words(&profile.name, lookup))),
        (
            "summary".to_owned(),
            text(&words(&profile.summary_text(), lookup)),
        ),
        ("flags".to_owned(), Node::new(Json::Object(flags))),
        (
            "requirements".to_owned(),
            Node::new(Json::List(requirements)),
        ),
        ("kept".to_owned(), Node::new(Json::List(kept))),
    ]);
    Node::new(root)
}

/// The SDF script id of a role made from the profile: `customrole_` and the profile's id in the
/// letters SDF takes (`custom:celigo-io` gives `customrole_celigo_io`).
pub fn script_id(profile: &Profile) -> String {
    let id = profile.id.as_str();
    let id = id.strip_prefix("custom:").unwrap_or(id);
    let slug: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    format!("customrole_{slug}")
}

/// SDF role XML for a role that meets the profile: each requirement's first permission (the one
/// a fix adds; SDF has no "any of") at its level, then the kept permissions.
pub fn sdf(profile: &Profile, kept: &[Kept], lookup: &dyn Lookup) -> String {
    let mut out = format!(
        "<role scriptid=\"{}\">\n  <name>{}</name>\n  <permissions>\n",
        xml_escape(&script_id(profile)),
        xml_escape(&words(&profile.name, lookup))
    );
    let lines = profile
        .requirements
        .iter()
        .filter_map(|requirement| {
            let id = requirement.any_of.first()?;
            Some(((*id).to_owned(), requirement.level))
        })
        .chain(kept.iter().map(|kept| (kept.key.clone(), kept.level)));
    for (key, level) in lines {
        out.push_str(&format!(
            "    <permission>\n      <permkey>{}</permkey>\n      <permlevel>{}</permlevel>\n    </permission>\n",
            xml_escape(&key),
            level.sdf()
        ));
    }
    out.push_str("  </permissions>\n</role>\n");
    out
}

/// The header row of the CSV exports, which the importer reads as a header.
const CSV_HEADER: [&str; 4] = ["Permission", "Subtab", "Id", "Level"];

fn csv_cell(value: &str, out: &mut String) {
    if value.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

fn csv_row(cells: &[&str], out: &mut String) {
    for (index, cell) in cells.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        csv_cell(cell, out);
    }
    out.push_str("\r\n");
}

/// CSV, one row a requirement (`Permission,Subtab,Id,Level`; several ids, any of which will do,
/// are space-separated in `Id`), then the kept permissions. It holds neither the profile's name
/// nor the reasons.
pub fn csv(profile: &Profile, kept: &[Kept]) -> String {
    let mut out = String::new();
    csv_row(&CSV_HEADER, &mut out);
    for requirement in profile.requirements.iter() {
        let names: Vec<&str> = requirement
            .any_of
            .iter()
            .map(|id| catalog::name_of(id))
            .collect();
        let subtab = requirement
            .any_of
            .first()
            .and_then(|id| catalog::by_id(id))
            .map_or("", |permission| permission.subtab.label());
        csv_row(
            &[
                &names.join(" or "),
                subtab,
                &requirement.any_of.join(" "),
                requirement.level.label(),
            ],
            &mut out,
        );
    }
    for kept in kept {
        csv_row(
            &[&kept.key, "Custom Record", &kept.key, kept.level.label()],
            &mut out,
        );
    }
    out
}

/// The permissions `role` holds, as the CSV [`csv`] writes (what "Make a profile from this role"
/// puts into the import box, for the admin to trim): every line above None whose id the catalog
/// knows, in catalog order.
pub fn role(role: &Role) -> String {
    let mut out = String::new();
    csv_row(&CSV_HEADER, &mut out);
    for permission in catalog::all() {
        let Some(grant) = role.grants.get(permission.id) else {
            continue;
        };
        if grant.level == crate::level::Level::None {
            continue;
        }
        csv_row(
            &[
                permission.display_name(),
                permission.subtab.label(),
                permission.id,
                grant.level.label(),
            ],
            &mut out,
        );
    }
    out
}
