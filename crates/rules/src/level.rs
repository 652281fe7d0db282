//! Permission levels (None, View, Create, Edit, Full) in their numeric, UI and SDF forms.
//!
//! This module only names and orders levels; it knows nothing about which permission takes which.

/// A NetSuite permission level, ordered from `None` to `Full`.
///
/// Numeric form 0–4 as in the sublist data and SuiteScript; see netsuite-role-page.md §4.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Level {
    /// No access (0).
    #[default]
    None,
    /// View (1).
    View,
    /// Create (2).
    Create,
    /// Edit (3).
    Edit,
    /// Full (4).
    Full,
}

impl Level {
    /// All levels, lowest first.
    pub const ALL: [Level; 5] = [
        Level::None,
        Level::View,
        Level::Create,
        Level::Edit,
        Level::Full,
    ];

    /// The level whose numeric form is `number` (0–4).
    pub fn from_number(number: u8) -> Option<Level> {
        Level::ALL.get(usize::from(number)).copied()
    }

    /// The numeric form used in sublist data (`permlevel` = `"4"` for Full).
    pub fn number(self) -> u8 {
        self as u8
    }

    /// Reads a level from its numeric form (`"4"`), its UI label (`"Full"`) or its SDF form
    /// (`"FULL"`), ignoring case and surrounding whitespace.
    ///
    /// Labels of other UI languages are not known and give `None`.
    pub fn parse(text: &str) -> Option<Level> {
        let text = text.trim();
        if text.len() == 1 {
            let digit = text.as_bytes()[0];
            if digit.is_ascii_digit() {
                return Level::from_number(digit - b'0');
            }
        }
        Level::ALL
            .into_iter()
            .find(|level| level.sdf().eq_ignore_ascii_case(text))
    }

    /// The English UI label, e.g. `"Full"`.
    pub fn label(self) -> &'static str {
        match self {
            Level::None => "None",
            Level::View => "View",
            Level::Create => "Create",
            Level::Edit => "Edit",
            Level::Full => "Full",
        }
    }

    /// The SDF `permlevel` value, e.g. `"FULL"`.
    pub fn sdf(self) -> &'static str {
        match self {
            Level::None => "NONE",
            Level::View => "VIEW",
            Level::Create => "CREATE",
            Level::Edit => "EDIT",
            Level::Full => "FULL",
        }
    }
}

/// A set of levels, e.g. the levels a permission accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct LevelSet(u8);

impl LevelSet {
    /// No level at all.
    pub const EMPTY: LevelSet = LevelSet(0);
    /// None, View, Create, Edit and Full ("all" in the catalog table).
    pub const ALL: LevelSet = LevelSet(0b1_1111);
    /// None and Full: every TBA permission.
    pub const NONE_FULL: LevelSet = LevelSet::of(&[Level::None, Level::Full]);

    /// The set holding exactly `levels`.
    pub const fn of(levels: &[Level]) -> LevelSet {
        let mut bits = 0u8;
        let mut index = 0;
        while index < levels.len() {
            bits |= 1 << levels[index] as u8;
            index += 1;
        }
        LevelSet(bits)
    }

    /// Whether `level` is in the set.
    pub fn contains(self, level: Level) -> bool {
        self.0 & (1 << level as u8) != 0
    }

    /// The same set with `level` added.
    pub fn with(self, level: Level) -> LevelSet {
        LevelSet(self.0 | (1 << level as u8))
    }

    /// The levels in both sets.
    pub fn and(self, other: LevelSet) -> LevelSet {
        LevelSet(self.0 & other.0)
    }

    /// Whether the set holds no level.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The levels in the set, lowest first.
    pub fn iter(self) -> impl Iterator<Item = Level> {
        Level::ALL
            .into_iter()
            .filter(move |level| self.contains(*level))
    }

    /// The highest level in the set.
    pub fn max(self) -> Option<Level> {
        self.iter().last()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Option<Level>) {
        assert_eq!(Level::parse(text), expected, "parsing {text:?}");
    }

    #[test]
    fn parse_forms() {
        let cases: &[(&str, Option<Level>)] = &[
            ("4", Some(Level::Full)),
            ("0", Some(Level::None)),
            ("Full", Some(Level::Full)),
            (" FULL ", Some(Level::Full)),
            ("full", Some(Level::Full)),
            ("\u{a0}View\t", Some(Level::View)),
            ("create", Some(Level::Create)),
            ("EDIT", Some(Level::Edit)),
            ("none", Some(Level::None)),
            ("5", None),
            ("7", None),
            ("-1", None),
            ("44", None),
            ("abc", None),
            ("", None),
            ("Voll", None),
            ("Complet", None),
            ("４", None),
        ];
        for (text, expected) in cases {
            check(text, *expected);
        }
    }

    #[test]
    fn numbers_round_trip_and_order() {
        for level in Level::ALL {
            assert_eq!(Level::from_number(level.number()), Some(level));
            assert_eq!(Level::parse(level.label()), Some(level));
            assert_eq!(Level::parse(level.sdf()), Some(level));
        }
        assert_eq!(Level::from_number(5), None);
        assert!(Level::None < Level::View && Level::Edit < Level::Full);
    }

    #[test]
    fn level_sets() {
        assert!(LevelSet::ALL.contains(Level::Create));
        assert!(LevelSet::NONE_FULL.contains(Level::Full));
        assert!(!LevelSet::NONE_FULL.contains(Level::View));
        assert_eq!(LevelSet::NONE_FULL.max(), Some(Level::Full));
        assert_eq!(LevelSet::EMPTY.max(), None);
        assert_eq!(
            LevelSet::EMPTY.with(Level::View),
            LevelSet::of(&[Level::View])
        );
        assert_eq!(LevelSet::ALL.iter().count(), 5);
    }
}
