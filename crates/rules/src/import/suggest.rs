//! The catalog names closest to a name the catalog does not know, for the import preview: first
//! those holding all the name's words (a word may be the start of another: "Auth." of
//! "Authorization", "Ship" of "Shipping"), then by edit distance of the letters.

/// The longest name compared, in letters and digits (longer ones are cut).
const MAX_KEY: usize = 64;
/// The largest edit distance that still makes a suggestion (beside shared words).
const MAX_DISTANCE: usize = 8;

/// How close a name is, lowest best: (words of the name missing, edit distance, words of the
/// candidate not in the name, catalog order).
type Score = (usize, usize, usize, usize);

/// Up to `count` catalog ids whose names are closest to `name`, best first; none when nothing is
/// close.
pub fn closest(name: &str, count: usize) -> Vec<&'static str> {
    let wanted = super::letters(name);
    let wanted = wanted
        .as_bytes()
        .get(..MAX_KEY)
        .unwrap_or(wanted.as_bytes());
    let wanted_words = words(name);
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(Score, &'static str)> = Vec::new();
    for known in super::known() {
        let shared = wanted_words
            .iter()
            .filter(|word| known.words.iter().any(|own| alike(word, own)))
            .count();
        let key = known.key.as_bytes();
        // Without a shared word only a close spelling counts, so the band can be narrow (and
        // most names leave it within a few letters).
        let max = if shared > 0 {
            MAX_DISTANCE
        } else {
            (wanted.len() / 3).clamp(2, MAX_DISTANCE)
        };
        let distance = bounded_distance(wanted, key.get(..MAX_KEY).unwrap_or(key), max);
        if shared == 0 && distance.is_none() {
            continue;
        }
        let score = (
            wanted_words.len() - shared,
            distance.unwrap_or(MAX_DISTANCE + 1),
            known.words.len().saturating_sub(shared),
            known.order,
        );
        scored.push((score, known.permission.id));
    }
    scored.sort_unstable();
    let mut ids: Vec<&'static str> = Vec::new();
    for (_, id) in scored {
        if ids.len() == count {
            break;
        }
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

/// Whether two words are the same or one starts the other (at least three letters).
fn alike(left: &str, right: &str) -> bool {
    left == right
        || (left.len() >= 3 && right.starts_with(left))
        || (right.len() >= 3 && left.starts_with(right))
}

/// The words of `text` (runs of letters and digits, lower case), without "and", "of", "the".
pub(super) fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_ascii_lowercase)
        .filter(|word| !["and", "of", "the", "a", "in", "on", "for", "to"].contains(&word.as_str()))
        .collect()
}

/// The edit distance of `left` and `right` when it is at most `max` (a band of the table only;
/// `right` is read up to [`MAX_KEY`] letters, so the rows live on the stack).
fn bounded_distance(left: &[u8], right: &[u8], max: usize) -> Option<usize> {
    let right = right.get(..MAX_KEY).unwrap_or(right);
    if left.len().abs_diff(right.len()) > max {
        return None;
    }
    let width = right.len() + 1;
    let mut rows = [[0usize; MAX_KEY + 1]; 2];
    for (column, cell) in rows[0].iter_mut().enumerate().take(width) {
        *cell = column;
    }
    for (row, &letter) in left.iter().enumerate() {
        let (even, odd) = rows.split_at_mut(1);
        let (previous, current) = if row % 2 == 0 {
            (&even[0], &mut odd[0])
        } else {
            (&odd[0], &mut even[0])
        };
        let from = (row + 1).saturating_sub(max);
        let to = (row + 1 + max).min(right.len());
        current.iter_mut().for_each(|cell| *cell = max + 1);
        if from == 0 {
            current[0] = row + 1;
        }
        let mut smallest = if from == 0 { row + 1 } else { max + 1 };
        for column in from.max(1)..=to {
            let substitution = previous[column - 1] + usize::from(right[column - 1] != letter);
            let deletion = previous[column] + 1;
            let insertion = current[column - 1] + 1;
            let cell = substitution.min(deletion).min(insertion).min(max + 1);
            current[column] = cell;
            smallest = smallest.min(cell);
        }
        if smallest > max {
            return None;
        }
    }
    rows[left.len() % 2]
        .get(right.len())
        .copied()
        .filter(|distance| *distance <= max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;

    fn names(name: &str) -> Vec<&'static str> {
        closest(name, 3)
            .iter()
            .map(|id| catalog::name_of(id))
            .collect()
    }

    #[test]
    fn distance_is_levenshtein_within_the_band() {
        assert_eq!(bounded_distance(b"kitten", b"sitting", 8), Some(3));
        assert_eq!(bounded_distance(b"", b"abc", 8), Some(3));
        assert_eq!(bounded_distance(b"abc", b"abc", 0), Some(0));
        assert_eq!(bounded_distance(b"abcdef", b"ghijkl", 3), None);
        assert_eq!(bounded_distance(b"a", b"abcdefghijklm", 8), None);
    }

    #[test]
    fn misspelt_abbreviated_and_renamed_names_find_the_right_permission_first() {
        assert_eq!(names("Custmers").first(), Some(&"Customers"));
        assert_eq!(names("Sales Ordr").first(), Some(&"Sales Order"));
        assert_eq!(names("Ship Items").first(), Some(&"Shipping Items"));
        assert_eq!(
            names("Control Suite Script and Workflow Triggers in Web Service Request").first(),
            Some(&"Control SuiteScript and Workflow Triggers in Web Services Request")
        );
        assert!(names("Sales Campaigns").len() <= 3);
        assert!(closest("", 3).is_empty());
        assert!(closest("%%%", 3).is_empty());
    }
}
