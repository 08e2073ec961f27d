//! The five seed reports of `corpus/`, for tests.

pub const S000: &str = include_str!("../../../corpus/000_3f2a7be6bd882b3f.txt");
pub const S001: &str = include_str!("../../../corpus/001_db632a6819f2f662.txt");
pub const S002: &str = include_str!("../../../corpus/002_eee0beed65e72678.txt");
pub const S003: &str = include_str!("../../../corpus/003_40199a098a244c13.txt");
pub const S004: &str = include_str!("../../../corpus/004_e9e637da5608c3ff.txt");

pub const ALL: [&str; 5] = [S000, S001, S002, S003, S004];
