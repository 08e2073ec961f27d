//! The crate's one error type. Messages say what to do.

use std::path::PathBuf;

/// What can go wrong opening, writing or searching an index.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No index at this path.
    #[error("no index at {0}: build one with `govmine ingest PATH --index {0}`")]
    Missing(PathBuf),
    /// govmine's index, but no ingest has committed yet.
    #[error("the index at {0} was never completed (its first ingest is running, or was interrupted): run `govmine ingest` again")]
    Incomplete(PathBuf),
    /// Made by another govmine index format.
    #[error("the index at {path} has format {found}, this govmine reads format {expected}: run `govmine ingest` to rebuild it")]
    Incompatible {
        /// Index path.
        path: PathBuf,
        /// Format found.
        found: u32,
        /// Format this build reads.
        expected: u32,
    },
    /// A directory that is not a govmine index (and not empty): govmine leaves it alone.
    #[error("{0} is not a govmine index and not empty: govmine will not write there; choose another --index directory")]
    NotAnIndex(PathBuf),
    /// Another process holds the writer lock.
    #[error("the index at {path} is being written by another govmine (pid {}): try again when it has finished", pid.map_or_else(|| "unknown".to_string(), |p| p.to_string()))]
    Busy {
        /// Index path.
        path: PathBuf,
        /// The writer's process id, when it wrote one.
        pid: Option<u32>,
    },
    /// An index of a newer format, whose documents this govmine cannot read.
    #[error("the index at {path} has format {found}, newer than this govmine's {expected}: rebuilding it would drop documents this govmine cannot read; use a newer govmine, or `govmine ingest --rebuild` to replace it")]
    Newer {
        /// Index path.
        path: PathBuf,
        /// Format found.
        found: u32,
        /// Format this build writes.
        expected: u32,
    },
    /// Rebuilding the index from what was given would drop documents read from elsewhere.
    #[error("the index at {path} must be rebuilt ({why}), but {dropped} of its documents come from inputs not given here (e.g. {example}): run `govmine ingest --rebuild` to read every recorded input again")]
    WouldDrop {
        /// Index path.
        path: PathBuf,
        /// Why it must be rebuilt.
        why: String,
        /// Documents that would be lost.
        dropped: usize,
        /// One of them (its file).
        example: String,
    },
    /// The query could not be parsed.
    #[error("bad query: {0}")]
    Query(String),
    /// tantivy failed.
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// The index directory could not be opened by tantivy.
    #[error("cannot open index directory: {0}")]
    Directory(#[from] tantivy::directory::error::OpenDirectoryError),
    /// I/O on the index directory.
    #[error("{path}: {source}")]
    Io {
        /// File or directory.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The index's govmine.json is unreadable.
    #[error("{path}: unreadable index metadata ({message}): delete the index and ingest again")]
    Meta {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

/// `Result` with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
