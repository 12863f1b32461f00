//! The name table: the first declaration of each identifier.
//!
//! The table holds statement indexes only, four bytes a slot; a name is
//! compared with the identifier of the statement it points at. A workspace of
//! a million statements keeps no second copy of its names.

use super::{SourceFile, Stmt, StmtId};
use hashbrown::HashTable;
use rayon::prelude::*;
use rustc_hash::FxBuildHasher;
use std::hash::BuildHasher;

#[derive(Debug, Clone, Default)]
pub struct NameTable {
    slots: HashTable<u32>,
}

impl NameTable {
    /// The table of `statements`, whose text is in `files`, and each later
    /// declaration of a name already taken, as (the later one, the first one).
    pub fn build(statements: &[Stmt], files: &[SourceFile]) -> (NameTable, Vec<(StmtId, StmtId)>) {
        // Reading a name is a cache miss or two (the statement, then its
        // text): the names are hashed in parallel first, and the serial
        // insertion below reads a name again only when two hashes agree.
        let hashes: Vec<u64> = statements
            .par_iter()
            .map(|stmt| stmt.name(files).map_or(UNNAMED, hash))
            .collect();
        let mut slots = HashTable::with_capacity(statements.len());
        let mut duplicates = Vec::new();
        let name_of = |index: u32| statements[index as usize].name(files).unwrap_or_default();
        for (index, &hash) in hashes.iter().enumerate() {
            if hash == UNNAMED {
                continue;
            }
            let index32 = super::stmt_index32(index);
            let same = |&s: &u32| hashes[s as usize] == hash && name_of(s) == name_of(index32);
            match slots.entry(hash, same, |&s| hashes[s as usize]) {
                hashbrown::hash_table::Entry::Occupied(first) => {
                    duplicates.push((index, *first.get() as usize));
                }
                hashbrown::hash_table::Entry::Vacant(slot) => {
                    slot.insert(index32);
                }
            }
        }
        (NameTable { slots }, duplicates)
    }

    /// The first statement declared as `name`; `files` hold the statements'
    /// text.
    pub fn get(&self, statements: &[Stmt], files: &[SourceFile], name: &str) -> Option<StmtId> {
        self.slots
            .find(hash(name), |&s| {
                statements[s as usize].name(files) == Some(name)
            })
            .map(|&s| s as usize)
    }

    /// The first declaration of each name, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = StmtId> + '_ {
        self.slots.iter().map(|&s| s as usize)
    }
}

/// The hash of an anonymous statement, which no name has (see [`hash`]).
const UNNAMED: u64 = 0;

/// A name's hash; never [`UNNAMED`].
fn hash(name: &str) -> u64 {
    FxBuildHasher.hash_one(name).max(1)
}

#[cfg(test)]
mod tests {
    use crate::input::load_texts;

    #[test]
    fn the_first_declaration_of_a_name_wins() {
        let ws = load_texts(&[
            ("a.arg", "claim c \"first\"\n\nclaim d \"D\"\n"),
            ("b.arg", "claim c \"again\"\n\ncheck 1 < 2\n"),
        ]);
        assert_eq!(ws.lookup("c"), Some(0));
        assert_eq!(ws.lookup("d"), Some(1));
        assert_eq!(ws.lookup("e"), None);
        assert_eq!(ws.duplicates, [(2, 0)]);
        let mut names: Vec<(&str, usize)> = ws.declared_names().collect();
        names.sort_unstable();
        assert_eq!(names, [("c", 0), ("d", 1)]);
    }
}
