//! Extract structured facts from Chinese government reports.
//!
//! Each extractor reads a whole cleaned document (paragraphs separated by `\n`) once and
//! returns its facts left to right, with char offsets; the ingest pipeline gives them a
//! section, a place and a sentence and makes [`Record`]s of them.
//!
//! - [`quantity`]: [`quantities`]: number + unit, exact value in base units (`93.33万件` →
//!   933300 件), unit, kind, approximation, bound or range, result/target status, subject.
//! - [`mechanism`]: named practices, quoted (“放管服”, “1211”) or number shorthand
//!   (三项制度), with a normalised key and the expansion the text spells out.
//! - [`measure`]: enumerated items (一是…, 第一，…, 其一…).
//! - [`citation`]: cited documents in 《》 with their kind (意见, 条例 …).
//! - [`date`]: dates as ISO (`2017年9月23日` → 2017-09-23; partial dates and bare years).
//! - [`record`]: [`Record`], one fact with where it stands; [`RecordType`], [`TypeSet`].
//! - [`number`], [`decimal`]: numbers as written (`三万五`, `９３．３３`, `二十五億`) parsed
//!   exactly into a [`Decimal`] (`i128` mantissa, no floats: `16.4亿` is 1640000000).
//! - [`units`]: units and measure words (`dictionaries/units.tsv`) and numeral names that
//!   are not quantities (`dictionaries/numeral_names.txt`).
//!
//! Lexicons are plain data in `dictionaries/` (`lexicon`, [`LEXICONS`]).
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
mod lexicon;
pub mod measure;
pub mod mechanism;
pub mod number;
pub mod quantity;
pub mod record;
#[cfg(test)]
mod test_support;
pub mod units;

pub use decimal::Decimal;
pub use lexicon::LEXICONS;
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
