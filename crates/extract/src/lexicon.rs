//! The extractors' data files in `dictionaries/`, embedded once, and the sectioned
//! word-list format most of them share: one entry a line, `#` comments, blank lines
//! ignored, `[name]` headers opening sections.

/// `dictionaries/units.tsv`.
pub(crate) const UNITS_TSV: &str = include_str!("../../../dictionaries/units.tsv");
/// `dictionaries/numeral_names.txt`.
pub(crate) const NUMERAL_NAMES: &str = include_str!("../../../dictionaries/numeral_names.txt");
/// `dictionaries/subject_words.txt`.
pub(crate) const SUBJECT_WORDS: &str = include_str!("../../../dictionaries/subject_words.txt");
/// `dictionaries/status_words.txt`.
pub(crate) const STATUS_WORDS: &str = include_str!("../../../dictionaries/status_words.txt");
/// `dictionaries/measure_markers.txt`.
pub(crate) const MEASURE_MARKERS: &str = include_str!("../../../dictionaries/measure_markers.txt");
/// `dictionaries/mechanisms.txt`.
pub(crate) const MECHANISMS: &str = include_str!("../../../dictionaries/mechanisms.txt");
/// `dictionaries/policy_kinds.txt`.
pub(crate) const POLICY_KINDS: &str = include_str!("../../../dictionaries/policy_kinds.txt");
/// `dictionaries/unit_classes.txt`.
pub(crate) const UNIT_CLASSES: &str = include_str!("../../../dictionaries/unit_classes.txt");
/// `dictionaries/unit_conversions.tsv`.
pub(crate) const UNIT_CONVERSIONS: &str =
    include_str!("../../../dictionaries/unit_conversions.tsv");
/// `dictionaries/indicators.tsv`.
pub(crate) const INDICATORS: &str = include_str!("../../../dictionaries/indicators.tsv");
/// `dictionaries/t2s.tsv`.
pub(crate) const T2S_TSV: &str = include_str!("../../../dictionaries/t2s.tsv");

/// Every data file extraction reads, by name, so that an export's manifest can record
/// their hashes.
pub const LEXICONS: &[(&str, &str)] = &[
    ("dictionaries/units.tsv", UNITS_TSV),
    ("dictionaries/numeral_names.txt", NUMERAL_NAMES),
    ("dictionaries/subject_words.txt", SUBJECT_WORDS),
    ("dictionaries/status_words.txt", STATUS_WORDS),
    ("dictionaries/measure_markers.txt", MEASURE_MARKERS),
    ("dictionaries/mechanisms.txt", MECHANISMS),
    ("dictionaries/policy_kinds.txt", POLICY_KINDS),
    ("dictionaries/unit_classes.txt", UNIT_CLASSES),
    ("dictionaries/unit_conversions.tsv", UNIT_CONVERSIONS),
    ("dictionaries/indicators.tsv", INDICATORS),
    ("dictionaries/t2s.tsv", T2S_TSV),
];

/// `(section, entry)` for every entry of a sectioned word list, trimmed; entries before
/// the first header are in section `""`.
pub(crate) fn entries(text: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    let mut section = "";
    text.lines().map(str::trim).filter_map(move |line| {
        if line.is_empty() || line.starts_with('#') {
            return None;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name;
            return None;
        }
        Some((section, line))
    })
}

/// The words of section `[name]`, as chars, longest first; a missing or empty section is
/// a bug in the data file.
pub(crate) fn words(text: &'static str, name: &str) -> Vec<Vec<char>> {
    let mut words: Vec<Vec<char>> = entries(text)
        .filter(|(s, _)| *s == name)
        .map(|(_, w)| w.chars().collect())
        .collect();
    assert!(
        !words.is_empty(),
        "word list section [{name}] is missing or empty"
    );
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sectioned_lists_read_their_sections() {
        let text = "# c\nA\n[x]\nbb\n\n  ccc \n[y]\nd\n";
        let all: Vec<_> = entries(text).collect();
        assert_eq!(all, [("", "A"), ("x", "bb"), ("x", "ccc"), ("y", "d")]);
        assert_eq!(words(text, "x"), [vec!['c'; 3], vec!['b'; 2]]);
    }
}
