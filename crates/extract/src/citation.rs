//! Cited policy documents: titles inside 《》 with their kind (办法, 意见, 条例 …).

use serde::Serialize;

/// One cited document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PolicyDoc {
    /// The title inside 《》.
    pub title: String,
    /// The kind from the title's ending (`意见`, `条例`), empty when none.
    pub kind: String,
    /// Char offset of 《.
    pub start: usize,
    /// Char offset just past 》.
    pub end: usize,
}

/// Every cited document in `text`, left to right, offsets in chars.
pub fn policy_docs(text: &str) -> Vec<PolicyDoc> {
    let _ = text;
    Vec::new()
}
