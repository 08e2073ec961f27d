//! Property tests of decoding, cleaning and structuring: on any bytes and any generated
//! report-like text they never panic, every offset lies within the text, and text that
//! is already good comes back as it was. Bounded (a few hundred cases of a few KB) so
//! `cargo test` stays fast.

mod gen;

use govmine_text::{decode, process, Encoding, Hints};
use proptest::prelude::*;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    /// Any bytes: an error or a text without NUL; never a panic.
    #[test]
    fn decode_takes_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        if let Ok(d) = decode(&bytes) {
            prop_assert!(!d.text.contains('\0'));
            prop_assert!(!d.text.trim().is_empty());
        }
    }

    /// Report text with NULs and stray bytes anywhere: no NUL reaches the text.
    #[test]
    fn decode_never_keeps_a_nul(
        text in gen::chinese_text(10),
        at in prop::collection::vec((any::<prop::sample::Index>(), prop::sample::select(&[0u8, 0xFF, 0x80][..])), 1..4),
    ) {
        let mut bytes = text.into_bytes();
        for (i, b) in at {
            let p = i.index(bytes.len() + 1);
            bytes.insert(p, b);
        }
        if let Ok(d) = decode(&bytes) {
            prop_assert!(!d.text.contains('\0'));
        }
    }

    /// UTF-8 report text comes back unchanged, and so does its GB18030 encoding.
    #[test]
    fn good_text_decodes_to_itself(text in gen::chinese_text(10)) {
        let utf8 = decode(text.as_bytes()).expect("UTF-8 report text");
        prop_assert_eq!(utf8.encoding, Encoding::Utf8);
        prop_assert_eq!(&utf8.text, &text);
        let (gb, _, _) = encoding_rs::GB18030.encode(&text);
        let gb = decode(&gb).expect("GB18030 report text");
        prop_assert_eq!(&gb.text, &text);
    }

    /// One stray byte in UTF-8 report text: read as UTF-8, the byte a U+FFFD, counted.
    #[test]
    fn one_stray_byte_is_one_replacement(text in gen::chinese_text(20), at in any::<prop::sample::Index>()) {
        let boundaries: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        let p = boundaries[at.index(boundaries.len())];
        let mut bytes = text.as_bytes().to_vec();
        bytes.insert(p, 0xFF);
        let d = decode(&bytes).expect("UTF-8 but one byte");
        prop_assert_eq!(d.encoding, Encoding::Utf8);
        prop_assert_eq!(d.replaced, 1);
        let want = format!("{}\u{FFFD}{}", &text[..p], &text[p..]);
        prop_assert_eq!(d.text, want);
    }

    /// Cleaning and structuring any text: every section, paragraph and sentence lies
    /// within the text, in order, sentences inside their paragraphs.
    #[test]
    fn structure_offsets_lie_within_the_text(text in gen::report_text(300), html in any::<bool>()) {
        let doc = process(&text, &Hints { html, ..Hints::default() });
        let n = doc.text.chars().count();
        let mut last_end = 0;
        for p in &doc.paragraphs {
            prop_assert!(last_end <= p.start && p.start <= p.end && p.end <= n, "{:?}", p);
            prop_assert!(p.section.is_none_or(|s| s < doc.sections.len()));
            last_end = p.end;
        }
        for s in &doc.sentences {
            let p = &doc.paragraphs[s.paragraph];
            prop_assert!(p.start <= s.start && s.start < s.end && s.end <= p.end, "{:?} in {:?}", s, p);
            let _ = doc.slice(s.start, s.end);
        }
        for (i, s) in doc.sections.iter().enumerate() {
            prop_assert!(s.start <= s.end && s.end <= n, "{:?}", s);
            prop_assert!(s.parent.is_none_or(|p| p < i));
        }
    }
}
