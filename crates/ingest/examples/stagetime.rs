//! Time each stage of one document: clean and structure, places, every extractor, and
//! the records (sections, places, sentences). For finding what grows faster than the text.
//!
//! Usage: `stagetime FILE [--html] [--reps R]` (FILE is read as UTF-8, lossy). Prints one
//! line per stage: `stage=NAME ms=T mb_per_s=R peak_rss_mb=P` (fastest of R runs, default
//! 1; the peak resident set of the process so far, on Linux).

use std::process::ExitCode;
use std::time::Instant;

use govmine_extract::{citation, date, measure, mechanism, quantities, TypeSet};
use govmine_ingest::records::{records, Source};
use govmine_places::{attribute, Gazetteer};
use govmine_text::Hints;

/// The fastest of `reps` runs of `f`, in ms.
fn best_ms(reps: usize, mut f: impl FnMut()) -> f64 {
    (0..reps)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .fold(f64::INFINITY, f64::min)
}

/// The peak resident set so far (Linux: `VmHWM` of `/proc/self/status`), in MB.
fn peak_rss_mb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: stagetime FILE [--html] [--reps R]");
        return ExitCode::from(2);
    };
    let hints = Hints {
        html: args.iter().any(|a| a == "--html"),
        ..Hints::default()
    };
    let reps = args
        .iter()
        .position(|a| a == "--reps")
        .and_then(|i| args.get(i + 1)?.parse().ok())
        .unwrap_or(1);
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("stagetime: {path}: {e}");
            return ExitCode::from(2);
        }
    };
    let raw = String::from_utf8_lossy(&bytes).into_owned();
    let mb = raw.len() as f64 / 1e6;
    let report = |name: &str, ms: f64| {
        println!(
            "stage={name} ms={ms:.1} mb_per_s={:.1} peak_rss_mb={}",
            mb / ms * 1000.0,
            peak_rss_mb().map_or("?".into(), |p| p.to_string())
        );
    };
    let gaz = Gazetteer::embedded();
    let mut doc = None;
    report(
        "process",
        best_ms(reps, || doc = Some(govmine_text::process(&raw, &hints))),
    );
    let doc = doc.expect("ran once");
    let text = doc.text.as_str();
    let mut placement = None;
    report(
        "places",
        best_ms(reps, || placement = Some(attribute(&doc, &hints, gaz))),
    );
    let placement = placement.expect("ran once");
    report("quantity", best_ms(reps, || drop(quantities(text))));
    report("date", best_ms(reps, || drop(date::dates(text))));
    report(
        "mechanism",
        best_ms(reps, || drop(mechanism::mechanisms(text))),
    );
    report("measure", best_ms(reps, || drop(measure::measures(text))));
    report(
        "policy_doc",
        best_ms(reps, || drop(citation::policy_docs(text))),
    );
    let source = Source {
        doc: path,
        doc_id: path,
    };
    let mut n = 0;
    report(
        "records",
        best_ms(reps, || {
            n = records(&doc, &placement, gaz, &source, TypeSet::all()).len()
        }),
    );
    println!(
        "doc chars={} paragraphs={} sentences={} records={n}",
        text.chars().count(),
        doc.paragraphs.len(),
        doc.sentences.len()
    );
    ExitCode::SUCCESS
}
