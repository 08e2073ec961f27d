//! Bytes → `String`, keeping what can be kept.
//!
//! Order: BOM (UTF-8, UTF-16 LE/BE) → UTF-16 without BOM (NUL bytes mostly on one parity
//! in the first 64 KB, and the result ≥ 95 % plausible CJK/ASCII text) → valid UTF-8 →
//! otherwise the candidate encoding that reads the whole file best (`choose.rs`: UTF-8
//! with U+FFFD for a few invalid bytes, GB18030, Big5, chardetng's guess), refused by
//! name when even the best one leaves over 1 % replacement chars or reads as mojibake.
//!
//! - A file that is UTF-8 but for a few bytes is read as UTF-8, each invalid sequence a
//!   U+FFFD, counted in [`Decoded::replaced`] (the caller warns). This is decided on the
//!   whole file, not a window: one stray byte near the start no longer sends a report to
//!   chardetng's GB18030 guess.
//! - Big5 (Big5-HKSCS as WHATWG defines it) is a candidate of its own, scored on the
//!   whole file, so traditional-character reports are read as Big5, not GB18030 mojibake.
//! - Binary (`controls.rs`): for a plain file, [`decode`] counts NUL and control bytes
//!   over the whole file, so the answer is the same wherever they are: over 5 % is
//!   [`DecodeError::Binary`], fewer are removed and counted in [`Decoded::removed`]. (For
//!   UTF-16 the test runs on the decoded text.) A record corpus is read with
//!   [`decode_records`], which keeps NULs and never refuses the whole file as binary:
//!   the caller applies [`scrub`] to each record, so a NUL line is one skipped record.
//!   Either way no NUL or control byte reaches the text that is indexed.

mod choose;
mod controls;

pub use controls::{scrub, strip_controls, Scrubbed};

use serde::Serialize;

/// How many leading bytes the UTF-16 sniffer looks at.
const SNIFF: usize = 64 * 1024;

/// A decoded text, the encoding it was found in, and what was lost on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a leading BOM.
    pub text: String,
    /// The encoding the bytes were decoded from.
    pub encoding: Encoding,
    /// Invalid byte sequences replaced by U+FFFD.
    pub replaced: usize,
    /// NUL and control bytes removed ([`decode`]; [`decode_records`] leaves them).
    pub removed: usize,
}

/// The encoding a file was decoded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Encoding {
    /// UTF-8 without BOM (also ASCII).
    Utf8,
    /// UTF-8 with a leading BOM.
    Utf8Bom,
    /// UTF-16 little endian (with BOM, or detected by its NUL pattern).
    Utf16Le,
    /// UTF-16 big endian (with BOM, or detected by its NUL pattern).
    Utf16Be,
    /// GB18030 (GBK and GB2312 are subsets, so they decode as this).
    Gb18030,
    /// Big5 with the HKSCS extensions (WHATWG's Big5).
    Big5,
    /// Another legacy encoding guessed by chardetng (its WHATWG name, e.g. `Shift_JIS`).
    Other(&'static str),
}

impl Encoding {
    /// Short lowercase name for summaries (`utf-8`, `utf-8-bom`, `utf-16le`, `gb18030`,
    /// `big5`…).
    pub fn name(&self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8-bom",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Gb18030 => "gb18030",
            Encoding::Big5 => "big5",
            Encoding::Other(name) => name,
        }
    }

    /// The typed encoding of an encoding_rs one (GBK is read as GB18030).
    fn of(enc: &'static encoding_rs::Encoding) -> Encoding {
        match enc {
            e if e == encoding_rs::UTF_8 => Encoding::Utf8,
            e if e == encoding_rs::UTF_16LE => Encoding::Utf16Le,
            e if e == encoding_rs::UTF_16BE => Encoding::Utf16Be,
            e if e == encoding_rs::GB18030 || e == encoding_rs::GBK => Encoding::Gb18030,
            e if e == encoding_rs::BIG5 => Encoding::Big5,
            e => Encoding::Other(e.name()),
        }
    }
}

/// For people: `UTF-8`, `UTF-8 (BOM)`, `UTF-16LE`, `GB18030`, `Big5`, `Shift_JIS`…
impl std::fmt::Display for Encoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 (BOM)",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Gb18030 => "GB18030",
            Encoding::Big5 => "Big5",
            Encoding::Other(name) => name,
        })
    }
}

/// Why bytes could not be turned into a text report.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// No bytes, or only whitespace.
    #[error("file is empty (no text), nothing to index; remove it or re-export the report")]
    Empty,
    /// Over 5 % NUL or control bytes (outside UTF-16).
    #[error("file is binary (NUL or control bytes), not a text report; convert it to .txt or .html first")]
    Binary,
    /// The best reading still left more than 1% of the text (and more than a few bytes)
    /// undecodable.
    #[error("file is not decodable as text (best guess {guess} left >1% invalid bytes); re-save it as UTF-8")]
    Undecodable {
        /// The encoding that read it best.
        guess: Encoding,
    },
    /// The best reading decodes but is mostly chars no report holds (mojibake).
    #[error("file is not decodable as text (read as {guess} it is mostly unlikely characters); re-save it as UTF-8")]
    Garbled {
        /// The encoding that read it best.
        guess: Encoding,
    },
}

impl DecodeError {
    /// Short key for summaries: `empty`, `binary`, `undecodable`.
    pub fn reason(&self) -> &'static str {
        match self {
            DecodeError::Empty => "empty",
            DecodeError::Binary => "binary",
            DecodeError::Undecodable { .. } | DecodeError::Garbled { .. } => "undecodable",
        }
    }
}

/// Decode a plain file (text, HTML). Never panics.
///
/// The binary test looks at the whole file: over 5 % NUL or control bytes is
/// [`DecodeError::Binary`]; fewer are removed and counted in [`Decoded::removed`]. A few
/// invalid byte sequences become U+FFFD, counted in [`Decoded::replaced`]. A text that is
/// empty after decoding (a lone BOM) is [`DecodeError::Empty`].
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    non_blank(bytes)?;
    let decoded = match utf16(bytes) {
        Some(d) => d?,
        None if controls::binary_like(controls::count(bytes), bytes.len()) => {
            return Err(DecodeError::Binary)
        }
        None => ascii_compatible(bytes)?,
    };
    non_empty(without_controls(decoded)?)
}

/// Decode a record corpus (JSONL, CSV) as [`decode`] does, but without the binary test
/// and with NUL and control bytes left in: the caller tests and cleans each record with
/// [`scrub`], so one binary line costs one record, not the file. Never panics.
pub fn decode_records(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    non_blank(bytes)?;
    let decoded = match utf16(bytes) {
        Some(d) => d?,
        None => ascii_compatible(bytes)?,
    };
    non_empty(decoded)
}

fn non_blank(bytes: &[u8]) -> Result<(), DecodeError> {
    match bytes.iter().all(|b| b.is_ascii_whitespace()) {
        true => Err(DecodeError::Empty),
        false => Ok(()),
    }
}

fn non_empty(decoded: Decoded) -> Result<Decoded, DecodeError> {
    match decoded
        .text
        .chars()
        .all(|c| c.is_whitespace() || c == '\u{feff}')
    {
        true => Err(DecodeError::Empty),
        false => Ok(decoded),
    }
}

/// The text without its NUL and control bytes, counted (binary when over 5 %).
fn without_controls(mut decoded: Decoded) -> Result<Decoded, DecodeError> {
    let scrubbed = scrub(&decoded.text)?;
    if scrubbed.removed > 0 {
        decoded.removed = scrubbed.removed;
        decoded.text = scrubbed.text.into_owned();
    }
    Ok(decoded)
}

/// UTF-16, by its BOM or (when the first 64 KB hold NULs) by its NUL pattern.
fn utf16(bytes: &[u8]) -> Option<Result<Decoded, DecodeError>> {
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Some(with_encoding(rest, encoding_rs::UTF_16LE));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Some(with_encoding(rest, encoding_rs::UTF_16BE));
    }
    let head = &bytes[..bytes.len().min(SNIFF)];
    if !head.contains(&0) {
        return None;
    }
    utf16_without_bom(bytes).map(Ok)
}

/// UTF-8 (with BOM, valid, or but for a few bytes) or a legacy encoding.
fn ascii_compatible(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return with_encoding(rest, encoding_rs::UTF_8).map(|d| Decoded {
            encoding: Encoding::Utf8Bom,
            ..d
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: text.to_owned(),
            encoding: Encoding::Utf8,
            replaced: 0,
            removed: 0,
        }),
        Err(_) => choose::choose(bytes),
    }
}

/// Invalid sequences a readable text may hold whatever its length: a short report with a
/// stray byte or two is read, not refused.
const FEW_REPLACED: usize = 3;

/// Too many invalid sequences to call a text of `chars` chars readable: more than
/// [`FEW_REPLACED`] and more than 1 % of its chars.
fn too_many_replaced(replaced: usize, chars: usize) -> bool {
    replaced > FEW_REPLACED && replaced * 100 > chars
}

/// Decode with one encoding (no BOM handling); refuse too many replacement chars
/// ([`too_many_replaced`]).
fn with_encoding(
    bytes: &[u8],
    enc: &'static encoding_rs::Encoding,
) -> Result<Decoded, DecodeError> {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    let encoding = Encoding::of(enc);
    let (mut total, mut replaced) = (0usize, 0usize);
    if had_errors {
        for c in text.chars() {
            total += 1;
            replaced += usize::from(c == '\u{fffd}');
        }
        if too_many_replaced(replaced, total) {
            return Err(DecodeError::Undecodable { guess: encoding });
        }
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding,
        replaced,
        removed: 0,
    })
}

/// UTF-16 without BOM: NULs sit (almost) all on odd positions (LE: ASCII `a\0`) or
/// even positions (BE: `\0a`), and the decoded text is mostly CJK/ASCII.
fn utf16_without_bom(bytes: &[u8]) -> Option<Decoded> {
    let head = &bytes[..bytes.len().min(SNIFF) & !1];
    if head.len() < 2 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in head.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let pairs = head.len() / 2;
    // ASCII (digits, commas, newlines) gives the NULs; CJK chars like U+4E00 give a
    // few on the other parity.
    let enc = if odd * 100 >= pairs && even * 4 <= odd {
        encoding_rs::UTF_16LE
    } else if even * 100 >= pairs && odd * 4 <= even {
        encoding_rs::UTF_16BE
    } else {
        return None;
    };
    let (sample, _) = enc.decode_without_bom_handling(head);
    let (mut total, mut plausible) = (0usize, 0usize);
    for c in sample.chars() {
        total += 1;
        plausible += usize::from(plausible_char(c));
    }
    if total == 0 || plausible * 100 < total * 95 {
        return None;
    }
    with_encoding(bytes, enc).ok()
}

/// A char a Chinese report plausibly contains.
fn plausible_char(c: char) -> bool {
    matches!(c,
        '\t' | '\n' | '\r' | ' '..='~'
        | '\u{a0}'..='\u{17f}'
        | '\u{2000}'..='\u{206f}'
        | '\u{2100}'..='\u{2bff}'
        | '\u{3000}'..='\u{303f}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{fe30}'..='\u{fe4f}'
        | '\u{ff00}'..='\u{ffef}'
        | '\u{feff}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seeds;

    fn utf16(s: &str, le: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::with_capacity(s.len() * 2 + 2);
        if bom {
            out.extend_from_slice(if le { b"\xFF\xFE" } else { b"\xFE\xFF" });
        }
        for u in s.encode_utf16() {
            out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        out
    }

    #[test]
    fn seeds_decode_identically_in_every_encoding() {
        for seed in seeds::ALL {
            let (gb, _, unmappable) = encoding_rs::GB18030.encode(seed);
            assert!(!unmappable);
            let mut bom = b"\xEF\xBB\xBF".to_vec();
            bom.extend_from_slice(seed.as_bytes());
            let cases: Vec<(Vec<u8>, Encoding)> = vec![
                (seed.as_bytes().to_vec(), Encoding::Utf8),
                (bom, Encoding::Utf8Bom),
                (gb.into_owned(), Encoding::Gb18030),
                (utf16(seed, true, true), Encoding::Utf16Le),
                (utf16(seed, false, true), Encoding::Utf16Be),
                (utf16(seed, true, false), Encoding::Utf16Le),
                (utf16(seed, false, false), Encoding::Utf16Be),
            ];
            for (bytes, enc) in cases {
                let d = decode(&bytes).unwrap_or_else(|e| panic!("{enc:?}: {e}"));
                assert_eq!(d.encoding, enc);
                assert!(d.text == seed, "{enc:?} decoded differently");
            }
        }
    }

    #[test]
    fn short_gbk_paragraph_is_gb18030() {
        let s = "濮阳市司法局赴驻马店市学习考察报告。市委、市政府主要领导对法治政府建设亲自谋划、安排部署。";
        let (gb, _, _) = encoding_rs::GBK.encode(s);
        let d = decode(&gb).unwrap();
        assert_eq!(d.encoding, Encoding::Gb18030);
        assert_eq!(d.text, s);
    }

    #[test]
    fn gbk_html_with_long_ascii_head_is_gb18030() {
        let head = format!(
            "<html><head><script>{}</script></head><body>",
            "var a = 1;\n".repeat(600)
        );
        let page = format!("{head}<p>{}</p></body></html>", seeds::S003);
        let (gb, _, _) = encoding_rs::GB18030.encode(&page);
        let d = decode(&gb).unwrap();
        assert_eq!(d.encoding, Encoding::Gb18030);
        assert_eq!(d.text, page);
    }

    #[test]
    fn bom_is_stripped_and_ascii_is_utf8() {
        let d = decode(b"\xEF\xBB\xBFhello").unwrap();
        assert_eq!((d.text.as_str(), d.encoding.name()), ("hello", "utf-8-bom"));
        let d = decode(b"plain ascii report").unwrap();
        assert_eq!(d.encoding, Encoding::Utf8);
    }

    #[test]
    fn empty_and_whitespace_are_empty() {
        for bytes in [
            &b""[..],
            b"   \n\t\r\n",
            b"\xEF\xBB\xBF \n",
            b"\xFF\xFE",
            b"\xFF\xFE \x00\n\x00",
        ] {
            assert_eq!(decode(bytes), Err(DecodeError::Empty), "{bytes:?}");
        }
        assert_eq!(DecodeError::Empty.reason(), "empty");
    }

    #[test]
    fn binary_is_refused() {
        let mut png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00".to_vec();
        let mut x = 0x1234_5678u32;
        for _ in 0..4000 {
            x = x.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            png.push((x >> 24) as u8);
        }
        let err = decode(&png).unwrap_err();
        assert_eq!(err, DecodeError::Binary);
        assert_eq!(err.reason(), "binary");
        assert!(err.to_string().contains("binary"));
        // Control bytes without NULs.
        let ctl: Vec<u8> = (0..2000)
            .map(|i| if i % 3 == 0 { 0x01 } else { b'a' })
            .collect();
        assert_eq!(decode(&ctl), Err(DecodeError::Binary));
        // A text with NULs that is not UTF-16.
        assert_eq!(
            decode(b"abc\x00\x00\x00\x00def\x00\x00\x00ghi"),
            Err(DecodeError::Binary)
        );
    }

    #[test]
    fn undecodable_names_its_guess() {
        let e = DecodeError::Undecodable {
            guess: Encoding::Gb18030,
        };
        assert_eq!(e.reason(), "undecodable");
        assert!(e.to_string().contains("GB18030"));
    }

    /// Insert `extra` at the first char boundary at or after `at`.
    fn insert_at(text: &str, at: usize, extra: &[u8]) -> Vec<u8> {
        let at = (at..=text.len())
            .find(|&i| text.is_char_boundary(i))
            .unwrap();
        let mut out = text.as_bytes()[..at].to_vec();
        out.extend_from_slice(extra);
        out.extend_from_slice(&text.as_bytes()[at..]);
        out
    }

    /// The first 1500 chars of the 1954 national report (traditional characters, line 72
    /// of ../shared/corpus/national-work-reports.jsonl), with the four forms Big5 lacks
    /// (the variants 爲 産, the simplified 届 麽) written as Big5 has them.
    fn report_1954() -> String {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/corpus/national-work-reports.jsonl"
        );
        let all = std::fs::read_to_string(path).expect("../shared/corpus");
        let line = all.lines().nth(71).unwrap();
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["year"], "1954");
        v["content"]
            .as_str()
            .unwrap()
            .chars()
            .take(1500)
            .collect::<String>()
            .replace('爲', "為")
            .replace('産', "產")
            .replace('届', "屆")
            .replace('麽', "麼")
    }

    #[test]
    fn one_stray_byte_in_a_utf8_report_is_read_as_utf8() {
        // 0xFF at byte ~100 of 酒泉's report, inside the first 4 KB.
        let bytes = insert_at(seeds::S001, 100, b"\xFF");
        let d = decode(&bytes).unwrap();
        assert_eq!((d.encoding, d.replaced, d.removed), (Encoding::Utf8, 1, 0));
        assert_eq!(d.text, String::from_utf8_lossy(&bytes));
        assert_eq!(d.text.matches('\u{fffd}').count(), 1);
        // Anywhere in any seed, and a byte cut out of a char: the rest is the seed.
        for seed in seeds::ALL {
            for at in [0, 1, 5000, seed.len() - 1] {
                let bytes = insert_at(seed, at, b"\xFF");
                let d = decode(&bytes).unwrap();
                assert_eq!((d.encoding, d.replaced), (Encoding::Utf8, 1), "at {at}");
                assert_eq!(d.text.replace('\u{fffd}', ""), seed);
            }
            let cut = (200..).find(|&i| seed.is_char_boundary(i)).unwrap();
            let mut bytes = seed.as_bytes().to_vec();
            bytes.remove(cut + 1);
            let d = decode(&bytes).unwrap();
            assert_eq!((d.encoding, d.replaced), (Encoding::Utf8, 1));
        }
    }

    #[test]
    fn mostly_ascii_utf8_with_a_stray_byte_is_utf8_not_gb18030() {
        let page = format!(
            "<html><head><script>{}</script><!-- caf\u{1}e --></head><body><p>{}</p>{}</body></html>",
            "var a = 1;\n".repeat(300),
            "行政机关负责人出庭应诉率为75%。全市共聘请法律顾问434人。",
            "<p>footer</p>\n".repeat(100),
        );
        let bytes: Vec<u8> = page
            .bytes()
            .map(|b| if b == 1 { 0xE9 } else { b })
            .collect();
        let d = decode(&bytes).unwrap();
        assert_eq!((d.encoding, d.replaced), (Encoding::Utf8, 1));
        assert_eq!(d.text, page.replace('\u{1}', "\u{fffd}"));
    }

    #[test]
    fn gb18030_with_a_stray_byte_stays_gb18030() {
        let (gb, _, _) = encoding_rs::GB18030.encode(seeds::S003);
        let mut bytes = gb.into_owned();
        bytes.insert(0, 0xFF);
        let d = decode(&bytes).unwrap();
        assert_eq!((d.encoding, d.replaced), (Encoding::Gb18030, 1));
        assert_eq!(d.text, format!("\u{fffd}{}", seeds::S003));
    }

    #[test]
    fn big5_is_read_as_big5() {
        let text = report_1954();
        let (big5, _, unmappable) = encoding_rs::BIG5.encode(&text);
        assert!(!unmappable);
        let d = decode(&big5).unwrap();
        assert_eq!((d.encoding, d.replaced), (Encoding::Big5, 0));
        assert!(d.text == text, "Big5 read as {:?}", d.encoding);
        // A short paragraph too (the first 200 chars), and the same text in GBK.
        let short: String = text.chars().take(200).collect();
        let (big5, _, _) = encoding_rs::BIG5.encode(&short);
        let d = decode(&big5).unwrap();
        assert!(d.text == short, "Big5 read as {:?}", d.encoding);
        let (gbk, _, _) = encoding_rs::GBK.encode(&text);
        assert_eq!(decode(&gbk).unwrap().encoding, Encoding::Gb18030);
    }

    #[test]
    fn big5_that_does_not_decode_cleanly_is_refused_by_name() {
        // Every 40th byte of the Big5 report becomes 0x80, invalid in Big5 and GB18030.
        let text = report_1954();
        let (big5, _, _) = encoding_rs::BIG5.encode(&text);
        let broken: Vec<u8> = big5
            .iter()
            .enumerate()
            .map(|(i, &b)| if i % 40 == 39 { 0x80 } else { b })
            .collect();
        let err = decode(&broken).unwrap_err();
        assert_eq!(
            err,
            DecodeError::Undecodable {
                guess: Encoding::Big5
            }
        );
        assert!(err.to_string().contains("Big5"), "{err}");
    }

    #[test]
    fn high_bytes_that_no_candidate_reads_are_refused() {
        // GB18030 decodes most pairs of high bytes, as chars no report holds.
        let mut x = 7u32;
        let bytes: Vec<u8> = (0..3000)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                (x >> 16) as u8 | 0x80
            })
            .collect();
        let err = decode(&bytes).unwrap_err();
        assert_eq!(err.reason(), "undecodable", "{err}");
    }

    #[test]
    fn stray_nuls_give_the_same_decision_at_any_offset() {
        // The five seeds in one 85 KB text; NULs at byte 10, or past 64 KB.
        let all: String = seeds::ALL.concat();
        assert!(all.len() > 80 * 1024);
        for at in [10, 70_000] {
            let bytes = insert_at(&all, at, b"\0\0\0");
            let d = decode(&bytes).unwrap_or_else(|e| panic!("NULs at {at}: {e}"));
            assert_eq!((d.encoding, d.removed, d.replaced), (Encoding::Utf8, 3, 0));
            assert!(d.text == all, "NULs at {at} are still in the text");
        }
        // A 4 KB run of NULs in a 10 KB report is binary, wherever it is.
        for at in [0, 5000, seeds::S004.len()] {
            let bytes = insert_at(seeds::S004, at, &[0; 4096]);
            assert_eq!(decode(&bytes), Err(DecodeError::Binary), "at {at}");
        }
    }

    #[test]
    fn record_corpora_keep_their_nuls_for_the_records_to_judge() {
        // A NUL line between two records; decode() alone would call it binary.
        let jsonl = format!(
            "{{\"content\": \"{}\"}}\n{}\n{{\"content\": \"推行三项制度。\"}}\n",
            "推进行政执法。",
            "\0".repeat(100)
        );
        assert_eq!(decode(jsonl.as_bytes()), Err(DecodeError::Binary));
        let d = decode_records(jsonl.as_bytes()).unwrap();
        assert_eq!((d.encoding, d.removed), (Encoding::Utf8, 0));
        assert_eq!(d.text, jsonl);
        let lines: Vec<_> = d.text.lines().map(scrub).collect();
        assert!(lines[0].is_ok() && lines[2].is_ok());
        assert_eq!(lines[1], Err(DecodeError::Binary));
        // In GB18030 too.
        let (gb, _, _) = encoding_rs::GB18030.encode(&jsonl);
        let d = decode_records(&gb).unwrap();
        assert_eq!(
            (d.encoding, d.text.as_str()),
            (Encoding::Gb18030, jsonl.as_str())
        );
    }

    #[test]
    fn never_panics_on_arbitrary_bytes() {
        let mut x = 42u32;
        let mut next = move || {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (x >> 16) as u8
        };
        let seed = seeds::S000.as_bytes();
        let mut inputs: Vec<Vec<u8>> = vec![
            (0..=255).collect(),
            (0..=255).rev().collect(),
            vec![0xff; 100],
            vec![0xfe, 0xff, 0xd8],
            vec![0xff, 0xfe, 0x00, 0xd8],
            vec![0x81; 33],
            b"\x00a\x00b\x00".to_vec(),
            b"a\x00b\x00c".to_vec(),
        ];
        for len in [1, 2, 3, 7, 64, 1000, 70_000] {
            inputs.push((0..len).map(|_| next()).collect());
            inputs.push((0..len).map(|_| next() & 0x7f | 0x20).collect());
            inputs.push((0..len).map(|_| next() | 0x80).collect());
        }
        let s002: String = seeds::S002.chars().take(300).collect();
        for cut in 0..40 {
            inputs.push(seed[..seed.len() - cut].to_vec());
            inputs.push(seed[cut..cut + 50].to_vec());
            inputs.push(utf16(&s002, true, false)[cut..].to_vec());
        }
        for bytes in inputs {
            if let Ok(d) = decode_records(&bytes) {
                for line in d.text.lines() {
                    let _ = scrub(line);
                }
            }
            if let Ok(d) = decode(&bytes) {
                assert!(!d.text.trim().is_empty());
                assert!(!d.text.contains('\0'));
                let _ = crate::process(&d.text, &crate::Hints::default());
                let _ = crate::process(
                    &d.text,
                    &crate::Hints {
                        html: true,
                        ..Default::default()
                    },
                );
            }
        }
    }
}
