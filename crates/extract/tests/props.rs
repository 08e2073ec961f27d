//! Property tests of every extractor: on any generated report-like text (the generator of
//! the text crate's property tests) they never panic, every fact's span lies within the
//! text and is not empty, a fact's written form is the text at its span, and a document
//! read window by window gives facts within the text too. Bounded (a few hundred cases of
//! a few KB) so `cargo test` stays fast.

#[path = "../../text/tests/gen/mod.rs"]
mod gen;

use govmine_extract::{
    citation, date, find_all, measure, mechanism, quantities, windows, Data, TypeSet,
};
use proptest::prelude::*;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        ..ProptestConfig::default()
    }
}

/// The chars `start..end` of `text`.
fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn quantities_lie_within_the_text(text in gen::report_text(300)) {
        let n = text.chars().count();
        for q in quantities(&text) {
            prop_assert!(q.start < q.end && q.end <= n, "{:?}", q);
            prop_assert_eq!(chars(&text, q.start, q.end), q.text);
        }
    }

    #[test]
    fn dates_lie_within_the_text(text in gen::report_text(300)) {
        let n = text.chars().count();
        for d in date::dates(&text) {
            prop_assert!(d.start < d.end && d.end <= n, "{:?}", d);
            prop_assert_eq!(chars(&text, d.start, d.end), d.text);
        }
    }

    #[test]
    fn mechanisms_lie_within_the_text(text in gen::report_text(300)) {
        let n = text.chars().count();
        for m in mechanism::mechanisms(&text) {
            prop_assert!(m.start < m.end && m.end <= n, "{:?}", m);
            prop_assert!(!m.key.is_empty(), "{:?}", m);
        }
    }

    #[test]
    fn measures_lie_within_the_text(text in gen::report_text(300)) {
        let n = text.chars().count();
        for m in measure::measures(&text) {
            prop_assert!(m.start < m.end && m.end <= n, "{:?}", m);
        }
    }

    #[test]
    fn policy_docs_lie_within_the_text(text in gen::report_text(300)) {
        let n = text.chars().count();
        for d in citation::policy_docs(&text) {
            prop_assert!(d.start < d.end && d.end <= n, "{:?}", d);
        }
    }

    /// Windows cover the text in order, each at most the size asked; the facts of every
    /// window lie within the whole text.
    #[test]
    fn windows_cover_the_text(text in gen::report_text(300), max in 2usize..200) {
        let w = windows(&text, max);
        prop_assert_eq!(w.iter().map(|(_, t)| *t).collect::<String>(), text.clone());
        let mut at = 0;
        for &(offset, t) in &w {
            prop_assert_eq!(offset, at);
            let len = t.chars().count();
            prop_assert!(len <= max, "{} > {}", len, max);
            at += len;
        }
        let n = text.chars().count();
        for d in find_all(&text, TypeSet::all()) {
            let (s, e) = d.span();
            prop_assert!(s <= e && e <= n, "{:?}", d);
            prop_assert!(!matches!(d, Data::Document(_)));
        }
    }
}
