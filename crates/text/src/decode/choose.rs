//! Bytes that are not valid UTF-8: which encoding reads them best.
//!
//! Candidates: UTF-8 read lossily, GB18030 (GBK and GB2312 are subsets), Big5 (as WHATWG
//! defines it, i.e. with the HKSCS extensions), and chardetng's guess when it is another
//! encoding (Shift_JIS, windows-1252 …). chardetng alone cannot choose: with the `cn`
//! hint it guesses GBK for Big5 text, without it Big5 for Big5 but windows-1252 for some
//! GBK windows (measured on the 1954–2025 national reports encoded both ways). So every
//! candidate reads the whole file and is scored on the evidence of all of it:
//!
//! - `replaced`: invalid byte sequences (one U+FFFD each);
//! - `unlikely`: chars a Chinese report seldom holds: not ASCII and not in GB2312 or the
//!   Big5 symbols and level-1 hanzi (the common simplified and traditional chars, with
//!   full-width forms, CJK punctuation, pinyin letters, kana …). NUL and control chars
//!   count for nothing.
//!
//! The candidate with the fewest `replaced + unlikely` wins, UTF-8 first on a tie, then
//! GB18030, Big5, the guess. Real text scores ~99 % likely read right (the 1954 report,
//! with its variant forms 産 爲, 98.5 %) and 25–63 % read wrong: Big5 as GB18030 is
//! 63 % likely, GB18030 as Big5 55–74 %, UTF-8 as GB18030 ~48 %, so a report is never
//! read as mojibake while its right encoding is a candidate. The winner is refused, by
//! its name, when over 1 % of its chars are replacements ([`DecodeError::Undecodable`]),
//! or, for a legacy encoding, when over 20 % of its non-ASCII chars are unlikely and
//! they are over 1 % of all chars ([`DecodeError::Garbled`]: no candidate reads it). A
//! UTF-8 winner needs no likely chars: its byte structure is the evidence, so a Japanese
//! or Korean UTF-8 page with a stray byte is kept.

use std::sync::OnceLock;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};

use super::{DecodeError, Decoded, Encoding};

/// How many bytes chardetng sees (it is the slow part, ~12 MB/s).
const DETECT: usize = 4 * 1024;
/// Chars decoded at a time while scoring a legacy candidate.
const CHUNK: usize = 64 * 1024;

/// What a candidate makes of the whole file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Score {
    /// Chars, NUL and control chars left out.
    chars: usize,
    /// Of those, not ASCII.
    non_ascii: usize,
    /// Invalid byte sequences (each one U+FFFD).
    replaced: usize,
    /// Chars a Chinese report seldom holds.
    unlikely: usize,
}

impl Score {
    fn add(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_ascii() {
                self.chars += usize::from(!c.is_ascii_control() || c.is_ascii_whitespace());
                continue;
            }
            self.chars += 1;
            self.non_ascii += 1;
            self.unlikely += usize::from(!likely(c));
        }
    }

    fn badness(&self) -> usize {
        self.replaced + self.unlikely
    }

    /// Too many chars replaced ([`super::too_many_replaced`]).
    fn undecodable(&self) -> bool {
        super::too_many_replaced(self.replaced, self.chars)
    }

    /// Over 20 % of the non-ASCII chars unlikely, and over 1 % of all chars.
    fn garbled(&self) -> bool {
        self.unlikely * 5 > self.non_ascii && self.unlikely * 100 > self.chars
    }
}

/// A reading of the bytes and its place in the tie-break order (lower wins a tie).
#[derive(Debug, Clone, Copy)]
struct Candidate {
    enc: &'static encoding_rs::Encoding,
    rank: u8,
}

/// Read bytes that are not valid UTF-8 with the candidate that scores best.
pub(super) fn choose(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let mut best: Option<(Candidate, Score)> = None;
    for cand in candidates(bytes) {
        let bound = best.map(|(c, s)| (s.badness(), c.rank));
        if let Some(score) = score(bytes, cand, bound) {
            best = Some((cand, score));
        }
    }
    let (cand, score) = best.expect("nothing bounds the first candidate");
    accept(bytes, cand.enc, score)
}

/// The winner's text, or its refusal by name.
fn accept(
    bytes: &[u8],
    enc: &'static encoding_rs::Encoding,
    score: Score,
) -> Result<Decoded, DecodeError> {
    let encoding = Encoding::of(enc);
    if score.undecodable() {
        return Err(DecodeError::Undecodable { guess: encoding });
    }
    if encoding != Encoding::Utf8 && score.garbled() {
        return Err(DecodeError::Garbled { guess: encoding });
    }
    // encoding_rs's UTF-8 decoder replaces exactly as the score counted (WHATWG).
    Ok(Decoded {
        text: enc.decode_without_bom_handling(bytes).0.into_owned(),
        encoding,
        replaced: score.replaced,
        removed: 0,
    })
}

/// The candidates, chardetng's guess first (so the others are cut short when it is
/// right), ranked UTF-8, GB18030, Big5, then the guess if it is another encoding (GBK is
/// read as its superset GB18030).
fn candidates(bytes: &[u8]) -> Vec<Candidate> {
    let guess = match guess(bytes) {
        g if g == encoding_rs::GBK => encoding_rs::GB18030,
        g => g,
    };
    let mut out = vec![Candidate {
        enc: guess,
        rank: 3,
    }];
    let ranked = [encoding_rs::UTF_8, encoding_rs::GB18030, encoding_rs::BIG5];
    for (rank, enc) in (0u8..).zip(ranked) {
        match enc == guess {
            true => out[0].rank = rank,
            false => out.push(Candidate { enc, rank }),
        }
    }
    out
}

/// chardetng's guess (no TLD hint) on 4 KB starting at the first non-ASCII byte (an HTML
/// head can be all ASCII), cut after an ASCII byte so no multi-byte char is split.
fn guess(bytes: &[u8]) -> &'static encoding_rs::Encoding {
    let from = bytes.iter().position(|b| !b.is_ascii()).unwrap_or(0);
    let window = &bytes[from..];
    let mut cut = window.len().min(DETECT);
    if cut < window.len() {
        cut = window[..cut]
            .iter()
            .rposition(|b| b.is_ascii())
            .map_or(cut, |p| p + 1);
    }
    let mut det = EncodingDetector::new(Iso2022JpDetection::Deny);
    det.feed(&window[..cut], true);
    det.guess(None, Utf8Detection::Allow)
}

/// The best so far, as `(badness, rank)`: a candidate is dropped as soon as it is worse.
type Bound = Option<(usize, u8)>;

/// The candidate's score over the whole file, or `None` once it is worse than `bound`.
fn score(bytes: &[u8], cand: Candidate, bound: Bound) -> Option<Score> {
    let worse = |s: &Score| bound.is_some_and(|b| (s.badness(), cand.rank) > b);
    let score = match cand.enc == encoding_rs::UTF_8 {
        true => utf8_score(bytes, &worse)?,
        false => legacy_score(bytes, cand.enc, &worse)?,
    };
    (!worse(&score)).then_some(score)
}

/// UTF-8 read lossily (each maximal invalid sequence is one U+FFFD), until `worse`.
fn utf8_score(bytes: &[u8], worse: &dyn Fn(&Score) -> bool) -> Option<Score> {
    let mut score = Score::default();
    for chunk in bytes.utf8_chunks() {
        score.add(chunk.valid());
        if !chunk.invalid().is_empty() {
            score.replaced += 1;
            score.chars += 1;
            if worse(&score) {
                return None;
            }
        }
    }
    Some(score)
}

/// A legacy encoding read over the whole file, `CHUNK` chars at a time, until `worse`.
fn legacy_score(
    bytes: &[u8],
    enc: &'static encoding_rs::Encoding,
    worse: &dyn Fn(&Score) -> bool,
) -> Option<Score> {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(CHUNK * 4);
    let mut score = Score::default();
    let mut src = bytes;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(src, &mut out, true);
        src = &src[read..];
        score.add(&out);
        out.clear();
        match result {
            encoding_rs::DecoderResult::InputEmpty => return Some(score),
            encoding_rs::DecoderResult::OutputFull => {}
            encoding_rs::DecoderResult::Malformed(..) => {
                score.replaced += 1;
                score.chars += 1;
            }
        }
        if worse(&score) {
            return None;
        }
    }
}

/// A char a Chinese report commonly holds (ASCII is counted apart).
fn likely(c: char) -> bool {
    let i = c as usize;
    (i < 0x10000 && common()[i / 64] & (1 << (i % 64)) != 0)
        || matches!(c, '\u{a0}' | '\u{200b}' | '\u{feff}')
}

/// The chars of GB2312 (symbols, full-width forms, kana, pinyin, 6763 hanzi) and of
/// Big5's symbols and level-1 hanzi (5401 common traditional chars), as a bitset over
/// the BMP, built once from encoding_rs's own tables.
fn common() -> &'static [u64; 1024] {
    static COMMON: OnceLock<Box<[u64; 1024]>> = OnceLock::new();
    COMMON.get_or_init(|| {
        let mut set = Box::new([0u64; 1024]);
        let gb_trails: Vec<u8> = (0xA1..=0xFE).collect();
        let big5_trails: Vec<u8> = (0x40..=0x7E).chain(0xA1..=0xFE).collect();
        let tables = [
            (encoding_rs::GBK, 0xA1..=0xF7, &gb_trails),
            (encoding_rs::BIG5, 0xA1..=0xC6, &big5_trails),
        ];
        for (enc, leads, trails) in tables {
            for lead in leads {
                for &trail in trails {
                    mark(&mut set, enc, [lead, trail]);
                }
            }
        }
        set
    })
}

/// Add the char `pair` decodes to in `enc` (not a private-use one) to `set`.
fn mark(set: &mut [u64; 1024], enc: &'static encoding_rs::Encoding, pair: [u8; 2]) {
    let (s, had_errors) = enc.decode_without_bom_handling(&pair);
    for c in s.chars() {
        let i = c as usize;
        if !had_errors && i < 0x10000 && !('\u{e000}'..='\u{f8ff}').contains(&c) {
            set[i / 64] |= 1 << (i % 64);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_chars_are_simplified_and_traditional_but_not_mojibake() {
        for c in "法治政府建设行政执法國民經濟憲法草案，。“”（）、：０１ＡāéのА".chars()
        {
            assert!(likely(c), "{c}");
        }
        // CJK extension A, private use, what UTF-8 中 becomes in windows-1252.
        for c in "㐀\u{e000}ä¸\u{ad}".chars() {
            assert!(!likely(c), "{c}");
        }
    }

    #[test]
    fn scores_count_replacements_and_unlikely_chars() {
        let all = |_: &Score| false;
        let s = utf8_score("法治 ok\u{0}".as_bytes(), &all).unwrap();
        assert_eq!((s.chars, s.non_ascii, s.replaced, s.unlikely), (5, 2, 0, 0));
        let s = utf8_score(b"a\xFFb\xE4\xB8", &all).unwrap();
        assert_eq!((s.chars, s.replaced), (4, 2));
        // 法治 in GBK, then a lone lead byte.
        let s = legacy_score(b"\xB7\xA8\xD6\xCE\x81", encoding_rs::GB18030, &all).unwrap();
        assert_eq!((s.chars, s.non_ascii, s.replaced, s.unlikely), (3, 2, 1, 0));
    }
}
