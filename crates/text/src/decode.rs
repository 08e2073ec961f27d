//! Bytes → `String`: BOM sniffing, UTF-8, UTF-16 without BOM (NUL pattern), and a
//! chardetng guess (GBK/GB18030 in practice) for everything else. Binary and
//! undecodable input is refused with a [`DecodeError`] that says why.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use serde::Serialize;

/// How many leading bytes the sniffers (UTF-16, binary, chardetng) look at.
const SNIFF: usize = 64 * 1024;
/// How many leading bytes chardetng sees.
const DETECT: usize = 4 * 1024;

/// A decoded text and the encoding it was found in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a leading BOM.
    pub text: String,
    /// The encoding the bytes were decoded from.
    pub encoding: Encoding,
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
    /// Another legacy encoding guessed by chardetng (its WHATWG name, e.g. `Big5`).
    Other(&'static str),
}

impl Encoding {
    /// Short lowercase name for summaries (`utf-8`, `utf-8-bom`, `utf-16le`, `gb18030`…).
    pub fn name(&self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8-bom",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Gb18030 => "gb18030",
            Encoding::Other(name) => name,
        }
    }
}

/// Why bytes could not be turned into a text report.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// No bytes, or only whitespace.
    #[error("file is empty (no text), nothing to index; remove it or re-export the report")]
    Empty,
    /// NUL bytes (outside UTF-16) or many control bytes.
    #[error("file is binary (NUL or control bytes), not a text report; convert it to .txt or .html first")]
    Binary,
    /// The best guess still left more than 1% of the text undecodable.
    #[error("file is not decodable as text (best guess {guess} left >1% invalid bytes); re-save it as UTF-8")]
    Undecodable {
        /// The encoding chardetng guessed.
        guess: &'static str,
    },
}

impl DecodeError {
    /// Short key for summaries: `empty`, `binary`, `undecodable`.
    pub fn reason(&self) -> &'static str {
        match self {
            DecodeError::Empty => "empty",
            DecodeError::Binary => "binary",
            DecodeError::Undecodable { .. } => "undecodable",
        }
    }
}

/// Decode a file's bytes. Never panics.
///
/// Order: empty → BOM (UTF-8, UTF-16 LE/BE) → valid UTF-8 (without NUL bytes and with
/// ≤ 5% control bytes) → UTF-16 without BOM (NUL bytes mostly on one parity and the
/// result ≥ 95% plausible CJK/ASCII text) → binary (NUL bytes, or > 5% control bytes)
/// → chardetng guess (`.cn` hint; GBK is decoded as its superset GB18030) decoded with
/// encoding_rs, refused when more than 1% of the chars are replacement chars (a failed
/// non-GB guess gets one retry as GB18030). Text that is empty after decoding (a lone
/// BOM) is [`DecodeError::Empty`].
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DecodeError::Empty);
    }
    let decoded = decode_inner(bytes)?;
    if decoded
        .text
        .chars()
        .all(|c| c.is_whitespace() || c == '\u{feff}' || c == '\0')
    {
        return Err(DecodeError::Empty);
    }
    Ok(decoded)
}

fn decode_inner(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return with_encoding(rest, encoding_rs::UTF_8, Encoding::Utf8Bom);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return with_encoding(rest, encoding_rs::UTF_16LE, Encoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return with_encoding(rest, encoding_rs::UTF_16BE, Encoding::Utf16Be);
    }
    let head = &bytes[..bytes.len().min(SNIFF)];
    let has_nul = head.contains(&0);
    let controls = control_share(head) > 0.05;
    if !has_nul && !controls {
        if let Ok(s) = std::str::from_utf8(bytes) {
            return Ok(Decoded {
                text: s.to_owned(),
                encoding: Encoding::Utf8,
            });
        }
    } else if let Some(d) = utf16_without_bom(bytes) {
        return Ok(d);
    }
    if has_nul || controls {
        return Err(DecodeError::Binary);
    }
    // chardetng is the slow part (~12 MB/s), so it sees 4 KB (~1300 hanzi) starting at
    // the first non-ASCII byte (an HTML head can be all ASCII), cut after an ASCII byte
    // so no multi-byte char is split.
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
    let guess = det.guess(Some(b"cn"), Utf8Detection::Allow);
    let (enc, kind) = if guess == encoding_rs::GBK || guess == encoding_rs::GB18030 {
        (encoding_rs::GB18030, Encoding::Gb18030)
    } else if guess == encoding_rs::UTF_8 {
        (encoding_rs::UTF_8, Encoding::Utf8)
    } else {
        (guess, Encoding::Other(guess.name()))
    };
    match with_encoding(bytes, enc, kind) {
        Ok(d) => Ok(d),
        // Chinese reports: give GB18030 a chance before giving up on another guess.
        Err(e) if kind != Encoding::Gb18030 => {
            with_encoding(bytes, encoding_rs::GB18030, Encoding::Gb18030).map_err(|_| e)
        }
        Err(e) => Err(e),
    }
}

/// Decode with one encoding (no BOM handling); refuse > 1% replacement chars.
fn with_encoding(
    bytes: &[u8],
    enc: &'static encoding_rs::Encoding,
    kind: Encoding,
) -> Result<Decoded, DecodeError> {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors {
        let mut total = 0usize;
        let mut bad = 0usize;
        for c in text.chars() {
            total += 1;
            bad += usize::from(c == '\u{fffd}');
        }
        if bad * 100 > total {
            return Err(DecodeError::Undecodable { guess: enc.name() });
        }
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding: kind,
    })
}

/// Share of control bytes other than tab, LF, CR, FF and ESC.
fn control_share(bytes: &[u8]) -> f64 {
    if bytes.is_empty() {
        return 0.0;
    }
    let n = bytes
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)) || b == 0x7f)
        .count();
    n as f64 / bytes.len() as f64
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
    let (enc, kind) = if odd * 100 >= pairs && even * 4 <= odd {
        (encoding_rs::UTF_16LE, Encoding::Utf16Le)
    } else if even * 100 >= pairs && odd * 4 <= even {
        (encoding_rs::UTF_16BE, Encoding::Utf16Be)
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
    with_encoding(bytes, enc, kind).ok()
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
        let e = DecodeError::Undecodable { guess: "GBK" };
        assert_eq!(e.reason(), "undecodable");
        assert!(e.to_string().contains("GBK"));
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
            if let Ok(d) = decode(&bytes) {
                assert!(!d.text.trim().is_empty());
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
