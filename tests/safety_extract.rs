//! `govmine extract` never touches its inputs and replaces only what it wrote; a failed
//! or killed export leaves the previous output intact. Built from the reproductions of
//! issue 10.

mod common;

use std::path::{Path, PathBuf};
use std::process::Stdio;

use common::*;

/// A folder holding copies of two seed reports.
fn inputs(dir: &Path) -> PathBuf {
    let d = dir.join("in");
    std::fs::create_dir(&d).unwrap();
    for f in ["001_db632a6819f2f662.txt", "004_e9e637da5608c3ff.txt"] {
        std::fs::copy(seeds().join(f), d.join(f)).unwrap();
    }
    d
}

fn refused(dir: &Path, args: &[&str], why: &str) {
    let out = run(dir, args);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(why), "{args:?}: {err}");
}

#[test]
fn an_output_over_an_input_is_refused_and_the_input_kept() {
    let tmp = tempfile::tempdir().unwrap();
    // The tester's case: `extract data.jsonl --out data.jsonl` emptied a 3.3 MB input.
    let data = tmp.path().join("data.jsonl");
    std::fs::copy(shared_corpus().join("cpc-congress-reports.jsonl"), &data).unwrap();
    let before = std::fs::read(&data).unwrap();
    refused(
        tmp.path(),
        &["extract", "data.jsonl", "--out", "data.jsonl"],
        "is one of the inputs",
    );
    refused(
        tmp.path(),
        &[
            "extract",
            "./data.jsonl",
            "--out",
            "data.jsonl",
            "--manifest",
            "m.json",
        ],
        "is one of the inputs",
    );
    assert_eq!(std::fs::read(&data).unwrap(), before);
    // A CSV folder holding an input named like an output file.
    let ds = tmp.path().join("ds");
    std::fs::create_dir(&ds).unwrap();
    std::fs::write(
        ds.join("quantity.csv"),
        "province,year,full_text\n河南省,2021,全省生产总值达到5.5万亿元。\n",
    )
    .unwrap();
    let before = std::fs::read(ds.join("quantity.csv")).unwrap();
    refused(
        tmp.path(),
        &[
            "extract",
            "ds/quantity.csv",
            "--format",
            "csv",
            "--out",
            "ds",
        ],
        "holds one of the inputs",
    );
    assert_eq!(std::fs::read(ds.join("quantity.csv")).unwrap(), before);
    // An output inside an input folder (the next ingest would read it).
    let d = inputs(tmp.path());
    refused(
        tmp.path(),
        &["extract", "in", "--out", "in/records.jsonl"],
        "is inside an input folder",
    );
    assert_eq!(listing(&d).len(), 2);
}

#[test]
fn a_folder_or_file_govmine_did_not_write_is_not_replaced() {
    let tmp = tempfile::tempdir().unwrap();
    inputs(tmp.path());
    let mine = tmp.path().join("mine");
    std::fs::create_dir(&mine).unwrap();
    std::fs::write(mine.join("quantity.csv"), "my own table").unwrap();
    refused(
        tmp.path(),
        &["extract", "in", "--format", "csv", "--out", "mine"],
        "holds no govmine manifest",
    );
    assert_eq!(listing(&mine), ["quantity.csv"]);
    std::fs::write(tmp.path().join("notes.jsonl"), "my notes").unwrap();
    refused(
        tmp.path(),
        &["extract", "in", "--out", "notes.jsonl"],
        "no govmine manifest lists it",
    );
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("notes.jsonl")).unwrap(),
        "my notes"
    );
    // A file it wrote is replaced on the next run.
    ok(tmp.path(), &["extract", "in", "--out", "r.jsonl"]);
    ok(
        tmp.path(),
        &["extract", "in", "--out", "r.jsonl", "--types", "quantity"],
    );
    let text = std::fs::read_to_string(tmp.path().join("r.jsonl")).unwrap();
    assert!(text.lines().all(|l| l.starts_with(r#"{"type":"quantity""#)));
}

#[test]
fn a_second_export_into_its_folder_removes_only_its_stale_files() {
    let tmp = tempfile::tempdir().unwrap();
    inputs(tmp.path());
    ok(
        tmp.path(),
        &["extract", "in", "--format", "csv", "--out", "ds"],
    );
    let ds = tmp.path().join("ds");
    assert_eq!(listing(&ds).len(), 7, "{:?}", listing(&ds));
    std::fs::write(ds.join("analysis.R"), "read.csv('quantity.csv')").unwrap();
    ok(
        tmp.path(),
        &[
            "extract",
            "in",
            "--format",
            "csv",
            "--out",
            "ds",
            "--types",
            "quantity,mechanism",
        ],
    );
    // The other types' files of the first run went; the user's script stayed.
    assert_eq!(
        listing(&ds),
        [
            "analysis.R",
            "manifest.json",
            "mechanism.csv",
            "quantity.csv"
        ]
    );
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(ds.join("manifest.json")).unwrap()).unwrap();
    let listed: Vec<&str> = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(listed, ["mechanism.csv", "quantity.csv"]);
}

#[test]
fn no_manifest_beside_a_pipe() {
    let tmp = tempfile::tempdir().unwrap();
    inputs(tmp.path());
    let fifo = tmp.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    ok(
        tmp.path(),
        &["extract", "in", "--out", "pipe", "--types", "quantity"],
    );
    let text = reader.join().unwrap();
    assert!(
        text.contains("93.33万件"),
        "{}",
        &text[..text.len().min(200)]
    );
    assert_eq!(listing(tmp.path()), ["in", "pipe"]);
}

#[test]
fn a_killed_export_leaves_the_previous_output() {
    let tmp = tempfile::tempdir().unwrap();
    inputs(tmp.path());
    ok(tmp.path(), &["extract", "in", "--out", "r.jsonl"]);
    ok(
        tmp.path(),
        &["extract", "in", "--format", "parquet", "--out", "pq"],
    );
    let jsonl = std::fs::read(tmp.path().join("r.jsonl")).unwrap();
    let parquet = std::fs::read(tmp.path().join("pq/quantity.parquet")).unwrap();
    let big = tmp.path().join("big");
    std::fs::create_dir(&big).unwrap();
    std::fs::copy(
        shared_corpus().join("national-work-reports.jsonl"),
        big.join("n.jsonl"),
    )
    .unwrap();
    for (args, wait) in [
        (vec!["extract", "big", "--out", "r.jsonl"], 300),
        (
            vec!["extract", "big", "--format", "parquet", "--out", "pq"],
            300,
        ),
    ] {
        let mut child = govmine(tmp.path())
            .args(&args)
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(wait));
        child.kill().unwrap();
        child.wait().unwrap();
    }
    assert_eq!(std::fs::read(tmp.path().join("r.jsonl")).unwrap(), jsonl);
    assert_eq!(
        std::fs::read(tmp.path().join("pq/quantity.parquet")).unwrap(),
        parquet
    );
    // The next export clears what the killed one left.
    ok(tmp.path(), &["extract", "in", "--out", "r.jsonl"]);
    ok(
        tmp.path(),
        &["extract", "in", "--format", "parquet", "--out", "pq"],
    );
    let temps = |d: &Path| {
        listing(d)
            .into_iter()
            .filter(|n| n.ends_with(".govmine-tmp"))
            .count()
    };
    assert_eq!(temps(tmp.path()) + temps(&tmp.path().join("pq")), 0);
}
