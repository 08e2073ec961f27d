//! `stats`: what an index holds.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::{IndexSearcher, Result};

/// Counts over an index.
#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    /// Documents.
    pub documents: usize,
    /// Passages.
    pub passages: u64,
    /// Extracted facts by record type.
    pub facts: BTreeMap<String, u64>,
    /// Places with the number of documents naming them (subject or author), most first.
    pub places: Vec<(String, usize)>,
    /// Documents per year.
    pub years: BTreeMap<i32, usize>,
    /// Ids of documents without a year.
    pub without_year: Vec<String>,
    /// Groups of document ids with the same content.
    pub duplicates: Vec<Vec<String>>,
    /// Size of the index directory in bytes: every file in it and its subdirectories.
    pub index_bytes: u64,
    /// tantivy segments (ingest does not merge them).
    pub segments: usize,
    /// Bytes of text indexed.
    pub text_bytes: u64,
}

impl IndexSearcher {
    /// Count what the index holds.
    pub fn stats(&self) -> Result<Stats> {
        let docs = self.all_docs()?;
        let mut places: HashMap<String, usize> = HashMap::new();
        let mut years = BTreeMap::new();
        let mut without_year = Vec::new();
        let mut by_hash: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for d in &docs {
            let mut names: Vec<&str> = d.places.iter().map(|p| p.name.as_str()).collect();
            names.sort_unstable();
            names.dedup();
            for n in names {
                *places.entry(n.to_owned()).or_default() += 1;
            }
            match d.year {
                Some(y) => *years.entry(y).or_default() += 1,
                None => without_year.push(d.id.clone()),
            }
            by_hash.entry(&d.hash).or_default().push(d.id.clone());
        }
        let mut places: Vec<(String, usize)> = places.into_iter().collect();
        places.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        Ok(Stats {
            documents: docs.len(),
            passages: self.passage_count()?,
            facts: self.fact_counts()?,
            places,
            years,
            without_year,
            duplicates: by_hash.into_values().filter(|ids| ids.len() > 1).collect(),
            index_bytes: crate::layout::size(self.dir()),
            segments: self.segment_count(),
            text_bytes: docs.iter().map(|d| d.bytes).sum(),
        })
    }
}
