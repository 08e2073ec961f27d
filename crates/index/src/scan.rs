//! Fast-field scans: passages and facts located by type, key, place and year without
//! reading their stored JSON, and every exact occurrence of a string with its position.
//!
//! These are the building blocks of the cross-city commands (`mechanisms`, `compare`,
//! `trend`, `regions`): they count and group from fast fields, and read stored text or
//! JSON only for the few records they show.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{
    DocAddress, DocId, DocSet, Score, SegmentOrdinal, SegmentReader, TantivyDocument, Term,
    TERMINATED,
};

use govmine_segment::CharQuery;

use crate::schema::{KIND_FACT, KIND_PASSAGE};
use crate::{Error, IndexSearcher, Result};

/// Which places and years a scan keeps.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Keep records under this place (facet path, e.g. `["河南省"]`; `["全国"]`).
    pub region: Option<Vec<String>>,
    /// Keep records of documents of these years (inclusive).
    pub years: Option<(i32, i32)>,
    /// Keep records of these documents only (document keys), checked before anything
    /// else is read.
    pub docs: Option<Arc<HashSet<u64>>>,
}

impl Filter {
    /// No filter.
    pub fn none() -> Filter {
        Filter::default()
    }

    /// Does a record with this place key (`河南省/驻马店市`) and year pass?
    pub fn admits(&self, place: Option<&str>, year: Option<i32>) -> bool {
        if let Some(region) = &self.region {
            let prefix = region.join("/");
            let under = place.is_some_and(|p| {
                p == prefix || (p.starts_with(&prefix) && p[prefix.len()..].starts_with('/'))
            });
            if !under {
                return false;
            }
        }
        if let Some((a, b)) = self.years {
            if !year.is_some_and(|y| a <= y && y <= b) {
                return false;
            }
        }
        true
    }
}

/// A passage or fact found through its fast fields.
#[derive(Debug, Clone)]
pub struct RecordRef {
    /// Where it is in the index (to read its stored fields).
    pub addr: DocAddress,
    /// Its document's key ([`crate::schema::doc_key`]).
    pub doc_key: u64,
    /// Its place key (`河南省/驻马店市`, `全国`), see [`crate::schema::place_key`].
    pub place: Option<Arc<str>>,
    /// Its document's year.
    pub year: Option<i32>,
    /// Char offset in the cleaned document text.
    pub start: u64,
    /// Char offset one past it.
    pub end: u64,
    /// A fact's key (mechanism key, quantity unit); empty for passages.
    pub key: Arc<str>,
    /// A fact's label (quantity subject, mechanism name); empty for passages.
    pub label: Arc<str>,
}

/// Every exact occurrence of a string in one passage.
#[derive(Debug, Clone)]
pub struct Occurrences {
    /// The passage.
    pub passage: RecordRef,
    /// Char offsets of the occurrences in the passage text, ascending.
    pub positions: Vec<u32>,
}

/// One segment's string column with its resolved values cached.
struct Strings {
    column: Option<StrColumn>,
    cache: HashMap<u64, Arc<str>>,
}

impl Strings {
    fn new(reader: &SegmentReader, field: &str) -> tantivy::Result<Strings> {
        Ok(Strings {
            column: reader.fast_fields().str(field)?,
            cache: HashMap::new(),
        })
    }

    fn get(&mut self, doc: DocId) -> Option<Arc<str>> {
        let col = self.column.as_ref()?;
        let ord = col.term_ords(doc).next()?;
        if let Some(s) = self.cache.get(&ord) {
            return Some(s.clone());
        }
        let mut s = String::new();
        col.ord_to_str(ord, &mut s).ok()?;
        let s: Arc<str> = s.into();
        self.cache.insert(ord, s.clone());
        Some(s)
    }
}

/// The fast fields of one segment that a [`RecordRef`] is made of.
pub(crate) struct SegmentColumns {
    segment: SegmentOrdinal,
    doc_key: Column<u64>,
    year: Column<i64>,
    start: Column<u64>,
    end: Column<u64>,
    place: Strings,
    key: Strings,
    /// `None`: labels are not read (they are many and distinct, so resolving them costs).
    label: Option<Strings>,
    empty: Arc<str>,
}

impl SegmentColumns {
    pub(crate) fn new(
        segment: SegmentOrdinal,
        reader: &SegmentReader,
        labels: bool,
    ) -> tantivy::Result<Self> {
        let ff = reader.fast_fields();
        Ok(SegmentColumns {
            segment,
            doc_key: ff.u64("doc_key")?,
            year: ff.i64("year")?,
            start: ff.u64("start")?,
            end: ff.u64("end")?,
            place: Strings::new(reader, "place")?,
            key: Strings::new(reader, "rkey")?,
            label: if labels {
                Some(Strings::new(reader, "label")?)
            } else {
                None
            },
            empty: Arc::from(""),
        })
    }

    /// The record at `doc` if it passes `filter`.
    pub(crate) fn get_if(&mut self, doc: DocId, filter: &Filter) -> Option<RecordRef> {
        let key = self.doc_key.first(doc)?;
        if filter.docs.as_ref().is_some_and(|d| !d.contains(&key)) {
            return None;
        }
        let r = self.get(doc)?;
        filter.admits(r.place.as_deref(), r.year).then_some(r)
    }

    pub(crate) fn get(&mut self, doc: DocId) -> Option<RecordRef> {
        Some(RecordRef {
            addr: DocAddress::new(self.segment, doc),
            doc_key: self.doc_key.first(doc)?,
            place: self.place.get(doc),
            year: self.year.first(doc).map(|y| y as i32),
            start: self.start.first(doc).unwrap_or(0),
            end: self.end.first(doc).unwrap_or(0),
            key: self.key.get(doc).unwrap_or_else(|| self.empty.clone()),
            label: self
                .label
                .as_mut()
                .and_then(|l| l.get(doc))
                .unwrap_or_else(|| self.empty.clone()),
        })
    }
}

/// Collects a [`RecordRef`] for every match that passes a [`Filter`].
struct RefCollector {
    filter: Filter,
    labels: bool,
}

struct RefSegmentCollector {
    columns: SegmentColumns,
    filter: Filter,
    out: Vec<RecordRef>,
}

impl Collector for RefCollector {
    type Fruit = Vec<RecordRef>;
    type Child = RefSegmentCollector;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<RefSegmentCollector> {
        Ok(RefSegmentCollector {
            columns: SegmentColumns::new(segment, reader, self.labels)?,
            filter: self.filter.clone(),
            out: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Vec<RecordRef>>) -> tantivy::Result<Vec<RecordRef>> {
        let mut all: Vec<RecordRef> = fruits.into_iter().flatten().collect();
        // Documents are added whole, in order: address order is document, then offset.
        all.sort_by_key(|r| r.addr);
        Ok(all)
    }
}

impl SegmentCollector for RefSegmentCollector {
    type Fruit = Vec<RecordRef>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        if let Some(r) = self.columns.get_if(doc, &self.filter) {
            self.out.push(r);
        }
    }

    fn harvest(self) -> Vec<RecordRef> {
        self.out
    }
}

fn term_query(field: tantivy::schema::Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, value),
        IndexRecordOption::Basic,
    ))
}

impl IndexSearcher {
    /// Facts of one type (and key), in document then offset order.
    pub fn fact_refs(
        &self,
        rtype: &str,
        key: Option<&str>,
        filter: &Filter,
    ) -> Result<Vec<RecordRef>> {
        self.scan_facts(rtype, key, filter, true)
    }

    /// [`IndexSearcher::fact_refs`] without their labels (empty): faster over many facts.
    pub fn fact_refs_unlabelled(
        &self,
        rtype: &str,
        key: Option<&str>,
        filter: &Filter,
    ) -> Result<Vec<RecordRef>> {
        self.scan_facts(rtype, key, filter, false)
    }

    fn scan_facts(
        &self,
        rtype: &str,
        key: Option<&str>,
        filter: &Filter,
        labels: bool,
    ) -> Result<Vec<RecordRef>> {
        let f = self.fields();
        let mut clauses = vec![
            (Occur::Must, term_query(f.kind, KIND_FACT)),
            (Occur::Must, term_query(f.rtype, rtype)),
        ];
        if let Some(k) = key {
            clauses.push((Occur::Must, term_query(f.rkey, k)));
        }
        let q = BooleanQuery::new(clauses);
        Ok(self.searcher().search(
            &q,
            &RefCollector {
                filter: filter.clone(),
                labels,
            },
        )?)
    }

    /// Every passage, in document then offset order.
    pub fn passage_refs(&self, filter: &Filter) -> Result<Vec<RecordRef>> {
        let q = term_query(self.fields().kind, KIND_PASSAGE);
        Ok(self.searcher().search(
            &*q,
            &RefCollector {
                filter: filter.clone(),
                labels: false,
            },
        )?)
    }

    /// The stored JSON of facts.
    pub fn fact_json(&self, refs: &[RecordRef]) -> Result<Vec<String>> {
        let searcher = self.searcher();
        let f = self.fields();
        refs.iter()
            .map(|r| {
                let d: TantivyDocument = searcher.doc(r.addr)?;
                Ok(d.get_first(f.fact)
                    .and_then(|v| v.as_str())
                    .unwrap_or("{}")
                    .to_owned())
            })
            .collect()
    }

    /// The stored text of a passage.
    pub fn passage_text(&self, addr: DocAddress) -> Result<String> {
        let d: TantivyDocument = self.searcher().doc(addr)?;
        Ok(d.get_first(self.fields().passage)
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_owned())
    }

    /// Every exact occurrence of `term` (folded as the index folds text) in passages that
    /// pass `filter`, in document then offset order. Found from the char field's
    /// positions, so occurrences are counted, not only passages.
    pub fn occurrences(&self, term: &str, filter: &Filter) -> Result<Vec<Occurrences>> {
        let chars = CharQuery::new(term);
        let phrase = chars.phrase();
        if phrase.is_empty() {
            return Err(Error::Query(format!("`{term}` has nothing to search for")));
        }
        let field = self.fields().chars;
        let searcher = self.searcher();
        let mut out = Vec::new();
        for (ord, reader) in searcher.segment_readers().iter().enumerate() {
            let inverted = reader.inverted_index(field)?;
            let mut postings: Vec<(u32, SegmentPostings)> = Vec::with_capacity(phrase.len());
            for (offset, c) in phrase {
                let t = Term::from_field_text(field, c);
                match inverted
                    .read_postings(&t, IndexRecordOption::WithFreqsAndPositions)
                    .map_err(tantivy::TantivyError::from)?
                {
                    Some(p) => postings.push((*offset as u32, p)),
                    None => {
                        postings.clear();
                        break;
                    }
                }
            }
            if postings.is_empty() {
                continue;
            }
            let mut columns = SegmentColumns::new(ord as SegmentOrdinal, reader, false)?;
            let alive = reader.alive_bitset();
            let mut buffers: Vec<Vec<u32>> = vec![Vec::new(); postings.len()];
            let mut doc = postings[0].1.doc();
            'docs: while doc != TERMINATED {
                // Bring every char's postings to the same passage.
                for (_, p) in postings.iter_mut() {
                    // `seek` needs a target at or past where the postings stand.
                    let d = if p.doc() < doc { p.seek(doc) } else { p.doc() };
                    if d != doc {
                        doc = d;
                        continue 'docs;
                    }
                }
                if alive.is_none_or(|a| a.is_alive(doc)) {
                    for ((_, p), buf) in postings.iter_mut().zip(buffers.iter_mut()) {
                        buf.clear();
                        p.positions(buf);
                    }
                    let first = postings[0].0;
                    let positions: Vec<u32> = buffers[0]
                        .iter()
                        .filter(|&&p| p >= first)
                        .map(|&p| p - first)
                        .filter(|&s| {
                            postings
                                .iter()
                                .zip(buffers.iter())
                                .skip(1)
                                .all(|((off, _), buf)| buf.binary_search(&(s + off)).is_ok())
                        })
                        .collect();
                    if !positions.is_empty() {
                        if let Some(r) = columns.get_if(doc, filter) {
                            out.push(Occurrences {
                                passage: r,
                                positions,
                            });
                        }
                    }
                }
                doc = postings[0].1.advance();
            }
        }
        out.sort_by_key(|o| o.passage.addr);
        Ok(out)
    }
}
