//! Helpers shared by the unit tests of several modules.

/// Deterministic pseudo-random picks (xorshift), for tests that compare an
/// implementation with a plain one over many inputs drawn from a small
/// alphabet: the same seed gives the same inputs on every run.
pub(crate) struct Picks(u64);

impl Picks {
    /// A sequence from `seed`, which must not be 0.
    pub(crate) fn new(seed: u64) -> Picks {
        Picks(seed)
    }

    /// A number below `n`.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    /// Fewer than `most` pieces drawn from `pieces`, joined.
    pub(crate) fn text(&mut self, pieces: &[&str], most: usize) -> String {
        let count = self.below(most);
        (0..count)
            .map(|_| pieces[self.below(pieces.len())])
            .collect()
    }
}
