//! govmine never loses a user's data in an index: it refuses folders it did not write,
//! one writer at a time, killed ingests leave the index before or after, changes that
//! would drop documents are refused, and ids never collide. Each test is built from a
//! reproduction of issue 10.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::*;

fn stats(dir: &Path, index: &Path) -> serde_json::Value {
    let idx = index.to_str().unwrap();
    serde_json::from_str(&ok(dir, &["stats", "--json", "--index", idx])).unwrap()
}

/// Document ids of every hit of `term`.
fn found(dir: &Path, index: &Path, term: &str) -> BTreeSet<String> {
    hits(dir, index, &[term], &[])
        .iter()
        .map(|h| h["doc"].as_str().unwrap().to_owned())
        .collect()
}

/// The national reports file, copied into `dir` (ingest reads copies, never ../shared).
fn national(dir: &Path) -> PathBuf {
    let p = dir.join("national.jsonl");
    std::fs::copy(shared_corpus().join("national-work-reports.jsonl"), &p).unwrap();
    p
}

fn spawn_ingest(dir: &Path, index: &Path, paths: &[&Path]) -> Child {
    govmine(dir)
        .args(["ingest", "--quiet", "--index"])
        .arg(index)
        .args(paths)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

/// Bytes of every file under `dir`.
fn du(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            if e.file_type().unwrap().is_dir() {
                du(&e.path())
            } else {
                e.metadata().unwrap().len()
            }
        })
        .sum()
}

#[test]
fn a_folder_that_is_not_a_govmine_index_is_refused_and_left_untouched() {
    // The tester's reproduction: `mkdir v && echo '{}' > v/meta.json && echo thesis >
    // v/thesis.docx && govmine ingest corpus --index v` deleted the thesis.
    let cases: [(&str, &str); 3] = [
        ("meta.json", "{}"),
        ("seg.idx", "not tantivy's"),
        ("govmine.json", r#"{"format":5}"#),
    ];
    for (name, content) in cases {
        let tmp = tempfile::tempdir().unwrap();
        let v = tmp.path().join("v");
        std::fs::create_dir(&v).unwrap();
        std::fs::write(v.join(name), content).unwrap();
        std::fs::write(v.join("thesis.docx"), "thesis").unwrap();
        std::fs::write(v.join(".hidden"), "mine too").unwrap();
        let before = listing(&v);
        let out = govmine(tmp.path())
            .args(["ingest", "--index", "v"])
            .arg(seeds())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}: {}", stderr(&out));
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("v is not a govmine index"), "{err}");
        assert_eq!(listing(&v), before, "{name}: the folder changed");
        assert_eq!(
            std::fs::read_to_string(v.join("thesis.docx")).unwrap(),
            "thesis"
        );
        // Reading it is refused the same way.
        let out = run(tmp.path(), &["search", "法治", "--index", "v"]);
        assert_eq!(out.status.code(), Some(2));
        assert!(
            stderr(&out).contains("not a govmine index"),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn the_same_relative_path_under_two_roots_is_two_documents() {
    let tmp = tempfile::tempdir().unwrap();
    for (root, seed) in [
        ("a", "000_3f2a7be6bd882b3f.txt"),
        ("b", "004_e9e637da5608c3ff.txt"),
    ] {
        let d = tmp.path().join(root).join("x");
        std::fs::create_dir_all(&d).unwrap();
        std::fs::copy(seeds().join(seed), d.join("r.txt")).unwrap();
    }
    let idx = tmp.path().join("idx");
    ingest(tmp.path(), &idx, &[&tmp.path().join("a")]);
    let s = ingest(tmp.path(), &idx, &[&tmp.path().join("b")]);
    assert!(s.contains("1 documents indexed"), "{s}");
    assert_eq!(stats(tmp.path(), &idx)["documents"], 2);
    // 濮阳 is only in a's report, 郓城 only in b's: both are still found.
    let a = found(tmp.path(), &idx, "濮阳市司法局");
    let b = found(tmp.path(), &idx, "郓城县");
    assert_eq!(a.len(), 1);
    assert_eq!(b.len(), 1);
    assert_ne!(a, b);
    // Ingesting either again changes nothing: each file keeps its id.
    let s = ingest(
        tmp.path(),
        &idx,
        &[&tmp.path().join("a"), &tmp.path().join("b")],
    );
    assert!(s.contains("0 documents indexed, 2 unchanged"), "{s}");
    // Both in one run: two documents too.
    let idx2 = tmp.path().join("idx2");
    let s = ingest(
        tmp.path(),
        &idx2,
        &[&tmp.path().join("a"), &tmp.path().join("b")],
    );
    assert!(s.contains("2 documents indexed"), "{s}");
}

#[test]
fn file_names_that_are_not_utf8_stay_apart() {
    use std::os::unix::ffi::OsStrExt;
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().join("in");
    std::fs::create_dir(&d).unwrap();
    let names: [&[u8]; 2] = [b"r\xff.txt", b"r\xfe.txt"];
    for (name, seed) in names
        .iter()
        .zip(["001_db632a6819f2f662.txt", "003_40199a098a244c13.txt"])
    {
        let p = d.join(std::ffi::OsStr::from_bytes(name));
        std::fs::copy(seeds().join(seed), p).unwrap();
    }
    let idx = tmp.path().join("idx");
    let s = ingest(tmp.path(), &idx, &[&d]);
    assert!(s.contains("2 documents indexed"), "{s}");
    let ids: BTreeSet<String> = hits(tmp.path(), &idx, &["法治"], &[])
        .iter()
        .map(|h| h["doc"].as_str().unwrap().to_owned())
        .collect();
    let want: BTreeSet<String> = ["r\\xFE.txt", "r\\xFF.txt"].map(String::from).into();
    assert_eq!(ids, want);
}

#[test]
fn a_changed_dictionary_that_would_drop_documents_asks_for_rebuild() {
    let tmp = tempfile::tempdir().unwrap();
    let nat = national(tmp.path());
    let idx = tmp.path().join("idx");
    ingest(tmp.path(), &idx, &[&seeds(), &nat]);
    assert_eq!(stats(tmp.path(), &idx)["documents"], 77);
    std::fs::write(tmp.path().join("mine.txt"), "审管分离改革 500 nz\n").unwrap();
    // The tester's case: a new --dict with one path wiped 94 documents down to 1.
    let one = seeds().join("001_db632a6819f2f662.txt");
    let out = govmine(tmp.path())
        .args(["ingest", "--quiet", "--index", "idx", "--dict", "mine.txt"])
        .arg(&one)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("--rebuild") && err.contains("76 of its documents"),
        "{err}"
    );
    assert_eq!(stats(tmp.path(), &idx)["documents"], 77);
    // --rebuild reads every recorded input again, with the new dictionary.
    let out = govmine(tmp.path())
        .args([
            "ingest",
            "--rebuild",
            "--quiet",
            "--index",
            "idx",
            "--dict",
            "mine.txt",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("77 documents indexed"),
        "{}",
        stderr(&out)
    );
    let out = run(
        tmp.path(),
        &["search", "审管分离", "--index", "idx", "--dict", "mine.txt"],
    );
    assert!(
        out.status.success() && stderr(&out).is_empty(),
        "{}",
        stderr(&out)
    );
    // Given every input, a rebuild needs no flag: nothing is dropped.
    let out = govmine(tmp.path())
        .args(["ingest", "--quiet", "--index", "idx"])
        .args([&seeds(), &nat])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stats(tmp.path(), &idx)["documents"], 77);
}

/// Two ingests started together: exactly one writes, the other exits 2 naming the
/// writer, and nothing the winner indexed is lost.
fn race(tmp: &Path, idx: &Path, a: &Path, b: &Path) -> (Output, Output) {
    let first = spawn_ingest(tmp, idx, &[a]);
    let second = spawn_ingest(tmp, idx, &[b]);
    (
        first.wait_with_output().unwrap(),
        second.wait_with_output().unwrap(),
    )
}

fn one_won(outs: &(Output, Output)) -> bool {
    let (a, b) = outs;
    assert!(
        a.status.success() != b.status.success(),
        "exactly one ingest must win:\n{}\n{}",
        stderr(a),
        stderr(b)
    );
    let loser = if a.status.success() { b } else { a };
    assert_eq!(loser.status.code(), Some(2));
    let err = stderr(loser);
    assert!(
        err.contains("is being written by another govmine (pid "),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    a.status.success()
}

#[test]
fn two_ingests_at_once_one_writes_the_other_exits_2() {
    let tmp = tempfile::tempdir().unwrap();
    let nat = national(tmp.path());
    let cpc = tmp.path().join("cpc.jsonl");
    std::fs::copy(shared_corpus().join("cpc-congress-reports.jsonl"), &cpc).unwrap();
    // Into a new index.
    let idx = tmp.path().join("new");
    let first_won = one_won(&race(tmp.path(), &idx, &nat, &cpc));
    let docs = stats(tmp.path(), &idx)["documents"].as_u64().unwrap();
    assert_eq!(docs, if first_won { 72 } else { 16 });
    // Into an existing one.
    let idx = tmp.path().join("old");
    ingest(tmp.path(), &idx, &[&seeds()]);
    let first_won = one_won(&race(tmp.path(), &idx, &nat, &cpc));
    let docs = stats(tmp.path(), &idx)["documents"].as_u64().unwrap();
    assert_eq!(docs, 5 + if first_won { 72 } else { 16 });
    // The loser, run again, completes: every document of both is there.
    ingest(tmp.path(), &idx, &[if first_won { &cpc } else { &nat }]);
    assert_eq!(stats(tmp.path(), &idx)["documents"], 5 + 72 + 16);
}

#[test]
fn ingest_killed_at_any_point_leaves_the_index_before_or_after() {
    let tmp = tempfile::tempdir().unwrap();
    let nat = national(tmp.path());
    let pre = tmp.path().join("pre");
    ingest(tmp.path(), &pre, &[&seeds()]);
    // The index after: seeds, then the national reports.
    let post = tmp.path().join("post");
    copy_dir(&pre, &post);
    let t0 = Instant::now();
    ingest(tmp.path(), &post, &[&nat]);
    let run_time = t0.elapsed();
    // 法治 is in every seed and in many national reports; 改革开放 only in the latter.
    let terms = ["法治", "改革开放"];
    let before: Vec<_> = terms.iter().map(|t| found(tmp.path(), &pre, t)).collect();
    let after: Vec<_> = terms.iter().map(|t| found(tmp.path(), &post, t)).collect();
    assert_ne!(before, after);
    let mut states = BTreeSet::new();
    for (k, f) in [0.05, 0.2, 0.4, 0.6, 0.8, 0.9, 0.97, 1.0]
        .into_iter()
        .enumerate()
    {
        let idx = tmp.path().join(format!("k{k}"));
        copy_dir(&pre, &idx);
        let mut child = spawn_ingest(tmp.path(), &idx, &[&nat]);
        std::thread::sleep(run_time.mul_f64(f));
        let _ = child.kill(); // SIGKILL
        child.wait().unwrap();
        let now: Vec<_> = terms.iter().map(|t| found(tmp.path(), &idx, t)).collect();
        let docs = stats(tmp.path(), &idx)["documents"].as_u64().unwrap();
        match (now == before, now == after) {
            (true, _) => assert_eq!(docs, 5, "kill at {f}"),
            (_, true) => assert_eq!(docs, 77, "kill at {f}"),
            _ => panic!("kill at {f}: search is neither the index before nor after"),
        }
        states.insert(now == after);
        // A complete ingest afterwards holds every document, and nothing the killed
        // run wrote is left behind.
        ingest(tmp.path(), &idx, &[&nat]);
        let s = stats(tmp.path(), &idx);
        assert_eq!(s["documents"], 77);
        let now: Vec<_> = terms.iter().map(|t| found(tmp.path(), &idx, t)).collect();
        assert_eq!(now, after, "kill at {f}: completed ingest");
        assert_eq!(s["index_bytes"].as_u64().unwrap(), du(&idx));
    }
    // The kills landed before the commit at least once.
    assert!(states.contains(&false), "{states:?}");
}

/// Relative paths of every file under `dir`.
fn files(dir: &Path) -> BTreeSet<PathBuf> {
    let mut out = BTreeSet::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            let sub = files(&e.path());
            out.extend(sub.into_iter().map(|p| Path::new(&e.file_name()).join(p)));
        } else {
            out.insert(PathBuf::from(e.file_name()));
        }
    }
    out
}

/// Wait until the ingest `child` holds the writer of `idx` (and so has cleaned up what
/// earlier runs left) and has written a segment file not in `old`, then kill it. Returns
/// whether it had finished first.
fn kill_while_writing(mut child: Child, idx: &Path, old: &BTreeSet<PathBuf>) -> bool {
    let pid = child.id().to_string();
    let deadline = Instant::now() + Duration::from_secs(60);
    while std::fs::read_to_string(idx.join(".govmine.lock")).unwrap_or_default() != pid {
        assert!(Instant::now() < deadline, "the ingest never took the lock");
        std::thread::sleep(Duration::from_millis(5));
    }
    let writing = |f: &PathBuf| f.extension().is_some_and(|e| e == "store") && !old.contains(f);
    while child.try_wait().unwrap().is_none() && !files(idx).iter().any(writing) {
        assert!(
            Instant::now() < deadline,
            "the ingest never wrote a segment"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    let _ = child.kill();
    child.wait().unwrap().success()
}

/// Segment files in generation `g` of `idx` that its last commit does not name.
fn orphans(idx: &Path, g: &str) -> Vec<String> {
    let meta: serde_json::Value =
        serde_json::from_slice(&std::fs::read(idx.join(g).join("meta.json")).unwrap()).unwrap();
    let live: BTreeSet<String> = meta["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["segment_id"].as_str().unwrap().replace('-', ""))
        .collect();
    listing(&idx.join(g))
        .into_iter()
        .filter(|f| !f.starts_with('.') && f != "meta.json")
        .filter(|f| !live.contains(f.split('.').next().unwrap()))
        .collect()
}

#[test]
fn killed_ingests_do_not_grow_the_index() {
    let tmp = tempfile::tempdir().unwrap();
    let nat = national(tmp.path());
    let idx = tmp.path().join("idx");
    ingest(tmp.path(), &idx, &[&seeds()]);
    // A killed run leaves the segments it had written; the next run removes them, so
    // the files a kill leaves are never still there after the next kill.
    let mut seen = files(&idx);
    let mut left_before = BTreeSet::new();
    let mut any_left = false;
    for k in 0..4 {
        // Another name each time, so every run has documents to write.
        let input = tmp.path().join(format!("n{k}.jsonl"));
        std::fs::copy(&nat, &input).unwrap();
        let child = spawn_ingest(tmp.path(), &idx, &[&input]);
        let finished = kill_while_writing(child, &idx, &seen);
        let now = files(&idx);
        let left: BTreeSet<PathBuf> = now.difference(&seen).cloned().collect();
        if finished {
            left_before.clear();
        } else {
            let kept: Vec<_> = left_before.iter().filter(|f| now.contains(*f)).collect();
            assert!(kept.is_empty(), "left by an earlier killed run: {kept:?}");
            any_left |= !left.is_empty();
            left_before = left;
        }
        seen.extend(now);
        let bytes = stats(tmp.path(), &idx)["index_bytes"].as_u64().unwrap();
        assert_eq!(bytes, du(&idx));
    }
    assert!(any_left, "no kill landed while segments were being written");
    // A completed ingest afterwards: every segment file on disk is one the commit names.
    ingest(tmp.path(), &idx, &[&nat]);
    assert_eq!(orphans(&idx, "g1"), Vec::<String>::new());
    let bytes = stats(tmp.path(), &idx)["index_bytes"].as_u64().unwrap();
    assert_eq!(bytes, du(&idx));
}

#[test]
fn an_index_without_write_access_is_searchable() {
    let tmp = tempfile::tempdir().unwrap();
    let idx = tmp.path().join("idx");
    ingest(tmp.path(), &idx, &[&seeds()]);
    let want = found(tmp.path(), &idx, "三项制度");
    // Another user, who may read the index but not write it (tantivy's .managed.json is
    // 0600, so they cannot read that either). As root, run as nobody.
    let bin = tmp.path().join("govmine");
    std::fs::copy(env!("CARGO_BIN_EXE_govmine"), &bin).unwrap();
    let out = Command::new("chmod")
        .args(["-R", "a-w,go+rX"])
        .arg(tmp.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    std::fs::set_permissions(idx.join("g1/.managed.json"), {
        use std::os::unix::fs::PermissionsExt;
        std::fs::Permissions::from_mode(0o600)
    })
    .unwrap();
    let root = is_root();
    let mut cmd = if root {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin);
        c
    } else {
        Command::new(&bin)
    };
    let out = cmd
        .current_dir(tmp.path())
        .args(["search", "三项制度", "--json", "--all", "--index"])
        .arg(&idx)
        .output()
        .unwrap();
    // Give the temp dir back to its owner so it can be removed.
    Command::new("chmod")
        .args(["-R", "u+w"])
        .arg(tmp.path())
        .status()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let got: BTreeSet<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["doc"].as_str().unwrap().to_owned()
        })
        .collect();
    assert_eq!(got, want);
}

/// Is this process root (so file permissions do not stop it)?
fn is_root() -> bool {
    let out = Command::new("id").arg("-u").output().unwrap();
    String::from_utf8_lossy(&out.stdout).trim() == "0"
}

#[test]
fn a_search_during_a_rebuild_reads_the_old_index() {
    let tmp = tempfile::tempdir().unwrap();
    let nat = national(tmp.path());
    let idx = tmp.path().join("idx");
    ingest(tmp.path(), &idx, &[&seeds(), &nat]);
    let want = found(tmp.path(), &idx, "改革开放");
    let mut child = govmine(tmp.path())
        .args(["ingest", "--rebuild", "--quiet", "--index", "idx"])
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut checks = 0;
    let deadline = Instant::now() + Duration::from_secs(120);
    while child.try_wait().unwrap().is_none() && Instant::now() < deadline {
        assert_eq!(found(tmp.path(), &idx, "改革开放"), want);
        checks += 1;
    }
    assert!(child.wait().unwrap().success());
    assert!(checks > 0);
    assert_eq!(found(tmp.path(), &idx, "改革开放"), want);
    // The old generation is gone after the swap.
    assert_eq!(listing(&idx), [".govmine.lock", "g2", "govmine.json"]);
}

#[test]
fn an_index_of_a_newer_format_is_replaced_only_when_asked() {
    let tmp = tempfile::tempdir().unwrap();
    let idx = tmp.path().join("idx");
    ingest(tmp.path(), &idx, &[&seeds()]);
    let meta_path = idx.join("govmine.json");
    let mut meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&meta_path).unwrap()).unwrap();
    meta["format"] = 99.into();
    std::fs::write(&meta_path, meta.to_string()).unwrap();
    let before = listing(&idx.join("g1"));
    let out = govmine(tmp.path())
        .args(["ingest", "--quiet", "--index", "idx"])
        .arg(seeds())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("newer than this govmine"),
        "{}",
        stderr(&out)
    );
    assert_eq!(listing(&idx.join("g1")), before);
    let out = govmine(tmp.path())
        .args(["ingest", "--rebuild", "--quiet", "--index", "idx"])
        .arg(seeds())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(found(tmp.path(), &idx, "三项制度").len(), 3);
    assert_eq!(listing(&idx), [".govmine.lock", "g2", "govmine.json"]);
}
