//! A collector that keeps every matching passage with its document key and score.

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

/// One matching passage.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Match {
    pub key: u64,
    pub addr: DocAddress,
    pub score: Score,
    pub heading: bool,
}

/// Collects all matches (passages are short and hits are few enough to keep them all).
pub(crate) struct MatchCollector;

pub(crate) struct MatchSegmentCollector {
    segment: SegmentOrdinal,
    keys: Column<u64>,
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
            segment,
            keys: reader.fast_fields().u64("doc_key")?,
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
        if let Some(key) = self.keys.first(doc) {
            self.out.push(Match {
                key,
                addr: DocAddress::new(self.segment, doc),
                score,
                heading: self.headings.first(doc) == Some(1),
            });
        }
    }

    fn harvest(self) -> Vec<Match> {
        self.out
    }
}
