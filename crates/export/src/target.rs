//! Where an export writes, checked before anything is written, and written so that a
//! failed or killed export leaves what was there before.
//!
//! - The output never touches an input: `--out` (or the manifest) equal to an input or
//!   inside an input folder, or a folder holding an input, is refused.
//! - govmine replaces only files it wrote: an existing JSONL file must be listed by the
//!   manifest beside it; a non-empty `--out` folder must hold govmine's manifest, and
//!   every file this export would write there must be one that manifest lists.
//! - Every file is written to a temporary file in the same folder and renamed over the
//!   old one when complete ([`Staged`]); files the previous manifest lists that this
//!   export does not write again are removed after ([`Target::remove_stale`]).
//! - Something that is not a regular file (`/dev/stdout`, a pipe) is written directly,
//!   and no manifest is put beside it.

use std::path::{Path, PathBuf};

use govmine_extract::{RecordType, TypeSet};

use crate::{Error, Format};

/// Where an export goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Standard output.
    Stdout,
    /// A regular file (new or govmine's), replaced when the export completes.
    File(PathBuf),
    /// Not a regular file (a pipe, a device): written as it goes.
    Stream(PathBuf),
    /// A folder of one file per record type.
    Folder {
        /// The folder.
        dir: PathBuf,
        /// Files (names in the folder) the previous manifest lists.
        previous: Vec<String>,
    },
}

/// What [`Target::check`] needs to know.
pub struct Request<'a> {
    /// The format.
    pub format: Format,
    /// `--out`.
    pub out: Option<&'a Path>,
    /// `--manifest`.
    pub manifest: Option<&'a Path>,
    /// The record types to write.
    pub types: TypeSet,
    /// The inputs (files or folders).
    pub inputs: &'a [PathBuf],
}

impl Target {
    /// Check where `req` would write and refuse what would replace or touch something
    /// govmine did not write (see the module docs).
    pub fn check(req: &Request) -> Result<(Target, Option<PathBuf>), Error> {
        let target = Target::of(req.format, req.out)?;
        let manifest = req
            .manifest
            .map(Path::to_path_buf)
            .or_else(|| target.default_manifest());
        let inputs: Vec<PathBuf> = req.inputs.iter().map(|p| absolute(p)).collect();
        for out in target.paths().into_iter().chain(manifest.clone()) {
            refuse_input_overlap(&out, &inputs)?;
        }
        let previous = previous_files(manifest.as_deref())?;
        let target = match target {
            Target::Folder { dir, .. } => Target::Folder {
                previous: check_folder(&dir, manifest.as_deref(), &previous, req)?,
                dir,
            },
            Target::File(f) => {
                check_file(&f, &previous)?;
                Target::File(f)
            }
            other => other,
        };
        if let Some(m) = &manifest {
            check_manifest(m, previous.is_some())?;
        }
        Ok((target, manifest))
    }

    /// The target `out` names for `format`, before any check of what is there.
    fn of(format: Format, out: Option<&Path>) -> Result<Target, Error> {
        let Some(out) = out else {
            return match format {
                Format::Jsonl => Ok(Target::Stdout),
                _ => Err(Error::Target(format!(
                    "--format {} writes one file per record type: give a folder with --out",
                    format.extension()
                ))),
            };
        };
        let meta = std::fs::metadata(out).ok();
        match (format, meta) {
            (Format::Jsonl, Some(m)) if m.is_dir() => Err(Error::Target(format!(
                "{} is a folder: JSONL goes to a file (or leave out --out for standard output)",
                out.display()
            ))),
            (Format::Jsonl, Some(m)) if !m.is_file() => Ok(Target::Stream(out.to_path_buf())),
            (Format::Jsonl, _) => Ok(Target::File(out.to_path_buf())),
            (_, Some(m)) if !m.is_dir() => Err(Error::Target(format!(
                "{} is a file: --format {} needs a folder",
                out.display(),
                format.extension()
            ))),
            _ => Ok(Target::Folder {
                dir: out.to_path_buf(),
                previous: Vec::new(),
            }),
        }
    }

    /// `<name>.manifest.json` beside a file, `manifest.json` in a folder, none otherwise.
    fn default_manifest(&self) -> Option<PathBuf> {
        match self {
            Target::File(f) => {
                let stem = f
                    .file_stem()
                    .map_or("records".into(), |s| s.to_string_lossy());
                Some(f.with_file_name(format!("{stem}.manifest.json")))
            }
            Target::Folder { dir, .. } => Some(dir.join("manifest.json")),
            Target::Stdout | Target::Stream(_) => None,
        }
    }

    /// The paths the export writes to (a folder for a folder).
    fn paths(&self) -> Vec<PathBuf> {
        match self {
            Target::File(p) | Target::Stream(p) => vec![p.clone()],
            Target::Folder { dir, .. } => vec![dir.clone()],
            Target::Stdout => Vec::new(),
        }
    }

    /// Remove what the previous manifest listed in the folder and this export did not
    /// write again (`written`: names in the folder).
    pub fn remove_stale(&self, written: &[String]) -> Result<(), Error> {
        let Target::Folder { dir, previous } = self else {
            return Ok(());
        };
        for name in previous.iter().filter(|n| !written.contains(n)) {
            let path = dir.join(name);
            match std::fs::remove_file(&path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return Err(Error::io(&path, e))
                }
                _ => {}
            }
        }
        Ok(())
    }
}

/// A path made absolute with symlinks resolved as far as it exists (a file to be
/// created is its resolved folder joined with its name).
fn absolute(path: &Path) -> PathBuf {
    if let Ok(p) = std::fs::canonicalize(path) {
        return p;
    }
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) => {
            let parent = if parent.as_os_str().is_empty() {
                Path::new(".")
            } else {
                parent
            };
            absolute(parent).join(name)
        }
        _ => std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()),
    }
}

/// Refuse an output equal to an input, inside an input folder, or a folder holding an input.
fn refuse_input_overlap(out: &Path, inputs: &[PathBuf]) -> Result<(), Error> {
    let out_abs = absolute(out);
    for input in inputs {
        let why = if out_abs == *input {
            "is one of the inputs"
        } else if out_abs.starts_with(input) {
            "is inside an input folder"
        } else if input.starts_with(&out_abs) {
            "holds one of the inputs"
        } else {
            continue;
        };
        return Err(Error::Target(format!(
            "{} {why} ({}): govmine never writes over its inputs; choose another --out",
            out.display(),
            input.display()
        )));
    }
    Ok(())
}

/// The file names a govmine manifest at `manifest` lists (`None`: no manifest there).
fn previous_files(manifest: Option<&Path>) -> Result<Option<Vec<String>>, Error> {
    let Some(path) = manifest else {
        return Ok(None);
    };
    let Ok(bytes) = std::fs::read(path) else {
        return Ok(None);
    };
    let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_default();
    let files = value
        .get("govmine")
        .and(value.get("files"))
        .and_then(|f| f.as_array());
    Ok(files.map(|files| {
        files
            .iter()
            .filter_map(|f| f.get("path")?.as_str())
            .filter_map(|p| Path::new(p).file_name()?.to_str().map(str::to_owned))
            .collect()
    }))
}

/// An existing file is replaced only when the manifest beside it lists it.
fn check_file(file: &Path, previous: &Option<Vec<String>>) -> Result<(), Error> {
    if !file.exists() {
        return Ok(());
    }
    let name = file
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let listed = previous
        .as_ref()
        .is_some_and(|p| p.iter().any(|f| f == name));
    if listed {
        return Ok(());
    }
    Err(Error::Target(format!(
        "{} exists and no govmine manifest lists it: govmine replaces only what it wrote; \
         remove it or choose another --out",
        file.display()
    )))
}

/// A manifest path must be new, or govmine's manifest.
fn check_manifest(manifest: &Path, is_govmines: bool) -> Result<(), Error> {
    if !manifest.exists() || is_govmines {
        return Ok(());
    }
    Err(Error::Target(format!(
        "{} exists and is not a govmine manifest: govmine will not replace it; \
         choose another --manifest or --out",
        manifest.display()
    )))
}

/// A folder must be new, empty, or written by govmine (its manifest there), and every
/// file this export writes in it must be one that manifest lists. Returns those files.
fn check_folder(
    dir: &Path,
    manifest: Option<&Path>,
    previous: &Option<Vec<String>>,
    req: &Request,
) -> Result<Vec<String>, Error> {
    let empty = std::fs::read_dir(dir).map_or(true, |mut d| d.next().is_none());
    if empty {
        return Ok(Vec::new());
    }
    let Some(previous) = previous else {
        return Err(Error::Target(format!(
            "{} is not empty and holds no govmine manifest{}: govmine writes only into a new \
             or empty folder, or one it wrote before; choose another --out",
            dir.display(),
            manifest.map_or(String::new(), |m| format!(" ({})", m.display()))
        )));
    };
    for name in file_names(req.format, req.types) {
        if dir.join(&name).exists() && !previous.contains(&name) {
            return Err(Error::Target(format!(
                "{} exists and govmine's manifest does not list it: govmine replaces only \
                 what it wrote; move it or choose another --out",
                dir.join(&name).display()
            )));
        }
    }
    Ok(previous.clone())
}

/// `<type>.<ext>` of every record type asked for.
pub fn file_names(format: Format, types: TypeSet) -> Vec<String> {
    types
        .iter()
        .map(|t: RecordType| format!("{t}.{}", format.extension()))
        .collect()
}

/// A file written to a temporary name in its folder and renamed over `path` by
/// [`Staged::commit`]; dropped uncommitted, the temporary file is removed.
#[derive(Debug)]
pub struct Staged {
    path: PathBuf,
    temp: PathBuf,
    done: bool,
}

impl Staged {
    /// Create the temporary file for `path` (`.<name>.<pid>.govmine-tmp` beside it),
    /// removing those a killed export left for it.
    pub fn create(path: &Path) -> Result<(Staged, std::fs::File), Error> {
        let name = path
            .file_name()
            .map_or("out".into(), |n| n.to_string_lossy());
        remove_dead_temps(path, &name);
        let temp = path.with_file_name(format!(".{name}.{}.govmine-tmp", std::process::id()));
        let file = std::fs::File::create(&temp).map_err(|e| Error::io(&temp, e))?;
        let staged = Staged {
            path: path.to_path_buf(),
            temp,
            done: false,
        };
        Ok((staged, file))
    }

    /// Rename the complete temporary file over the target.
    pub fn commit(mut self) -> Result<(), Error> {
        std::fs::rename(&self.temp, &self.path).map_err(|e| Error::io(&self.path, e))?;
        self.done = true;
        Ok(())
    }
}

/// Remove `.<name>.<pid>.govmine-tmp` files beside `path` whose process is gone (a
/// killed export's). Only on systems with `/proc`, where that can be told.
fn remove_dead_temps(path: &Path, name: &str) {
    let proc_fs = Path::new("/proc/self");
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let (Ok(entries), true) = (std::fs::read_dir(dir), proc_fs.exists()) else {
        return;
    };
    let prefix = format!(".{name}.");
    for e in entries.filter_map(|e| e.ok()) {
        let file = e.file_name();
        let pid = file
            .to_str()
            .and_then(|f| f.strip_prefix(&prefix)?.strip_suffix(".govmine-tmp"))
            .and_then(|pid| pid.parse::<u32>().ok());
        if pid.is_some_and(|pid| !Path::new("/proc").join(pid.to_string()).exists()) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.done {
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req<'a>(format: Format, out: &'a Path, inputs: &'a [PathBuf]) -> Request<'a> {
        Request {
            format,
            out: Some(out),
            manifest: None,
            types: TypeSet::all(),
            inputs,
        }
    }

    #[test]
    fn an_output_over_or_inside_an_input_is_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let data = tmp.path().join("data.jsonl");
        std::fs::write(&data, "{}\n").unwrap();
        let inputs = [data.clone()];
        let e = Target::check(&req(Format::Jsonl, &data, &inputs)).unwrap_err();
        assert!(e.to_string().contains("is one of the inputs"), "{e}");
        // The same file by another spelling.
        let other = tmp.path().join(".").join("data.jsonl");
        assert!(Target::check(&req(Format::Jsonl, &other, &inputs)).is_err());
        // Inside an input folder, or a folder holding an input.
        let inputs = [tmp.path().to_path_buf()];
        let inside = tmp.path().join("records.jsonl");
        let e = Target::check(&req(Format::Jsonl, &inside, &inputs)).unwrap_err();
        assert!(e.to_string().contains("inside an input folder"), "{e}");
        let inputs = [tmp.path().join("out/quantity.csv")];
        let e = Target::check(&req(Format::Csv, &tmp.path().join("out"), &inputs)).unwrap_err();
        assert!(e.to_string().contains("holds one of the inputs"), "{e}");
    }

    #[test]
    fn only_files_a_govmine_manifest_lists_are_replaced() {
        let tmp = tempfile::tempdir().unwrap();
        let inputs = [PathBuf::from("/nonexistent/in")];
        let out = tmp.path().join("r.jsonl");
        assert_eq!(
            Target::check(&req(Format::Jsonl, &out, &inputs)).unwrap(),
            (
                Target::File(out.clone()),
                Some(tmp.path().join("r.manifest.json"))
            )
        );
        std::fs::write(&out, "mine").unwrap();
        assert!(Target::check(&req(Format::Jsonl, &out, &inputs)).is_err());
        std::fs::write(
            tmp.path().join("r.manifest.json"),
            r#"{"govmine":"0.1.0","files":[{"path":"r.jsonl","records":1}]}"#,
        )
        .unwrap();
        assert!(Target::check(&req(Format::Jsonl, &out, &inputs)).is_ok());

        // A folder of someone else's is refused; govmine's keeps what it did not write.
        let dir = tmp.path().join("ds");
        std::fs::create_dir(&dir).unwrap();
        std::fs::write(dir.join("notes.txt"), "mine").unwrap();
        assert!(Target::check(&req(Format::Csv, &dir, &inputs)).is_err());
        std::fs::write(
            dir.join("manifest.json"),
            r#"{"govmine":"0.1.0","files":[{"path":"quantity.csv"},{"path":"date.csv"}]}"#,
        )
        .unwrap();
        let (t, _) = Target::check(&req(Format::Csv, &dir, &inputs)).unwrap();
        std::fs::write(dir.join("date.csv"), "old").unwrap();
        t.remove_stale(&["quantity.csv".into()]).unwrap();
        assert!(!dir.join("date.csv").exists() && dir.join("notes.txt").exists());
        // A file of a type to write that the manifest does not list is not replaced.
        std::fs::write(dir.join("measure.csv"), "mine").unwrap();
        let e = Target::check(&req(Format::Csv, &dir, &inputs)).unwrap_err();
        assert!(e.to_string().contains("measure.csv"), "{e}");
    }

    #[test]
    fn a_stream_gets_no_manifest_and_staged_files_appear_only_when_committed() {
        let inputs = [PathBuf::from("/nonexistent/in")];
        let (t, m) = Target::check(&req(Format::Jsonl, Path::new("/dev/null"), &inputs)).unwrap();
        assert_eq!((t, m), (Target::Stream("/dev/null".into()), None));
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("a.csv");
        std::fs::write(&path, "old").unwrap();
        let (staged, file) = Staged::create(&path).unwrap();
        drop(file);
        drop(staged);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 1);
        let (staged, mut file) = Staged::create(&path).unwrap();
        std::io::Write::write_all(&mut file, b"new").unwrap();
        staged.commit().unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
    }
}
