//! Opening an index for reading without write access to it.
//!
//! tantivy's reader takes `.tantivy-meta.lock` (creating the file) while it loads a
//! commit's segments, and opening an index reads `.managed.json` (written 0600 by
//! tantivy, so unreadable for other users). Neither is needed to read: [`ReaderDirectory`]
//! wraps the mmap directory, takes the lock when it can and goes on without it when the
//! folder is read-only, and hides `.managed.json` (the list of files a writer's garbage
//! collection may delete, which readers never do).

use std::path::Path;
use std::sync::Arc;

use tantivy::directory::error::{
    DeleteError, LockError, OpenDirectoryError, OpenReadError, OpenWriteError,
};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, WatchCallback, WatchHandle, WritePtr,
};

const MANAGED: &str = ".managed.json";

/// An mmap directory as a reader needs it: see the module docs.
#[derive(Clone, Debug)]
pub struct ReaderDirectory {
    inner: MmapDirectory,
}

impl ReaderDirectory {
    /// Open `dir` for reading.
    pub fn open(dir: &Path) -> Result<ReaderDirectory, OpenDirectoryError> {
        Ok(ReaderDirectory {
            inner: MmapDirectory::open(dir)?,
        })
    }
}

impl Directory for ReaderDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.inner.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        if path == Path::new(MANAGED) {
            return Err(OpenReadError::FileDoesNotExist(path.to_owned()));
        }
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> std::io::Result<()> {
        self.inner.atomic_write(path, data)
    }

    fn sync_directory(&self) -> std::io::Result<()> {
        self.inner.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        match self.inner.acquire_lock(lock) {
            // A folder we cannot write: read without the lock. A writer's garbage
            // collection could then remove a file while we open it, which fails the
            // open (never gives a wrong result).
            Err(LockError::IoError(_)) => Ok(DirectoryLock::from(Box::new(()))),
            other => other,
        }
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}
