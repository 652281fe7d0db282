//! Tidy: no sentence for people is written in the adapters (`crates/content`, `crates/popup`) or
//! the JavaScript files; every one is a message id of `rules` worded by `messages.json`.
//!
//! A string literal counts as a sentence when it holds three or more words of letters. What may
//! stay is listed in `tests/tidy-literals.txt` beside this file, one `path<TAB>literal` a line:
//! markup and CSS (never shown as text), and the sentences not yet moved, which the list names so
//! that it only shrinks. A literal on the list that is no longer in the code fails too.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn sources(dir: &Path, extension: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, extension, out);
        } else if path.extension().is_some_and(|found| found == extension) {
            out.push(path);
        }
    }
}

/// The string literals of a Rust or JavaScript source, outside comments and outside Rust test
/// code (`#[cfg(test)]` modules and `tests.rs` files are not shipped).
fn literals(text: &str, rust: bool) -> Vec<String> {
    let text = if rust {
        text.split("#[cfg(test)]").next().unwrap_or(text)
    } else {
        text
    };
    let bytes: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut index = 0;
    while index < bytes.len() {
        let here = bytes[index];
        let next = bytes.get(index + 1).copied();
        if here == '/' && next == Some('/') {
            while index < bytes.len() && bytes[index] != '\n' {
                index += 1;
            }
            continue;
        }
        if here == '/' && next == Some('*') {
            index += 2;
            while index + 1 < bytes.len() && !(bytes[index] == '*' && bytes[index + 1] == '/') {
                index += 1;
            }
            index += 2;
            continue;
        }
        // Rust raw strings: r"…", r#"…"#.
        if rust && here == 'r' && matches!(next, Some('"' | '#')) {
            let mut hashes = 0;
            let mut at = index + 1;
            while bytes.get(at) == Some(&'#') {
                hashes += 1;
                at += 1;
            }
            if bytes.get(at) == Some(&'"') {
                let close: String = std::iter::once('"')
                    .chain("#".repeat(hashes).chars())
                    .collect();
                let rest: String = bytes[at + 1..].iter().collect();
                if let Some(end) = rest.find(&close) {
                    out.push(rest[..end].to_owned());
                    index = at + 1 + rest[..end].chars().count() + close.chars().count();
                    continue;
                }
            }
        }
        // A Rust char literal or lifetime: skip the quote.
        if rust && here == '\'' {
            index += 1;
            continue;
        }
        if here == '"' || (!rust && (here == '\'' || here == '`')) {
            let quote = here;
            let mut literal = String::new();
            index += 1;
            while index < bytes.len() && bytes[index] != quote {
                if bytes[index] == '\\' {
                    index += 1;
                }
                if let Some(&character) = bytes.get(index) {
                    literal.push(character);
                }
                index += 1;
            }
            index += 1;
            out.push(literal);
            continue;
        }
        index += 1;
    }
    out
}

/// Three or more words of two or more letters, e.g. "could not read this page".
fn is_sentence(literal: &str) -> bool {
    literal
        .split(|character: char| !character.is_alphabetic() && character != '\'')
        .filter(|word| word.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .count()
        >= 3
        && literal.contains(' ')
}

fn allowed() -> BTreeSet<(String, String)> {
    let list = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tidy-literals.txt");
    std::fs::read_to_string(list)
        .unwrap_or_default()
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| line.split_once('\t'))
        .map(|(path, literal)| (path.to_owned(), literal.replace("\\n", "\n")))
        .collect()
}

#[test]
fn no_sentence_is_written_in_the_adapters() {
    let root = repo();
    let mut files = Vec::new();
    sources(&root.join("crates/content/src"), "rs", &mut files);
    sources(&root.join("crates/popup/src"), "rs", &mut files);
    sources(&root.join("extension"), "js", &mut files);
    files.sort();
    assert!(files.len() > 20, "only {} sources found", files.len());
    let allowed = allowed();
    let mut found = BTreeSet::new();
    for file in &files {
        let relative = file
            .strip_prefix(&root)
            .unwrap_or(file)
            .to_string_lossy()
            .replace('\\', "/");
        if relative.ends_with("/tests.rs") || relative.contains("/tests/") {
            continue;
        }
        let text = std::fs::read_to_string(file).unwrap_or_default();
        for literal in literals(&text, relative.ends_with(".rs")) {
            if is_sentence(&literal) {
                found.insert((relative.clone(), literal));
            }
        }
    }
    let new: Vec<String> = found
        .difference(&allowed)
        .map(|(path, literal)| format!("{path}\t{}", literal.replace('\n', "\\n")))
        .collect();
    let stale: Vec<String> = allowed
        .difference(&found)
        .map(|(path, literal)| format!("{path}\t{}", literal.replace('\n', "\\n")))
        .collect();
    assert!(
        new.is_empty(),
        "sentences written in the adapters (make them message ids in rules):\n{}",
        new.join("\n")
    );
    assert!(
        stale.is_empty(),
        "tidy-literals.txt lists what is no longer in the code (remove it):\n{}",
        stale.join("\n")
    );
}

#[test]
fn the_literal_scanner_sees_sentences_and_skips_comments() {
    let rust = "// \"not this one here\"\nlet a = \"this is a sentence\"; let b = 'x'; let c = r#\"raw one two three\"#;\n#[cfg(test)]\nlet d = \"in tests it is ignored\";";
    let found: Vec<String> = literals(rust, true)
        .into_iter()
        .filter(|literal| is_sentence(literal))
        .collect();
    assert_eq!(found, ["this is a sentence", "raw one two three"]);
    let js =
        "const a = `could not start the engine`; // 'no sentence here either'\nconst b = 'a b c';";
    let found: Vec<String> = literals(js, false)
        .into_iter()
        .filter(|literal| is_sentence(literal))
        .collect();
    assert_eq!(found, ["could not start the engine"]);
}
