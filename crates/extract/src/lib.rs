//! Extract structured facts from Chinese government reports.
//!
//! Each extractor reads a whole cleaned document (paragraphs separated by `\n`) once and
//! returns its facts left to right, with char offsets; the ingest pipeline gives them a
//! section, a place and a sentence and makes [`Record`]s of them. Every extractor's work
//! is linear in the text (`tests/linear.rs` holds them to it), and [`find_all`] reads a
//! huge document in [`windows`] of at most [`WINDOW_CHARS`], so its memory is bounded too.
//!
//! - [`quantity`]: [`quantities`]: number + unit, exact value in base units (`93.33万件` →
//!   933300 件), unit, kind, approximation, bound or range, result/target status, subject.
//! - [`mechanism`]: named practices, quoted (“放管服”, “1211”) or number shorthand
//!   (三项制度), with a normalised key and the expansion the text spells out.
//! - [`catalogue`]: the indicator catalogue (`dictionaries/indicators.tsv`): official
//!   names of statistical indicators and the other ways reports write them; a
//!   quantity's `indicator` is the one its subject names.
//! - [`meaning`]: what a quantity measures — level or change, its direction (falls are
//!   signed), one year or several, total, per head, share or ratio.
//! - [`period`], [`frame`]: when it holds — the time words of reports (`过去一年`,
//!   `“十四五”时期`), the frame each paragraph stands in, and each quantity's period
//!   (`period_from`, `period_to`, `ref_year`) and status in a work report.
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

pub mod catalogue;
mod chars;
pub mod citation;
pub mod date;
pub mod decimal;
pub mod frame;
mod lexicon;
mod lists;
pub mod meaning;
pub mod measure;
pub mod mechanism;
pub mod number;
pub mod period;
pub mod quantity;
pub mod record;
#[cfg(test)]
mod test_support;
pub mod units;

pub use decimal::Decimal;
pub use lexicon::LEXICONS;
pub use quantity::{quantities, Quantity};
pub use record::{Data, DocRegion, DocumentInfo, Record, RecordType, Region, TypeSet};

/// Longest stretch of a document the extractors read at once, in chars (3 MB of Chinese
/// text; a report is 20 000 chars).
pub const WINDOW_CHARS: usize = 1 << 20;

/// Every fact of the types in `types` found in `text` (a whole cleaned document,
/// paragraphs separated by `\n`), window by window ([`windows`] of at most
/// [`WINDOW_CHARS`]): in each window by extractor, each left to right; offsets in chars.
/// Document records are made by the caller, which knows the title and places.
pub fn find_all(text: &str, types: TypeSet) -> Vec<Data> {
    windows(text, WINDOW_CHARS)
        .into_iter()
        .flat_map(|(offset, window)| find_in_window(window, offset, types))
        .collect()
}

/// The facts of one window of a document that starts at char `offset` (see [`windows`]),
/// by extractor, each left to right; offsets in chars from the start of the document.
/// Windows are independent: a caller may hold one window's facts at a time, or read
/// several windows at once.
pub fn find_in_window(window: &str, offset: usize, types: TypeSet) -> Vec<Data> {
    let mut found = Vec::new();
    find_in(window, types, &mut found);
    found.iter_mut().for_each(|d| d.shift(offset));
    found
}

/// The facts of one window, offsets in chars from its start.
fn find_in(text: &str, types: TypeSet, out: &mut Vec<Data>) {
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
}

/// `(char offset, text)` of the windows of a document, each at most `max` chars: the
/// whole text when it fits (every report does), else cut after the last line break in
/// the second half of the window, else after its last sentence end (。！？!?), else at
/// `max`. So the work and memory of an extractor are bounded by the window, however
/// long a document or a line without breaks is; a fact never spans two windows, and
/// what an extractor reads around a fact (a name quoted elsewhere, the year of a
/// paragraph, the time word an earlier sentence of its paragraph opened with, the rest
/// of a list) stops at the window's edge.
///
/// ```
/// let text = "一是加强领导。\n二是完善制度。";
/// let w = govmine_extract::windows(text, 10);
/// assert_eq!(w, [(0, "一是加强领导。\n"), (8, "二是完善制度。")]);
/// ```
pub fn windows(text: &str, max: usize) -> Vec<(usize, &str)> {
    let max = max.max(2);
    let mut out = Vec::new();
    let mut start = Cut::default();
    // Just past the last line break and the last sentence end of the window.
    let (mut line, mut stop) = (None::<Cut>, None::<Cut>);
    for (c, (b, ch)) in text.char_indices().enumerate() {
        if c - start.char == max {
            let late = |p: &Cut| p.char > start.char + max / 2;
            let cut = line
                .filter(late)
                .or(stop.filter(late))
                .unwrap_or(Cut { byte: b, char: c });
            out.push((start.char, &text[start.byte..cut.byte]));
            start = cut;
            line = None;
            stop = stop.filter(|p| p.char > cut.char);
        }
        let next = Cut {
            byte: b + ch.len_utf8(),
            char: c + 1,
        };
        match ch {
            '\n' => line = Some(next),
            '。' | '！' | '？' | '!' | '?' => stop = Some(next),
            _ => {}
        }
    }
    out.push((start.char, &text[start.byte..]));
    out
}

/// A place in a text, as byte and char offsets.
#[derive(Clone, Copy, Default)]
struct Cut {
    byte: usize,
    char: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::seed;

    #[test]
    fn windows_cover_the_text_and_cut_at_line_breaks_then_sentence_ends() {
        let text = format!("{}\n{}", seed("000"), "法治政府建设。".repeat(300));
        let w = windows(&text, 1000);
        assert_eq!(w.iter().map(|(_, t)| *t).collect::<String>(), text);
        let mut at = 0;
        for &(offset, t) in &w {
            assert_eq!(offset, at);
            let n = t.chars().count();
            assert!(n <= 1000, "{n}");
            at += n;
        }
        // The seed has line breaks: its windows end with one; the long line at a 。.
        assert!(w[0].1.ends_with('\n') && w[1].1.ends_with('\n'));
        assert!(w[w.len() - 2].1.ends_with('。'));
        // No break at all: cut at the limit.
        let line = "法".repeat(25);
        let w = windows(&line, 10);
        assert_eq!(w.iter().map(|&(o, _)| o).collect::<Vec<_>>(), [0, 10, 20]);
    }

    #[test]
    fn facts_found_by_window_are_those_of_the_whole_text() {
        // Quantities and dates read no further than their paragraph: windows cut at line
        // breaks find the same ones, at the same offsets.
        let text: String = ["000", "001", "002", "003", "004"].map(seed).join("\n");
        let types = TypeSet::of(&[RecordType::Quantity, RecordType::Date]);
        let find = |max: usize| -> Vec<Data> {
            windows(&text, max)
                .into_iter()
                .flat_map(|(offset, window)| find_in_window(window, offset, types))
                .collect()
        };
        // What a quantity's paragraph said before it (`clause`, read for its period)
        // stops at a window's edge, which can cut a long paragraph at a sentence end.
        let unread = |mut d: Data| {
            if let Data::Quantity(q) = &mut d {
                q.clause = Default::default();
            }
            d
        };
        let whole: Vec<Data> = find(usize::MAX).into_iter().map(unread).collect();
        let mut by_window: Vec<Data> = find(2000).into_iter().map(unread).collect();
        assert!(windows(&text, 2000).len() > 10);
        let key = |d: &Data| (d.span(), d.record_type());
        by_window.sort_by_key(key);
        let mut whole_sorted = whole.clone();
        whole_sorted.sort_by_key(key);
        assert!(whole.len() > 300, "{}", whole.len());
        assert_eq!(by_window, whole_sorted);
    }
}
