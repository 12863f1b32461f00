//! Quote verification (spec section 6): both the quote and its source's text
//! are normalised the same way, then the quote must occur in the text.
//!
//! Pure logic over strings; reading the files is `crate::input`'s job.

pub mod closest;
pub mod matcher;
pub mod normalize;

pub use closest::{Passage, WordIndex, closest_passage};
pub use matcher::occurrences;
pub use normalize::{NormalizedText, Origin, normalize_quote};
