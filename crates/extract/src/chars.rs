//! A word (`&str`) at a place in text read as chars: the extractors read `&[char]`, so
//! offsets are char offsets, and these are the one way they look for a word.

/// `c` is one of the chars of `set`, a short set written as a string: a scan of the set,
/// where `str::contains(char)` would search its UTF-8 bytes for the char's (a memcmp per
/// candidate, a hot spot when asked of every char of a document).
pub(crate) fn among(set: &str, c: char) -> bool {
    set.chars().any(|s| s == c)
}

/// `w` stands at `chars[i..]`.
pub(crate) fn starts_with(chars: &[char], i: usize, w: &str) -> bool {
    (i..).zip(w.chars()).all(|(k, c)| chars.get(k) == Some(&c))
}

/// `w` ends at `chars[..end]`.
pub(crate) fn ends_with(chars: &[char], end: usize, w: &str) -> bool {
    let n = w.chars().count();
    end >= n && starts_with(chars, end - n, w)
}

/// Where `w` first stands in `chars`.
pub(crate) fn find(chars: &[char], w: &str) -> Option<usize> {
    let n = w.chars().count();
    (0..=chars.len().checked_sub(n)?).find(|&i| starts_with(chars, i, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_chars() {
        let c: Vec<char> = "地区生产总值增长".chars().collect();
        assert!(starts_with(&c, 0, "地区") && starts_with(&c, 6, "增长"));
        assert!(!starts_with(&c, 7, "增长"));
        assert!(ends_with(&c, c.len(), "增长") && !ends_with(&c, 1, "地区"));
        assert_eq!(find(&c, "总值"), Some(4));
        assert_eq!(find(&c, "下降"), None);
        assert_eq!(find(&c[..1], "地区"), None);
        assert!(among("。！？!?", '！') && among("。！？!?", '?') && !among("。！？", '，'));
    }
}
