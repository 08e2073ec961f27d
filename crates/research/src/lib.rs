//! Cross-city questions answered from a govmine index alone, without re-reading the
//! corpus.
//!
//! - [`mechanisms()`]: every mechanism with the places, documents and years that name it;
//!   [`mechanism()`]: one mechanism place by place, with the sentence and expansion.
//! - [`compare()`]: the value each place states for an indicator (`出庭应诉率`,
//!   `生产总值 --unit 元`), best match per place, year, status and unit.
//! - [`trend()`]: occurrences of a term per year or place, raw and per 10,000 chars.
//! - [`regions()`]: the places in the index with their documents, passages and records.
//! - [`suggest`]: the closest keys or indicators when nothing matches.
//! - [`catalogue`]: the official indicator names and their aliases, which `compare`
//!   resolves a name through.
//!
//! Each reads fast fields through [`govmine_index::IndexSearcher`]'s scans and reads
//! stored JSON or text only for what it shows.
//!
//! ```no_run
//! use govmine_index::{Filter, IndexSearcher};
//! use govmine_research::{compare, CompareRequest};
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let segmenter = govmine_segment::SegmenterBuilder::new().build()?;
//! let searcher = IndexSearcher::open("index".as_ref(), &segmenter)?;
//! let req = CompareRequest { indicator: "出庭应诉率".into(), ..Default::default() };
//! for row in compare(&searcher, &segmenter, &req)?.rows {
//!     println!("{} {} {}{}", row.place, row.year.unwrap_or(0), row.value, row.unit);
//! }
//! # Ok(()) }
//! ```

#![deny(missing_docs)]

pub use govmine_extract::catalogue;
pub mod compare;
mod error;
pub mod fact;
pub mod mechanisms;
pub mod place;
pub mod regions;
pub mod suggest;
pub mod trend;

pub use compare::{compare, CompareRequest, CompareRow, Comparison, Relation};
pub use error::{Error, Result};
pub use mechanisms::{mechanism, mechanisms, MechanismMention, MechanismReport, MechanismSummary};
pub use regions::{regions, RegionRow};
pub use trend::{trend, Trend, TrendBy, TrendRow};
