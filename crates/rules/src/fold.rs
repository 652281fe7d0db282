//! Text folding shared by message matching and label look-ups: lower case, one space between words.

/// Lower-cases `text` and collapses every whitespace run (NBSP and line breaks included) into one
/// ASCII space, trimming both ends.
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
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
    }
}
