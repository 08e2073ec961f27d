//! Search misses nothing a reader can see, and adds nothing: for each of the 40
//! benchmark queries, on an index of the two JSONL corpora, the documents hit are exactly
//! those whose title or text contains every term (after full-width and traditional →
//! simplified folding), counted here independently by substring search on the raw JSONL.

mod common;

use std::collections::BTreeSet;

use common::*;
use govmine_segment::fold_for_match;

/// The queries, one a line (quotes are phrases, spaces separate terms).
fn queries() -> Vec<String> {
    let text =
        std::fs::read_to_string(root().join("../shared/bench/queries.txt")).expect("queries.txt");
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

/// `(doc id, folded title + text)` of every record of a JSONL corpus.
fn records(file: &str) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(shared_corpus().join(file)).expect("corpus file");
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            let v: serde_json::Value = serde_json::from_str(l).expect("valid JSON");
            let title = v["title"].as_str().unwrap_or("");
            let content = v["content"].as_str().unwrap_or("");
            (
                format!("{file}#{}", i + 1),
                fold_for_match(&format!("{title}\n{content}")),
            )
        })
        .collect()
}

#[test]
fn every_benchmark_query_hits_exactly_the_documents_containing_its_terms() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for f in ["national-work-reports.jsonl", "cpc-congress-reports.jsonl"] {
        std::fs::copy(shared_corpus().join(f), corpus.join(f)).unwrap();
    }
    let index = tmp.path().join("idx");
    let summary = ingest(tmp.path(), &index, &[&corpus]);
    assert!(summary.contains("88 documents indexed"), "{summary}");

    let mut docs = records("national-work-reports.jsonl");
    docs.extend(records("cpc-congress-reports.jsonl"));
    let queries = queries();
    assert_eq!(queries.len(), 40);

    let mut failures = Vec::new();
    let mut total_hits = 0;
    for q in &queries {
        let terms: Vec<String> = if q.starts_with('"') {
            vec![q.trim_matches('"').to_string()]
        } else {
            q.split_whitespace().map(str::to_owned).collect()
        };
        let folded: Vec<String> = terms.iter().map(|t| fold_for_match(t)).collect();
        let expected: BTreeSet<String> = docs
            .iter()
            .filter(|(_, text)| folded.iter().all(|t| text.contains(t.as_str())))
            .map(|(id, _)| id.clone())
            .collect();
        let got: BTreeSet<String> = doc_ids(&hits(tmp.path(), &index, &[q.as_str()], &[]))
            .into_iter()
            .collect();
        total_hits += got.len();
        if got != expected {
            failures.push(format!(
                "{q}: missed {:?}, extra {:?}",
                expected.difference(&got).collect::<Vec<_>>(),
                got.difference(&expected).collect::<Vec<_>>()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of 40 queries differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
    // The queries are about rule-of-law government: many must hit something.
    assert!(total_hits > 200, "only {total_hits} hits over 40 queries");
}
