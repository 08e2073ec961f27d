//! The stored records the commands read back, as much of them as they use.

use govmine_extract::meaning::{Aggregation, Basis, Direction, Form, Scope};
use govmine_extract::period::PeriodSource;
use govmine_extract::units::Kind;
use serde::{Deserialize, Serialize};

/// The place of a record, as `govmine extract` writes it.
#[derive(Debug, Clone, Deserialize, Serialize, Default)]
pub struct FactRegion {
    /// Full name (`甘肃省酒泉市`, `全国`).
    pub name: String,
    /// Province, when a division.
    pub province: Option<String>,
    /// Prefecture-level place.
    pub prefecture: Option<String>,
    /// County-level place.
    pub county: Option<String>,
    /// Division code (GB/T 2260), when a division.
    #[serde(default)]
    pub code: Option<String>,
}

/// A stored quantity record.
#[derive(Debug, Clone, Deserialize)]
pub struct QuantityFact {
    /// Document path (`path#row` for corpus records).
    pub doc: String,
    /// Document id in the index.
    pub doc_id: String,
    /// Place of its passage.
    pub region: Option<FactRegion>,
    /// Year of its document.
    pub year: Option<i32>,
    /// The sentence it stands in.
    pub sentence: String,
    /// As written (`93.33万件`).
    pub text: String,
    /// Char offsets in the cleaned document text.
    pub start: u64,
    /// One past the mention.
    pub end: u64,
    /// Exact value in base units.
    pub value: serde_json::Number,
    /// Upper end of a range.
    pub value_to: Option<serde_json::Number>,
    /// Base unit (`元`, `人`, `%`).
    pub unit: String,
    /// Stated as approximate (左右, 约, 以上 …).
    pub approx: bool,
    /// `none`, `about`, `at_least`, `over`, `range` …
    pub qualifier: String,
    /// `result` or `target`.
    pub status: String,
    /// What it measures, as written before it.
    pub subject: String,
    /// What its unit measures.
    #[serde(default)]
    pub kind: Option<Kind>,
    /// A level or a change.
    #[serde(default)]
    pub form: Form,
    /// Which way a change goes.
    #[serde(default)]
    pub direction: Option<Direction>,
    /// One year's figure, or a total or average over several.
    #[serde(default)]
    pub aggregation: Aggregation,
    /// The whole, per head, a share or a ratio.
    #[serde(default)]
    pub basis: Basis,
    /// First year it covers.
    #[serde(default)]
    pub period_from: Option<i32>,
    /// Last year it covers.
    #[serde(default)]
    pub period_to: Option<i32>,
    /// The one year it is about.
    #[serde(default)]
    pub ref_year: Option<i32>,
    /// Where its period came from.
    #[serde(default)]
    pub period_source: Option<PeriodSource>,
    /// About the whole place or a part of it.
    #[serde(default)]
    pub scope: Scope,
    /// The part as written.
    #[serde(default)]
    pub scope_text: Option<String>,
    /// The catalogue indicator its subject names (official name).
    #[serde(default)]
    pub indicator_name: Option<String>,
}

/// A stored mechanism record.
#[derive(Debug, Clone, Deserialize)]
pub struct MechanismFact {
    /// Document path.
    pub doc: String,
    /// Document id in the index.
    pub doc_id: String,
    /// Heading path of its passage.
    #[serde(default)]
    pub section: Vec<String>,
    /// Place of its passage.
    pub region: Option<FactRegion>,
    /// Year of its document.
    pub year: Option<i32>,
    /// The sentence that names it.
    pub sentence: String,
    /// Name as written.
    pub name: String,
    /// Normalised key.
    pub key: String,
    /// Char offset of the name.
    pub start: u64,
    /// One past the name.
    pub end: u64,
    /// Items the text spells out.
    #[serde(default)]
    pub expansion: Vec<String>,
}
