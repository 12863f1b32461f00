//! Byte spans into a file's text.

use serde::Serialize;
use std::ops::Range;

/// A half-open byte range `[start, end)` into one file's text.
///
/// Offsets are stored in 32 bits: every statement, clause and identifier
/// carries spans, and files are read only up to
/// [`MAX_FILE_BYTES`](crate::input::MAX_FILE_BYTES), far below 4 GiB. An
/// offset past `u32::MAX` (only possible for text handed to the parser in
/// memory) is clamped there rather than wrapped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize)]
pub struct Span {
    start: u32,
    end: u32,
}

const fn offset(at: usize) -> u32 {
    if at > u32::MAX as usize {
        u32::MAX
    } else {
        at as u32
    }
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span {
            start: offset(start),
            end: offset(end),
        }
    }

    /// A zero-length span at `offset`.
    pub const fn empty(at: usize) -> Self {
        Span::new(at, at)
    }

    /// The first byte.
    pub const fn start(self) -> usize {
        self.start as usize
    }

    /// One past the last byte.
    pub const fn end(self) -> usize {
        self.end as usize
    }

    /// The bytes covered, for slicing the file's text.
    pub const fn range(self) -> Range<usize> {
        self.start()..self.end()
    }

    pub const fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

impl From<Span> for miette::SourceSpan {
    fn from(span: Span) -> Self {
        miette::SourceSpan::new(span.start().into(), span.len())
    }
}

#[cfg(test)]
mod tests {
    use super::Span;

    #[test]
    fn offsets_round_trip_and_clamp_instead_of_wrapping() {
        let span = Span::new(3, 10);
        assert_eq!((span.start(), span.end(), span.len()), (3, 10, 7));
        assert_eq!(span.range(), 3..10);
        let huge = Span::new(u32::MAX as usize + 5, u32::MAX as usize + 9);
        assert_eq!(huge.start(), u32::MAX as usize);
        assert!(huge.is_empty());
        assert_eq!(Span::new(2, 4).to(Span::new(1, 3)), Span::new(1, 4));
    }
}
