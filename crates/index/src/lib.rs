//! govmine's index: a tantivy index of passages, searched exactly across places.
//!
//! - [`schema`]: the typed schema in one place (document and passage records).
//! - [`Writer`]: create or open, skip unchanged documents by content hash, replace changed
//!   ones, commit once per run ([`WriterOptions`], [`DocStatus`]).
//! - [`ParsedQuery`]: the search syntax (terms ANDed, `OR`, `-exclusion`, quotes), at
//!   most [`MAX_QUERY_CHARS`] chars.
//! - [`IndexSearcher`]: exact matching through single chars (jieba words add to the
//!   score), region, year and mechanism filters on passages, document hits with their
//!   best passages and [`Snippet`]s, [`Facets`]; [`Stats`].
//! - Scans for the cross-city commands ([`RecordRef`], [`Filter`]): facts and passages
//!   by type, key, place and year from fast fields, and every exact occurrence of a
//!   string ([`Occurrences`]).
//! - `govmine.json` in the index directory ([`IndexMeta`]) records the format and the
//!   dictionaries' and gazetteer's hashes, so a stale index is detected.
//!
//! The pipeline hands documents over as plain [`DocRecord`]s.

#![deny(missing_docs)]

mod collect;
mod error;
mod meta;
mod query;
mod record;
mod scan;
pub mod schema;
mod search;
mod snippet;
mod stats;
mod writer;

pub use error::{Error, Result};
pub use meta::{IndexMeta, META_FILE};
pub use query::{check_length, ParsedQuery, MAX_QUERY_CHARS};
pub use record::{DocMeta, DocRecord, FactRecord, PassageRecord, PlaceTag};
pub use scan::{Filter, Occurrences, RecordRef};
pub use schema::FORMAT;
pub use search::{
    check, FacetCount, Facets, Hit, IndexSearcher, PassageHit, SearchRequest, SearchResults,
};
pub use snippet::{snippet, Snippet};
pub use stats::Stats;
/// Where a record is in the index ([`RecordRef::addr`]).
pub use tantivy::DocAddress;
pub use writer::{DocStatus, Opened, Writer, WriterOptions};

use govmine_segment::{
    CharTokenizer, PresegmentedTokenizer, Segmenter, WordTokenizer, CHAR_TOKENIZER,
    PRESEGMENTED_TOKENIZER, WORD_TOKENIZER,
};
use tantivy::tokenizer::TextAnalyzer;

/// Register govmine's tokenizers on an index (tantivy does not persist them).
pub fn register_tokenizers(index: &tantivy::Index, segmenter: &Segmenter) {
    let t = index.tokenizers();
    t.register(
        WORD_TOKENIZER,
        TextAnalyzer::from(WordTokenizer::new(segmenter.clone())),
    );
    t.register(CHAR_TOKENIZER, TextAnalyzer::from(CharTokenizer));
    t.register(
        PRESEGMENTED_TOKENIZER,
        TextAnalyzer::from(PresegmentedTokenizer),
    );
}
