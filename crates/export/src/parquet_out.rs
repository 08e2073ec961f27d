//! One Parquet file per record type: typed, nullable columns from [`crate::table`],
//! Snappy-compressed, a row group per [`ROW_GROUP`] rows.

use std::fs::File;
use std::sync::Arc;

use parquet::basic::Compression;
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DataType, DoubleType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::{SerializedColumnWriter, SerializedFileWriter};
use parquet::schema::parser::parse_message_type;

use govmine_extract::RecordType;

use crate::table::{columns, Cell, Column, ColumnType};
use crate::Error;

/// Rows buffered before a row group is written.
pub const ROW_GROUP: usize = 64 * 1024;

/// A Parquet file being written.
pub struct ParquetTable {
    writer: SerializedFileWriter<File>,
    columns: Vec<Column>,
    rows: Vec<Vec<Cell>>,
}

fn schema_of(t: RecordType, cols: &[Column]) -> String {
    let fields: Vec<String> = cols
        .iter()
        .map(|c| match c.ctype {
            ColumnType::Text => format!("OPTIONAL BYTE_ARRAY {} (UTF8);", c.name),
            ColumnType::Int => format!("OPTIONAL INT64 {};", c.name),
            ColumnType::Float => format!("OPTIONAL DOUBLE {};", c.name),
            ColumnType::Bool => format!("OPTIONAL BOOLEAN {};", c.name),
        })
        .collect();
    format!("message {} {{ {} }}", t.as_str(), fields.join(" "))
}

/// Write one column chunk: the non-null values `value` gives, with definition levels.
fn write<'c, T: DataType>(
    column: &mut SerializedColumnWriter<'_>,
    cells: impl Iterator<Item = &'c Cell>,
    defs: &[i16],
    value: impl Fn(&Cell) -> Option<T::T>,
) -> Result<(), Error> {
    let values: Vec<T::T> = cells.filter_map(value).collect();
    column.typed::<T>().write_batch(&values, Some(defs), None)?;
    Ok(())
}

impl ParquetTable {
    /// Write records of type `t` to `file`.
    pub fn create(file: File, t: RecordType) -> Result<ParquetTable, Error> {
        let cols = columns(t);
        let schema = Arc::new(parse_message_type(&schema_of(t, &cols))?);
        let props = Arc::new(
            WriterProperties::builder()
                .set_compression(Compression::SNAPPY)
                .set_created_by(format!("govmine {}", env!("CARGO_PKG_VERSION")))
                .build(),
        );
        Ok(ParquetTable {
            writer: SerializedFileWriter::new(file, schema, props)?,
            columns: cols,
            rows: Vec::new(),
        })
    }

    /// Add a row of [`crate::table::row`].
    pub fn push(&mut self, row: Vec<Cell>) -> Result<(), Error> {
        self.rows.push(row);
        if self.rows.len() >= ROW_GROUP {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), Error> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let rows = std::mem::take(&mut self.rows);
        let mut group = self.writer.next_row_group()?;
        let mut i = 0;
        while let Some(mut column) = group.next_column()? {
            let cells = rows.iter().map(|r| &r[i]);
            let defs: Vec<i16> = cells
                .clone()
                .map(|c| {
                    i16::from(!matches!(
                        c,
                        Cell::Text(None) | Cell::Int(None) | Cell::Float(None) | Cell::Bool(None)
                    ))
                })
                .collect();
            match self.columns[i].ctype {
                ColumnType::Text => {
                    write::<ByteArrayType>(&mut column, cells, &defs, |c| match c {
                        Cell::Text(Some(s)) => Some(ByteArray::from(s.as_str())),
                        _ => None,
                    })?
                }
                ColumnType::Int => write::<Int64Type>(&mut column, cells, &defs, |c| match c {
                    Cell::Int(n) => *n,
                    _ => None,
                })?,
                ColumnType::Float => write::<DoubleType>(&mut column, cells, &defs, |c| match c {
                    Cell::Float(n) => *n,
                    _ => None,
                })?,
                ColumnType::Bool => write::<BoolType>(&mut column, cells, &defs, |c| match c {
                    Cell::Bool(b) => *b,
                    _ => None,
                })?,
            }
            column.close()?;
            i += 1;
        }
        group.close()?;
        Ok(())
    }

    /// Write what is buffered and the footer.
    pub fn finish(mut self) -> Result<(), Error> {
        self.flush()?;
        self.writer.close()?;
        Ok(())
    }
}
