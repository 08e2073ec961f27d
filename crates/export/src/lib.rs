//! Datasets from extracted records: JSONL, CSV (UTF-8 with BOM, one file per record
//! type) or Parquet (typed columns, one file per record type), and a [`Manifest`] that
//! says what made them.
//!
//! - [`table`]: the columns of each record type, shared by CSV and Parquet.
//! - [`Target`]: where an export may write (never over an input, never over a file
//!   govmine did not write), each file staged and renamed when complete ([`Staged`]).
//! - [`Exporter`]: create the outputs, [`Exporter::write`] records in order,
//!   [`Exporter::finish`] to get the files written and their row counts.
//! - [`Manifest`]: govmine's version, dictionary and gazetteer versions with hashes,
//!   input files with hashes, and record counts, as `manifest.json`.
//! - [`csv_text_cell`]: the CSV injection rule every CSV of govmine follows (text that
//!   starts a formula gets a `'` in front).
//!
//! ```no_run
//! use govmine_export::{Exporter, Format};
//! use govmine_extract::TypeSet;
//!
//! use govmine_export::{Request, Target};
//! let (target, _manifest) = Target::check(&Request {
//!     format: Format::Csv,
//!     out: Some("out".as_ref()),
//!     manifest: None,
//!     types: TypeSet::all(),
//!     inputs: &["corpus".into()],
//! })
//! .unwrap();
//! let mut out = Exporter::create(Format::Csv, &target, TypeSet::all()).unwrap();
//! // out.write(&record)? for every record, in document then offset order
//! let files = out.finish().unwrap();
//! ```

#![deny(missing_docs)]

mod csv_cell;
mod manifest;
mod parquet_out;
pub mod table;
pub mod target;

use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use govmine_extract::{Record, RecordType, TypeSet};
use serde::Serialize;

pub use csv_cell::csv_text_cell;
pub use manifest::{Input, Manifest, Versioned, SCHEMA_VERSION};
pub use parquet_out::ParquetTable;
pub use target::{Request, Staged, Target};

/// What can go wrong writing a dataset.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be written.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// Writing to standard output failed (a closed pipe, a full disk).
    #[error("cannot write the output: {0}")]
    Output(#[from] std::io::Error),
    /// The CSV writer failed.
    #[error("cannot write CSV: {0}")]
    Csv(#[from] csv::Error),
    /// The Parquet writer failed.
    #[error("cannot write Parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
    /// `--out` names something that cannot take this format.
    #[error("{0}")]
    Target(String),
}

impl Error {
    fn io(path: &Path, source: std::io::Error) -> Error {
        Error::Io {
            path: path.display().to_string(),
            source,
        }
    }
}

/// Output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// One JSON object a line, every type in one stream.
    Jsonl,
    /// A CSV file per record type, UTF-8 with BOM.
    Csv,
    /// A Parquet file per record type.
    Parquet,
}

impl Format {
    /// File extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::Parquet => "parquet",
        }
    }
}

/// A file an export wrote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OutputFile {
    /// Path (`-` for standard output); a CSV or Parquet file's name in its folder.
    pub path: String,
    /// Record type it holds (absent for JSONL, which holds all).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record_type: Option<String>,
    /// Records in it.
    pub records: u64,
}

/// A staged file per record type: its writer, final path and staging.
type PerType<W> = BTreeMap<RecordType, (W, PathBuf, Staged)>;

enum Sinks {
    Jsonl(Box<dyn Write + Send>, String, Option<Staged>),
    Csv(PerType<csv::Writer<BufWriter<File>>>),
    Parquet(PerType<ParquetTable>),
}

/// Writes records to the chosen format, counting them by type.
pub struct Exporter {
    sinks: Sinks,
    counts: BTreeMap<RecordType, u64>,
}

impl Exporter {
    /// Create the outputs for a checked [`Target`]: JSONL to standard output, a stream
    /// or (staged) a file; CSV and Parquet into the folder (created if missing), one
    /// staged `<type>.<ext>` per type in `types`. Nothing replaces an existing file
    /// before [`Exporter::finish`].
    pub fn create(format: Format, target: &Target, types: TypeSet) -> Result<Exporter, Error> {
        let sinks = match (format, target) {
            (Format::Jsonl, Target::Stdout) => Sinks::Jsonl(
                Box::new(BufWriter::new(std::io::stdout())),
                "-".into(),
                None,
            ),
            (Format::Jsonl, Target::Stream(p)) => {
                let f = OpenOptions::new()
                    .write(true)
                    .open(p)
                    .map_err(|e| Error::io(p, e))?;
                Sinks::Jsonl(Box::new(BufWriter::new(f)), p.display().to_string(), None)
            }
            (Format::Jsonl, Target::File(p)) => {
                let (staged, f) = Staged::create(p)?;
                Sinks::Jsonl(
                    Box::new(BufWriter::new(f)),
                    p.display().to_string(),
                    Some(staged),
                )
            }
            (Format::Csv, Target::Folder { dir, .. }) => Sinks::Csv(csv_files(dir, types)?),
            (Format::Parquet, Target::Folder { dir, .. }) => {
                Sinks::Parquet(parquet_files(dir, types)?)
            }
            _ => {
                return Err(Error::Target(format!(
                    "--format {} cannot write to {target:?}",
                    format.extension()
                )))
            }
        };
        Ok(Exporter {
            sinks,
            counts: types.iter().map(|t| (t, 0)).collect(),
        })
    }

    /// Write one record (records of a type not asked for are ignored).
    pub fn write(&mut self, r: &Record) -> Result<(), Error> {
        let Some(n) = self.counts.get_mut(&r.rtype) else {
            return Ok(());
        };
        *n += 1;
        match &mut self.sinks {
            Sinks::Jsonl(w, _, _) => {
                serde_json::to_writer(&mut *w, r).map_err(std::io::Error::from)?;
                w.write_all(b"\n")?;
            }
            Sinks::Csv(m) => {
                if let Some((w, _, _)) = m.get_mut(&r.rtype) {
                    w.write_record(table::row(r).iter().map(table::Cell::to_csv))?;
                }
            }
            Sinks::Parquet(m) => {
                if let Some((w, _, _)) = m.get_mut(&r.rtype) {
                    w.push(table::row(r))?;
                }
            }
        }
        Ok(())
    }

    /// Records written so far, by type.
    pub fn counts(&self) -> BTreeMap<String, u64> {
        self.counts
            .iter()
            .map(|(t, n)| (t.as_str().to_owned(), *n))
            .collect()
    }

    /// Flush and close every output; the files written, in type order.
    pub fn finish(self) -> Result<Vec<OutputFile>, Error> {
        let counts = self.counts;
        // Files in the --out folder are named relative to it (where the manifest is).
        let file = |t: RecordType, p: &Path| OutputFile {
            path: p.file_name().map_or_else(
                || p.display().to_string(),
                |f| f.to_string_lossy().into_owned(),
            ),
            record_type: Some(t.as_str().into()),
            records: counts.get(&t).copied().unwrap_or(0),
        };
        let mut out = Vec::new();
        match self.sinks {
            Sinks::Jsonl(mut w, path, staged) => {
                w.flush()?;
                drop(w);
                if let Some(s) = staged {
                    s.commit()?;
                }
                out.push(OutputFile {
                    path,
                    record_type: None,
                    records: counts.values().sum(),
                });
            }
            Sinks::Csv(m) => {
                for (t, (w, p, staged)) in m {
                    w.into_inner()
                        .map_err(|e| Error::io(&p, e.into_error()))?
                        .flush()
                        .map_err(|e| Error::io(&p, e))?;
                    staged.commit()?;
                    out.push(file(t, &p));
                }
            }
            Sinks::Parquet(m) => {
                for (t, (w, p, staged)) in m {
                    w.finish()?;
                    staged.commit()?;
                    out.push(file(t, &p));
                }
            }
        }
        Ok(out)
    }
}

/// A staged CSV file (UTF-8 BOM and header written) per record type in `dir`.
fn csv_files(dir: &Path, types: TypeSet) -> Result<PerType<csv::Writer<BufWriter<File>>>, Error> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let mut m = BTreeMap::new();
    for t in types.iter() {
        let p = dir.join(format!("{t}.csv"));
        let (staged, f) = Staged::create(&p)?;
        let mut f = BufWriter::new(f);
        f.write_all("\u{feff}".as_bytes())
            .map_err(|e| Error::io(&p, e))?;
        let mut w = csv::Writer::from_writer(f);
        w.write_record(table::columns(t).iter().map(|c| c.name))?;
        m.insert(t, (w, p, staged));
    }
    Ok(m)
}

/// A staged Parquet file per record type in `dir`.
fn parquet_files(dir: &Path, types: TypeSet) -> Result<PerType<ParquetTable>, Error> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let mut m = BTreeMap::new();
    for t in types.iter() {
        let p = dir.join(format!("{t}.parquet"));
        let (staged, f) = Staged::create(&p)?;
        m.insert(t, (ParquetTable::create(f, t)?, p, staged));
    }
    Ok(m)
}
