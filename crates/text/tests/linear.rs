//! Cleaning and structuring take time linear in the text: [`process`] on generated pages
//! of N and 2N bytes takes at most 2.5 × as long on 2N. The pages are report paragraphs
//! from `corpus/` then table rows whose cells are parted by runs of spaces (each run asks
//! whether a metadata field starts there), as one line, as many lines, as an HTML page
//! without line breaks; and a line holding a quotation of end marks (each end mark asks
//! whether the quotation closes).
//!
//! Timings are the fastest of several runs, N and 2N measured in turn, after a warm-up;
//! a failed comparison is measured again, so only a real growth faster than the text fails.

use std::time::{Duration, Instant};

use govmine_text::{process, Hints};

/// Bytes of the smaller page.
const N: usize = 1_500_000;
const MAX_RATIO: f64 = 2.5;
const REPS: usize = 3;
const ATTEMPTS: usize = 3;

/// The shapes of a generated page.
#[derive(Clone, Copy, Debug)]
enum Shape {
    OneLine,
    ManyLines,
    Html,
    EndMarks,
}

/// The lines of the seed reports in `corpus/`, trimmed, empty ones dropped.
fn seed_lines() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .flat_map(|p| {
            std::fs::read_to_string(p)
                .expect("seed text")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// A table row flattened into text: cells parted by runs of spaces, no end mark.
fn row(k: usize) -> String {
    format!("行政审批事项   {k}件   同比增长   {}.5%   ", k % 13)
}

/// A page of at least `bytes` bytes: report lines, then table rows.
fn page(lines: &[String], bytes: usize, shape: Shape) -> String {
    if let Shape::EndMarks = shape {
        return format!("他说：“{}好”", "。".repeat(bytes / 3));
    }
    let (open, close) = match shape {
        Shape::Html => ("<p>", "</p><script>var a = '<p>';</script>"),
        Shape::ManyLines => ("", "\n"),
        _ => ("", ""),
    };
    let mut out = String::with_capacity(bytes + 4096);
    let mut k = 0;
    while out.len() < bytes {
        let piece = if out.len() < bytes / 2 {
            lines[k % lines.len()].clone()
        } else {
            row(k)
        };
        out.push_str(open);
        out.push_str(&piece);
        out.push_str(close);
        k += 1;
    }
    out
}

/// The fastest of [`REPS`] runs of [`process`] on each page, taken in turn.
fn fastest(pages: [&str; 2], hints: &Hints) -> [Duration; 2] {
    let mut best = [Duration::MAX; 2];
    for _ in 0..REPS {
        for (i, p) in pages.iter().enumerate() {
            let start = Instant::now();
            std::hint::black_box(process(p, hints));
            best[i] = best[i].min(start.elapsed());
        }
    }
    best
}

#[test]
fn clean_and_structure_are_linear() {
    let lines = seed_lines();
    for shape in [
        Shape::OneLine,
        Shape::ManyLines,
        Shape::Html,
        Shape::EndMarks,
    ] {
        let hints = Hints {
            html: matches!(shape, Shape::Html),
            ..Hints::default()
        };
        let small = page(&lines, N, shape);
        let big = page(&lines, 2 * N, shape);
        let scale = 2.0 * small.len() as f64 / big.len() as f64;
        std::hint::black_box(process(&small, &hints));
        let mut seen = Vec::new();
        for _ in 0..ATTEMPTS {
            let [t1, t2] = fastest([&small, &big], &hints);
            let ratio = t2.as_secs_f64() / t1.as_secs_f64() * scale;
            if ratio <= MAX_RATIO {
                break;
            }
            seen.push(format!("{t1:?} → {t2:?} (×{ratio:.2})"));
        }
        assert!(
            seen.len() < ATTEMPTS,
            "{shape:?}: time grows faster than the text from {} to {} bytes: {}",
            small.len(),
            big.len(),
            seen.join(", ")
        );
    }
}
