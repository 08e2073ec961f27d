//! The run: walk, read, prepare in parallel batches, hand to a [`Sink`] in input order
//! (the index writer for `ingest`, an export for `extract`).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use govmine_index::{DocStatus, Origin, Writer};
use govmine_text::{decode_records, Hints};

use crate::prepare::{Outcome, Prepared, Stages};
use crate::source::{
    csv_records, decode_warnings, jsonl_records, path_text, walk, FileKind, InputFile, RawDoc,
    Skip, Warning, WarningKind,
};
use crate::Error;

/// Raw bytes gathered before a batch is prepared in parallel.
const BATCH_BYTES: usize = 2 * 1024 * 1024;

/// How to run an ingest.
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    /// Text field of record corpora (default: content, text, full_text, body).
    pub text_field: Option<String>,
    /// Worker threads for the stages.
    pub threads: usize,
}

/// What an ingest did.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Summary {
    /// Files found (supported or not).
    pub files: usize,
    /// Documents found (files and records).
    pub documents: usize,
    /// Documents indexed (new or changed).
    pub indexed: usize,
    /// Of those, documents that replaced a changed version.
    pub replaced: usize,
    /// Documents whose content was already indexed.
    pub unchanged: usize,
    /// Records extracted from the documents indexed.
    pub records: usize,
    /// Skipped files and records, by reason.
    pub skipped: BTreeMap<&'static str, usize>,
    /// Files and records kept with a loss (indexed all the same), by kind.
    pub warnings: BTreeMap<WarningKind, usize>,
    /// Bytes read.
    pub bytes: u64,
    /// Every file read, in order, with its size and blake3 hash.
    pub inputs: Vec<InputHash>,
    /// Wall time in seconds.
    pub seconds: f64,
}

impl Summary {
    /// Add another run's counts, inputs, skips and warnings to these.
    pub fn absorb(&mut self, other: Summary) {
        self.files += other.files;
        self.documents += other.documents;
        self.indexed += other.indexed;
        self.replaced += other.replaced;
        self.unchanged += other.unchanged;
        self.records += other.records;
        for (reason, n) in other.skipped {
            *self.skipped.entry(reason).or_default() += n;
        }
        for (kind, n) in other.warnings {
            *self.warnings.entry(kind).or_default() += n;
        }
        self.bytes += other.bytes;
        self.inputs.extend(other.inputs);
        self.seconds += other.seconds;
    }

    /// Total skipped.
    pub fn skipped_total(&self) -> usize {
        self.skipped.values().sum()
    }

    /// Total warnings.
    pub fn warnings_total(&self) -> usize {
        self.warnings.values().sum()
    }
}

/// A file read, as a manifest names it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct InputHash {
    /// Path as found.
    pub path: String,
    /// Size in bytes.
    pub bytes: u64,
    /// blake3 hex of the bytes.
    pub blake3: String,
}

/// Progress and problems, as they happen.
pub enum Event<'a> {
    /// A file or record was skipped.
    Skipped(&'a Skip),
    /// A file or record is indexed with a loss (invalid bytes replaced, NULs removed).
    Warning(&'a Warning),
    /// Bytes read so far of the total.
    Progress {
        /// Done.
        done: u64,
        /// Total.
        total: u64,
    },
}

/// Where prepared documents go, in input order.
pub trait Sink: Sync {
    /// Whether a document with this id and content hash is new, changed or unchanged
    /// (called from the worker threads).
    fn status(&self, id: &str, hash: &str) -> DocStatus;
    /// Take one prepared document.
    fn add(&mut self, doc: Prepared) -> Result<(), Error>;
    /// The id of the document the sink already holds from `origin`.
    fn id_of(&self, _origin: &Origin) -> Option<String> {
        None
    }
    /// Where the document the sink holds as `id` came from (`Some(None)`: unknown).
    fn origin_of(&self, _id: &str) -> Option<Option<Origin>> {
        None
    }
}

impl Sink for Writer {
    fn status(&self, id: &str, hash: &str) -> DocStatus {
        Writer::status(self, id, hash)
    }

    fn id_of(&self, origin: &Origin) -> Option<String> {
        Writer::id_of(self, origin).map(str::to_owned)
    }

    fn origin_of(&self, id: &str) -> Option<Option<Origin>> {
        Writer::origin_of(self, id).map(|o| o.cloned())
    }

    fn add(&mut self, doc: Prepared) -> Result<(), Error> {
        Ok(Writer::add(self, doc.doc)?)
    }
}

struct Run<'a, 'w> {
    stages: &'a Stages<'a>,
    writer: &'w mut dyn Sink,
    pool: rayon::ThreadPool,
    summary: Summary,
    /// Ids given in this run, with the origin each was given to.
    ids: HashMap<String, Origin>,
    /// Origins read in this run.
    origins: HashSet<Origin>,
    batch: Vec<RawDoc>,
    batch_bytes: usize,
}

impl Run<'_, '_> {
    fn skip(&mut self, s: &Skip, on: &mut dyn FnMut(Event)) {
        *self.summary.skipped.entry(s.reason).or_default() += 1;
        on(Event::Skipped(s));
    }

    fn warn(&mut self, w: &Warning, on: &mut dyn FnMut(Event)) {
        *self.summary.warnings.entry(w.kind).or_default() += 1;
        on(Event::Warning(w));
    }

    fn push(
        &mut self,
        mut doc: RawDoc,
        size: usize,
        on: &mut dyn FnMut(Event),
    ) -> Result<(), Error> {
        self.summary.documents += 1;
        if !self.origins.insert(doc.origin.clone()) {
            let s = Skip {
                message: format!(
                    "{}: skipped: the same document was given twice in this run",
                    doc.id
                ),
                what: doc.id,
                reason: "given twice",
            };
            self.skip(&s, on);
            return Ok(());
        }
        doc.id = self.assign_id(&doc.id, &doc.origin);
        self.ids.insert(doc.id.clone(), doc.origin.clone());
        self.batch.push(doc);
        self.batch_bytes += size;
        if self.batch_bytes >= BATCH_BYTES {
            self.flush(on)?;
        }
        Ok(())
    }

    /// A document's id: the one it has in the sink, else its relative path unless
    /// another file holds that, else its absolute path (unique, as files are).
    fn assign_id(&self, relative: &str, origin: &Origin) -> String {
        if let Some(id) = self.writer.id_of(origin) {
            return id;
        }
        let free = match (self.ids.get(relative), self.writer.origin_of(relative)) {
            (Some(_), _) => false,
            (None, None | Some(None)) => true,
            // The file indexed under this id has gone (moved or removed): take its place.
            (None, Some(Some(held))) => held == *origin || !Path::new(&held.file).exists(),
        };
        match (free, origin.row) {
            (true, _) => relative.to_owned(),
            (false, None) => origin.file.clone(),
            (false, Some(row)) => format!("{}#{row}", origin.file),
        }
    }

    fn flush(&mut self, on: &mut dyn FnMut(Event)) -> Result<(), Error> {
        let batch = std::mem::take(&mut self.batch);
        self.batch_bytes = 0;
        let writer = &*self.writer;
        let stages = self.stages;
        let status = |id: &str, hash: &str| writer.status(id, hash);
        let outcomes: Vec<(String, Outcome, Vec<Warning>)> = self.pool.install(|| {
            batch
                .into_par_iter()
                .map(|raw| {
                    let id = raw.id.clone();
                    let (outcome, warnings) = stages.prepare(raw, &status);
                    (id, outcome, warnings)
                })
                .collect()
        });
        for (id, outcome, warnings) in outcomes {
            for w in &warnings {
                self.warn(w, on);
            }
            self.take(id, outcome, on)?;
        }
        Ok(())
    }

    /// Hand one outcome to the writer, or count it.
    fn take(
        &mut self,
        id: String,
        outcome: Outcome,
        on: &mut dyn FnMut(Event),
    ) -> Result<(), Error> {
        match outcome {
            Outcome::Indexed(rec) => {
                if self.writer.status(&id, &rec.doc.meta.hash) == DocStatus::Changed {
                    self.summary.replaced += 1;
                }
                self.summary.records += rec.records.len();
                self.writer.add(*rec)?;
                self.summary.indexed += 1;
            }
            Outcome::Unchanged => self.summary.unchanged += 1,
            Outcome::Skipped(s) => self.skip(&s, on),
        }
        Ok(())
    }

    /// A record corpus: decoded as a whole, then judged record by record.
    fn corpus(
        &mut self,
        file: &InputFile,
        bytes: Vec<u8>,
        text_field: Option<&str>,
        on: &mut dyn FnMut(Event),
    ) -> Result<(), Error> {
        let decoded = match decode_records(&bytes) {
            Ok(d) => d,
            Err(e) => {
                let s = Skip {
                    what: file.id.clone(),
                    reason: e.reason(),
                    message: format!("{}: skipped: {e}", file.path.display()),
                };
                self.skip(&s, on);
                return Ok(());
            }
        };
        drop(bytes);
        for w in decode_warnings(&file.id, &file.path.display().to_string(), &decoded) {
            self.warn(&w, on);
        }
        let records = match file.kind {
            FileKind::Csv => csv_records(file, &decoded.text, text_field, decoded.encoding),
            _ => jsonl_records(file, &decoded.text, text_field, decoded.encoding),
        };
        drop(decoded);
        for s in &records.skips {
            self.skip(s, on);
        }
        for w in &records.warnings {
            self.warn(w, on);
        }
        for d in records.docs {
            let size = d.text.as_ref().map_or(0, String::len);
            self.push(d, size, on)?;
        }
        Ok(())
    }
}

/// Ingest every file under `paths` into `writer` (not committed: the caller commits).
pub fn ingest(
    paths: &[PathBuf],
    stages: &Stages<'_>,
    writer: &mut Writer,
    opts: &IngestOptions,
    on: &mut dyn FnMut(Event),
) -> Result<Summary, Error> {
    run(paths, stages, writer, opts, on)
}

/// Run every file under `paths` through the stages into `sink`, in input order.
pub fn run(
    paths: &[PathBuf],
    stages: &Stages<'_>,
    writer: &mut dyn Sink,
    opts: &IngestOptions,
    on: &mut dyn FnMut(Event),
) -> Result<Summary, Error> {
    let t0 = Instant::now();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads.max(1))
        .build()
        .map_err(|e| Error::Threads(e.to_string()))?;
    let (files, skips) = walk(paths);
    let total: u64 = files.iter().map(|f| f.bytes).sum();
    let mut run = Run {
        stages,
        writer,
        pool,
        summary: Summary {
            files: files.len()
                + skips
                    .iter()
                    .filter(|s| s.reason == "unsupported type" || s.reason == "too large")
                    .count(),
            ..Summary::default()
        },
        ids: HashMap::new(),
        origins: HashSet::new(),
        batch: Vec::new(),
        batch_bytes: 0,
    };
    for s in &skips {
        run.skip(s, on);
    }
    let mut done = 0u64;
    for file in &files {
        let bytes = match std::fs::read(&file.path) {
            Ok(b) => b,
            Err(e) => {
                let s = Skip {
                    what: file.id.clone(),
                    reason: "unreadable",
                    message: format!("{}: skipped: cannot read ({e})", file.path.display()),
                };
                run.skip(&s, on);
                continue;
            }
        };
        run.summary.bytes += bytes.len() as u64;
        run.summary.inputs.push(InputHash {
            path: file.path.display().to_string(),
            bytes: bytes.len() as u64,
            blake3: blake3::hash(&bytes).to_hex().to_string(),
        });
        match file.kind {
            FileKind::Text | FileKind::Html => {
                let size = bytes.len();
                let doc = RawDoc {
                    id: file.id.clone(),
                    row: None,
                    origin: Origin {
                        file: file.file.clone(),
                        row: None,
                    },
                    path: path_text(&file.path),
                    text: None,
                    bytes,
                    encoding: None,
                    hints: Hints {
                        html: file.kind == FileKind::Html,
                        ..Hints::default()
                    },
                };
                run.push(doc, size, on)?;
            }
            FileKind::Jsonl | FileKind::Csv => {
                run.corpus(file, bytes, opts.text_field.as_deref(), on)?;
            }
        }
        done += file.bytes;
        on(Event::Progress { done, total });
    }
    run.flush(on)?;
    let mut summary = run.summary;
    summary.seconds = t0.elapsed().as_secs_f64();
    Ok(summary)
}
