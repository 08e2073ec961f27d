//! Records: one fact of a report, with where it stands — what `govmine extract` writes
//! and what the index stores for the cross-city commands.
//!
//! Every record has the common fields (`type`, `doc`, `doc_id`, `section`, `region`,
//! `year`, `sentence`) and the fields of its [`Data`], `start` and `end` among them
//! (char offsets into the cleaned document text). Serialized flat, one JSON object:
//!
//! ```json
//! {"type":"quantity","doc":"corpus/001.txt","doc_id":"001.txt","section":["二、…"],
//!  "region":{"name":"甘肃省酒泉市","province":"甘肃省","prefecture":"酒泉市",…},
//!  "year":2017,"sentence":"…","text":"93.33万件","start":1234,"end":1241,
//!  "value":933300,"unit":"件",…}
//! ```

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::citation::PolicyDoc;
use crate::date::DateMention;
use crate::measure::Measure;
use crate::mechanism::Mechanism;
use crate::quantity::Quantity;

/// The kinds of record, in the order they sort at one offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordType {
    /// The report itself: title, date, places.
    Document,
    /// An enumerated item (一是…).
    Measure,
    /// A named mechanism (“1211”, 三项制度).
    Mechanism,
    /// A cited document (《…》).
    PolicyDoc,
    /// A date.
    Date,
    /// A number with a unit.
    Quantity,
}

impl RecordType {
    /// Every type.
    pub const ALL: [RecordType; 6] = [
        RecordType::Document,
        RecordType::Quantity,
        RecordType::Date,
        RecordType::Mechanism,
        RecordType::Measure,
        RecordType::PolicyDoc,
    ];

    /// The name used in `type`, `--types` and file names.
    pub fn as_str(self) -> &'static str {
        match self {
            RecordType::Document => "document",
            RecordType::Quantity => "quantity",
            RecordType::Date => "date",
            RecordType::Mechanism => "mechanism",
            RecordType::Measure => "measure",
            RecordType::PolicyDoc => "policy_doc",
        }
    }
}

impl fmt::Display for RecordType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for RecordType {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        RecordType::ALL
            .into_iter()
            .find(|t| t.as_str() == s || (s == "policy" && *t == RecordType::PolicyDoc))
            .ok_or_else(|| {
                let names: Vec<&str> = RecordType::ALL.iter().map(|t| t.as_str()).collect();
                format!("unknown record type `{s}` (one of {})", names.join(", "))
            })
    }
}

/// Which record types to produce.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TypeSet(u8);

impl TypeSet {
    /// All of them.
    pub fn all() -> TypeSet {
        TypeSet(0x3f)
    }

    /// None of them.
    pub fn none() -> TypeSet {
        TypeSet(0)
    }

    /// Exactly these.
    pub fn of(types: &[RecordType]) -> TypeSet {
        TypeSet(types.iter().fold(0, |m, &t| m | (1 << t as u8)))
    }

    /// Whether `t` is in the set.
    pub fn contains(self, t: RecordType) -> bool {
        self.0 & (1 << t as u8) != 0
    }

    /// The types in the set, in [`RecordType::ALL`] order.
    pub fn iter(self) -> impl Iterator<Item = RecordType> {
        RecordType::ALL
            .into_iter()
            .filter(move |&t| self.contains(t))
    }
}

/// The place a passage is about, by level.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Region {
    /// Full name (`河南省驻马店市`, `全国`).
    pub name: String,
    /// Province (`河南省`), absent for 全国.
    pub province: Option<String>,
    /// Prefecture-level city, when the place is one or lies in one.
    pub prefecture: Option<String>,
    /// County-level division, when the place is one.
    pub county: Option<String>,
    /// Division code (GB/T 2260), absent for 全国.
    pub code: Option<String>,
}

/// A place of a whole document, with why it is tied to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DocRegion {
    /// Full name.
    pub name: String,
    /// `national`, `province`, `prefecture` or `county`.
    pub level: String,
    /// `subject` (what it is about) or `author` (who wrote it).
    pub role: String,
    /// Division code, absent for 全国.
    pub code: Option<String>,
}

/// The report itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DocumentInfo {
    /// Title, when known.
    pub title: Option<String>,
    /// Publish date (ISO, possibly partial).
    pub publish_date: Option<String>,
    /// Places with roles, author first.
    pub regions: Vec<DocRegion>,
    /// 0.
    pub start: usize,
    /// Length of the cleaned text in chars.
    pub end: usize,
}

/// What a record says, by type. (Most records are quantities, the largest variant: boxing
/// it would add an allocation to the common case.)
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Data {
    /// See [`DocumentInfo`].
    Document(DocumentInfo),
    /// See [`Quantity`].
    Quantity(Quantity),
    /// See [`DateMention`].
    Date(DateMention),
    /// See [`Mechanism`].
    Mechanism(Mechanism),
    /// See [`Measure`].
    Measure(Measure),
    /// See [`PolicyDoc`].
    PolicyDoc(PolicyDoc),
}

impl Data {
    /// The record type of this data.
    pub fn record_type(&self) -> RecordType {
        match self {
            Data::Document(_) => RecordType::Document,
            Data::Quantity(_) => RecordType::Quantity,
            Data::Date(_) => RecordType::Date,
            Data::Mechanism(_) => RecordType::Mechanism,
            Data::Measure(_) => RecordType::Measure,
            Data::PolicyDoc(_) => RecordType::PolicyDoc,
        }
    }

    /// `(start, end)` char offsets in the cleaned document text.
    pub fn span(&self) -> (usize, usize) {
        match self {
            Data::Document(d) => (d.start, d.end),
            Data::Quantity(d) => (d.start, d.end),
            Data::Date(d) => (d.start, d.end),
            Data::Mechanism(d) => (d.start, d.end),
            Data::Measure(d) => (d.start, d.end),
            Data::PolicyDoc(d) => (d.start, d.end),
        }
    }

    /// The same fact `by` chars further on (found in a window of the document that
    /// starts there).
    pub(crate) fn shift(&mut self, by: usize) {
        let (start, end) = match self {
            Data::Document(d) => (&mut d.start, &mut d.end),
            Data::Quantity(d) => (&mut d.start, &mut d.end),
            Data::Date(d) => (&mut d.start, &mut d.end),
            Data::Mechanism(d) => (&mut d.start, &mut d.end),
            Data::Measure(d) => (&mut d.start, &mut d.end),
            Data::PolicyDoc(d) => (&mut d.start, &mut d.end),
        };
        *start += by;
        *end += by;
    }
}

/// One record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Record {
    /// The record type.
    #[serde(rename = "type")]
    pub rtype: RecordType,
    /// The source: file path as given, plus `#row` for a JSONL/CSV record.
    pub doc: String,
    /// The document id in the index (path relative to the input root, `#row`).
    pub doc_id: String,
    /// Heading path of the section, outermost first.
    pub section: Vec<String>,
    /// The place the passage is about.
    pub region: Option<Region>,
    /// Year of the document.
    pub year: Option<i32>,
    /// The whole sentence the record stands in (the title for a document record).
    pub sentence: String,
    /// What it says; carries `start` and `end`.
    #[serde(flatten)]
    pub data: Data,
}

impl Record {
    /// `(start, end)` char offsets in the cleaned document text.
    pub fn span(&self) -> (usize, usize) {
        self.data.span()
    }

    /// Sort key within a document: offset, then type.
    pub fn order(&self) -> (usize, usize, RecordType) {
        let (s, e) = self.span();
        (s, e, self.rtype)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quantity::quantities;

    #[test]
    fn a_record_serializes_flat_with_its_type_first() {
        let q = quantities("共办理各类案件93.33万件").remove(0);
        let r = Record {
            rtype: RecordType::Quantity,
            doc: "corpus/a.txt".into(),
            doc_id: "a.txt".into(),
            section: vec!["一、成效".into()],
            region: None,
            year: Some(2017),
            sentence: "共办理各类案件93.33万件".into(),
            data: Data::Quantity(q),
        };
        let json = serde_json::to_string(&r).unwrap();
        assert!(
            json.starts_with(r#"{"type":"quantity","doc":"corpus/a.txt""#),
            "{json}"
        );
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["value"], 933300);
        assert_eq!(v["unit"], "件");
        assert_eq!(v["start"], 7);
        assert_eq!(r.span(), (7, 14));
    }

    #[test]
    fn type_sets_parse_and_filter() {
        let t: Vec<RecordType> = "quantity, mechanism"
            .split(',')
            .map(|s| s.parse().unwrap())
            .collect();
        let set = TypeSet::of(&t);
        assert!(set.contains(RecordType::Mechanism));
        assert!(!set.contains(RecordType::Date));
        assert_eq!(set.iter().count(), 2);
        assert_eq!(TypeSet::all().iter().count(), 6);
        assert!("quantities".parse::<RecordType>().is_err());
        assert_eq!("policy".parse(), Ok(RecordType::PolicyDoc));
    }
}
