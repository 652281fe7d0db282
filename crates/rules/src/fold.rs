//! Text folding shared by message matching and label look-ups: lower case, one space between words.

/// Lower-cases the ASCII letters of `text` and collapses every whitespace run (NBSP and line breaks
/// included) into one ASCII space, trimming both ends.
///
/// Only ASCII letters are folded: the texts compared (NetSuite's own labels and messages) come from
/// the same page or the same catalog, so their non-ASCII letters agree in case, and full Unicode case
/// tables would cost the content script's wasm more than its whole catalog.
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().map(|letter| letter.to_ascii_lowercase()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_case_and_every_kind_of_whitespace() {
        assert_eq!(
            fold("  Log IN\u{a0}using\n\tAccess  Tokens "),
            "log in using access tokens"
        );
        assert_eq!(fold(""), "");
        assert_eq!(fold("Accès  Jetons"), "accès jetons");
    }
}
