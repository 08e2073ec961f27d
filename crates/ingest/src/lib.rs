//! The ingest pipeline: from folders of reports to index records.
//!
//! Data flows one way through the stages, each behind its own crate:
//! read ([`source`]: walk folders, files and JSONL/CSV records) → decode, clean and
//! structure (`govmine-text`) → places (`govmine-places`) → segment
//! (`govmine-segment`, once per text) → [`govmine_index::DocRecord`] → index writer.
//!
//! - [`Pipeline`]: the shared tools, built once (segmenter with every dictionary, gazetteer).
//! - [`prepare`]: one document through the stages ([`Stages::prepare`]).
//! - [`ingest`]: the whole run, parallel by batch, added in input order ([`Summary`]).

#![deny(missing_docs)]

pub mod prepare;
pub mod records;
mod run;
pub mod source;

use std::path::PathBuf;

pub use prepare::{Outcome, Prepared, Stages};
pub use run::{ingest, run, Event, IngestOptions, InputHash, Sink, Summary};
pub use source::{FileKind, InputFile, RawDoc, Records, Skip, Warning, WarningKind};

use govmine_extract::TypeSet;
use govmine_places::Gazetteer;
use govmine_segment::{Segmenter, SegmenterBuilder};

/// What can stop an ingest as a whole (a bad file only skips that file).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The index failed.
    #[error(transparent)]
    Index(#[from] govmine_index::Error),
    /// A dictionary could not be loaded.
    #[error(transparent)]
    Segment(#[from] govmine_segment::Error),
    /// Where the documents went failed (an export file).
    #[error("{0}")]
    Sink(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// The worker pool could not start.
    #[error("cannot start worker threads: {0}")]
    Threads(String),
}

/// The tools every stage shares, built once per process.
pub struct Pipeline {
    /// jieba with govmine's terms, every place name and the user's `--dict` files.
    pub segmenter: Segmenter,
    /// The gazetteer.
    pub gazetteer: &'static Gazetteer,
}

impl Pipeline {
    /// Build the segmenter (embedded dictionaries, place names, `extra` user dictionaries).
    pub fn new(extra: &[PathBuf]) -> Result<Pipeline, Error> {
        let gazetteer = Gazetteer::embedded();
        let places: Vec<String> = gazetteer.words().map(|w| format!("{w} 300 ns")).collect();
        let mut b = SegmenterBuilder::new().words("gazetteer", places.iter().map(String::as_str));
        for d in extra {
            b = b.dict_file(d)?;
        }
        Ok(Pipeline {
            segmenter: b.build()?,
            gazetteer,
        })
    }

    /// The stages of an ingest (every record type, passages and facts for the index),
    /// borrowing these tools.
    pub fn stages(&self) -> Stages<'_> {
        Stages {
            segmenter: &self.segmenter,
            gazetteer: self.gazetteer,
            types: TypeSet::all(),
            index: true,
        }
    }

    /// The stages of an export: records of `types` only, nothing segmented for an index.
    pub fn export_stages(&self, types: TypeSet) -> Stages<'_> {
        Stages {
            types,
            index: false,
            ..self.stages()
        }
    }
}
