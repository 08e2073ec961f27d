//! One writer at a time: an exclusive lock on `.govmine.lock` in the index directory,
//! held from before anything is cleaned or created until the writer is dropped.
//!
//! The lock is the operating system's (`flock` on Unix, through [`std::fs::File::try_lock`]),
//! so a killed writer releases it. The file holds the writer's pid, for the message a
//! second writer gets.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read as _, Seek as _, Write as _};
use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// Name of the lock file in an index directory.
pub const LOCK_FILE: &str = ".govmine.lock";

/// The writer lock on an index directory; released when dropped.
#[derive(Debug)]
pub struct WriteLock {
    _file: File,
}

impl WriteLock {
    /// Take the lock on `dir` (which must exist) without waiting: another writer's lock is
    /// [`Error::Busy`] with its pid.
    pub fn acquire(dir: &Path) -> Result<WriteLock> {
        let path = dir.join(LOCK_FILE);
        let io = |source| Error::Io {
            path: path.clone(),
            source,
        };
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(io)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => return Err(busy(dir, &mut file)),
            Err(TryLockError::Error(e)) => return Err(io(e)),
        }
        file.set_len(0).map_err(io)?;
        file.rewind().map_err(io)?;
        write!(file, "{}", std::process::id()).map_err(io)?;
        Ok(WriteLock { _file: file })
    }
}

/// The error for a lock another process holds, naming its pid when it wrote one.
fn busy(dir: &Path, file: &mut File) -> Error {
    let mut text = String::new();
    let _ = file.read_to_string(&mut text);
    Error::Busy {
        path: PathBuf::from(dir),
        pid: text.trim().parse().ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_is_refused_with_the_first_ones_pid_until_it_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let first = WriteLock::acquire(dir.path()).unwrap();
        // flock locks belong to the open file, so a second open in this process conflicts.
        match WriteLock::acquire(dir.path()) {
            Err(Error::Busy { pid, .. }) => assert_eq!(pid, Some(std::process::id())),
            other => panic!("expected Busy, got {other:?}"),
        }
        let msg = WriteLock::acquire(dir.path()).unwrap_err().to_string();
        assert!(
            msg.contains("is being written by another govmine (pid"),
            "{msg}"
        );
        drop(first);
        WriteLock::acquire(dir.path()).unwrap();
    }
}
