//! `mechanisms`: every mechanism with the places that name it; `mechanism KEY`: one
//! mechanism place by place, with the sentence that names it and its expansion.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use govmine_extract::RecordType;
use govmine_index::{Filter, IndexSearcher, RecordRef};

use crate::fact::MechanismFact;
use crate::{place, suggest, Result};

/// One mechanism across the index.
#[derive(Debug, Clone, Serialize)]
pub struct MechanismSummary {
    /// Normalised key (`三项制度`, `1211`).
    pub key: String,
    /// Places whose passages name it, by name.
    pub places: Vec<String>,
    /// The same places by their own name only (`巴中市`, `郓城县`), for narrow tables.
    #[serde(skip)]
    pub short_places: Vec<String>,
    /// Documents that name it.
    pub documents: usize,
    /// Mentions.
    pub mentions: usize,
    /// First year it is named in.
    pub first_year: Option<i32>,
    /// Last year it is named in.
    pub last_year: Option<i32>,
}

/// Every mechanism named in places passing `filter` and in at least `min_places` places:
/// most places first, then most documents, then most mentions.
pub fn mechanisms(
    searcher: &IndexSearcher,
    filter: &Filter,
    min_places: usize,
) -> Result<Vec<MechanismSummary>> {
    struct Acc {
        places: BTreeSet<String>,
        docs: BTreeSet<u64>,
        mentions: usize,
        years: BTreeSet<i32>,
    }
    let mut by_key: BTreeMap<String, Acc> = BTreeMap::new();
    for r in searcher.fact_refs_unlabelled(RecordType::Mechanism.as_str(), None, filter)? {
        let a = by_key.entry(r.key.to_string()).or_insert_with(|| Acc {
            places: BTreeSet::new(),
            docs: BTreeSet::new(),
            mentions: 0,
            years: BTreeSet::new(),
        });
        if let Some(p) = &r.place {
            a.places.insert(p.to_string());
        }
        a.docs.insert(r.doc_key);
        a.mentions += 1;
        a.years.extend(r.year);
    }
    let mut out: Vec<MechanismSummary> = by_key
        .into_iter()
        .filter(|(_, a)| a.places.len() >= min_places)
        .map(|(key, a)| MechanismSummary {
            key,
            documents: a.docs.len(),
            mentions: a.mentions,
            first_year: a.years.first().copied(),
            last_year: a.years.last().copied(),
            short_places: a.places.iter().map(|k| place::short(k)).collect(),
            places: a.places.iter().map(|k| place::name(k)).collect(),
        })
        .collect();
    out.sort_by(|a, b| {
        b.places
            .len()
            .cmp(&a.places.len())
            .then(b.documents.cmp(&a.documents))
            .then(b.mentions.cmp(&a.mentions))
            .then(a.key.cmp(&b.key))
    });
    Ok(out)
}

/// Where one mechanism is named: a place in a document (or, with `all`, one mention).
#[derive(Debug, Clone, Serialize)]
pub struct MechanismMention {
    /// The place of the passage that names it (`(no place)` when none).
    pub place: String,
    /// Document id.
    pub doc_id: String,
    /// Document path.
    pub doc: String,
    /// Document title.
    pub title: Option<String>,
    /// Publish date, else year.
    pub date: Option<String>,
    /// Year of the document.
    pub year: Option<i32>,
    /// Heading path of the passage.
    pub section: Vec<String>,
    /// The name as written.
    pub name: String,
    /// The sentence that names it (the one with the expansion, when the document spells
    /// it out).
    pub sentence: String,
    /// Items the document spells out, if any.
    pub expansion: Vec<String>,
    /// Mentions in this document and place.
    pub mentions: usize,
    /// Char offset of the mention shown.
    pub start: u64,
}

/// One mechanism place by place.
#[derive(Debug, Clone, Serialize)]
pub struct MechanismReport {
    /// The key asked for, normalised.
    pub key: String,
    /// Places, documents and sentences, by place then year.
    pub rows: Vec<MechanismMention>,
    /// When nothing matches: the closest keys in the index with their mentions.
    pub suggestions: Vec<(String, usize)>,
}

/// The key of a mechanism as a user types it: `“1211”` and `1211` are the same.
pub fn normalise_key(key: &str) -> String {
    govmine_extract::mechanism::mechanism_key(key)
}

/// One mechanism across places passing `filter`: a row per place and document, or per
/// mention with `all`.
pub fn mechanism(
    searcher: &IndexSearcher,
    key: &str,
    filter: &Filter,
    all: bool,
) -> Result<MechanismReport> {
    let key = normalise_key(key);
    let refs: Vec<RecordRef> =
        searcher.fact_refs_unlabelled(RecordType::Mechanism.as_str(), Some(&key), filter)?;
    if refs.is_empty() {
        let suggestions = suggest::closest(&key, searcher.mechanism_keys()?, 5);
        return Ok(MechanismReport {
            key,
            rows: Vec::new(),
            suggestions,
        });
    }
    let json = searcher.fact_json(&refs)?;
    let mut titles: HashMap<String, (Option<String>, Option<String>)> = HashMap::new();
    let mut rows: Vec<MechanismMention> = Vec::new();
    // (place, doc) → index in rows
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    for (r, j) in refs.iter().zip(&json) {
        let f: MechanismFact = serde_json::from_str(j)?;
        let place = r
            .place
            .as_deref()
            .map_or(place::NO_PLACE.to_string(), place::name);
        if !titles.contains_key(&f.doc_id) {
            let meta = searcher.doc_meta(&f.doc_id)?;
            let entry = meta.map_or((None, None), |m| {
                (m.title, m.date.or(m.year.map(|y| y.to_string())))
            });
            titles.insert(f.doc_id.clone(), entry);
        }
        let (title, date) = titles[&f.doc_id].clone();
        let row = MechanismMention {
            place: place.clone(),
            doc_id: f.doc_id.clone(),
            doc: f.doc,
            title,
            date,
            year: f.year,
            section: f.section,
            name: f.name,
            sentence: f.sentence,
            expansion: f.expansion,
            mentions: 1,
            start: f.start,
        };
        if all {
            rows.push(row);
            continue;
        }
        match seen.get(&(place.clone(), f.doc_id.clone())) {
            Some(&i) => {
                let kept = &mut rows[i];
                kept.mentions += 1;
                // Show the mention that spells the mechanism out, if one does.
                if kept.expansion.is_empty() && !row.expansion.is_empty() {
                    let mentions = kept.mentions;
                    *kept = MechanismMention { mentions, ..row };
                }
            }
            None => {
                seen.insert((place, f.doc_id), rows.len());
                rows.push(row);
            }
        }
    }
    rows.sort_by(|a, b| {
        a.place
            .cmp(&b.place)
            .then(a.year.cmp(&b.year))
            .then(a.doc_id.cmp(&b.doc_id))
            .then(a.start.cmp(&b.start))
    });
    Ok(MechanismReport {
        key,
        rows,
        suggestions: Vec::new(),
    })
}
