//! `trend TERM`: how often a term occurs per year or per place, raw and per 10,000
//! characters of text.
//!
//! Occurrences are counted in every passage (the title is one), exactly as `search`
//! matches. A year between the first and last with no document is a gap, shown as
//! missing rather than zero; documents without a year get a row of their own.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use serde::Serialize;

use govmine_index::{Filter, IndexSearcher};

use crate::{place, suggest, Result};

/// What to group by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrendBy {
    /// The document's year.
    Year,
    /// The passage's place, rolled up to a level if given.
    Region(Option<place::Level>),
}

/// Mentions in one year or place.
#[derive(Debug, Clone, Serialize)]
pub struct TrendRow {
    /// The year or place (`2017`, `甘肃省酒泉市`, `(no year)`, `(no place)`).
    pub group: String,
    /// The year, when by year.
    pub year: Option<i32>,
    /// Documents in the group (for places: documents with a passage about it).
    pub documents: usize,
    /// Characters of text in the group.
    pub chars: u64,
    /// Occurrences of the term; `None` when the group has no document (a gap).
    pub mentions: Option<u64>,
    /// Occurrences per 10,000 characters; `None` for a gap.
    pub per_10k: Option<f64>,
    /// Documents that mention it.
    pub documents_mentioning: usize,
}

/// The answer to `trend`.
#[derive(Debug, Clone, Serialize)]
pub struct Trend {
    /// The term.
    pub term: String,
    /// Rows: years in order (gaps included), or places with most mentions per 10,000
    /// characters first.
    pub rows: Vec<TrendRow>,
    /// All occurrences.
    pub total: u64,
    /// When it never occurs: mechanism keys and indicator subjects most like it.
    pub suggestions: Vec<(String, usize)>,
}

#[derive(Default)]
struct Acc {
    docs: HashSet<u64>,
    chars: u64,
    mentions: u64,
    mentioning: HashSet<u64>,
}

fn row(group: String, year: Option<i32>, a: Option<&Acc>) -> TrendRow {
    match a {
        Some(a) if !a.docs.is_empty() => TrendRow {
            group,
            year,
            documents: a.docs.len(),
            chars: a.chars,
            mentions: Some(a.mentions),
            per_10k: Some(if a.chars == 0 {
                0.0
            } else {
                a.mentions as f64 * 10_000.0 / a.chars as f64
            }),
            documents_mentioning: a.mentioning.len(),
        },
        _ => TrendRow {
            group,
            year,
            documents: 0,
            chars: 0,
            mentions: None,
            per_10k: None,
            documents_mentioning: 0,
        },
    }
}

/// What passages are grouped by: a year, or a place key (rolled up); `None` for
/// passages without one. Names are made once per group, not per passage.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Group {
    Year(Option<i32>),
    Place(Option<Arc<str>>),
}

impl Group {
    fn label(&self) -> String {
        match self {
            Group::Year(Some(y)) => y.to_string(),
            Group::Year(None) => "(no year)".to_string(),
            Group::Place(Some(k)) => place::name(k),
            Group::Place(None) => place::NO_PLACE.to_string(),
        }
    }
}

/// Count `term` per year or place over passages passing `filter`.
pub fn trend(searcher: &IndexSearcher, term: &str, by: TrendBy, filter: &Filter) -> Result<Trend> {
    let group_of = |place: &Option<Arc<str>>, year: Option<i32>| -> Group {
        match by {
            TrendBy::Year => Group::Year(year),
            TrendBy::Region(None) => Group::Place(place.clone()),
            TrendBy::Region(level) => Group::Place(
                place
                    .as_deref()
                    .map(|k| Arc::from(place::roll_up(k, level))),
            ),
        }
    };
    let mut acc: HashMap<Group, Acc> = HashMap::new();
    for p in searcher.passage_refs(filter)? {
        let a = acc.entry(group_of(&p.place, p.year)).or_default();
        a.docs.insert(p.doc_key);
        a.chars += p.end.saturating_sub(p.start);
    }
    let mut total = 0;
    for o in searcher.occurrences(term, filter)? {
        let a = acc
            .entry(group_of(&o.passage.place, o.passage.year))
            .or_default();
        a.mentions += o.positions.len() as u64;
        a.mentioning.insert(o.passage.doc_key);
        total += o.positions.len() as u64;
    }
    let rows = match by {
        TrendBy::Year => {
            let known = acc.keys().filter_map(|g| match g {
                Group::Year(y) => *y,
                Group::Place(_) => None,
            });
            let (first, last) = (known.clone().min(), known.max());
            let mut rows: Vec<TrendRow> = match (first, last) {
                (Some(a), Some(b)) => (a..=b)
                    .map(|y| row(y.to_string(), Some(y), acc.get(&Group::Year(Some(y)))))
                    .collect(),
                _ => Vec::new(),
            };
            if let Some(a) = acc.get(&Group::Year(None)) {
                rows.push(row(Group::Year(None).label(), None, Some(a)));
            }
            rows
        }
        TrendBy::Region(_) => {
            let mut rows: Vec<TrendRow> = acc
                .iter()
                .map(|(g, a)| row(g.label(), None, Some(a)))
                .collect();
            rows.sort_by(|a, b| {
                b.per_10k
                    .unwrap_or(0.0)
                    .total_cmp(&a.per_10k.unwrap_or(0.0))
                    .then(a.group.cmp(&b.group))
            });
            rows
        }
    };
    let suggestions = if total == 0 {
        let mut known = searcher.mechanism_keys()?;
        known.extend(crate::compare::subject_counts(searcher, filter)?);
        suggest::closest(term, known, 5)
    } else {
        Vec::new()
    };
    Ok(Trend {
        term: term.to_string(),
        rows,
        total,
        suggestions,
    })
}
