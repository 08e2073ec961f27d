//! Decode, clean and structure Chinese government reports.
//!
//! The first stages of govmine's one-way pipeline:
//!
//! 1. [`decode()`]: bytes → `String` (UTF-8 with or without BOM, GBK/GB18030, Big5,
//!    UTF-16 LE/BE), keeping what it can: a few invalid bytes become U+FFFD and stray NUL
//!    and control bytes are removed, both counted in [`Decoded`] for a warning; binary
//!    and undecodable input is refused with a [`DecodeError`] that says why (naming the
//!    encoding). Record corpora are read with [`decode_records`] and each record
//!    judged with [`scrub`].
//! 2. [`html`]: tags, scripts and styles stripped, block elements turned into line breaks.
//! 3. [`clean`]: web-page chrome (来源/作者/浏览次数/打印/关闭/分享/字号 lines, navigation
//!    crumbs, copyright and ICP lines) removed, with the metadata in it kept
//!    (发布日期, 作者, 来源).
//! 4. [`structure`]: sections (一、 （一） 1. 第一章 and bold-title lines), paragraphs and
//!    sentences with heading paths and char offsets; title, publish date and year.
//!
//! [`process`] runs 2–4 and returns a [`Document`], the model every later stage reads.
//! Its offsets are in chars; [`CharIndex`] turns them into byte offsets of the text.

pub mod clean;
pub mod decode;
pub mod html;
mod model;
mod offsets;
#[cfg(test)]
mod seeds;
pub mod structure;

pub use decode::{
    decode, decode_records, scrub, strip_controls, DecodeError, Decoded, Encoding, Scrubbed,
};
pub use model::{Document, HeadingKind, Hints, Paragraph, Section, Sentence, YearSource};
pub use offsets::CharIndex;

/// Clean and structure one decoded text.
pub fn process(text: &str, hints: &Hints) -> Document {
    let stripped;
    let text = if hints.html {
        stripped = html::strip(text);
        stripped.as_str()
    } else {
        text
    };
    let cleaned = clean::clean(text);
    structure::structure(cleaned, hints)
}
