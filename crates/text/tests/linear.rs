//! Cleaning and structuring take time linear in the text: [`process`] on generated pages
//! of N and 2N bytes takes at most 2.5 × as long on 2N. The pages are report paragraphs
//! from `corpus/` then table rows whose cells are parted by runs of spaces (each run asks
//! whether a metadata field starts there), as one line, as many lines, as an HTML page
//! without line breaks; and a line holding a quotation of end marks (each end mark asks
//! whether the quotation closes).
//!
//! (See `gen::doubling` for how the time is measured.)

mod gen;

use govmine_text::{process, Hints};

/// Bytes of the smaller page.
const N: usize = 1_500_000;

/// The shapes of a generated page.
#[derive(Clone, Copy, Debug)]
enum Shape {
    OneLine,
    ManyLines,
    Html,
    EndMarks,
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

#[test]
fn clean_and_structure_are_linear() {
    let lines = gen::seed_lines();
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
        if let Err(e) = gen::doubling(&small, &big, |p| {
            std::hint::black_box(process(p, &hints));
        }) {
            panic!("{shape:?}: {e}");
        }
    }
}
