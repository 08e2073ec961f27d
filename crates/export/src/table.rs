//! Records as table rows: the columns of each record type, in one place, shared by the
//! CSV and Parquet writers.
//!
//! Every table starts with the common columns (`doc`, `doc_id`, `start`, `end`,
//! `section`, `region`, `province`, `prefecture`, `county`, `region_code`, `year`,
//! `sentence`), then the type's own. Lists become one string: a heading path joined
//! with ` › `, an expansion with `、`, a document's places as `name (role)` joined with `；`.

use govmine_extract::{Data, Decimal, Record, RecordType};

/// The type of a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnType {
    /// UTF-8 text.
    Text,
    /// 64-bit integer.
    Int,
    /// 64-bit float (a quantity's value; the exact value is in `value_exact`).
    Float,
    /// Boolean.
    Bool,
}

/// One column.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    /// Header / field name.
    pub name: &'static str,
    /// Its type.
    pub ctype: ColumnType,
}

/// One cell; `None` is empty (CSV) or null (Parquet).
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text.
    Text(Option<String>),
    /// Integer.
    Int(Option<i64>),
    /// Float.
    Float(Option<f64>),
    /// Boolean.
    Bool(Option<bool>),
}

impl Cell {
    /// As CSV writes it: text by [`csv_text_cell`](crate::csv_text_cell) (a `'` before
    /// a formula), numbers and booleans as they are.
    pub fn to_csv(&self) -> String {
        match self {
            Cell::Text(v) => v
                .as_deref()
                .map(|s| crate::csv_text_cell(s).into_owned())
                .unwrap_or_default(),
            Cell::Int(v) => v.map(|x| x.to_string()).unwrap_or_default(),
            Cell::Float(v) => v.map(|x| x.to_string()).unwrap_or_default(),
            Cell::Bool(v) => v.map(|x| x.to_string()).unwrap_or_default(),
        }
    }
}

const fn col(name: &'static str, ctype: ColumnType) -> Column {
    Column { name, ctype }
}

use ColumnType::{Bool, Float, Int, Text};

const COMMON: [Column; 12] = [
    col("doc", Text),
    col("doc_id", Text),
    col("start", Int),
    col("end", Int),
    col("section", Text),
    col("region", Text),
    col("province", Text),
    col("prefecture", Text),
    col("county", Text),
    col("region_code", Text),
    col("year", Int),
    col("sentence", Text),
];

/// The type's own columns, after the common ones.
fn own_columns(t: RecordType) -> Vec<Column> {
    match t {
        RecordType::Quantity => vec![
            col("text", Text),
            col("value", Float),
            col("value_exact", Text),
            col("value_to", Float),
            col("value_to_exact", Text),
            col("unit", Text),
            col("kind", Text),
            col("approx", Bool),
            col("qualifier", Text),
            col("status", Text),
            col("subject", Text),
            col("form", Text),
            col("direction", Text),
            col("aggregation", Text),
            col("basis", Text),
            col("period_from", Int),
            col("period_to", Int),
            col("ref_year", Int),
            col("period_source", Text),
            col("scope", Text),
            col("scope_text", Text),
            col("indicator", Text),
            col("indicator_name", Text),
        ],
        RecordType::Date => vec![col("text", Text), col("iso", Text)],
        RecordType::Mechanism => vec![
            col("name", Text),
            col("key", Text),
            col("expansion", Text),
            col("quoted", Bool),
        ],
        RecordType::Measure => vec![col("marker", Text), col("index", Int), col("text", Text)],
        RecordType::PolicyDoc => vec![col("title", Text), col("kind", Text)],
        RecordType::Document => vec![
            col("title", Text),
            col("publish_date", Text),
            col("regions", Text),
        ],
    }
}

/// Every column of a record type's table.
pub fn columns(t: RecordType) -> Vec<Column> {
    COMMON.iter().copied().chain(own_columns(t)).collect()
}

fn text(s: &str) -> Cell {
    Cell::Text(Some(s.to_owned()))
}

fn opt_text(s: Option<&str>) -> Cell {
    Cell::Text(s.map(str::to_owned))
}

fn int(n: usize) -> Cell {
    Cell::Int(i64::try_from(n).ok())
}

/// A serde enum's name (`snake_case`), as JSON writes it.
fn name_of(v: &impl serde::Serialize) -> Cell {
    Cell::Text(
        serde_json::to_value(v)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned)),
    )
}

fn decimal_cells(d: Option<Decimal>) -> [Cell; 2] {
    [
        Cell::Float(d.map(Decimal::to_f64)),
        Cell::Text(d.map(|d| d.to_string())),
    ]
}

/// A record as a row of [`columns`]`(record.rtype)`.
pub fn row(r: &Record) -> Vec<Cell> {
    let (start, end) = r.span();
    let g = r.region.as_ref();
    let mut cells = vec![
        text(&r.doc),
        text(&r.doc_id),
        int(start),
        int(end),
        text(&r.section.join(" › ")),
        opt_text(g.map(|g| g.name.as_str())),
        opt_text(g.and_then(|g| g.province.as_deref())),
        opt_text(g.and_then(|g| g.prefecture.as_deref())),
        opt_text(g.and_then(|g| g.county.as_deref())),
        opt_text(g.and_then(|g| g.code.as_deref())),
        Cell::Int(r.year.map(i64::from)),
        text(&r.sentence),
    ];
    match &r.data {
        Data::Quantity(q) => {
            cells.push(text(&q.text));
            cells.extend(decimal_cells(Some(q.value)));
            cells.extend(decimal_cells(q.value_to));
            cells.push(text(&q.unit));
            cells.push(name_of(&q.kind));
            cells.push(Cell::Bool(Some(q.approx)));
            cells.push(name_of(&q.qualifier));
            cells.push(name_of(&q.status));
            cells.push(text(&q.subject));
            cells.push(text(q.form.as_str()));
            cells.push(opt_text(q.direction.map(|d| d.as_str())));
            cells.push(text(q.aggregation.as_str()));
            cells.push(text(q.basis.as_str()));
            for year in [q.period_from, q.period_to, q.ref_year] {
                cells.push(Cell::Int(year.map(i64::from)));
            }
            cells.push(opt_text(q.period_source.map(|p| p.as_str())));
            cells.push(text(q.scope.as_str()));
            cells.push(opt_text(q.scope_text.as_deref()));
            cells.push(opt_text(q.indicator.as_deref()));
            cells.push(opt_text(q.indicator_name.as_deref()));
        }
        Data::Date(d) => {
            cells.push(text(&d.text));
            cells.push(text(&d.iso));
        }
        Data::Mechanism(m) => {
            cells.push(text(&m.name));
            cells.push(text(&m.key));
            cells.push(text(&m.expansion.join("、")));
            cells.push(Cell::Bool(Some(m.quoted)));
        }
        Data::Measure(m) => {
            cells.push(text(&m.marker));
            cells.push(Cell::Int(Some(i64::from(m.index))));
            cells.push(text(&m.text));
        }
        Data::PolicyDoc(p) => {
            cells.push(text(&p.title));
            cells.push(text(&p.kind));
        }
        Data::Document(d) => {
            cells.push(opt_text(d.title.as_deref()));
            cells.push(opt_text(d.publish_date.as_deref()));
            let regions: Vec<String> = d
                .regions
                .iter()
                .map(|p| format!("{} ({})", p.name, p.role))
                .collect();
            cells.push(text(&regions.join("；")));
        }
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;
    use govmine_extract::quantities;

    #[test]
    fn rows_match_their_columns() {
        let q = quantities("共办理各类案件93.33万件").remove(0);
        let r = Record {
            rtype: RecordType::Quantity,
            doc: "a.txt".into(),
            doc_id: "a.txt".into(),
            section: vec!["一".into(), "（二）".into()],
            region: None,
            year: None,
            sentence: "s".into(),
            data: Data::Quantity(q),
        };
        let cols = columns(RecordType::Quantity);
        let cells = row(&r);
        assert_eq!(cols.len(), cells.len());
        for (c, v) in cols.iter().zip(&cells) {
            let ok = matches!(
                (c.ctype, v),
                (Text, Cell::Text(_))
                    | (Int, Cell::Int(_))
                    | (Float, Cell::Float(_))
                    | (Bool, Cell::Bool(_))
            );
            assert!(ok, "{} holds {v:?}", c.name);
        }
        let at = |name: &str| cells[cols.iter().position(|c| c.name == name).unwrap()].to_csv();
        assert_eq!(at("value"), "933300");
        assert_eq!(at("value_exact"), "933300");
        assert_eq!(at("section"), "一 › （二）");
        assert_eq!(at("qualifier"), "none");
        assert_eq!(at("year"), "");
    }

    #[test]
    fn text_cells_that_start_a_formula_are_text_in_csv() {
        // The tester's title and sentences, as a spreadsheet would run them.
        for (raw, shown) in [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "'=HYPERLINK(\"http://x\",\"y\")",
            ),
            (
                "+全面推行行政执法“三项制度”。",
                "'+全面推行行政执法“三项制度”。",
            ),
            ("@全市共聘请法律顾问434人。", "'@全市共聘请法律顾问434人。"),
            ("-1+cmd|' /C calc'!A0", "'-1+cmd|' /C calc'!A0"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
        ] {
            assert_eq!(Cell::Text(Some(raw.into())).to_csv(), shown);
        }
        // A plain number is not a formula: `value_exact` of a fall stays a number.
        assert_eq!(Cell::Text(Some("-3.3".into())).to_csv(), "-3.3");
        assert_eq!(Cell::Float(Some(-3.3)).to_csv(), "-3.3");
        assert_eq!(Cell::Int(Some(-3)).to_csv(), "-3");
        assert_eq!(Cell::Text(Some("93.33万件".into())).to_csv(), "93.33万件");
    }
}
