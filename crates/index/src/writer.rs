//! Writing an index: create or open, skip unchanged documents, replace changed ones,
//! and commit once at the end so a killed ingest leaves the last good index.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{Index, IndexWriter, TantivyDocument, Term};

use govmine_segment::Segmenter;

use crate::meta::{self, IndexMeta};
use crate::schema::{self, Fields, KIND_DOC, KIND_FACT, KIND_PASSAGE};
use crate::{register_tokenizers, DocRecord, Error, Result};

/// How to open a [`Writer`].
#[derive(Clone)]
pub struct WriterOptions {
    /// The segmenter (its dictionaries' hash is recorded in the index).
    pub segmenter: Segmenter,
    /// Hash of the gazetteer data.
    pub gazetteer_hash: String,
    /// tantivy indexing threads.
    pub threads: usize,
    /// Total memory budget of tantivy's indexing threads, in bytes.
    pub memory_budget: usize,
}

/// Is a document new, unchanged or changed since the index last saw it?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocStatus {
    /// Not in the index.
    New,
    /// In the index with the same content hash.
    Unchanged,
    /// In the index with another content hash.
    Changed,
}

/// What opening the writer found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opened {
    /// A new index was created.
    Created,
    /// An existing index was opened.
    Existing,
    /// The index had been built with other dictionaries or gazetteer: it was emptied,
    /// and everything given is indexed again.
    Rebuilt,
    /// A first ingest had been interrupted: its leftovers were removed.
    Restarted,
}

/// An index open for writing.
pub struct Writer {
    dir: PathBuf,
    writer: IndexWriter,
    fields: Fields,
    known: HashMap<String, String>,
    meta: IndexMeta,
    opened: Opened,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_owned(),
        source,
    }
}

/// Does this directory look like a tantivy index (or its leftovers)?
fn has_index_files(dir: &Path) -> Result<bool> {
    let mut entries = std::fs::read_dir(dir).map_err(io(dir))?;
    Ok(entries.any(|e| {
        e.ok()
            .and_then(|e| e.file_name().into_string().ok())
            .is_some_and(|n| {
                n == "meta.json"
                    || n == ".managed.json"
                    || n == ".tantivy-writer.lock"
                    || n == ".tantivy-meta.lock"
                    || n.ends_with(".idx")
                    || n.ends_with(".store")
                    || n.ends_with(".term")
            })
    }))
}

/// Is this directory empty but for dotfiles such as `.gitkeep`?
fn is_empty_dir(dir: &Path) -> Result<bool> {
    let entries = std::fs::read_dir(dir).map_err(io(dir))?;
    Ok(entries
        .filter_map(|e| e.ok())
        .all(|e| e.file_name().to_string_lossy().starts_with(".git")))
}

/// Remove tantivy's files from a directory left by an interrupted first ingest.
fn remove_index_files(dir: &Path) -> Result<()> {
    for e in std::fs::read_dir(dir).map_err(io(dir))? {
        let e = e.map_err(io(dir))?;
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with(".git") || e.path().is_dir() {
            continue;
        }
        std::fs::remove_file(e.path()).map_err(io(&e.path()))?;
    }
    Ok(())
}

impl Writer {
    /// Open the index at `dir` for writing, creating it if needed.
    pub fn open(dir: &Path, opts: &WriterOptions) -> Result<Writer> {
        std::fs::create_dir_all(dir).map_err(io(dir))?;
        let wanted = IndexMeta {
            format: schema::FORMAT,
            govmine_version: env!("CARGO_PKG_VERSION").to_string(),
            dict_hash: opts.segmenter.dict_hash().to_string(),
            gazetteer_hash: opts.gazetteer_hash.clone(),
        };
        let found = match meta::read(dir) {
            // Another layout: its documents cannot be kept, so start again from what is given.
            Err(Error::Incompatible { .. }) => {
                remove_index_files(dir)?;
                let index = Index::create_in_dir(dir, schema::build().0)?;
                return Writer::with_index(dir, index, Opened::Rebuilt, wanted, opts);
            }
            other => other?,
        };
        let (index, opened) = match found {
            Some(found) => {
                let index = Index::open_in_dir(dir)?;
                let same = found.dict_hash == wanted.dict_hash
                    && found.gazetteer_hash == wanted.gazetteer_hash;
                (
                    index,
                    if same {
                        Opened::Existing
                    } else {
                        Opened::Rebuilt
                    },
                )
            }
            None if has_index_files(dir)? => {
                remove_index_files(dir)?;
                (
                    Index::create_in_dir(dir, schema::build().0)?,
                    Opened::Restarted,
                )
            }
            None if is_empty_dir(dir)? => (
                Index::create_in_dir(dir, schema::build().0)?,
                Opened::Created,
            ),
            None => return Err(Error::NotAnIndex(dir.to_owned())),
        };
        Writer::with_index(dir, index, opened, wanted, opts)
    }

    /// A writer on an opened (or created) index.
    fn with_index(
        dir: &Path,
        index: Index,
        opened: Opened,
        wanted: IndexMeta,
        opts: &WriterOptions,
    ) -> Result<Writer> {
        register_tokenizers(&index, &opts.segmenter);
        let fields = schema::fields_of(&index.schema())?;
        let threads = opts.threads.clamp(1, 8);
        let budget = opts.memory_budget.max(threads * 16_000_000);
        let writer: IndexWriter = index.writer_with_num_threads(threads, budget)?;
        // No merges while indexing: merging big segments doubled peak memory on a 100 MB
        // corpus (284 vs 186 MB) and merging only small ones still cost memory and a third
        // of the speed. The ~70 segments of such a run search in about 2 ms (p99).
        writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
        let known = if opened == Opened::Rebuilt {
            writer.delete_all_documents()?;
            HashMap::new()
        } else {
            known_hashes(&index, &fields)?
        };
        Ok(Writer {
            dir: dir.to_owned(),
            writer,
            fields,
            known,
            meta: wanted,
            opened,
        })
    }

    /// What opening found.
    pub fn opened(&self) -> &Opened {
        &self.opened
    }

    /// Compare a document's content hash with the indexed one.
    pub fn status(&self, doc_id: &str, hash: &str) -> DocStatus {
        match self.known.get(doc_id) {
            None => DocStatus::New,
            Some(h) if h == hash => DocStatus::Unchanged,
            Some(_) => DocStatus::Changed,
        }
    }

    /// Add a document, replacing an indexed one with the same id.
    pub fn add(&mut self, rec: DocRecord) -> Result<()> {
        let f = &self.fields;
        let id = rec.meta.id.clone();
        if self.known.contains_key(&id) {
            self.writer
                .delete_term(Term::from_field_text(f.doc_id, &id));
        }
        let key = schema::doc_key(&id);
        let year = rec.meta.year;

        let mut d = TantivyDocument::default();
        d.add_text(f.kind, KIND_DOC);
        d.add_text(f.doc_id, &id);
        d.add_u64(f.doc_key, key);
        if let Some(y) = year {
            d.add_i64(f.year, y as i64);
        }
        for p in &rec.meta.places {
            d.add_facet(f.places, schema::facet(&p.path));
        }
        d.add_text(f.hash, &rec.meta.hash);
        d.add_text(
            f.meta,
            serde_json::to_string(&rec.meta).expect("DocMeta serializes"),
        );
        self.writer.add_document(d)?;

        for p in rec.passages {
            let mut d = TantivyDocument::default();
            d.add_text(f.kind, KIND_PASSAGE);
            d.add_text(f.doc_id, &id);
            d.add_u64(f.doc_key, key);
            if let Some(y) = year {
                d.add_i64(f.year, y as i64);
            }
            if let Some(place) = &p.place {
                d.add_facet(f.places, schema::facet(&place.path));
                d.add_text(f.place, schema::place_key(&place.path));
            }
            d.add_text(f.section, p.section.join(" › "));
            d.add_text(f.chars, &p.text);
            d.add_text(f.passage, &p.text);
            d.add_text(f.text, &p.segmented);
            d.add_u64(f.heading, u64::from(p.heading));
            d.add_u64(f.start, p.start);
            d.add_u64(f.end, p.end);
            self.writer.add_document(d)?;
        }
        for r in rec.facts {
            let mut d = TantivyDocument::default();
            d.add_text(f.kind, KIND_FACT);
            d.add_text(f.doc_id, &id);
            d.add_u64(f.doc_key, key);
            if let Some(y) = year {
                d.add_i64(f.year, y as i64);
            }
            if let Some(place) = &r.place {
                d.add_facet(f.places, schema::facet(&place.path));
                d.add_text(f.place, schema::place_key(&place.path));
            }
            d.add_text(f.rtype, &r.rtype);
            d.add_text(f.rkey, &r.key);
            d.add_text(f.label, &r.label);
            d.add_u64(f.start, r.start);
            d.add_u64(f.end, r.end);
            d.add_text(f.fact, &r.json);
            self.writer.add_document(d)?;
        }
        self.known.insert(id, rec.meta.hash);
        Ok(())
    }

    /// Commit everything in one go, then record what built the index.
    pub fn commit(mut self) -> Result<()> {
        self.writer.commit()?;
        meta::write(&self.dir, &self.meta)?;
        self.writer.wait_merging_threads()?;
        Ok(())
    }
}

/// `doc_id → content hash` of every document record in the index.
fn known_hashes(index: &Index, f: &Fields) -> Result<HashMap<String, String>> {
    let reader = index.reader()?;
    let searcher = reader.searcher();
    let q = TermQuery::new(
        Term::from_field_text(f.kind, KIND_DOC),
        IndexRecordOption::Basic,
    );
    let mut out = HashMap::new();
    for addr in searcher.search(&q, &DocSetCollector)? {
        let d: TantivyDocument = searcher.doc(addr)?;
        let id = d
            .get_first(f.doc_id)
            .and_then(|v| v.as_str().map(str::to_owned));
        let hash = d
            .get_first(f.hash)
            .and_then(|v| v.as_str().map(str::to_owned));
        if let (Some(id), Some(hash)) = (id, hash) {
            out.insert(id, hash);
        }
    }
    Ok(out)
}
