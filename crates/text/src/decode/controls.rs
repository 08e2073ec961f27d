//! NUL and control bytes: the binary test and their removal.
//!
//! A *stray* byte is NUL, another C0 control (ESC and vertical tab included) or DEL; tab,
//! LF, CR and form feed are text. In UTF-8 (and in GB18030, Big5, every ASCII-compatible
//! encoding) a stray byte is never part of a multi-byte char, so counting and removing
//! them works on the bytes, and removing them from a `str` leaves it valid.
//!
//! Text is *binary-like* when more than 5 % of its bytes are stray: compressed or image
//! data is ~11 % (28 of 256 byte values), Office files are mostly NULs, while a report
//! with a few stray NULs is far under 0.1 %. Below that share the text is kept and the
//! stray bytes are removed (and counted for a warning): no NUL ever reaches the index.

use std::borrow::Cow;

use super::DecodeError;

/// Over this share of stray bytes (1 in 20), a text is binary.
const BINARY_SHARE: usize = 20;

/// NUL, the C0 controls other than tab, LF, FF and CR, and DEL.
#[inline]
fn is_stray(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0c | b'\r')) || b == 0x7f
}

/// How many stray bytes `bytes` holds (one pass, branch-free, vectorised by the compiler).
pub(super) fn count(bytes: &[u8]) -> usize {
    bytes.iter().map(|&b| usize::from(is_stray(b))).sum()
}

/// Whether `stray` of `len` bytes is a binary share.
pub(super) fn binary_like(stray: usize, len: usize) -> bool {
    stray * BINARY_SHARE > len
}

/// A text with its stray bytes removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scrubbed<'a> {
    /// The text without NUL and control bytes (borrowed when there were none).
    pub text: Cow<'a, str>,
    /// How many were removed.
    pub removed: usize,
}

/// The binary test and the removal for one text (a plain file's, or one record of a
/// corpus): [`DecodeError::Binary`] when over 5 % of its bytes are NUL or control bytes,
/// else the text without them.
pub fn scrub(text: &str) -> Result<Scrubbed<'_>, DecodeError> {
    let removed = count(text.as_bytes());
    if binary_like(removed, text.len()) {
        return Err(DecodeError::Binary);
    }
    Ok(strip(text, removed))
}

/// The text without its NUL and control bytes, whatever their share (for the metadata
/// fields of a record that passed [`scrub`]).
pub fn strip_controls(text: &str) -> Scrubbed<'_> {
    strip(text, count(text.as_bytes()))
}

fn strip(text: &str, removed: usize) -> Scrubbed<'_> {
    let text = match removed {
        0 => Cow::Borrowed(text),
        _ => Cow::Owned(text.chars().filter(|&c| !stray_char(c)).collect()),
    };
    Scrubbed { text, removed }
}

fn stray_char(c: char) -> bool {
    u8::try_from(c).is_ok_and(is_stray)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stray_bytes_are_counted_and_removed_keeping_the_text() {
        let s = scrub("推进行政执法“三项\0\0制度”，严格执行行政执法裁量基准制度。\x01\t\r\n\x0c");
        let s = s.unwrap();
        assert_eq!(
            s.text,
            "推进行政执法“三项制度”，严格执行行政执法裁量基准制度。\t\r\n\x0c"
        );
        assert_eq!(s.removed, 3);
        let s = scrub("行政执法公示制度").unwrap();
        assert!(matches!(s.text, Cow::Borrowed(_)));
        assert_eq!(s.removed, 0);
        assert_eq!(count(b"\x1b[1m\x0b\x7f"), 3);
    }

    #[test]
    fn over_one_in_twenty_stray_bytes_is_binary() {
        // 20 bytes: one NUL is 5 %, still text; two are binary.
        let one = format!("{}\0", "a".repeat(19));
        assert_eq!(scrub(&one).unwrap().removed, 1);
        let two = format!("{}\0\0", "a".repeat(18));
        assert_eq!(scrub(&two), Err(DecodeError::Binary));
        assert_eq!(scrub(&"\0".repeat(200)), Err(DecodeError::Binary));
        assert_eq!(strip_controls("\0\0a").text, "a");
    }
}
