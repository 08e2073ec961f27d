//! `regions`: the places in an index with their documents, passages and records.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use govmine_extract::RecordType;
use govmine_index::{Filter, IndexSearcher};

use crate::place::{self, Level};
use crate::Result;

/// One place in the index.
#[derive(Debug, Clone, Serialize)]
pub struct RegionRow {
    /// Full name (`河南省驻马店市`, `全国`, `(no place)`).
    pub place: String,
    /// Its path (`["河南省", "驻马店市"]`).
    pub path: Vec<String>,
    /// `national`, `province`, `prefecture` or `county`.
    pub level: String,
    /// Documents with a passage about it.
    pub documents: usize,
    /// Passages about it.
    pub passages: usize,
    /// Extracted records (quantities, mechanisms …) about it.
    pub records: usize,
    /// Documents whose subject it is.
    pub subject_of: usize,
    /// Documents it wrote (我市 …).
    pub author_of: usize,
}

#[derive(Default)]
struct Acc {
    docs: HashSet<u64>,
    passages: usize,
    records: usize,
    subject_of: HashSet<String>,
    author_of: HashSet<String>,
}

/// Every place passages or documents are about (rolled up to `level` if given), in path
/// order (a province before its cities); passages without a place as one `(no place)`
/// row at the end.
pub fn regions(
    searcher: &IndexSearcher,
    filter: &Filter,
    level: Option<Level>,
) -> Result<Vec<RegionRow>> {
    let mut acc: BTreeMap<String, Acc> = BTreeMap::new();
    let mut unplaced = Acc::default();
    for p in searcher.passage_refs(filter)? {
        let a = match p.place.as_deref() {
            Some(k) => acc.entry(place::roll_up(k, level)).or_default(),
            None => &mut unplaced,
        };
        a.docs.insert(p.doc_key);
        a.passages += 1;
    }
    // Every extracted record but the one per document.
    let types = RecordType::ALL
        .into_iter()
        .filter(|t| *t != RecordType::Document);
    for t in types {
        for r in searcher.fact_refs_unlabelled(t.as_str(), None, filter)? {
            match r.place.as_deref() {
                Some(k) => acc.entry(place::roll_up(k, level)).or_default().records += 1,
                None => unplaced.records += 1,
            }
        }
    }
    for d in searcher.all_docs()? {
        for p in &d.places {
            let key = place_key(&p.path);
            if !filter.admits(Some(&key), d.year) {
                continue;
            }
            let a = acc.entry(place::roll_up(&key, level)).or_default();
            match p.role.as_deref() {
                Some("subject") => a.subject_of.insert(d.id.clone()),
                Some("author") => a.author_of.insert(d.id.clone()),
                _ => false,
            };
        }
    }
    let mut rows: Vec<RegionRow> = acc
        .into_iter()
        .map(|(k, a)| RegionRow {
            place: place::name(&k),
            path: place::path(&k),
            level: place::level(&k).to_string(),
            documents: a.docs.len(),
            passages: a.passages,
            records: a.records,
            subject_of: a.subject_of.len(),
            author_of: a.author_of.len(),
        })
        .collect();
    if unplaced.passages > 0 {
        rows.push(RegionRow {
            place: place::NO_PLACE.to_string(),
            path: Vec::new(),
            level: String::new(),
            documents: unplaced.docs.len(),
            passages: unplaced.passages,
            records: unplaced.records,
            subject_of: 0,
            author_of: 0,
        });
    }
    Ok(rows)
}

fn place_key(path: &[String]) -> String {
    govmine_index::schema::place_key(path)
}
