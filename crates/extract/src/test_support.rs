//! Helpers the extractors' unit tests share.

/// A seed report from `corpus/` by its number (`"000"`).
pub fn seed(n: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");
    let path = std::fs::read_dir(dir)
        .expect("corpus/")
        .map(|e| e.expect("entry").path())
        .find(|p| {
            p.file_name()
                .is_some_and(|f| f.to_string_lossy().starts_with(n))
        })
        .expect("seed");
    std::fs::read_to_string(path).expect("seed text")
}

/// `(a, b)` string pairs as owned strings, for comparing with what an extractor found.
pub fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}
