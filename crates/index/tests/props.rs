//! Property tests of the query parser: any input gives a query or an error, never a
//! panic; a query's terms are words of its input; a query over the length limit is
//! refused; plain words joined by spaces are exactly the query's groups.

use govmine_index::{ParsedQuery, MAX_QUERY_CHARS};
use proptest::prelude::*;

/// Query syntax and words, and any char.
fn query_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(&[
            " ", "\u{3000}", "\t", "-", "－", "--", "\"", "“", "”", "「", "」", "『", "』",
            "OR", " OR ", "|", "AND", "放管服", "营商环境", "法治", "信访", "一网通办",
        ][..]).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

/// A plain word: no space, quote, `-` or query keyword.
fn word() -> impl Strategy<Value = String> {
    "[\u{4e00}-\u{9fa5}a-z0-9]{1,6}".prop_filter("a keyword", |w| w != "OR" && w != "AND")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_input_parses_or_is_refused(input in query_text()) {
        if let Ok(q) = ParsedQuery::parse(&input) {
            prop_assert!(!q.groups.is_empty());
            for t in q.groups.iter().flatten().chain(&q.excluded) {
                prop_assert!(!t.trim().is_empty(), "{:?}", q);
                prop_assert!(input.contains(t.as_str()), "{:?} not in {:?}", t, input);
            }
        }
    }

    #[test]
    fn overlong_queries_are_refused(input in "[\u{4e00}-\u{9fa5} ]{501,700}") {
        prop_assume!(input.chars().count() > MAX_QUERY_CHARS);
        prop_assert!(ParsedQuery::parse(&input).is_err());
    }

    #[test]
    fn words_are_groups(words in prop::collection::vec(word(), 1..8)) {
        let q = ParsedQuery::parse(&words.join(" ")).expect("plain words");
        let want: Vec<Vec<String>> = words.into_iter().map(|w| vec![w]).collect();
        prop_assert_eq!(q.groups, want);
        prop_assert!(q.excluded.is_empty());
    }
}
