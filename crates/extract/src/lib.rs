//! Extract structured facts from Chinese government reports.
//!
//! Not yet wired into the CLI or the ingest pipeline.
//!
//! - [`number`]: numbers as written (`93.33万`, `三万五`, `一百九十万零三千`, `９３．３３`)
//!   parsed exactly by [`number::parse_number`] into a [`Decimal`].
//! - [`decimal`]: [`Decimal`], a small exact decimal (`i128` mantissa, `u32` scale); no
//!   float arithmetic anywhere, so `16.4亿` is exactly `1640000000`.
//! - [`units`]: units and measure words (`dictionaries/units.tsv`: unit, base unit, power of ten,
//!   kind) and numeral names that are not quantities (`dictionaries/numeral_names.txt`).
//! - [`quantity`]: [`quantity::quantities`] finds every quantity in a sentence or
//!   paragraph, with char offsets, exact value in base units, unit, kind, approximation,
//!   bound or range, result/target status and a subject.
//!
//! ```
//! use govmine_extract::quantity::{quantities, Qualifier, Status};
//!
//! let q = quantities("城镇新增就业1200万人以上");
//! assert_eq!(q[0].value.to_string(), "12000000");
//! assert_eq!(q[0].unit, "人");
//! assert_eq!(q[0].qualifier, Qualifier::AtLeast);
//! assert_eq!(q[0].subject, "城镇新增就业");
//! assert_eq!(q[0].status, Status::Result);
//! ```

#![deny(missing_docs)]

pub mod citation;
pub mod date;
pub mod decimal;
pub mod measure;
pub mod mechanism;
pub mod number;
pub mod quantity;
pub mod record;
pub mod units;

pub use decimal::Decimal;
pub use quantity::{quantities, Quantity};
pub use record::{Data, DocRegion, DocumentInfo, Record, RecordType, Region, TypeSet};

/// Every fact of the types in `types` found in `text` (a whole cleaned document,
/// paragraphs separated by `\n`), by extractor, each left to right; offsets in chars.
/// Document records are made by the caller, which knows the title and places.
pub fn find_all(text: &str, types: TypeSet) -> Vec<Data> {
    let mut out = Vec::new();
    if types.contains(RecordType::Quantity) {
        out.extend(quantities(text).into_iter().map(Data::Quantity));
    }
    if types.contains(RecordType::Date) {
        out.extend(date::dates(text).into_iter().map(Data::Date));
    }
    if types.contains(RecordType::Mechanism) {
        out.extend(mechanism::mechanisms(text).into_iter().map(Data::Mechanism));
    }
    if types.contains(RecordType::Measure) {
        out.extend(measure::measures(text).into_iter().map(Data::Measure));
    }
    if types.contains(RecordType::PolicyDoc) {
        out.extend(citation::policy_docs(text).into_iter().map(Data::PolicyDoc));
    }
    out
}
