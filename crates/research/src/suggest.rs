//! Closest keys or indicators, for "nothing matches" answers.

use std::collections::HashSet;

fn bigrams(s: &[char]) -> HashSet<(char, char)> {
    s.windows(2).map(|w| (w[0], w[1])).collect()
}

fn dice<T: std::hash::Hash + Eq>(a: &HashSet<T>, b: &HashSet<T>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    2.0 * a.intersection(b).count() as f64 / (a.len() + b.len()) as f64
}

/// How alike two strings are, 0 to about 1.5: shared chars and char pairs, and a bonus
/// when one contains the other.
pub fn similarity(query: &str, candidate: &str) -> f64 {
    let q: Vec<char> = govmine_segment::fold_for_match(query).chars().collect();
    let c: Vec<char> = govmine_segment::fold_for_match(candidate).chars().collect();
    let chars = dice(
        &q.iter().copied().collect::<HashSet<char>>(),
        &c.iter().copied().collect::<HashSet<char>>(),
    );
    let pairs = dice(&bigrams(&q), &bigrams(&c));
    let (qs, cs): (String, String) = (q.iter().collect(), c.iter().collect());
    let contains = !qs.is_empty() && !cs.is_empty() && (cs.contains(&qs) || qs.contains(&cs));
    0.5 * chars + 0.5 * pairs + if contains { 0.5 } else { 0.0 }
}

/// The `n` candidates (with their counts) most like `query`, best first; only those that
/// share at least a char pair, or half their chars, with it.
pub fn closest(
    query: &str,
    candidates: impl IntoIterator<Item = (String, usize)>,
    n: usize,
) -> Vec<(String, usize)> {
    let mut scored: Vec<(f64, String, usize)> = candidates
        .into_iter()
        .filter(|(c, _)| !c.is_empty() && c != query)
        .map(|(c, k)| (similarity(query, &c), c, k))
        .filter(|(s, _, _)| *s >= 0.3)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.2.cmp(&a.2)).then(a.1.cmp(&b.1)));
    scored.into_iter().take(n).map(|(_, c, k)| (c, k)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closest_key_comes_first() {
        let keys = vec![
            ("三项制度".to_string(), 12),
            ("放管服".to_string(), 30),
            ("四个公开".to_string(), 2),
        ];
        assert_eq!(closest("三项制", keys.clone(), 3)[0].0, "三项制度");
        assert_eq!(closest("放管", keys.clone(), 3)[0].0, "放管服");
        assert!(closest("营商环境", keys, 3).is_empty());
    }
}
