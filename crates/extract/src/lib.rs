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
pub mod units;

pub use decimal::Decimal;
pub use quantity::{quantities, Quantity};
