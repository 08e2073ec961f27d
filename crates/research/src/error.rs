//! The research crate's one error type.

/// What can go wrong answering a cross-city question.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading the index failed.
    #[error(transparent)]
    Index(#[from] govmine_index::Error),
    /// A stored record is not the JSON `govmine extract` writes: the index is damaged or
    /// from another version; run `govmine ingest` again.
    #[error("a stored record could not be read (re-run `govmine ingest`): {0}")]
    Record(#[from] serde_json::Error),
    /// The question itself is unusable (an empty indicator, an unknown unit).
    #[error("{0}")]
    Input(String),
}

/// Result with [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
