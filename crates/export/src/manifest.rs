//! `manifest.json`: what made a dataset, so it can be traced and made again.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use std::io::Write as _;

use crate::{Error, Format, OutputFile, Staged};

/// Version of the records' fields and their meaning, in every manifest. 2: quantities
/// carry `form`, `direction`, `aggregation`, `basis`, `period_from`, `period_to`,
/// `ref_year` and `period_source`; falls are signed; `status` follows the section.
pub const SCHEMA_VERSION: u32 = 2;

/// A piece of data the records depend on, with its version and hash.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Versioned {
    /// What it is (`jieba+dictionaries`, `gazetteer`, `dictionaries/units.tsv`).
    pub name: String,
    /// Its version, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// blake3 hex.
    pub hash: String,
}

/// An input file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Input {
    /// Path as found.
    pub path: String,
    /// Size in bytes.
    pub bytes: u64,
    /// blake3 hex of its bytes.
    pub blake3: String,
}

/// Everything that made a dataset. No timestamps: the same inputs give the same manifest.
#[derive(Clone, Debug, Serialize)]
pub struct Manifest {
    /// Version of the records' schema ([`SCHEMA_VERSION`]; what changed: CHANGELOG.md).
    pub schema_version: u32,
    /// govmine's version.
    pub govmine: String,
    /// Output format.
    pub format: Format,
    /// Record types asked for.
    pub types: Vec<String>,
    /// Dictionaries, lexicons and the gazetteer.
    pub data: Vec<Versioned>,
    /// Input files, in the order read.
    pub inputs: Vec<Input>,
    /// Documents read.
    pub documents: usize,
    /// Files and records skipped, by reason.
    pub skipped: BTreeMap<String, usize>,
    /// Files and records read with a loss (bytes replaced or removed), by kind.
    pub warnings: BTreeMap<String, usize>,
    /// Records written, by type.
    pub records: BTreeMap<String, u64>,
    /// Files written.
    pub files: Vec<OutputFile>,
}

impl Manifest {
    /// Write as pretty JSON, staged and renamed over `path` when complete.
    pub fn write(&self, path: &Path) -> Result<(), Error> {
        let mut json = serde_json::to_string_pretty(self).map_err(std::io::Error::from)?;
        json.push('\n');
        let (staged, mut file) = Staged::create(path)?;
        file.write_all(json.as_bytes())
            .map_err(|e| Error::io(path, e))?;
        drop(file);
        staged.commit()
    }
}
