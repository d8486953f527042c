//! A hash index from record keys (ids) to positions, for tables that keep their records in an
//! order of their own (creation order) and find them by id: Ashby's, SmartRecruiters' (string
//! ids) and ATS Anywhere's (numeric ids) store tables.
//!
//! Each entry keeps its key's hash beside the position, so the index grows without reading a
//! record: growing an index of 200k entries moves 3 MB of entries, where rehashing through the
//! records would visit every one of them (tens of milliseconds of cache misses, under the
//! tenant's write lock). The stored hash also spares a record lookup on most probe collisions.

use foldhash::fast::FixedState;
use hashbrown::HashTable;
use std::hash::{BuildHasher, Hash};
use std::marker::PhantomData;

#[derive(Debug, Clone, Copy)]
struct Entry {
    hash: u64,
    position: u64,
}

/// Keys (`K`, string ids unless said otherwise) to positions; the table keeps the records, and
/// answers a position's key on lookup.
#[derive(Debug)]
pub struct KeyIndex<K: ?Sized = str> {
    entries: HashTable<Entry>,
    hasher: FixedState,
    keys: PhantomData<fn(&K)>,
}

impl<K: ?Sized> Clone for KeyIndex<K> {
    fn clone(&self) -> Self {
        Self {
            entries: self.entries.clone(),
            hasher: self.hasher.clone(),
            keys: PhantomData,
        }
    }
}

impl<K: ?Sized> Default for KeyIndex<K> {
    fn default() -> Self {
        Self {
            entries: HashTable::new(),
            hasher: FixedState::default(),
            keys: PhantomData,
        }
    }
}

impl<K: ?Sized + Hash + Eq> KeyIndex<K> {
    pub fn with_capacity(n: usize) -> Self {
        Self {
            entries: HashTable::with_capacity(n),
            hasher: FixedState::default(),
            keys: PhantomData,
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Makes room for `more` keys at once (a fixture load).
    pub fn reserve(&mut self, more: usize) {
        self.entries.reserve(more, |e| e.hash);
    }

    /// The position of `key`. `key_at` answers the key of the record at a position.
    pub fn find<'a>(&self, key: &K, key_at: impl Fn(u64) -> Option<&'a K>) -> Option<u64>
    where
        K: 'a,
    {
        let hash = self.hasher.hash_one(key);
        self.entries
            .find(hash, |e| e.hash == hash && key_at(e.position) == Some(key))
            .map(|e| e.position)
    }

    /// Files `key` at `position`; the caller has checked that the key is not there yet.
    pub fn insert(&mut self, key: &K, position: u64) {
        let hash = self.hasher.hash_one(key);
        self.entries
            .insert_unique(hash, Entry { hash, position }, |e| e.hash);
    }

    /// Takes `key` out, answering the position it had.
    pub fn remove<'a>(&mut self, key: &K, key_at: impl Fn(u64) -> Option<&'a K>) -> Option<u64>
    where
        K: 'a,
    {
        let hash = self.hasher.hash_one(key);
        let found = self
            .entries
            .find_entry(hash, |e| e.hash == hash && key_at(e.position) == Some(key))
            .ok()?;
        Some(found.remove().0.position)
    }

    /// Moves every position through `to` (a table that closed a gap in its rows).
    pub fn move_positions(&mut self, to: impl Fn(u64) -> u64) {
        for entry in self.entries.iter_mut() {
            entry.position = to(entry.position);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    proptest! {
        /// Against a `HashMap` model: any run of inserts and removes leaves the same key ->
        /// position answers (positions index a list of keys, as a table's rows do).
        #[test]
        fn answers_like_a_map(ops in prop::collection::vec((0u8..40, any::<bool>()), 0..400)) {
            let mut rows: Vec<String> = Vec::new();
            let mut index: KeyIndex = KeyIndex::default();
            let mut model: HashMap<String, u64> = HashMap::new();
            for (n, insert) in ops {
                let key = format!("id-{n}");
                let key_at = |p: u64| rows.get(p as usize).map(String::as_str);
                if insert {
                    if index.find(&key, key_at).is_none() {
                        index.insert(&key, rows.len() as u64);
                        model.insert(key.clone(), rows.len() as u64);
                        rows.push(key);
                    }
                } else {
                    prop_assert_eq!(index.remove(&key, key_at), model.remove(&key));
                }
            }
            prop_assert_eq!(index.len(), model.len());
            for n in 0u8..40 {
                let key = format!("id-{n}");
                let key_at = |p: u64| rows.get(p as usize).map(String::as_str);
                prop_assert_eq!(index.find(&key, key_at), model.get(&key).copied());
            }
        }
    }
}
