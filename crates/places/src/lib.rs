//! Places: China's administrative divisions, and which place a document and each of
//! its passages is about.
//!
//! - [`gazetteer`] — the [`Gazetteer`], loaded once from the CSV files in
//!   `dictionaries/` (JioNLP's division tree: provinces, prefectures, counties; old names
//!   that still resolve; functional areas such as 两江新区). Exact lookups
//!   ([`Gazetteer::lookup`]), CLI queries ([`Gazetteer::resolve_query`]), facet paths
//!   ([`Gazetteer::facet_path`]), the word list for the segmenter ([`Gazetteer::words`]).
//! - [`mentions`] — [`Gazetteer::mentions`]: every place name in a text, with char
//!   offsets, filtered against false positives (stoplist, word-boundary rules for short
//!   names) and disambiguated by the other names in the same text.
//! - [`attribute`] — [`attribute()`]: the author and subject places of a
//!   [`govmine_text::Document`] ([`Placement::doc_places`]) and one place per paragraph
//!   ([`Placement::paragraph_places`]), or [`Place::National`] for national documents.
//!
//! Errors of the crate are one enum, [`PlaceError`].

pub mod attribute;
pub mod gazetteer;
pub mod mentions;

pub use attribute::{attribute, DocPlace, Placement, Role};
pub use gazetteer::{Gazetteer, Level, NameKind, Place, Region, RegionId};
pub use mentions::{Mention, Strength};

/// What can go wrong when resolving a place name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlaceError {
    /// The name matches several divisions; `candidates` are their full paths
    /// (`福建省福州市鼓楼区`).
    #[error("place name {name:?} is ambiguous: {}", candidates.join(", "))]
    Ambiguous {
        /// The name as asked.
        name: String,
        /// Full paths of every matching division.
        candidates: Vec<String>,
    },
    /// No division has this name; `suggestions` are full paths of close names.
    #[error("unknown place name {name:?}{}", suggest(suggestions))]
    Unknown {
        /// The name as asked.
        name: String,
        /// Full paths of divisions whose names contain or are contained in it.
        suggestions: Vec<String>,
    },
}

fn suggest(s: &[String]) -> String {
    if s.is_empty() {
        String::new()
    } else {
        format!(" (did you mean: {})", s.join(", "))
    }
}
