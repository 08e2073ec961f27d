//! The index schema, in one place.
//!
//! Three kinds of records share one tantivy index:
//! - a **document** record (`kind = doc`) per report: id, path, hash and its metadata
//!   as stored JSON; no text.
//! - a **passage** record (`kind = passage`) per paragraph (and one for the title): its
//!   text, heading path, place facet and offsets, plus the document's id, key and year so
//!   that passages can be filtered and grouped into document hits.
//! - a **fact** record (`kind = fact`) per extracted record (quantity, mechanism …): its
//!   type, key, label, place, year, offsets, and the record as stored JSON.
//!
//! Passages and facts carry their place (`place`), year, document key and offsets as fast
//! fields, so the cross-city commands count and group them without reading stored JSON.
//!
//! The passage text is indexed twice: `text` holds jieba words (ranking) and `chars`
//! holds each char at its char position (exact matching); `passage` stores it for snippets.

use tantivy::schema::{
    Facet, FacetOptions, Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing,
    TextOptions, FAST, INDEXED, STORED, STRING,
};

use govmine_segment::{CHAR_TOKENIZER, PRESEGMENTED_TOKENIZER};

/// Version of the index layout; bump when the schema, the tokenization or the directory
/// layout changes. 7: govmine's marker in `govmine.json`, the tantivy index in a
/// generation subdirectory, each document's origin (file and row). 8: quantity facts
/// carry their period, form, aggregation, basis and direction (signed changes).
pub const FORMAT: u32 = 8;

/// Value of [`Fields::kind`] for document records.
pub const KIND_DOC: &str = "doc";
/// Value of [`Fields::kind`] for passage records.
pub const KIND_PASSAGE: &str = "passage";
/// Value of [`Fields::kind`] for fact records.
pub const KIND_FACT: &str = "fact";

/// The typed fields of the schema.
#[derive(Clone, Debug)]
pub struct Fields {
    /// `doc`, `passage` or `fact`.
    pub kind: Field,
    /// Document id: path relative to the ingest root, `#N` for records.
    pub doc_id: Field,
    /// blake3 of the document id, as u64: groups passages into documents fast.
    pub doc_key: Field,
    /// Year of the document (absent when unknown).
    pub year: Field,
    /// Place facets (`/河南省/驻马店市`, `/全国`): the passage's place; on a document
    /// record every place of the document.
    pub places: Field,
    /// The place of a passage or fact as one fast string, its path `/`-joined
    /// (`河南省/驻马店市`, `全国`), see [`place_key`].
    pub place: Field,
    /// Heading path, ` › `-joined.
    pub section: Field,
    /// Passage text: jieba words with positions, fed as the one segmentation of ingest
    /// ([`govmine_segment::presegment`]); not stored, see `passage`.
    pub text: Field,
    /// Passage text as written, stored for snippets.
    pub passage: Field,
    /// Passage text: one token per char at its char position, not stored.
    pub chars: Field,
    /// 1 when the passage is a section heading (shown after body passages).
    pub heading: Field,
    /// Char offset of the passage (or fact) in the cleaned document text.
    pub start: Field,
    /// Char offset one past the passage (or fact).
    pub end: Field,
    /// Content hash of the document (document records).
    pub hash: Field,
    /// Document metadata as JSON (document records), see [`crate::DocMeta`].
    pub meta: Field,
    /// Record type of a fact (`quantity`, `mechanism` …).
    pub rtype: Field,
    /// Lookup key of a fact (mechanism key, quantity unit).
    pub rkey: Field,
    /// What a fact is about, as written: a quantity's subject, a mechanism's name, a cited
    /// document's title.
    pub label: Field,
    /// A fact as JSON.
    pub fact: Field,
}

/// Build the schema and its fields.
pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let words = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(PRESEGMENTED_TOKENIZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let chars = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(CHAR_TOKENIZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let fields = Fields {
        kind: b.add_text_field("kind", STRING),
        doc_id: b.add_text_field("doc_id", STRING | STORED),
        doc_key: b.add_u64_field("doc_key", FAST),
        year: b.add_i64_field("year", NumericOptions::default() | INDEXED | FAST | STORED),
        places: b.add_facet_field("places", FacetOptions::default().set_stored()),
        place: b.add_text_field("place", STRING | FAST),
        section: b.add_text_field("section", STORED),
        text: b.add_text_field("text", words),
        passage: b.add_text_field("passage", STORED),
        chars: b.add_text_field("chars", chars),
        heading: b.add_u64_field("heading", FAST),
        start: b.add_u64_field("start", STORED | FAST),
        end: b.add_u64_field("end", STORED | FAST),
        hash: b.add_text_field("hash", STORED),
        meta: b.add_text_field("meta", STORED),
        rtype: b.add_text_field("rtype", STRING),
        rkey: b.add_text_field("rkey", STRING | FAST),
        label: b.add_text_field("label", STRING | FAST),
        fact: b.add_text_field("fact", STORED),
    };
    (b.build(), fields)
}

/// Look the fields up in an opened index's schema.
pub fn fields_of(schema: &Schema) -> tantivy::Result<Fields> {
    let f = |name: &str| schema.get_field(name);
    Ok(Fields {
        kind: f("kind")?,
        doc_id: f("doc_id")?,
        doc_key: f("doc_key")?,
        year: f("year")?,
        places: f("places")?,
        place: f("place")?,
        section: f("section")?,
        text: f("text")?,
        passage: f("passage")?,
        chars: f("chars")?,
        heading: f("heading")?,
        start: f("start")?,
        end: f("end")?,
        hash: f("hash")?,
        meta: f("meta")?,
        rtype: f("rtype")?,
        rkey: f("rkey")?,
        label: f("label")?,
        fact: f("fact")?,
    })
}

/// The u64 key of a document id.
pub fn doc_key(doc_id: &str) -> u64 {
    let h = blake3::hash(doc_id.as_bytes());
    u64::from_le_bytes(h.as_bytes()[..8].try_into().expect("8 bytes"))
}

/// A facet from a place path (`["河南省", "驻马店市"]`).
pub fn facet(path: &[String]) -> Facet {
    Facet::from_path(path.iter().map(String::as_str))
}

/// The `place` fast-field value of a place path: `河南省/驻马店市`.
pub fn place_key(path: &[String]) -> String {
    path.join("/")
}
