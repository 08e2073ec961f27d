//! What every command shares: the index directory, threads, dictionaries, and opening
//! (or, for the default index, building) the index.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use govmine_index::{IndexSearcher, InputRoot, Opened, Writer, WriterOptions};
use govmine_ingest::{IngestOptions, Pipeline, Summary};

use crate::commands::Cli;
use crate::output;

/// Default index directory.
pub const DEFAULT_INDEX: &str = "index";
/// Corpus the default index is built from.
pub const DEFAULT_CORPUS: &str = "corpus";

/// What an ingest shows on stderr besides skips.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Show {
    /// A progress bar (on a terminal) and a note when the index is rebuilt.
    Progress,
    /// The note only (`--quiet`).
    Notes,
    /// Neither (the default index, built on first use, says so itself).
    Nothing,
}

/// Shared options and lazily built tools.
pub struct Context {
    /// Index directory.
    pub index: PathBuf,
    /// `--index` was not given: the default index may be built from `corpus/`.
    pub default_index: bool,
    /// Worker threads.
    pub threads: usize,
    /// `--dict` files.
    pub dicts: Vec<PathBuf>,
}

impl Context {
    pub fn new(cli: &Cli) -> anyhow::Result<Context> {
        let threads = threads(cli.threads)?;
        Ok(Context {
            index: cli
                .index
                .clone()
                .unwrap_or_else(|| PathBuf::from(DEFAULT_INDEX)),
            default_index: cli.index.is_none(),
            threads,
            dicts: cli.dicts.clone(),
        })
    }

    /// The pipeline's tools (segmenter with every dictionary, gazetteer).
    pub fn pipeline(&self) -> anyhow::Result<Pipeline> {
        Ok(Pipeline::new(&self.dicts)?)
    }

    /// Options for the index writer.
    pub fn writer_options(
        &self,
        pipeline: &Pipeline,
        inputs: Vec<InputRoot>,
        rebuild: bool,
    ) -> WriterOptions {
        WriterOptions {
            segmenter: pipeline.segmenter.clone(),
            gazetteer_hash: pipeline.gazetteer.hash().to_string(),
            threads: self.threads.min(4),
            // Bounded: peak memory on 100 MB stays within 1.3x of that on 4.4 MB.
            memory_budget: 40_000_000,
            inputs,
            rebuild,
        }
    }

    /// Ingest `paths` into the index and commit; progress and skips go to stderr.
    /// `rebuild` builds the index anew from `paths` and every input it recorded.
    pub fn ingest(
        &self,
        pipeline: &Pipeline,
        paths: &[PathBuf],
        opts: &IngestOptions,
        rebuild: bool,
        show: Show,
    ) -> anyhow::Result<Summary> {
        let t0 = std::time::Instant::now();
        let (inputs, runs) = self.plan_runs(paths, opts.text_field.as_deref(), rebuild);
        let mut writer =
            Writer::open(&self.index, &self.writer_options(pipeline, inputs, rebuild))?;
        if let Opened::Rebuilding(why) = writer.opened() {
            if show != Show::Nothing {
                eprintln!(
                    "govmine: rebuilding {} ({why}); the index stays as it was until this ingest completes",
                    output::shown(&self.index.display().to_string())
                );
            }
        }
        let bar =
            (show == Show::Progress && std::io::stderr().is_terminal()).then(output::progress_bar);
        let mut summary = Summary::default();
        for (paths, text_field) in runs {
            let opts = IngestOptions {
                text_field,
                ..opts.clone()
            };
            let s = govmine_ingest::ingest(
                &paths,
                &pipeline.stages(),
                &mut writer,
                &opts,
                &mut |ev| output::on_ingest_event(ev, bar.as_ref()),
            )?;
            summary.absorb(s);
        }
        if let Some(b) = &bar {
            b.finish_and_clear();
        }
        writer.commit()?;
        // The run's time includes opening the index and the commit.
        summary.seconds = t0.elapsed().as_secs_f64();
        Ok(summary)
    }

    /// The inputs to record and the ingest runs (paths with their `--text-field`): the
    /// paths given, and for a rebuild every recorded input not inside one of them.
    fn plan_runs(
        &self,
        paths: &[PathBuf],
        text_field: Option<&str>,
        rebuild: bool,
    ) -> (Vec<InputRoot>, Vec<IngestRun>) {
        let given = input_roots(paths, text_field);
        let mut runs = vec![(paths.to_vec(), text_field.map(str::to_owned))];
        if !rebuild {
            return (given, runs);
        }
        let recorded = govmine_index::recorded_inputs(&self.index);
        runs.extend(recorded_runs(&recorded, &given));
        (govmine_index::merge_inputs(&recorded, &given), runs)
    }

    /// Open the index for reading. The default index is built from `corpus/` when it is
    /// missing, incomplete or built with other dictionaries (unless that would drop
    /// documents ingested from elsewhere: then the stale index is read, with a note).
    pub fn searcher(&self, pipeline: &Pipeline) -> anyhow::Result<IndexSearcher> {
        let state = govmine_index::check(&self.index);
        let stale = match &state {
            Ok(meta) => {
                meta.dict_hash != pipeline.segmenter.dict_hash()
                    || meta.gazetteer_hash != pipeline.gazetteer.hash()
            }
            Err(_) => false,
        };
        let buildable = matches!(
            state,
            Err(govmine_index::Error::Missing(_))
                | Err(govmine_index::Error::Incomplete(_))
                | Err(govmine_index::Error::Incompatible { .. })
        ) || stale;
        if self.default_index && buildable {
            match self.build_default(pipeline, &state, stale) {
                Err(e) if stale => eprintln!("govmine: note: {}", output::shown(&format!("{e:#}"))),
                other => other?,
            }
        } else if stale {
            eprintln!(
                "govmine: note: {} was built with other dictionaries; run `govmine ingest` again to rebuild it",
                output::shown(&self.index.display().to_string())
            );
        }
        Ok(IndexSearcher::open(&self.index, &pipeline.segmenter)?)
    }

    /// Build (or rebuild) the default index from `corpus/`, saying so on stderr.
    fn build_default(
        &self,
        pipeline: &Pipeline,
        state: &Result<govmine_index::IndexMeta, govmine_index::Error>,
        stale: bool,
    ) -> anyhow::Result<()> {
        let corpus = default_corpus().with_context(|| {
            format!(
                "no index at {}/ and no {DEFAULT_CORPUS}/ folder here to build it from: \
                 run `govmine ingest PATH` first",
                self.index.display()
            )
        })?;
        let why = match state {
            _ if stale => "was built with other dictionaries",
            Err(govmine_index::Error::Incompatible { .. }) => {
                "was built by another version of govmine"
            }
            _ => "does not exist yet",
        };
        eprintln!(
            "govmine: the index at {}/ {why}: building it from {}/ …",
            output::shown(&self.index.display().to_string()),
            output::shown(&corpus.display().to_string())
        );
        let opts = IngestOptions {
            text_field: None,
            threads: self.threads,
        };
        let s = self.ingest(pipeline, &[corpus], &opts, false, Show::Nothing)?;
        eprintln!("govmine: {}", output::summary_line(&s));
        Ok(())
    }
}

/// The paths given, made absolute, as the index records them (missing ones left out).
fn input_roots(paths: &[PathBuf], text_field: Option<&str>) -> Vec<InputRoot> {
    paths
        .iter()
        .filter(|p| p.exists())
        .map(|p| InputRoot {
            path: govmine_ingest::source::absolute(p),
            text_field: text_field.map(str::to_owned),
        })
        .collect()
}

/// Paths one ingest run reads, with their `--text-field`.
type IngestRun = (Vec<PathBuf>, Option<String>);

/// The recorded inputs not inside one given again, grouped by their `--text-field`, as ingest runs.
fn recorded_runs(recorded: &[InputRoot], given: &[InputRoot]) -> Vec<IngestRun> {
    let mut runs: Vec<IngestRun> = Vec::new();
    for r in recorded
        .iter()
        .filter(|r| !given.iter().any(|g| r.path.starts_with(&g.path)))
    {
        match runs.iter_mut().find(|(_, tf)| *tf == r.text_field) {
            Some((paths, _)) => paths.push(r.path.clone()),
            None => runs.push((vec![r.path.clone()], r.text_field.clone())),
        }
    }
    runs
}

/// Most worker threads per core `--threads` may ask for.
pub const MAX_THREADS_PER_CORE: usize = 4;

/// `--threads N`: all cores by default; more than MAX_THREADS_PER_CORE × the cores is
/// capped there, with a note (100000 threads would stall the machine, not speed it up).
fn threads(asked: Option<usize>) -> anyhow::Result<usize> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let Some(n) = asked else {
        return Ok(cores);
    };
    if n == 0 {
        anyhow::bail!("--threads must be at least 1");
    }
    let max = MAX_THREADS_PER_CORE * cores;
    if n > max {
        eprintln!("govmine: note: --threads {n} is more than {MAX_THREADS_PER_CORE} per core: using {max} ({cores} cores)");
    }
    Ok(n.min(max))
}

/// `corpus/` in the current directory, else beside the source tree this binary was built from.
fn default_corpus() -> Option<PathBuf> {
    let here = Path::new(DEFAULT_CORPUS);
    if here.is_dir() {
        return Some(here.to_path_buf());
    }
    let built = Path::new(env!("CARGO_MANIFEST_DIR")).join(DEFAULT_CORPUS);
    built.is_dir().then_some(built)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[test]
    fn threads_are_capped_at_four_per_core() {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let ctx = |n: &str| Context::new(&Cli::parse_from(["govmine", "--threads", n, "stats"]));
        assert_eq!(ctx("100000").unwrap().threads, 4 * cores);
        assert_eq!(ctx("1").unwrap().threads, 1);
        assert!(ctx("0").is_err());
    }
}
