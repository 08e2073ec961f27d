//! The raw jieba ceiling: how fast the ingest segmenter alone cuts a corpus.
//!
//! Usage: `rawcut DIR [--threads N] [--reps R]`
//!
//! Walks DIR like `govmine ingest` (`.txt`/`.md` read as UTF-8, lossy; `.jsonl` records'
//! text via `jsonl_records`), then folds and cuts every document with the segmenter
//! ingest builds (`Pipeline::new(&[])`), on a rayon pool of N threads, R times (default 3)
//! and reports the fastest. Only the fold + cut is timed; dictionary loading and
//! reading are not. Prints:
//!
//! ```text
//! read mb_per_s=R files=F bytes=B seconds=S
//! rawcut threads=N bytes=B seconds=S mb_per_s=R tokens=T docs=D text_bytes=TB reps=R
//! ```
//!
//! `bytes` are the file bytes read (what `govmine ingest` reports as MB), so the two
//! MB/s figures compare directly; `text_bytes` are the bytes actually cut.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use rayon::prelude::*;

use govmine_ingest::source::{jsonl_records, walk, FileKind};
use govmine_ingest::Pipeline;

fn main() -> ExitCode {
    let mut dir: Option<PathBuf> = None;
    let mut threads = 1usize;
    let mut reps = 3usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--threads" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) if n > 0 => threads = n,
                _ => return usage("--threads needs a positive number"),
            },
            "--reps" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) if n > 0 => reps = n,
                _ => return usage("--reps needs a positive number"),
            },
            "-h" | "--help" => return usage(""),
            _ if dir.is_none() => dir = Some(PathBuf::from(a)),
            _ => return usage(&format!("unexpected argument {a}")),
        }
    }
    let Some(dir) = dir else {
        return usage("DIR is required");
    };

    // Read: walk and read every file, split records (timed apart from cutting).
    let t_read = Instant::now();
    let (files, _skips) = walk(&[dir]);
    let mut bytes = 0u64;
    let mut docs: Vec<String> = Vec::new();
    for f in &files {
        let raw = match std::fs::read(&f.path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{}: {e}", f.path.display());
                continue;
            }
        };
        bytes += raw.len() as u64;
        let text = String::from_utf8_lossy(&raw);
        match f.kind {
            FileKind::Text => docs.push(text.into_owned()),
            FileKind::Jsonl => {
                let recs = jsonl_records(f, &text, None, govmine_text::Encoding::Utf8);
                docs.extend(recs.docs.into_iter().filter_map(|r| r.text));
            }
            // The bench corpus has no HTML or CSV; cutting their raw markup would not
            // be what ingest cuts, so they are left out.
            FileKind::Html | FileKind::Csv => {}
        }
    }
    let read_secs = t_read.elapsed().as_secs_f64();
    println!(
        "read mb_per_s={:.1} files={} bytes={bytes} seconds={read_secs:.3}",
        bytes as f64 / 1e6 / read_secs.max(1e-9),
        files.len()
    );

    // Dictionary loading: not timed.
    let pipeline = match Pipeline::new(&[]) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("rawcut: {e}");
            return ExitCode::FAILURE;
        }
    };
    let seg = &pipeline.segmenter;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("thread pool");
    // Warm up: the first cut touches lazily built tables.
    pool.install(|| {
        (0..threads).into_par_iter().for_each(|_| {
            let _ = seg.cut(&govmine_segment::fold("法治政府建设实施纲要"));
        })
    });

    let text_bytes: usize = docs.iter().map(String::len).sum();
    let mut secs = f64::INFINITY;
    let mut tokens = 0usize;
    for _ in 0..reps {
        let t_cut = Instant::now();
        tokens = pool.install(|| {
            docs.par_iter()
                .map(|d| seg.cut(&govmine_segment::fold(d)).len())
                .sum()
        });
        secs = secs.min(t_cut.elapsed().as_secs_f64());
    }
    println!(
        "rawcut threads={threads} bytes={bytes} seconds={secs:.3} mb_per_s={:.2} tokens={tokens} docs={} text_bytes={text_bytes} reps={reps}",
        bytes as f64 / 1e6 / secs.max(1e-9),
        docs.len()
    );
    ExitCode::SUCCESS
}

fn usage(err: &str) -> ExitCode {
    if !err.is_empty() {
        eprintln!("rawcut: {err}");
    }
    eprintln!("usage: rawcut DIR [--threads N] [--reps R]");
    if err.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}
