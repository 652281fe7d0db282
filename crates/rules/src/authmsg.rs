//! Recognises NetSuite's TBA authorization-flow error text (netsuite-role-page.md §6.4) in page
//! text, whatever the whitespace, line breaks or case.
//!
//! Only recognition lives here; the help text is in `text`.

use crate::fold::fold;

/// The first two sentences of the error, which are what identifies it.
pub const AUTH_ERROR_TEXT: &str =
    "You cannot continue this authorization flow. Your current role has insufficient permission.";

/// Whether `text` contains the authorization-flow error, ignoring case and treating any run of
/// whitespace (spaces, tabs, line breaks, NBSP) as one space.
pub fn contains_auth_error(text: &str) -> bool {
    let needle = fold(AUTH_ERROR_TEXT);
    // Cheap pre-check on a word that every match contains, to skip most pages quickly.
    if !text.contains("uthorization") && !text.contains("UTHORIZATION") {
        return false;
    }
    fold(text).contains(&needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: bool) {
        assert_eq!(contains_auth_error(text), expected, "text {text:?}");
    }

    #[test]
    fn recognises_the_error() {
        let cases: &[(&str, bool)] = &[
            (AUTH_ERROR_TEXT, true),
            (
                "Error: You cannot continue this authorization flow. Your current role has insufficient permission. Please contact your account administrator.",
                true,
            ),
            (
                "you  cannot\ncontinue this\u{a0}authorization flow.\r\n  Your current role has\tinsufficient permission.",
                true,
            ),
            (
                "YOU CANNOT CONTINUE THIS AUTHORIZATION FLOW. YOUR CURRENT ROLE HAS INSUFFICIENT PERMISSION.",
                true,
            ),
            ("You cannot continue this authorization flow.", false),
            ("Your current role has insufficient permission.", false),
            (
                "You cannot continue this authorization flow Your current role has insufficient permission",
                false,
            ),
            ("", false),
        ];
        for (text, expected) in cases {
            check(text, *expected);
        }
    }
}
