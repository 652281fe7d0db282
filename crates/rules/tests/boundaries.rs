//! Architecture invariant (house-style.md §8, rule 1): the rules crate's normal dependencies hold
//! no browser crate.

#[test]
fn no_browser_crate_in_normal_dependencies() {
    let manifest = include_str!("../Cargo.toml");
    let dependencies = manifest
        .split("[dependencies]")
        .nth(1)
        .and_then(|rest| rest.split("\n[").next())
        .unwrap_or("");
    let names: Vec<&str> = dependencies
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| line.split(['.', '=', ' ']).next())
        .collect();
    // `make test` checks the whole tree (`cargo tree`); this checks the direct ones natively.
    let browser = ["wasm-bindgen", "web-sys", "js-sys", "gloo", "yew"];
    assert!(
        !names.is_empty(),
        "no dependency read from {dependencies:?}"
    );
    for name in names {
        assert!(
            !browser
                .iter()
                .any(|crate_name| name.starts_with(crate_name)),
            "tba-rules depends on the browser crate {name}"
        );
    }
}
