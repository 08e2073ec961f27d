//! Searching: documents that contain every term, ranked, with their best passages.
//!
//! Each term is found exactly through the char field (see
//! [`govmine_segment::CharQuery`]); the region and year filters restrict which passages
//! count, so `--region 银川` keeps only matches inside passages about 银川. A document
//! matches when its counted passages contain every group's term and no excluded term.

use std::collections::{HashMap, HashSet};
use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::Serialize;
use tantivy::collector::{DocSetCollector, TopDocs};
use tantivy::query::{
    BooleanQuery, ConstScoreQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{Facet, IndexRecordOption, Value};
use tantivy::{DocAddress, Index, IndexReader, Score, TantivyDocument, Term};

use govmine_segment::{CharQuery, Segmenter, WordTokenizer};
use tantivy::tokenizer::{TokenStream, Tokenizer};

use crate::collect::{Match, MatchCollector};
use crate::layout::{self, Holds};
use crate::meta::IndexMeta;
use crate::readonly::ReaderDirectory;
use crate::scan::{Filter, RecordRef};
use crate::schema::{self, Fields, KIND_DOC, KIND_PASSAGE};
use crate::snippet::{snippet, Snippet};
use crate::{register_tokenizers, DocMeta, Error, ParsedQuery, Result};

/// What to search for.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    /// The parsed query.
    pub query: ParsedQuery,
    /// Keep only passages under this place (facet path, e.g. `["河南省"]`).
    pub region: Option<Vec<String>>,
    /// Keep only documents of these years (inclusive).
    pub years: Option<(i32, i32)>,
    /// At most this many documents (`None`: all).
    pub limit: Option<usize>,
    /// Passages to return per document.
    pub passages: usize,
    /// Snippet length in chars.
    pub snippet_chars: usize,
    /// Keep only passages that name this mechanism (its key, see `govmine mechanisms`).
    pub mechanism: Option<String>,
    /// Count matching documents and passages by province, prefecture and year.
    pub facets: bool,
}

impl SearchRequest {
    /// A request for `query` with the defaults of `govmine search`: no filter, ten
    /// documents, one passage each.
    pub fn new(query: ParsedQuery) -> SearchRequest {
        SearchRequest {
            query,
            region: None,
            years: None,
            limit: Some(10),
            passages: 1,
            snippet_chars: 120,
            mechanism: None,
            facets: false,
        }
    }
}

/// Matching documents and passages under one facet value.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FacetCount {
    /// The value: a place's name (`河南省`, `河南省驻马店市`), a year, or `(no place)` /
    /// `(no year)`.
    pub value: String,
    /// Matching documents with a matching passage under it.
    pub documents: usize,
    /// Matching passages under it.
    pub passages: usize,
}

/// Counts of a search's matches (all of them, not only the shown ones), most first.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Facets {
    /// By province (or `全国`).
    pub province: Vec<FacetCount>,
    /// By prefecture-level place.
    pub prefecture: Vec<FacetCount>,
    /// By year, in year order.
    pub year: Vec<FacetCount>,
}

/// A matching passage.
#[derive(Debug, Clone, Serialize)]
pub struct PassageHit {
    /// Heading path.
    pub section: Vec<String>,
    /// The passage's place (facet path).
    pub place: Option<Vec<String>>,
    /// Char offset of the passage in the cleaned document text.
    pub start: u64,
    /// Char offset one past the passage.
    pub end: u64,
    /// Relevance of this passage.
    pub score: Score,
    /// Window of the passage with the terms highlighted.
    pub snippet: Snippet,
}

/// A matching document.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// The document's metadata.
    pub doc: DocMeta,
    /// Relevance.
    pub score: Score,
    /// How many of its passages match a term.
    pub matched_passages: usize,
    /// Its best passages, best first.
    pub passages: Vec<PassageHit>,
}

/// The answer to a [`SearchRequest`].
#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    /// Documents matching (before `limit`).
    pub total: usize,
    /// Hits, best first.
    pub hits: Vec<Hit>,
    /// Counts by place and year, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facets: Option<Facets>,
    /// Time taken.
    #[serde(skip)]
    pub elapsed: Duration,
}

/// Where something is named: document key → char offsets.
type Mentions = HashMap<u64, Vec<u64>>;

/// An index open for reading.
pub struct IndexSearcher {
    dir: PathBuf,
    reader: IndexReader,
    fields: Fields,
    meta: IndexMeta,
    words: WordTokenizer,
}

/// Check that `dir` holds a complete govmine index and read its metadata.
pub fn check(dir: &Path) -> Result<IndexMeta> {
    match layout::inspect(dir)? {
        Holds::Current(meta) if meta.generation.is_some() => Ok(meta),
        Holds::Current(_) => Err(Error::Incomplete(dir.to_owned())),
        Holds::Nothing => Err(Error::Missing(dir.to_owned())),
        Holds::OtherFormat(found) => Err(incompatible(dir, found)),
        Holds::Legacy(l) => Err(incompatible(dir, l.format)),
        Holds::Foreign => Err(Error::NotAnIndex(dir.to_owned())),
    }
}

fn incompatible(dir: &Path, found: u32) -> Error {
    Error::Incompatible {
        path: dir.to_owned(),
        found,
        expected: crate::FORMAT,
    }
}

/// The committed generation of the index at `dir`, opened for reading (no write access
/// needed). A rebuild may swap generations between reading `govmine.json` and opening
/// the one it named: then read it again.
fn open_committed(dir: &Path) -> Result<(IndexMeta, Index)> {
    let mut tries = 0;
    loop {
        let meta = check(dir)?;
        let generation = dir.join(meta.generation.as_deref().unwrap_or_default());
        let opened = ReaderDirectory::open(&generation)
            .map_err(Error::from)
            .and_then(|d| Ok(Index::open(d)?));
        match opened {
            Ok(index) => return Ok((meta, index)),
            Err(_) if tries < 3 && check(dir).is_ok_and(|m| m.generation != meta.generation) => {
                tries += 1;
            }
            Err(e) => return Err(e),
        }
    }
}

impl IndexSearcher {
    /// Open the index at `dir`; the segmenter is needed for query-time tokenizers.
    pub fn open(dir: &Path, segmenter: &Segmenter) -> Result<IndexSearcher> {
        let (meta, index) = open_committed(dir)?;
        register_tokenizers(&index, segmenter);
        let fields = schema::fields_of(&index.schema())?;
        let reader = index.reader()?;
        Ok(IndexSearcher {
            dir: dir.to_owned(),
            reader,
            fields,
            meta,
            words: WordTokenizer::new(segmenter.clone()),
        })
    }

    /// What built the index.
    pub fn meta(&self) -> &IndexMeta {
        &self.meta
    }

    /// The index directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The schema's fields.
    pub(crate) fn fields(&self) -> &Fields {
        &self.fields
    }

    /// A searcher on the index as opened.
    pub(crate) fn searcher(&self) -> tantivy::Searcher {
        self.reader.searcher()
    }

    /// The query that finds one term exactly: its chars, side by side, in the char field.
    fn term_query(&self, term: &str) -> Result<Box<dyn Query>> {
        let mut terms: Vec<(usize, Term)> = CharQuery::new(term)
            .phrase()
            .iter()
            .map(|(off, c)| (*off, Term::from_field_text(self.fields.chars, c)))
            .collect();
        Ok(match terms.len() {
            0 => return Err(Error::Query(format!("`{term}` has nothing to search for"))),
            1 => Box::new(TermQuery::new(
                terms.remove(0).1,
                IndexRecordOption::WithFreqs,
            )),
            _ => Box::new(PhraseQuery::new_with_offset(terms)),
        })
    }

    /// Filters as zero-score clauses.
    fn filters(&self, req: &SearchRequest) -> Vec<(Occur, Box<dyn Query>)> {
        let mut out: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if let Some(path) = &req.region {
            let facet = Facet::from_path(path.iter().map(String::as_str));
            let q = TermQuery::new(
                Term::from_facet(self.fields.places, &facet),
                IndexRecordOption::Basic,
            );
            out.push((
                Occur::Must,
                Box::new(ConstScoreQuery::new(Box::new(q), 0.0)),
            ));
        }
        if let Some((a, b)) = req.years {
            let q = RangeQuery::new(
                Bound::Included(Term::from_field_i64(self.fields.year, a as i64)),
                Bound::Included(Term::from_field_i64(self.fields.year, b as i64)),
            );
            out.push((
                Occur::Must,
                Box::new(ConstScoreQuery::new(Box::new(q), 0.0)),
            ));
        }
        out
    }

    /// The term as jieba words in the word field, for ranking: a passage where jieba cut
    /// the term as a whole word (or the same words) scores above one where it is part of
    /// a longer word. `None` when the term has no word.
    fn word_query(&self, term: &str) -> Option<Box<dyn Query>> {
        let mut tokenizer = self.words.clone();
        let mut stream = tokenizer.token_stream(term);
        let mut terms = Vec::new();
        while stream.advance() {
            let t = stream.token();
            terms.push((t.position, Term::from_field_text(self.fields.text, &t.text)));
        }
        match terms.len() {
            0 => None,
            1 => Some(Box::new(TermQuery::new(
                terms.remove(0).1,
                IndexRecordOption::WithFreqs,
            ))),
            _ => Some(Box::new(PhraseQuery::new_with_offset(terms))),
        }
    }

    /// Passages matching one term under the filters. The char phrase decides what
    /// matches; the word field only adds to the score.
    fn matches(&self, term: &str, req: &SearchRequest) -> Result<Vec<Match>> {
        let mut clauses = vec![(Occur::Must, self.term_query(term)?)];
        if let Some(words) = self.word_query(term) {
            clauses.push((Occur::Should, words));
        }
        clauses.extend(self.filters(req));
        let q = BooleanQuery::new(clauses);
        Ok(self.reader.searcher().search(&q, &MatchCollector)?)
    }

    /// Where a mechanism is named: document key → mention offsets, and its names as
    /// written.
    fn mechanism_mentions(
        &self,
        key: &str,
        req: &SearchRequest,
    ) -> Result<(Mentions, Vec<String>)> {
        let filter = Filter {
            region: req.region.clone(),
            years: req.years,
            docs: None,
        };
        let refs = self.fact_refs("mechanism", Some(key), &filter)?;
        let mut at: Mentions = HashMap::new();
        for r in &refs {
            at.entry(r.doc_key).or_default().push(r.start);
        }
        Ok((at, distinct_labels(&refs)))
    }

    /// The names a mechanism is written with (its records' labels), first seen first;
    /// empty when the key is not in the index.
    pub fn mechanism_names(&self, key: &str) -> Result<Vec<String>> {
        let refs = self.fact_refs("mechanism", Some(key), &Filter::none())?;
        Ok(distinct_labels(&refs))
    }

    /// Run a search.
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResults> {
        let t0 = Instant::now();
        let mut positive = req.query.positive_terms();
        let mechanism = match &req.mechanism {
            Some(k) => Some(self.mechanism_mentions(k, req)?),
            None => None,
        };
        // term → its matches
        let mut by_term: HashMap<&str, Vec<Match>> = HashMap::new();
        for t in positive
            .iter()
            .copied()
            .chain(req.query.excluded.iter().map(String::as_str))
        {
            if !by_term.contains_key(t) {
                by_term.insert(t, self.matches(t, req)?);
            }
        }
        if let Some((at, _)) = &mechanism {
            // Only passages that name the mechanism count for the terms to find.
            let names_it = |m: &Match| {
                at.get(&m.key()).is_some_and(|starts| {
                    starts
                        .iter()
                        .any(|s| m.passage.start <= *s && *s < m.passage.end)
                })
            };
            for t in &positive {
                if let Some(ms) = by_term.get_mut(t) {
                    ms.retain(names_it);
                }
            }
        }
        let keys_of = |t: &str| -> HashSet<u64> { by_term[t].iter().map(|m| m.key()).collect() };

        // Documents where every group matches and no excluded term occurs.
        let mut docs: Option<HashSet<u64>> = None;
        for group in &req.query.groups {
            let mut any: HashSet<u64> = HashSet::new();
            for t in group {
                any.extend(keys_of(t));
            }
            docs = Some(match docs {
                None => any,
                Some(d) => d.intersection(&any).copied().collect(),
            });
        }
        let mut docs = docs.unwrap_or_default();
        for t in &req.query.excluded {
            for k in keys_of(t) {
                docs.remove(&k);
            }
        }

        // Score: per group, the best passage score of its terms, plus a little for
        // every further matching passage. Passages: by terms matched, then score.
        struct DocAcc {
            passages: HashMap<DocAddress, (Score, u32, bool)>,
            refs: HashMap<DocAddress, RecordRef>,
            group_best: Vec<Score>,
        }
        let mut acc: HashMap<u64, DocAcc> = HashMap::new();
        for (gi, group) in req.query.groups.iter().enumerate() {
            for t in group {
                let bit = 1u32 << (positive.iter().position(|p| p == t).unwrap_or(0) % 32);
                for m in &by_term[t.as_str()] {
                    if !docs.contains(&m.key()) {
                        continue;
                    }
                    let a = acc.entry(m.key()).or_insert_with(|| DocAcc {
                        passages: HashMap::new(),
                        refs: HashMap::new(),
                        group_best: vec![0.0; req.query.groups.len()],
                    });
                    if req.facets {
                        a.refs
                            .entry(m.passage.addr)
                            .or_insert_with(|| m.passage.clone());
                    }
                    let p = a
                        .passages
                        .entry(m.passage.addr)
                        .or_insert((0.0, 0, m.heading));
                    p.0 += m.score;
                    p.1 |= bit;
                    a.group_best[gi] = a.group_best[gi].max(m.score);
                }
            }
        }
        let mut ranked: Vec<(u64, Score, DocAcc)> = acc
            .into_iter()
            .map(|(k, a)| {
                let s =
                    a.group_best.iter().sum::<Score>() + 0.25 * (a.passages.len() as Score).ln_1p();
                (k, s, a)
            })
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let total = ranked.len();
        let facets = req
            .facets
            .then(|| facet_counts(ranked.iter().map(|(_, _, a)| a.refs.values())));
        if let Some((_, names)) = &mechanism {
            // Highlight the mechanism too, so the snippet shows where it is named.
            for n in names {
                if !positive.contains(&n.as_str()) {
                    positive.push(n);
                }
            }
        }
        ranked.truncate(req.limit.unwrap_or(usize::MAX));

        let searcher = self.reader.searcher();
        let mut hits = Vec::with_capacity(ranked.len());
        for (_, score, a) in ranked {
            let mut passages: Vec<(DocAddress, Score, u32, bool)> = a
                .passages
                .iter()
                .map(|(addr, (s, bits, heading))| (*addr, *s, *bits, *heading))
                .collect();
            // Most distinct terms first, then body text before headings, then score.
            passages.sort_by(|x, y| {
                y.2.count_ones()
                    .cmp(&x.2.count_ones())
                    .then(x.3.cmp(&y.3))
                    .then(y.1.total_cmp(&x.1))
                    .then(x.0.cmp(&y.0))
            });
            let mut out = Vec::new();
            let mut doc_id = None;
            for (addr, s, _, _) in passages.iter().take(req.passages.max(1)) {
                let d: TantivyDocument = searcher.doc(*addr)?;
                let f = &self.fields;
                let text = d
                    .get_first(f.passage)
                    .and_then(|v| v.as_str())
                    .unwrap_or("");
                doc_id = d
                    .get_first(f.doc_id)
                    .and_then(|v| v.as_str())
                    .map(str::to_owned);
                let section = d
                    .get_first(f.section)
                    .and_then(|v| v.as_str())
                    .filter(|s| !s.is_empty())
                    .map(|s| s.split(" › ").map(str::to_owned).collect())
                    .unwrap_or_default();
                let place = d
                    .get_first(f.places)
                    .and_then(|v| v.as_facet())
                    .and_then(|p| Facet::from_encoded(p.as_bytes().to_vec()).ok())
                    .map(|p| p.to_path().into_iter().map(str::to_owned).collect());
                out.push(PassageHit {
                    section,
                    place,
                    start: d.get_first(f.start).and_then(|v| v.as_u64()).unwrap_or(0),
                    end: d.get_first(f.end).and_then(|v| v.as_u64()).unwrap_or(0),
                    score: *s,
                    snippet: snippet(text, &positive, req.snippet_chars),
                });
            }
            let Some(doc_id) = doc_id else { continue };
            let Some(doc) = self.doc_meta(&doc_id)? else {
                continue;
            };
            hits.push(Hit {
                doc,
                score,
                matched_passages: a.passages.len(),
                passages: out,
            });
        }
        Ok(SearchResults {
            total,
            hits,
            facets,
            elapsed: t0.elapsed(),
        })
    }

    /// The distinct mechanism keys in the index, each with its number of mentions.
    pub fn mechanism_keys(&self) -> Result<Vec<(String, usize)>> {
        let mut counts: HashMap<Arc<str>, usize> = HashMap::new();
        for r in self.fact_refs_unlabelled("mechanism", None, &Filter::none())? {
            *counts.entry(r.key).or_default() += 1;
        }
        let mut out: Vec<(String, usize)> = counts
            .into_iter()
            .map(|(k, n)| (k.to_string(), n))
            .collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        Ok(out)
    }

    /// The metadata of one document.
    pub fn doc_meta(&self, doc_id: &str) -> Result<Option<DocMeta>> {
        let f = &self.fields;
        let q = BooleanQuery::new(vec![
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(f.doc_id, doc_id),
                    IndexRecordOption::Basic,
                )) as Box<dyn Query>,
            ),
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(f.kind, KIND_DOC),
                    IndexRecordOption::Basic,
                )),
            ),
        ]);
        let searcher = self.reader.searcher();
        let top = searcher.search(&q, &TopDocs::with_limit(1).order_by_score())?;
        let Some((_, addr)) = top.first() else {
            return Ok(None);
        };
        let d: TantivyDocument = searcher.doc(*addr)?;
        Ok(d.get_first(f.meta)
            .and_then(|v| v.as_str())
            .and_then(|s| serde_json::from_str(s).ok()))
    }

    /// Every document's metadata, ordered by id.
    pub fn all_docs(&self) -> Result<Vec<DocMeta>> {
        let f = &self.fields;
        let searcher = self.reader.searcher();
        let q = TermQuery::new(
            Term::from_field_text(f.kind, KIND_DOC),
            IndexRecordOption::Basic,
        );
        let mut out = Vec::new();
        for addr in searcher.search(&q, &DocSetCollector)? {
            let d: TantivyDocument = searcher.doc(addr)?;
            if let Some(m) = d
                .get_first(f.meta)
                .and_then(|v| v.as_str())
                .and_then(|s| serde_json::from_str::<DocMeta>(s).ok())
            {
                out.push(m);
            }
        }
        out.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(out)
    }

    /// Number of tantivy segments.
    pub fn segment_count(&self) -> usize {
        self.reader.searcher().segment_readers().len()
    }

    /// Number of records of one kind (`doc`, `passage`, `fact`).
    fn kind_count(&self, kind: &str) -> Result<u64> {
        let q = TermQuery::new(
            Term::from_field_text(self.fields.kind, kind),
            IndexRecordOption::Basic,
        );
        Ok(self
            .reader
            .searcher()
            .search(&q, &tantivy::collector::Count)? as u64)
    }

    /// Number of passage records.
    pub fn passage_count(&self) -> Result<u64> {
        self.kind_count(KIND_PASSAGE)
    }

    /// Number of fact records by type.
    pub fn fact_counts(&self) -> Result<std::collections::BTreeMap<String, u64>> {
        let searcher = self.reader.searcher();
        let mut types = std::collections::BTreeSet::new();
        for seg in searcher.segment_readers() {
            let inverted = seg.inverted_index(self.fields.rtype)?;
            let mut terms = inverted
                .terms()
                .stream()
                .map_err(tantivy::TantivyError::from)?;
            while terms.advance() {
                types.insert(String::from_utf8_lossy(terms.key()).into_owned());
            }
        }
        let mut out = std::collections::BTreeMap::new();
        for t in types {
            let q = TermQuery::new(
                Term::from_field_text(self.fields.rtype, &t),
                IndexRecordOption::Basic,
            );
            let n = searcher.search(&q, &tantivy::collector::Count)? as u64;
            if n > 0 {
                out.insert(t, n);
            }
        }
        Ok(out)
    }
}

/// Facet counts over the matching passages of each matching document.
fn facet_counts<'a>(docs: impl Iterator<Item = impl Iterator<Item = &'a RecordRef>>) -> Facets {
    type Acc = HashMap<String, (usize, usize)>;
    let mut province: Acc = HashMap::new();
    let mut prefecture: Acc = HashMap::new();
    let mut year: Acc = HashMap::new();
    for passages in docs {
        let mut seen: HashSet<(u8, String)> = HashSet::new();
        let mut count = |acc: &mut Acc, level: u8, value: String| {
            let e = acc.entry(value.clone()).or_default();
            e.1 += 1;
            if seen.insert((level, value)) {
                e.0 += 1;
            }
        };
        for p in passages {
            let path: Vec<&str> = p
                .place
                .as_deref()
                .map_or(Vec::new(), |k| k.split('/').collect());
            match path.first() {
                Some(prov) => count(&mut province, 0, prov.to_string()),
                None => count(&mut province, 0, "(no place)".into()),
            }
            if path.len() >= 2 {
                count(&mut prefecture, 1, path[..2].concat());
            }
            count(
                &mut year,
                2,
                p.year.map_or("(no year)".into(), |y| y.to_string()),
            );
        }
    }
    let sorted = |acc: Acc, by_value: bool| {
        let mut v: Vec<FacetCount> = acc
            .into_iter()
            .map(|(value, (documents, passages))| FacetCount {
                value,
                documents,
                passages,
            })
            .collect();
        if by_value {
            v.sort_by(|a, b| a.value.cmp(&b.value));
        } else {
            v.sort_by(|a, b| {
                b.documents
                    .cmp(&a.documents)
                    .then(b.passages.cmp(&a.passages))
                    .then(a.value.cmp(&b.value))
            });
        }
        v
    };
    Facets {
        province: sorted(province, false),
        prefecture: sorted(prefecture, false),
        year: sorted(year, true),
    }
}

/// The records' labels without repeats, in order.
fn distinct_labels(refs: &[RecordRef]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for r in refs {
        if !r.label.is_empty() && !names.iter().any(|n| **n == *r.label) {
            names.push(r.label.to_string());
        }
    }
    names
}
