//! Writing an index: lock, create or open, skip unchanged documents, replace changed
//! ones, and commit once at the end so a killed ingest leaves the last good index.
//!
//! What the writer may touch (see [`crate::layout`]):
//! - a directory that is missing, empty, or govmine's (its marker in `govmine.json`, or
//!   an index of format 6 and older): anything else is refused ([`Error::NotAnIndex`]);
//! - only while holding the writer lock ([`Error::Busy`] for a second writer), taken
//!   before anything is cleaned or created;
//! - files tantivy lists as its own: after a killed ingest, tantivy's garbage collection
//!   removes the files of the commit that never happened; generations left by a killed
//!   rebuild are removed the same way.
//!
//! An index of another format or other dictionaries is rebuilt in a new generation
//! beside the committed one, which stays searchable until the commit swaps the new one
//! in. It is refused when that would drop documents read from inputs this run does not
//! name ([`Error::WouldDrop`]), unless asked for ([`WriterOptions::rebuild`]).

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{Index, IndexWriter, TantivyDocument, Term};

use govmine_segment::Segmenter;

use crate::layout::{self, Holds};
use crate::lock::WriteLock;
use crate::meta::{self, IndexMeta, InputRoot, MARKER};
use crate::readonly::ReaderDirectory;
use crate::schema::{self, Fields, KIND_DOC, KIND_FACT, KIND_PASSAGE};
use crate::{register_tokenizers, DocMeta, DocRecord, Error, Origin, Result};

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
    /// What this run reads (absolute paths): recorded in the index, and what a rebuild
    /// must cover so that no document is dropped.
    pub inputs: Vec<InputRoot>,
    /// Build a new generation from what is given even when the index is current, and
    /// even if documents from other inputs are dropped (`ingest --rebuild`).
    pub rebuild: bool,
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

/// Why an index is rebuilt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rebuild {
    /// It has another index format.
    Format(u32),
    /// It was built with other dictionaries or place data.
    Dictionaries,
    /// `--rebuild`.
    Asked,
}

impl std::fmt::Display for Rebuild {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Rebuild::Format(n) => write!(
                f,
                "it has index format {n}, this govmine writes {}",
                crate::FORMAT
            ),
            Rebuild::Dictionaries => {
                f.write_str("it was built with other dictionaries or place data")
            }
            Rebuild::Asked => f.write_str("a rebuild was asked for"),
        }
    }
}

/// What opening the writer found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opened {
    /// A new index is being created.
    Created,
    /// An existing index was opened.
    Existing,
    /// A new generation is being built beside the committed one, which it replaces at
    /// the commit.
    Rebuilding(Rebuild),
}

/// What the commit replaces.
#[derive(Debug, Clone)]
enum Old {
    /// Nothing (a new index, or the same generation).
    Nothing,
    /// The committed generation of this format.
    Generation(String),
    /// The generations of an index of a newer format (kept until the commit).
    Newer(Vec<String>),
    /// tantivy's files at the top of a format-6-or-older index.
    Legacy,
}

/// An indexed document, as ids are resolved against it.
#[derive(Debug, Clone)]
struct Known {
    hash: String,
    origin: Option<Origin>,
}

/// An index open for writing (holding the writer lock until dropped).
pub struct Writer {
    dir: PathBuf,
    generation: String,
    writer: IndexWriter,
    fields: Fields,
    known: HashMap<String, Known>,
    by_origin: HashMap<Origin, String>,
    meta: IndexMeta,
    old: Old,
    opened: Opened,
    _lock: WriteLock,
}

/// What to do with the directory, decided under the lock.
enum Plan {
    Create,
    Append(IndexMeta),
    Rebuild {
        why: Rebuild,
        old: Old,
        previous: Option<IndexMeta>,
    },
}

impl Writer {
    /// Open the index at `dir` for writing (see the module docs for what it refuses).
    pub fn open(dir: &Path, opts: &WriterOptions) -> Result<Writer> {
        refuse_foreign(dir, &layout::inspect(dir)?)?;
        std::fs::create_dir_all(dir).map_err(io(dir))?;
        let lock = WriteLock::acquire(dir)?;
        // Again under the lock: another writer may have changed it meanwhile.
        let holds = layout::inspect(dir)?;
        refuse_foreign(dir, &holds)?;
        let wanted = wanted_meta(opts);
        match plan(dir, holds, &wanted, opts.rebuild) {
            Plan::Create => Writer::create(dir, wanted, opts, lock),
            Plan::Append(found) => Writer::append(dir, found, wanted, opts, lock),
            Plan::Rebuild { why, old, previous } => {
                if !opts.rebuild {
                    check_nothing_dropped(dir, &old, previous.as_ref(), &opts.inputs, &why)?;
                }
                let mut wanted = wanted;
                if let Some(p) = previous {
                    wanted.inputs = merge_inputs(&p.inputs, &opts.inputs);
                }
                let opened = Opened::Rebuilding(why);
                Writer::fresh(dir, wanted, old, opened, opts, lock)
            }
        }
    }

    /// A new index: the marker first, then a generation.
    fn create(
        dir: &Path,
        wanted: IndexMeta,
        opts: &WriterOptions,
        lock: WriteLock,
    ) -> Result<Writer> {
        meta::write(dir, &wanted)?;
        Writer::fresh(dir, wanted, Old::Nothing, Opened::Created, opts, lock)
    }

    /// A new generation (stale ones removed first), empty.
    fn fresh(
        dir: &Path,
        wanted: IndexMeta,
        old: Old,
        opened: Opened,
        opts: &WriterOptions,
        lock: WriteLock,
    ) -> Result<Writer> {
        // Numbered after every generation there, stale ones too: a name is never reused.
        let generation = layout::new_generation(dir)?;
        let mut keep = vec![generation.as_str()];
        match &old {
            Old::Generation(g) => keep.push(g),
            Old::Newer(gs) => keep.extend(gs.iter().map(String::as_str)),
            Old::Nothing | Old::Legacy => {}
        }
        layout::remove_stale_generations(dir, &keep)?;
        let index = Index::create_in_dir(dir.join(&generation), schema::build().0)?;
        let writer = tantivy_writer(&index, opts)?;
        Ok(Writer {
            dir: dir.to_owned(),
            generation,
            writer,
            fields: schema::fields_of(&index.schema())?,
            known: HashMap::new(),
            by_origin: HashMap::new(),
            meta: wanted,
            old,
            opened,
            _lock: lock,
        })
    }

    /// The committed generation, its leftovers of killed runs collected.
    fn append(
        dir: &Path,
        found: IndexMeta,
        mut wanted: IndexMeta,
        opts: &WriterOptions,
        lock: WriteLock,
    ) -> Result<Writer> {
        let generation = found
            .generation
            .clone()
            .expect("an appendable index has a generation");
        layout::remove_stale_generations(dir, &[&generation])?;
        layout::remove_interrupted_writes(&dir.join(&generation))?;
        let index = Index::open_in_dir(dir.join(&generation))?;
        let writer = tantivy_writer(&index, opts)?;
        // A killed ingest leaves segment files no commit names: tantivy lists them as its
        // own, and its garbage collection removes them.
        writer.garbage_collect_files().wait()?;
        let fields = schema::fields_of(&index.schema())?;
        let known = known_documents(&index, &fields)?;
        wanted.inputs = merge_inputs(&found.inputs, &opts.inputs);
        Ok(Writer {
            dir: dir.to_owned(),
            generation,
            writer,
            by_origin: origins(&known),
            known,
            fields,
            meta: wanted,
            old: Old::Nothing,
            opened: Opened::Existing,
            _lock: lock,
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
            Some(k) if k.hash == hash => DocStatus::Unchanged,
            Some(_) => DocStatus::Changed,
        }
    }

    /// The id of the indexed document read from `origin`, if any.
    pub fn id_of(&self, origin: &Origin) -> Option<&str> {
        self.by_origin.get(origin).map(String::as_str)
    }

    /// Where the indexed document `id` was read from: `None` when no document has this
    /// id, `Some(None)` when it has no recorded origin.
    pub fn origin_of(&self, id: &str) -> Option<Option<&Origin>> {
        self.known.get(id).map(|k| k.origin.as_ref())
    }

    /// Add a document, replacing an indexed one with the same id.
    pub fn add(&mut self, rec: DocRecord) -> Result<()> {
        let id = rec.meta.id.clone();
        if let Some(old) = self.known.get(&id) {
            if let Some(o) = &old.origin {
                self.by_origin.remove(o);
            }
            self.writer
                .delete_term(Term::from_field_text(self.fields.doc_id, &id));
        }
        let key = schema::doc_key(&id);
        self.add_document(&rec.meta, key)?;
        for p in &rec.passages {
            self.writer
                .add_document(passage_document(&self.fields, &rec.meta, key, p))?;
        }
        for r in &rec.facts {
            self.writer
                .add_document(fact_document(&self.fields, &rec.meta, key, r))?;
        }
        if let Some(o) = &rec.meta.origin {
            self.by_origin.insert(o.clone(), id.clone());
        }
        let known = Known {
            hash: rec.meta.hash,
            origin: rec.meta.origin,
        };
        self.known.insert(id, known);
        Ok(())
    }

    fn add_document(&mut self, meta: &DocMeta, key: u64) -> Result<()> {
        let f = &self.fields;
        let mut d = common_document(f, KIND_DOC, &meta.id, key, meta.year);
        for p in &meta.places {
            d.add_facet(f.places, schema::facet(&p.path));
        }
        d.add_text(f.hash, &meta.hash);
        d.add_text(
            f.meta,
            serde_json::to_string(meta).expect("DocMeta serializes"),
        );
        self.writer.add_document(d)?;
        Ok(())
    }

    /// Commit everything in one go, swap the new generation in, record what built the
    /// index and the inputs read, and remove what the new generation replaced.
    pub fn commit(mut self) -> Result<()> {
        self.writer.commit()?;
        self.writer.wait_merging_threads()?;
        self.meta.generation = Some(self.generation.clone());
        meta::write(&self.dir, &self.meta)?;
        match &self.old {
            Old::Nothing => Ok(()),
            Old::Generation(g) => layout::remove_tantivy_index(&self.dir.join(g), true),
            Old::Newer(gs) => gs
                .iter()
                .try_for_each(|g| layout::remove_tantivy_index(&self.dir.join(g), true)),
            Old::Legacy => layout::remove_tantivy_index(&self.dir, false),
        }
    }
}

/// `dir` must be missing, empty or govmine's.
fn refuse_foreign(dir: &Path, holds: &Holds) -> Result<()> {
    match holds {
        Holds::Foreign => Err(Error::NotAnIndex(dir.to_owned())),
        _ => Ok(()),
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_owned(),
        source,
    }
}

/// The metadata this run writes, with its inputs (the recorded ones are added later).
fn wanted_meta(opts: &WriterOptions) -> IndexMeta {
    IndexMeta {
        kind: MARKER.to_string(),
        format: schema::FORMAT,
        govmine_version: env!("CARGO_PKG_VERSION").to_string(),
        dict_hash: opts.segmenter.dict_hash().to_string(),
        gazetteer_hash: opts.gazetteer_hash.clone(),
        generation: None,
        inputs: opts.inputs.clone(),
    }
}

/// Decide, from what the directory holds, whether to create, append or rebuild.
fn plan(dir: &Path, holds: Holds, wanted: &IndexMeta, rebuild: bool) -> Plan {
    match holds {
        Holds::Nothing | Holds::Foreign => Plan::Create,
        // A first ingest that never committed: start again.
        Holds::Current(found) if found.generation.is_none() => Plan::Create,
        Holds::Current(found) => {
            let same = found.dict_hash == wanted.dict_hash
                && found.gazetteer_hash == wanted.gazetteer_hash;
            let why = match (rebuild, same) {
                (false, true) => return Plan::Append(found),
                (true, _) => Rebuild::Asked,
                (false, false) => Rebuild::Dictionaries,
            };
            let old = Old::Generation(found.generation.clone().unwrap_or_default());
            Plan::Rebuild {
                why,
                old,
                previous: Some(found),
            }
        }
        Holds::OtherFormat(n) => Plan::Rebuild {
            why: Rebuild::Format(n),
            old: Old::Newer(layout::generations(dir)),
            previous: None,
        },
        Holds::Legacy(l) => Plan::Rebuild {
            why: Rebuild::Format(l.format),
            old: Old::Legacy,
            previous: None,
        },
    }
}

/// A rebuild from `inputs` alone must not lose any document of the old index: each must
/// come from a file inside one of them.
fn check_nothing_dropped(
    dir: &Path,
    old: &Old,
    previous: Option<&IndexMeta>,
    inputs: &[InputRoot],
    why: &Rebuild,
) -> Result<()> {
    let tantivy_dir = match (old, previous, why) {
        (Old::Generation(g), Some(_), _) => dir.join(g),
        (Old::Legacy, _, _) => dir.to_owned(),
        (_, _, Rebuild::Format(found)) => {
            return Err(Error::Newer {
                path: dir.to_owned(),
                found: *found,
                expected: crate::FORMAT,
            })
        }
        _ => return Ok(()),
    };
    let files = previous_files(&tantivy_dir).unwrap_or_else(|_| vec![None]);
    let outside: Vec<String> = files
        .into_iter()
        .filter(|f| {
            !f.as_deref()
                .is_some_and(|f| inputs.iter().any(|i| f.starts_with(&i.path)))
        })
        .map(|f| {
            f.map_or_else(
                || "a document of unknown origin".into(),
                |f| f.display().to_string(),
            )
        })
        .collect();
    match outside.first() {
        None => Ok(()),
        Some(example) => Err(Error::WouldDrop {
            path: dir.to_owned(),
            why: why.to_string(),
            dropped: outside.len(),
            example: example.clone(),
        }),
    }
}

/// The absolute file of every document in the tantivy index at `dir`: its origin, or
/// (before origins were recorded) its path as given, resolved from here.
fn previous_files(dir: &Path) -> Result<Vec<Option<PathBuf>>> {
    let index = Index::open(ReaderDirectory::open(dir)?)?;
    let fields = schema::fields_of(&index.schema())?;
    let metas = document_metas(&index, &fields)?;
    Ok(metas
        .into_iter()
        .map(|m| match m.origin {
            Some(o) => Some(PathBuf::from(o.file)),
            None => std::fs::canonicalize(&m.path).ok(),
        })
        .collect())
}

fn tantivy_writer(index: &Index, opts: &WriterOptions) -> Result<IndexWriter> {
    register_tokenizers(index, &opts.segmenter);
    let threads = opts.threads.clamp(1, 8);
    let budget = opts.memory_budget.max(threads * 16_000_000);
    let writer: IndexWriter = index.writer_with_num_threads(threads, budget)?;
    // No merges while indexing: merging big segments doubled peak memory on a 100 MB
    // corpus (284 vs 186 MB) and merging only small ones still cost memory and a third
    // of the speed. The ~70 segments of such a run search in about 2 ms (p99).
    writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
    Ok(writer)
}

/// The fields every record of a document carries.
fn common_document(
    f: &Fields,
    kind: &str,
    id: &str,
    key: u64,
    year: Option<i32>,
) -> TantivyDocument {
    let mut d = TantivyDocument::default();
    d.add_text(f.kind, kind);
    d.add_text(f.doc_id, id);
    d.add_u64(f.doc_key, key);
    if let Some(y) = year {
        d.add_i64(f.year, i64::from(y));
    }
    d
}

fn passage_document(
    f: &Fields,
    meta: &DocMeta,
    key: u64,
    p: &crate::PassageRecord,
) -> TantivyDocument {
    let mut d = common_document(f, KIND_PASSAGE, &meta.id, key, meta.year);
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
    d
}

fn fact_document(f: &Fields, meta: &DocMeta, key: u64, r: &crate::FactRecord) -> TantivyDocument {
    let mut d = common_document(f, KIND_FACT, &meta.id, key, meta.year);
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
    d
}

/// The metadata of every document record in the index.
fn document_metas(index: &Index, f: &Fields) -> Result<Vec<DocMeta>> {
    let reader = index.reader()?;
    let searcher = reader.searcher();
    let q = TermQuery::new(
        Term::from_field_text(f.kind, KIND_DOC),
        IndexRecordOption::Basic,
    );
    let mut out = Vec::new();
    for addr in searcher.search(&q, &DocSetCollector)? {
        let d: TantivyDocument = searcher.doc(addr)?;
        let meta = d
            .get_first(f.meta)
            .and_then(|v| v.as_str().map(str::to_owned));
        if let Some(m) = meta.and_then(|m| serde_json::from_str::<DocMeta>(&m).ok()) {
            out.push(m);
        }
    }
    Ok(out)
}

/// `doc_id → content hash and origin` of every document in the index.
fn known_documents(index: &Index, f: &Fields) -> Result<HashMap<String, Known>> {
    Ok(document_metas(index, f)?
        .into_iter()
        .map(|m| {
            let known = Known {
                hash: m.hash,
                origin: m.origin,
            };
            (m.id, known)
        })
        .collect())
}

fn origins(known: &HashMap<String, Known>) -> HashMap<Origin, String> {
    known
        .iter()
        .filter_map(|(id, k)| Some((k.origin.clone()?, id.clone())))
        .collect()
}

/// The inputs recorded in the index at `dir` (empty when there are none).
pub fn recorded_inputs(dir: &Path) -> Vec<InputRoot> {
    match layout::inspect(dir) {
        Ok(Holds::Current(m)) => m.inputs,
        _ => Vec::new(),
    }
}

/// Inputs `a` then those of `b` not in `a`.
pub fn merge_inputs(a: &[InputRoot], b: &[InputRoot]) -> Vec<InputRoot> {
    let mut seen = BTreeSet::new();
    a.iter()
        .chain(b)
        .filter(|i| seen.insert((*i).clone()))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use govmine_segment::SegmenterBuilder;

    fn options(segmenter: &Segmenter, inputs: &[&Path]) -> WriterOptions {
        WriterOptions {
            segmenter: segmenter.clone(),
            gazetteer_hash: "a".repeat(64),
            threads: 1,
            memory_budget: 15_000_000,
            inputs: inputs
                .iter()
                .map(|p| InputRoot {
                    path: p.to_path_buf(),
                    text_field: None,
                })
                .collect(),
            rebuild: false,
        }
    }

    fn doc(id: &str, file: &Path, hash: &str) -> DocRecord {
        let meta = DocMeta {
            id: id.into(),
            path: file.display().to_string(),
            origin: Some(Origin {
                file: file.display().to_string(),
                row: None,
            }),
            title: None,
            date: None,
            year: Some(2020),
            year_source: String::new(),
            author: None,
            source: None,
            url: None,
            encoding: "utf-8".into(),
            hash: hash.into(),
            bytes: 0,
            chars: 0,
            passages: 0,
            places: Vec::new(),
        };
        DocRecord {
            meta,
            passages: Vec::new(),
            facts: Vec::new(),
        }
    }

    #[test]
    fn a_committed_index_is_reopened_and_knows_its_documents_and_inputs() {
        let seg = SegmenterBuilder::new().build().unwrap();
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("idx");
        let a = tmp.path().join("a");
        let mut w = Writer::open(&dir, &options(&seg, &[&a])).unwrap();
        assert_eq!(w.opened(), &Opened::Created);
        // A second writer is refused while the first holds the lock.
        let busy = Writer::open(&dir, &options(&seg, &[&a])).err().unwrap();
        assert!(matches!(busy, Error::Busy { .. }), "{busy}");
        w.add(doc("r.txt", &a.join("r.txt"), "h1")).unwrap();
        w.commit().unwrap();
        let w = Writer::open(&dir, &options(&seg, &[])).unwrap();
        assert_eq!(w.opened(), &Opened::Existing);
        assert_eq!(w.status("r.txt", "h1"), DocStatus::Unchanged);
        assert_eq!(w.status("r.txt", "h2"), DocStatus::Changed);
        let origin = Origin {
            file: a.join("r.txt").display().to_string(),
            row: None,
        };
        assert_eq!(w.id_of(&origin), Some("r.txt"));
        assert_eq!(w.origin_of("r.txt"), Some(Some(&origin)));
        assert_eq!(recorded_inputs(&dir)[0].path, a);
    }

    #[test]
    fn other_dictionaries_rebuild_only_when_nothing_is_dropped() {
        let seg = SegmenterBuilder::new().build().unwrap();
        let other = SegmenterBuilder::new()
            .words("mine", ["审管分离改革 500 nz"])
            .build()
            .unwrap();
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("idx");
        let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
        let mut w = Writer::open(&dir, &options(&seg, &[&a, &b])).unwrap();
        w.add(doc("r.txt", &a.join("r.txt"), "h1")).unwrap();
        w.add(doc("s.txt", &b.join("s.txt"), "h2")).unwrap();
        w.commit().unwrap();
        // Only `a` given: the document from `b` would be lost.
        match Writer::open(&dir, &options(&other, &[&a])) {
            Err(Error::WouldDrop { dropped, .. }) => assert_eq!(dropped, 1),
            other => panic!("expected WouldDrop, got {:?}", other.err()),
        }
        assert_eq!(layout::generations(&dir), ["g1"]);
        // Both given: a new generation, swapped in at the commit.
        let mut w = Writer::open(&dir, &options(&other, &[&a, &b])).unwrap();
        assert_eq!(w.opened(), &Opened::Rebuilding(Rebuild::Dictionaries));
        assert_eq!(layout::generations(&dir), ["g1", "g2"]);
        w.add(doc("r.txt", &a.join("r.txt"), "h1")).unwrap();
        w.commit().unwrap();
        assert_eq!(layout::generations(&dir), ["g2"]);
        assert_eq!(
            crate::check(&dir).unwrap().generation.as_deref(),
            Some("g2")
        );
    }
}
