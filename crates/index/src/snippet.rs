//! Snippets: a window of a passage around the query terms, with highlights.
//!
//! Terms are found in the folded passage (`fold_for_match`), which has the same chars as
//! the original, so highlights are char ranges of the original text: a search for 执法
//! highlights 執法.

use serde::Serialize;

use govmine_segment::fold_match_char;

/// A window of a passage with the matched terms marked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Snippet {
    /// The window's text, with `…` where the passage was cut.
    pub text: String,
    /// Char ranges of `text` to highlight.
    pub highlights: Vec<(usize, usize)>,
    /// Char ranges of the matches in the passage.
    pub matches: Vec<(usize, usize)>,
}

/// Find the char ranges where each term occurs in `chars` (folded), sorted.
pub(crate) fn find_terms(chars: &[char], terms: &[Vec<char>]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for (ti, t) in terms.iter().enumerate() {
        if t.is_empty() || t.len() > chars.len() {
            continue;
        }
        for s in 0..=chars.len() - t.len() {
            if chars[s] == t[0] && chars[s..s + t.len()] == t[..] {
                out.push((s, s + t.len(), ti));
            }
        }
    }
    out.sort();
    out
}

/// Build the snippet of `text` for `terms`, at most about `max_chars` chars long.
pub fn snippet(text: &str, terms: &[&str], max_chars: usize) -> Snippet {
    let chars: Vec<char> = text.chars().map(fold_match_char).collect();
    let terms: Vec<Vec<char>> = terms
        .iter()
        .map(|t| t.chars().map(fold_match_char).collect())
        .collect();
    let found = find_terms(&chars, &terms);
    let n = chars.len();
    let (start, end) = if n <= max_chars {
        (0, n)
    } else {
        // The window that shows the most distinct terms, starting a little before a match.
        let lead = max_chars / 6;
        let mut best = (0usize, 0usize); // (distinct terms, start)
        for &(s, _, _) in &found {
            let w0 = s.saturating_sub(lead).min(n - max_chars);
            let w1 = w0 + max_chars;
            let mut seen: Vec<usize> = found
                .iter()
                .filter(|&&(a, b, _)| a >= w0 && b <= w1)
                .map(|&(_, _, t)| t)
                .collect();
            seen.dedup();
            seen.sort_unstable();
            seen.dedup();
            if seen.len() > best.0 {
                best = (seen.len(), w0);
            }
        }
        (best.1, best.1 + max_chars)
    };
    let original: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let prefix = usize::from(start > 0);
    if start > 0 {
        out.push('…');
    }
    out.extend(&original[start..end]);
    if end < n {
        out.push('…');
    }
    // Merge overlapping matches for highlighting.
    let mut highlights: Vec<(usize, usize)> = Vec::new();
    for &(a, b, _) in &found {
        if a < start || b > end {
            continue;
        }
        let (a, b) = (a - start + prefix, b - start + prefix);
        match highlights.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => highlights.push((a, b)),
        }
    }
    Snippet {
        text: out,
        highlights,
        matches: found.iter().map(|&(a, b, _)| (a, b)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_passage_is_whole_with_highlights() {
        let s = snippet("依法執政，推进行政执法公示", &["执政", "执法"], 100);
        assert_eq!(s.text, "依法執政，推进行政执法公示");
        assert_eq!(s.highlights, vec![(2, 4), (9, 11)]);
    }

    #[test]
    fn long_passage_is_cut_around_the_terms() {
        let text = format!("{}三项制度{}", "甲".repeat(300), "乙".repeat(300));
        let s = snippet(&text, &["三项制度"], 60);
        assert!(s.text.starts_with('…') && s.text.ends_with('…'));
        let (a, b) = s.highlights[0];
        let hl: String = s.text.chars().skip(a).take(b - a).collect();
        assert_eq!(hl, "三项制度");
        assert_eq!(s.matches, vec![(300, 304)]);
    }
}
