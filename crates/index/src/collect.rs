//! A collector that keeps every matching passage with its fast fields and score.

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use crate::scan::{RecordRef, SegmentColumns};

/// One matching passage.
#[derive(Debug, Clone)]
pub(crate) struct Match {
    pub passage: RecordRef,
    pub score: Score,
    pub heading: bool,
}

impl Match {
    pub fn key(&self) -> u64 {
        self.passage.doc_key
    }
}

/// Collects all matches (passages are short and hits are few enough to keep them all).
pub(crate) struct MatchCollector;

pub(crate) struct MatchSegmentCollector {
    columns: SegmentColumns,
    headings: Column<u64>,
    out: Vec<Match>,
}

impl Collector for MatchCollector {
    type Fruit = Vec<Match>;
    type Child = MatchSegmentCollector;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<MatchSegmentCollector> {
        Ok(MatchSegmentCollector {
            columns: SegmentColumns::new(segment, reader, false)?,
            headings: reader.fast_fields().u64("heading")?,
            out: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Vec<Match>>) -> tantivy::Result<Vec<Match>> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

impl SegmentCollector for MatchSegmentCollector {
    type Fruit = Vec<Match>;

    fn collect(&mut self, doc: DocId, score: Score) {
        if let Some(passage) = self.columns.get(doc) {
            self.out.push(Match {
                passage,
                score,
                heading: self.headings.first(doc) == Some(1),
            });
        }
    }

    fn harvest(self) -> Vec<Match> {
        self.out
    }
}
