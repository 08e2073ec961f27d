//! `govmine extract PATH...`: structured records as a dataset (JSONL, CSV or Parquet),
//! with a manifest.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Mutex;

use anyhow::Context as _;
use govmine_export::{Exporter, Format, Input, Manifest, Request, Target, Versioned};
use govmine_extract::{RecordType, TypeSet};
use govmine_index::DocStatus;
use govmine_ingest::{IngestOptions, Prepared, Sink};

use crate::context::Context;
use crate::output;

/// Options of `extract`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files or folders to read
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// jsonl (one stream), csv (UTF-8 with BOM) or parquet (one file per record type)
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: FormatArg,
    /// JSONL: a file [default: standard output]; CSV, Parquet: a folder (created if missing)
    #[arg(long, short, value_name = "FILE|DIR")]
    pub out: Option<PathBuf>,
    /// Record types, comma-separated: document, quantity, date, mechanism, measure, policy_doc
    #[arg(long, value_delimiter = ',', value_name = "TYPES")]
    pub types: Vec<String>,
    /// Where to write the manifest [default: manifest.json in the --out folder,
    /// <name>.manifest.json beside a JSONL file, none for standard output or a pipe]
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,
    /// Text field of JSONL/CSV records [default: content, text, full_text or body]
    #[arg(long, value_name = "NAME")]
    pub text_field: Option<String>,
    /// No progress bar
    #[arg(long, short)]
    pub quiet: bool,
}

/// `--format`.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum FormatArg {
    Jsonl,
    Csv,
    Parquet,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Jsonl => Format::Jsonl,
            FormatArg::Csv => Format::Csv,
            FormatArg::Parquet => Format::Parquet,
        }
    }
}

/// Hands each document's records to the exporter, in input order.
struct ExportSink {
    exporter: Mutex<Exporter>,
}

impl Sink for ExportSink {
    fn status(&self, _id: &str, _hash: &str) -> DocStatus {
        DocStatus::New
    }

    fn add(&mut self, doc: Prepared) -> Result<(), govmine_ingest::Error> {
        let exporter = self.exporter.get_mut().expect("exporter lock");
        for r in &doc.records {
            exporter
                .write(r)
                .map_err(|e| govmine_ingest::Error::Sink(Box::new(e)))?;
        }
        Ok(())
    }
}

/// `--types`: every type when not given; an error when given but naming none (`''`).
fn parse_types(names: &[String]) -> anyhow::Result<TypeSet> {
    if names.is_empty() {
        return Ok(TypeSet::all());
    }
    let types = names
        .iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| s.parse::<RecordType>().map_err(anyhow::Error::msg))
        .collect::<anyhow::Result<Vec<_>>>()?;
    if types.is_empty() {
        let all: Vec<&str> = RecordType::ALL.iter().map(|t| t.as_str()).collect();
        anyhow::bail!(
            "--types names no record type: give one or more of {}",
            all.join(", ")
        );
    }
    Ok(TypeSet::of(&types))
}

pub fn run(ctx: &Context, args: &Args) -> anyhow::Result<ExitCode> {
    let missing: Vec<_> = args.paths.iter().filter(|p| !p.exists()).collect();
    if missing.len() == args.paths.len() {
        anyhow::bail!("{}: no such file or directory", missing[0].display());
    }
    let types = parse_types(&args.types)?;
    let format = Format::from(args.format);
    let pipeline = ctx.pipeline()?;
    let stages = pipeline.export_stages(types);
    let (target, manifest_at) = Target::check(&Request {
        format,
        out: args.out.as_deref(),
        manifest: args.manifest.as_deref(),
        types,
        inputs: &args.paths,
    })?;
    let exporter = Exporter::create(format, &target, types)?;
    let mut sink = ExportSink {
        exporter: Mutex::new(exporter),
    };
    let opts = IngestOptions {
        text_field: args.text_field.clone(),
        threads: ctx.threads,
    };
    let bar = (!args.quiet && std::io::stderr().is_terminal()).then(output::progress_bar);
    let t0 = std::time::Instant::now();
    let mut summary = govmine_ingest::run(&args.paths, &stages, &mut sink, &opts, &mut |ev| {
        output::on_ingest_event(ev, bar.as_ref())
    })?;
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let exporter = sink.exporter.into_inner().expect("exporter lock");
    let counts = exporter.counts();
    let files = exporter.finish()?;
    summary.seconds = t0.elapsed().as_secs_f64();

    let written: Vec<String> = files.iter().map(|f| f.path.clone()).collect();
    if let Some(path) = &manifest_at {
        let mut data = vec![
            Versioned {
                name: "jieba dictionary + dictionaries/gov_terms.txt + places + --dict".into(),
                version: None,
                hash: pipeline.segmenter.dict_hash().to_owned(),
            },
            Versioned {
                name:
                    "gazetteer (dictionaries/regions.csv, region_changes.csv, region_aliases.csv)"
                        .into(),
                version: Some(pipeline.gazetteer.version().to_owned()),
                hash: pipeline.gazetteer.hash().to_owned(),
            },
        ];
        data.extend(
            govmine_extract::LEXICONS
                .iter()
                .map(|(name, text)| Versioned {
                    name: (*name).to_owned(),
                    version: None,
                    hash: blake3::hash(text.as_bytes()).to_hex().to_string(),
                }),
        );
        let manifest = Manifest {
            schema_version: govmine_export::SCHEMA_VERSION,
            govmine: env!("CARGO_PKG_VERSION").to_owned(),
            format,
            types: types.iter().map(|t| t.as_str().to_owned()).collect(),
            data,
            inputs: summary
                .inputs
                .iter()
                .map(|i| Input {
                    path: i.path.clone(),
                    bytes: i.bytes,
                    blake3: i.blake3.clone(),
                })
                .collect(),
            documents: summary.indexed,
            skipped: summary
                .skipped
                .iter()
                .map(|(k, v)| ((*k).to_owned(), *v))
                .collect(),
            warnings: summary
                .warnings
                .iter()
                .map(|(k, v)| (k.label().to_owned(), *v))
                .collect(),
            records: counts.clone(),
            files,
        };
        manifest
            .write(path)
            .with_context(|| "cannot write the manifest".to_string())?;
    }
    target.remove_stale(&written)?;
    eprintln!(
        "{}",
        output::extract_line(
            &summary,
            &counts,
            args.out.as_deref(),
            manifest_at.as_deref()
        )
    );
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_name_at_least_one_record_type() {
        let of = |v: &[&str]| parse_types(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        // `--types ''` and `--types ,` extracted nothing, with exit 0.
        for blank in [&[""][..], &["", ""], &[" "]] {
            let err = of(blank).unwrap_err().to_string();
            assert!(err.contains("--types") && err.contains("quantity"), "{err}");
        }
        assert!(of(&[]).unwrap().contains(RecordType::Quantity));
        assert!(of(&["quantity", ""])
            .unwrap()
            .contains(RecordType::Quantity));
        assert!(of(&["quantities"]).is_err());
    }
}
