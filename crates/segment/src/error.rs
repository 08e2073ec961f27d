//! The crate's one error type.

use std::path::PathBuf;

/// What can go wrong while building a [`crate::Segmenter`].
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A user dictionary file could not be read.
    #[error("cannot read dictionary {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A dictionary line is not `word [freq] [tag]`.
    #[error("{name}:{line}: {message} (expected `word [freq] [tag]`)")]
    BadEntry {
        /// Dictionary name (file path or embedded name).
        name: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}
