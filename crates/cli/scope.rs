//! Options every cross-city command shares: which places and years to look at, and the
//! output format.

use anyhow::Context as _;
use govmine_index::Filter;
use govmine_ingest::Pipeline;
use govmine_places::Place;

/// `--region`, `--year`, `--years`.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct Scope {
    /// Only passages about this place (province, city or county: 河南, 驻马店, 渝北, 全国)
    #[arg(long, value_name = "PLACE")]
    pub region: Option<String>,
    /// Only documents of this year
    #[arg(long, value_name = "YEAR", conflicts_with = "years")]
    pub year: Option<i32>,
    /// Only documents of these years, inclusive (2016..2020, 2016.., ..2020)
    #[arg(long, value_name = "A..B")]
    pub years: Option<String>,
}

/// `--json`, `--csv`.
#[derive(clap::Args, Debug, Clone, Copy, Default)]
pub struct Format {
    /// One JSON object per row
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// CSV (UTF-8 with BOM), one row per row of the table, every column
    #[arg(long)]
    pub csv: bool,
}

impl Scope {
    /// The place as a facet path (`["河南省", "驻马店市"]`), resolved by the gazetteer.
    pub fn region_path(&self, pipeline: &Pipeline) -> anyhow::Result<Option<Vec<String>>> {
        let Some(r) = &self.region else {
            return Ok(None);
        };
        let place = pipeline
            .gazetteer
            .resolve_query(r)
            .map_err(|e| anyhow::anyhow!("--region {r}: {e}"))?;
        Ok(Some(match place {
            Place::National => vec!["全国".to_string()],
            p => pipeline.gazetteer.facet_path(p),
        }))
    }

    /// The years asked for, inclusive.
    pub fn year_range(&self) -> anyhow::Result<Option<(i32, i32)>> {
        Ok(match (&self.years, self.year) {
            (Some(s), _) => Some(parse_years(s)?),
            (None, Some(y)) => Some((y, y)),
            _ => None,
        })
    }

    /// The index filter for these options.
    pub fn filter(&self, pipeline: &Pipeline) -> anyhow::Result<Filter> {
        Ok(Filter {
            region: self.region_path(pipeline)?,
            years: self.year_range()?,
            docs: None,
        })
    }

    /// ` in 河南 2016..2020`, for headings (what was typed, [`shown`](crate::output::shown)).
    pub fn describe(&self) -> String {
        let mut s = String::new();
        if let Some(r) = &self.region {
            s.push_str(&format!(" in {}", crate::output::shown(r)));
        }
        match (&self.years, self.year) {
            (Some(y), _) => s.push_str(&format!(", years {}", crate::output::shown(y))),
            (None, Some(y)) => s.push_str(&format!(", year {y}")),
            _ => {}
        }
        s
    }
}

/// Parse `A..B` (inclusive), `A..` or `..B`.
pub fn parse_years(s: &str) -> anyhow::Result<(i32, i32)> {
    let (a, b) = s
        .split_once("..")
        .with_context(|| format!("--years {s}: expected A..B, e.g. 2016..2020"))?;
    let year = |t: &str, default: i32| -> anyhow::Result<i32> {
        if t.trim().is_empty() {
            return Ok(default);
        }
        t.trim()
            .parse()
            .with_context(|| format!("--years {s}: `{t}` is not a year"))
    };
    let (a, b) = (year(a, i32::MIN)?, year(b, i32::MAX)?);
    if a > b {
        anyhow::bail!("--years {s}: the first year is after the second");
    }
    Ok((a, b))
}

/// `--level province|prefecture`: roll places up.
pub fn level(arg: Option<&str>) -> Option<govmine_research::place::Level> {
    match arg {
        Some("province") => Some(govmine_research::place::Level::Province),
        Some("prefecture") => Some(govmine_research::place::Level::Prefecture),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::parse_years;

    #[test]
    fn year_ranges() {
        assert_eq!(parse_years("2016..2020").unwrap(), (2016, 2020));
        assert_eq!(parse_years("2016..").unwrap(), (2016, i32::MAX));
        assert!(parse_years("2020..2016").is_err());
        assert!(parse_years("2016-2020").is_err());
    }
}
