//! Helpers for the end-to-end tests: run the built `govmine` binary in a temp dir.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared/corpus` beside the repository (CI has it).
pub fn shared_corpus() -> PathBuf {
    root().join("../shared/corpus")
}

/// The repository's seed corpus.
pub fn seeds() -> PathBuf {
    root().join("corpus")
}

/// A `govmine` command run in `dir`.
pub fn govmine(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_govmine"));
    c.current_dir(dir).env_remove("RUST_BACKTRACE");
    c
}

/// Run and return the output; stderr is kept for assertions.
pub fn run(dir: &Path, args: &[&str]) -> Output {
    govmine(dir).args(args).output().expect("govmine runs")
}

/// Run, require success, return stdout.
pub fn ok(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    assert!(
        out.status.success(),
        "govmine {args:?} failed: {}\n{}",
        String::from_utf8_lossy(&out.stderr),
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stdout).expect("utf-8 stdout")
}

/// Stderr as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// `search … --json --all` → the hits as JSON values.
pub fn hits(dir: &Path, index: &Path, query: &[&str], extra: &[&str]) -> Vec<serde_json::Value> {
    let mut args = vec!["search"];
    args.extend_from_slice(query);
    args.extend_from_slice(&["--json", "--all", "--index"]);
    let idx = index.to_str().unwrap();
    args.push(idx);
    args.extend_from_slice(extra);
    ok(dir, &args)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect()
}

/// Doc ids of hits, sorted.
pub fn doc_ids(hits: &[serde_json::Value]) -> Vec<String> {
    let mut v: Vec<String> = hits
        .iter()
        .map(|h| h["doc"].as_str().unwrap().to_string())
        .collect();
    v.sort();
    v
}

/// Ingest `paths` into `index` (quietly), return the summary line from stderr.
pub fn ingest(dir: &Path, index: &Path, paths: &[&Path]) -> String {
    let mut c = govmine(dir);
    c.arg("ingest").arg("--quiet").arg("--index").arg(index);
    for p in paths {
        c.arg(p);
    }
    let out = c.output().expect("govmine runs");
    assert!(out.status.success(), "ingest failed: {}", stderr(&out));
    stderr(&out)
}

/// Names in a folder, sorted.
pub fn listing(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// govmine's CSV (a BOM, then a header line) as header → value per row.
pub fn csv_rows(text: &str) -> Vec<std::collections::BTreeMap<String, String>> {
    let body = text
        .strip_prefix('\u{feff}')
        .expect("CSV starts with a BOM");
    let mut r = csv::Reader::from_reader(body.as_bytes());
    let headers = r.headers().unwrap().clone();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            headers
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}
