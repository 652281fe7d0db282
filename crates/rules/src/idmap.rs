//! A map and a set keyed by permission id, as one sorted `Vec`: the few operations a role needs
//! (look-up by binary search, insert in place, in-order iteration) in a fraction of the code of
//! `std`'s B-tree, which the size-budgeted content wasm would otherwise carry twice (for the grants
//! and for the offered ids).
//!
//! A role has at most a few thousand lines, so moving entries on insert costs microseconds.

use std::ops::Index;

/// Values by permission id, in id order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdMap<V> {
    entries: Vec<(String, V)>,
}

impl<V> Default for IdMap<V> {
    fn default() -> Self {
        IdMap {
            entries: Vec::new(),
        }
    }
}

impl<V> IdMap<V> {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    fn search(&self, id: &str) -> Result<usize, usize> {
        self.entries
            .binary_search_by(|(known, _)| known.as_str().cmp(id))
    }

    /// The value of `id`.
    pub fn get(&self, id: &str) -> Option<&V> {
        let index = self.search(id).ok()?;
        self.entries.get(index).map(|(_, value)| value)
    }

    /// The value of `id`, to change it.
    pub fn get_mut(&mut self, id: &str) -> Option<&mut V> {
        let index = self.search(id).ok()?;
        self.entries.get_mut(index).map(|(_, value)| value)
    }

    /// Whether `id` has a value.
    pub fn contains_key(&self, id: &str) -> bool {
        self.search(id).is_ok()
    }

    /// Sets the value of `id`; returns the one it replaces.
    pub fn insert(&mut self, id: String, value: V) -> Option<V> {
        match self.search(&id) {
            Ok(index) => self
                .entries
                .get_mut(index)
                .map(|(_, old)| std::mem::replace(old, value)),
            Err(index) => {
                self.entries.insert(index, (id, value));
                None
            }
        }
    }

    /// Sets the value of `id` to `value`, or, when it has one, lets `update` change it.
    pub fn upsert(&mut self, id: &str, value: V, update: impl FnOnce(&mut V, V)) {
        match self.search(id) {
            Ok(index) => {
                if let Some((_, old)) = self.entries.get_mut(index) {
                    update(old, value);
                }
            }
            Err(index) => self.entries.insert(index, (id.to_owned(), value)),
        }
    }

    /// How many ids have a value.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no id has a value.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The ids and values, in id order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.entries.iter().map(|(id, value)| (id, value))
    }

    /// The ids, in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.entries.iter().map(|(id, _)| id)
    }

    /// The values, in id order.
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.entries.iter().map(|(_, value)| value)
    }
}

impl<V> FromIterator<(String, V)> for IdMap<V> {
    /// A later value of the same id replaces an earlier one.
    fn from_iter<I: IntoIterator<Item = (String, V)>>(entries: I) -> Self {
        let mut map = IdMap::new();
        for (id, value) in entries {
            map.insert(id, value);
        }
        map
    }
}

/// The ids and values of a map, in id order.
type Entries<'a, V> =
    std::iter::Map<std::slice::Iter<'a, (String, V)>, fn(&'a (String, V)) -> (&'a String, &'a V)>;

impl<'a, V> IntoIterator for &'a IdMap<V> {
    type Item = (&'a String, &'a V);
    type IntoIter = Entries<'a, V>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(id, value)| (id, value))
    }
}

impl<V> Index<&str> for IdMap<V> {
    type Output = V;

    /// The value of `id`; panics when there is none (for tests, like `BTreeMap`'s index).
    fn index(&self, id: &str) -> &V {
        self.get(id).expect("no value for this id")
    }
}

/// A set of permission ids, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IdSet(IdMap<()>);

impl IdSet {
    /// An empty set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `id`; `false` when it was there already.
    pub fn insert(&mut self, id: String) -> bool {
        self.0.insert(id, ()).is_none()
    }

    /// Whether `id` is in the set.
    pub fn contains(&self, id: &str) -> bool {
        self.0.contains_key(id)
    }

    /// How many ids.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The ids, in order.
    pub fn iter(&self) -> impl Iterator<Item = &String> {
        self.0.keys()
    }
}

impl<'a> IntoIterator for &'a IdSet {
    type Item = &'a String;
    type IntoIter = std::iter::Map<Entries<'a, ()>, fn((&'a String, &'a ())) -> &'a String>;

    fn into_iter(self) -> Self::IntoIter {
        (&self.0).into_iter().map(|(id, _)| id)
    }
}

impl FromIterator<String> for IdSet {
    fn from_iter<I: IntoIterator<Item = String>>(ids: I) -> Self {
        IdSet(ids.into_iter().map(|id| (id, ())).collect())
    }
}

impl<const N: usize> From<[&str; N]> for IdSet {
    fn from(ids: [&str; N]) -> Self {
        ids.into_iter().map(str::to_owned).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::{IdMap, IdSet};

    #[test]
    fn a_map_keeps_ids_in_order_and_one_value_each() {
        let mut map: IdMap<u8> = ["C", "A", "B", "A"]
            .into_iter()
            .zip(1..)
            .map(|(id, value)| (id.to_owned(), value))
            .collect();
        assert_eq!(map.len(), 3);
        assert_eq!(
            map.keys().map(String::as_str).collect::<Vec<_>>(),
            ["A", "B", "C"]
        );
        assert_eq!(map.get("A"), Some(&4), "the later value wins");
        assert_eq!(map.insert("B".to_owned(), 9), Some(3));
        map.upsert("B", 1, |old, new| *old = (*old).max(new));
        assert_eq!(map["B"], 9);
        map.upsert("D", 5, |_, _| unreachable!("D is new"));
        assert_eq!(map.get("D"), Some(&5));
        if let Some(value) = map.get_mut("C") {
            *value = 0;
        }
        assert_eq!(map.values().copied().collect::<Vec<_>>(), [4, 9, 0, 5]);
        assert!(!map.contains_key("E") && map.get("").is_none());
    }

    #[test]
    fn a_set_holds_each_id_once() {
        let mut set = IdSet::from(["b", "a"]);
        assert!(set.insert("c".to_owned()));
        assert!(!set.insert("a".to_owned()));
        assert!(set.contains("b") && !set.contains("d"));
        assert_eq!(
            set.iter().map(String::as_str).collect::<Vec<_>>(),
            ["a", "b", "c"]
        );
        assert_eq!(set.len(), 3);
        assert!(IdSet::new().is_empty());
    }
}
