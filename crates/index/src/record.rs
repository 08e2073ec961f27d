//! What the pipeline hands the index: plain data, no tantivy types but the word tokens.

use serde::{Deserialize, Serialize};

/// A place as the index stores it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceTag {
    /// Full display name (`河南省驻马店市`, `全国`).
    pub name: String,
    /// Facet path (`["河南省", "驻马店市"]`, `["全国"]`).
    pub path: Vec<String>,
    /// `national`, `province`, `prefecture` or `county`.
    pub level: String,
    /// Division code, when a division.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub code: Option<String>,
    /// `subject` or `author`, on a document's places.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub role: Option<String>,
}

/// The file (and record) a document was read from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Origin {
    /// The file's absolute path (bytes that are not UTF-8 written `\xNN`).
    pub file: String,
    /// Record number (1-based) in a JSONL/CSV corpus.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
}

/// A document's metadata, stored as JSON on its document record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocMeta {
    /// Document id: the path relative to the ingest root (`#N` for records), or the
    /// absolute path where another file of the index already has that id.
    pub id: String,
    /// File path as given to ingest.
    pub path: String,
    /// The file (absolute) and record it was read from; absent in an export.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
    /// Title.
    pub title: Option<String>,
    /// Publish date (ISO, possibly partial).
    pub date: Option<String>,
    /// Year.
    pub year: Option<i32>,
    /// Where the year came from (`title`, `publish_date`, …).
    pub year_source: String,
    /// 作者 of the page.
    #[serde(default)]
    pub author: Option<String>,
    /// 来源 of the page.
    #[serde(default)]
    pub source: Option<String>,
    /// URL column of a record corpus.
    #[serde(default)]
    pub url: Option<String>,
    /// Encoding the file was decoded from.
    pub encoding: String,
    /// Content hash (blake3 hex of the decoded text and metadata).
    pub hash: String,
    /// Size of the source text in bytes (UTF-8).
    pub bytes: u64,
    /// Chars of the cleaned text.
    pub chars: u64,
    /// Number of passages.
    pub passages: u64,
    /// Places with roles.
    pub places: Vec<PlaceTag>,
}

/// One passage: a paragraph (or the title) with its heading path and place.
#[derive(Debug, Clone)]
pub struct PassageRecord {
    /// Char offset in the cleaned document text.
    pub start: u64,
    /// Char offset one past the passage.
    pub end: u64,
    /// Heading path, outermost first.
    pub section: Vec<String>,
    /// The passage text as it stands in the cleaned document.
    pub text: String,
    /// jieba's words of `text`, as [`govmine_segment::presegment`] writes them.
    pub segmented: String,
    /// The place this passage is about.
    pub place: Option<PlaceTag>,
    /// It is a section heading.
    pub heading: bool,
}

/// One extracted fact (quantity, mechanism …) as the index stores it: the record's JSON,
/// plus the few fields the cross-city commands filter on.
#[derive(Debug, Clone)]
pub struct FactRecord {
    /// Record type (`quantity`, `mechanism`, …).
    pub rtype: String,
    /// What records of this type are looked up by: a mechanism's key, a quantity's unit.
    pub key: String,
    /// What it is about, as written: a quantity's subject, a mechanism's name, a cited
    /// document's title (empty for other types).
    pub label: String,
    /// The place of its passage.
    pub place: Option<PlaceTag>,
    /// Char offset of the mention in the cleaned document text.
    pub start: u64,
    /// Char offset one past the mention.
    pub end: u64,
    /// The whole record as JSON (`govmine extract`'s line).
    pub json: String,
}

/// A document ready to index.
#[derive(Debug, Clone)]
pub struct DocRecord {
    /// Metadata.
    pub meta: DocMeta,
    /// Passages in document order.
    pub passages: Vec<PassageRecord>,
    /// Extracted facts in document order.
    pub facts: Vec<FactRecord>,
}
