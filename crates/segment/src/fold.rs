//! Character folding that keeps offsets: one char in, one char out.
//!
//! Full-width ASCII forms fold to half-width (the NFKC mapping of U+FF01–U+FF5E and the
//! ideographic space), and traditional characters fold to simplified with OpenCC's
//! one-to-one character table (`dictionaries/t2s.tsv`). Because every char maps to exactly
//! one char, char offsets in folded text are char offsets in the original, so a match
//! found in folded text highlights the original (`執法` is found by `执法`).
//!
//! ```
//! use govmine_segment::fold;
//! assert_eq!(fold("依法執政，ＧＤＰ增長５％"), "依法执政,GDP增长5%");
//! ```

use std::collections::HashMap;
use std::sync::LazyLock;

const T2S_TSV: &str = include_str!("../../../dictionaries/t2s.tsv");

/// Dense table for the BMP CJK blocks (U+3400–U+9FFF); `'\0'` = unchanged.
const DENSE_START: u32 = 0x3400;
const DENSE_END: u32 = 0xA000;

struct T2s {
    dense: Vec<char>,
    other: HashMap<char, char>,
}

static T2S: LazyLock<T2s> = LazyLock::new(|| {
    let mut dense = vec!['\0'; (DENSE_END - DENSE_START) as usize];
    let mut other = HashMap::new();
    for line in T2S_TSV.lines() {
        let mut cols = line.split('\t');
        let (Some(t), Some(s)) = (cols.next(), cols.next()) else {
            continue;
        };
        let (mut tc, mut sc) = (t.chars(), s.chars());
        let (Some(t), None, Some(s), None) = (tc.next(), tc.next(), sc.next(), sc.next()) else {
            continue; // only one-to-one mappings keep offsets true
        };
        if (DENSE_START..DENSE_END).contains(&(t as u32)) {
            dense[(t as u32 - DENSE_START) as usize] = s;
        } else {
            other.insert(t, s);
        }
    }
    T2s { dense, other }
});

/// Fold one char: full-width → half-width, traditional → simplified.
#[inline]
pub fn fold_char(c: char) -> char {
    let u = c as u32;
    match u {
        0..=0x7F => c,
        0xFF01..=0xFF5E => char::from_u32(u - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        DENSE_START..DENSE_END => match T2S.dense[(u - DENSE_START) as usize] {
            '\0' => c,
            s => s,
        },
        _ => T2S.other.get(&c).copied().unwrap_or(c),
    }
}

/// Fold one char for matching: [`fold_char`], then ASCII lowercase.
#[inline]
pub fn fold_match_char(c: char) -> char {
    fold_char(c).to_ascii_lowercase()
}

/// Fold a whole text; the result has exactly as many chars as the input.
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// Fold a text for matching (see [`fold_match_char`]).
pub fn fold_for_match(text: &str) -> String {
    text.chars().map(fold_match_char).collect()
}

/// Hash of the folding table, part of the index's compatibility check.
pub(crate) fn table_hash() -> blake3::Hash {
    blake3::hash(T2S_TSV.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_folds_to_half_width() {
        assert_eq!(fold("９３．３３％"), "93.33%");
        assert_eq!(fold("（一）加强领导"), "(一)加强领导");
        assert_eq!(fold("ＧＤＰ　增长"), "GDP 增长");
    }

    #[test]
    fn traditional_folds_to_simplified_char_by_char() {
        // From the 1954 government work report, which is in traditional characters.
        let t = "中華人民共和國國務院政府工作報告";
        let s = fold(t);
        assert_eq!(s, "中华人民共和国国务院政府工作报告");
        assert_eq!(s.chars().count(), t.chars().count());
        assert_eq!(fold("執法"), "执法");
        assert_eq!(fold("行政訴訟"), "行政诉讼");
    }

    #[test]
    fn simplified_text_is_unchanged() {
        let seed = include_str!("../../../corpus/001_db632a6819f2f662.txt");
        let folded = fold(seed);
        assert_eq!(folded.chars().count(), seed.chars().count());
        // The seed is simplified: only width folding may change it.
        for (a, b) in seed.chars().zip(folded.chars()) {
            if a != b {
                assert!(
                    ('\u{FF01}'..='\u{FF5E}').contains(&a) || a == '\u{3000}',
                    "{a} → {b}"
                );
            }
        }
    }

    #[test]
    fn match_fold_lowercases_ascii() {
        assert_eq!(fold_for_match("ＧＤＰ与Gdp"), "gdp与gdp");
    }
}
