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
//! - The index directory ([`layout`]): `govmine.json` ([`IndexMeta`]) marks it as
//!   govmine's and records the format, the dictionaries' and gazetteer's hashes (so a
//!   stale index is detected), the inputs read, and the generation subdirectory that
//!   holds the committed tantivy index; one writer at a time holds `.govmine.lock`.
//!   govmine refuses to write into a directory that is not its own, and deletes only
//!   files tantivy or govmine wrote.
//!
//! The pipeline hands documents over as plain [`DocRecord`]s.

#![deny(missing_docs)]

mod collect;
mod error;
pub mod layout;
mod lock;
mod meta;
mod query;
mod readonly;
mod record;
mod scan;
pub mod schema;
mod search;
mod snippet;
mod stats;
mod writer;

pub use error::{Error, Result};
pub use lock::LOCK_FILE;
pub use meta::{IndexMeta, InputRoot, MARKER, META_FILE};
pub use query::{check_length, ParsedQuery, MAX_QUERY_CHARS};
pub use record::{DocMeta, DocRecord, FactRecord, Origin, PassageRecord, PlaceTag};
pub use scan::{Filter, Occurrences, RecordRef};
pub use schema::FORMAT;
pub use search::{
    check, FacetCount, Facets, Hit, IndexSearcher, PassageHit, SearchRequest, SearchResults,
};
pub use snippet::{snippet, Snippet};
pub use stats::Stats;
/// Where a record is in the index ([`RecordRef::addr`]).
pub use tantivy::DocAddress;
pub use writer::{
    merge_inputs, recorded_inputs, DocStatus, Opened, Rebuild, Writer, WriterOptions,
};

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
