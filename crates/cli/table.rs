//! Tables for the terminal (aligned by display width, so CJK lines up, and fitted to
//! the terminal's columns) and the same rows as CSV (UTF-8 with BOM, every column).

use std::borrow::Cow;
use std::io::Write;

use govmine_export::csv_text_cell;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::output::shown;

/// Terminal width when `COLUMNS` does not say.
pub const DEFAULT_WIDTH: usize = 80;
/// Narrowest a shrunk column gets.
const MIN_SHRUNK: usize = 8;

/// Where a column's cells sit.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Align {
    /// Text.
    Left,
    /// Numbers.
    Right,
}

/// One column: its name, alignment, and whether the terminal table shows it (CSV has
/// them all).
#[derive(Clone, Debug)]
pub struct Column {
    pub name: &'static str,
    pub align: Align,
    pub shown: bool,
}

/// A shown left-aligned text column.
pub fn text(name: &'static str) -> Column {
    Column {
        name,
        align: Align::Left,
        shown: true,
    }
}

/// A shown right-aligned number column.
pub fn number(name: &'static str) -> Column {
    Column {
        name,
        align: Align::Right,
        shown: true,
    }
}

/// A column for CSV only.
pub fn csv_only(name: &'static str) -> Column {
    Column {
        name,
        align: Align::Left,
        shown: false,
    }
}

/// Rows of cells, each with an optional detail line shown under it in the terminal.
pub struct Table {
    columns: Vec<Column>,
    rows: Vec<(Vec<String>, Option<String>)>,
}

/// A row's cells and detail line as printed for people.
type ShownRow<'a> = (Vec<Cow<'a, str>>, Option<Cow<'a, str>>);

/// The terminal width: `COLUMNS`, else 80.
pub fn width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse().ok())
        .filter(|&w: &usize| w >= 20)
        .unwrap_or(DEFAULT_WIDTH)
}

/// Display width of a string (CJK chars are two columns).
pub fn display_width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` cut to at most `w` columns, with `…` when cut.
pub fn truncate(s: &str, w: usize) -> String {
    if display_width(s) <= w {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = UnicodeWidthChar::width(c).unwrap_or(0);
        if used + cw + 1 > w {
            break;
        }
        out.push(c);
        used += cw;
    }
    out.push('…');
    out
}

fn pad(s: &str, w: usize, align: Align) -> String {
    let fill = " ".repeat(w.saturating_sub(display_width(s)));
    match align {
        Align::Left => format!("{s}{fill}"),
        Align::Right => format!("{fill}{s}"),
    }
}

impl Table {
    pub fn new(columns: Vec<Column>) -> Table {
        Table {
            columns,
            rows: Vec::new(),
        }
    }

    /// Add a row (one cell per column).
    pub fn push(&mut self, cells: Vec<String>) {
        debug_assert_eq!(cells.len(), self.columns.len());
        self.rows.push((cells, None));
    }

    /// Add a row with a detail line under it (a sentence, a source).
    pub fn push_with_detail(&mut self, cells: Vec<String>, detail: String) {
        debug_assert_eq!(cells.len(), self.columns.len());
        self.rows.push((cells, Some(detail)));
    }

    /// The rows as people see them: every cell and detail [`shown`] (a control char as
    /// `\u{1b}`), so widths are measured on what is printed.
    fn shown_rows(&self) -> Vec<ShownRow<'_>> {
        self.rows
            .iter()
            .map(|(cells, detail)| {
                let cells = cells.iter().map(|c| shown(c)).collect();
                (cells, detail.as_deref().map(shown))
            })
            .collect()
    }

    /// Widths of the `visible` columns: each its widest cell or name, then the widest text
    /// column shrunk until the line fits `width` (or nothing can shrink).
    fn widths(&self, rows: &[ShownRow<'_>], visible: &[usize], width: usize) -> Vec<usize> {
        let mut widths: Vec<usize> = visible
            .iter()
            .map(|&i| {
                rows.iter()
                    .map(|(cells, _)| display_width(&cells[i]))
                    .chain([display_width(self.columns[i].name)])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let gaps = 2 * visible.len().saturating_sub(1);
        while widths.iter().sum::<usize>() + gaps > width {
            let widest = (0..visible.len())
                .filter(|&k| {
                    self.columns[visible[k]].align == Align::Left && widths[k] > MIN_SHRUNK
                })
                .max_by_key(|&k| widths[k]);
            let Some(k) = widest else { break };
            let over = widths.iter().sum::<usize>() + gaps - width;
            widths[k] = widths[k].saturating_sub(over).max(MIN_SHRUNK);
        }
        widths
    }

    /// The visible columns aligned, the widest text columns cut to fit `width`; detail
    /// lines indented and cut to fit too. Cells are [`shown`].
    pub fn write_human(&self, out: &mut impl Write, width: usize) -> std::io::Result<()> {
        let visible: Vec<usize> = (0..self.columns.len())
            .filter(|&i| self.columns[i].shown)
            .collect();
        let rows = self.shown_rows();
        let widths = self.widths(&rows, &visible, width);
        let line = |cells: &mut dyn Iterator<Item = (usize, &str)>| -> String {
            let parts: Vec<String> = cells
                .map(|(k, s)| {
                    let col = &self.columns[visible[k]];
                    pad(&truncate(s, widths[k]), widths[k], col.align)
                })
                .collect();
            parts.join("  ").trim_end().to_string()
        };
        let header = line(
            &mut visible
                .iter()
                .enumerate()
                .map(|(k, &i)| (k, self.columns[i].name)),
        );
        writeln!(out, "{header}")?;
        for (cells, detail) in &rows {
            writeln!(
                out,
                "{}",
                line(&mut visible.iter().enumerate().map(|(k, &i)| (k, &*cells[i])))
            )?;
            if let Some(d) = detail {
                writeln!(out, "  {}", truncate(d, width.saturating_sub(2)))?;
            }
        }
        Ok(())
    }

    /// Every column as CSV, UTF-8 with a BOM (so Excel reads the Chinese right); headers
    /// with `_` for spaces (`as written` → `as_written`). Text cells follow
    /// [`csv_text_cell`] (a `'` before a formula); number columns are written as they are.
    pub fn write_csv(&self, out: &mut impl Write) -> anyhow::Result<()> {
        out.write_all("\u{feff}".as_bytes())?;
        let mut w = csv::Writer::from_writer(out);
        w.write_record(self.columns.iter().map(|c| c.name.replace(' ', "_")))?;
        for (cells, _) in &self.rows {
            w.write_record(self.columns.iter().zip(cells).map(|(c, v)| match c.align {
                Align::Left => csv_text_cell(v).into_owned(),
                Align::Right => v.clone(),
            }))?;
        }
        w.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_columns_line_up_by_display_width() {
        let mut t = Table::new(vec![text("place"), number("value"), csv_only("doc")]);
        t.push(vec!["甘肃省酒泉市".into(), "75".into(), "a".into()]);
        t.push(vec!["山东省菏泽市郓城县".into(), "100".into(), "b".into()]);
        let mut out = Vec::new();
        t.write_human(&mut out, 80).unwrap();
        let s = String::from_utf8(out).unwrap();
        let widths: Vec<usize> = s.lines().map(display_width).collect();
        assert_eq!(widths, vec![25, 25, 25], "{s}");
        assert!(!s.contains('a') || !s.contains("doc"));
    }

    #[test]
    fn long_text_is_cut_to_the_width() {
        let mut t = Table::new(vec![text("key"), text("places")]);
        t.push_with_detail(
            vec!["三项制度".into(), "河南省濮阳市、".repeat(20)],
            "句".repeat(100),
        );
        let mut out = Vec::new();
        t.write_human(&mut out, 80).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(s.lines().all(|l| display_width(l) <= 80), "{s}");
        assert!(s.contains('…'));
    }

    #[test]
    fn controls_in_cells_are_shown_escaped_and_counted_in_the_width() {
        let mut t = Table::new(vec![text("document"), number("mentions")]);
        t.push_with_detail(
            vec!["a\u{1b}[2Jb.txt".into(), "1".into()],
            "推进法治\u{1b}]52;c;SGVsbG8=\u{7}。".into(),
        );
        t.push(vec!["001.txt".into(), "12".into()]);
        let mut out = Vec::new();
        t.write_human(&mut out, 80).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(!s.contains(['\u{1b}', '\u{7}']), "{s:?}");
        assert!(s.contains(r"推进法治\u{1b}]52;c;SGVsbG8=\u{7}。"), "{s}");
        let rows: Vec<&str> = s.lines().filter(|l| !l.starts_with("  ")).collect();
        assert_eq!(rows[1], r"a\u{1b}[2Jb.txt         1");
        assert!(
            rows.iter()
                .all(|l| display_width(l) == display_width(rows[1])),
            "{s}"
        );
    }

    #[test]
    fn csv_text_cells_that_start_a_formula_are_text_and_numbers_stay() {
        let mut t = Table::new(vec![
            text("document"),
            number("value"),
            csv_only("sentence"),
        ]);
        t.push(vec![
            "=1+2.txt".into(),
            "-3.3".into(),
            "@全市共聘请法律顾问434人。".into(),
        ]);
        let mut out = Vec::new();
        t.write_csv(&mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\u{feff}document,value,sentence\n'=1+2.txt,-3.3,'@全市共聘请法律顾问434人。\n"
        );
    }

    #[test]
    fn csv_has_a_bom_and_every_column() {
        let mut t = Table::new(vec![text("place"), csv_only("doc")]);
        t.push(vec!["酒泉".into(), "001.txt".into()]);
        let mut out = Vec::new();
        t.write_csv(&mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\u{feff}place,doc\n酒泉,001.txt\n"
        );
    }
}
