//! jieba with govmine's dictionaries, built once per process and shared.
//!
//! The jieba default dictionary is extended with `dictionaries/gov_terms.txt` (embedded),
//! any words the caller adds (the gazetteer's place names) and `--dict` files. The
//! [`Segmenter::dict_hash`] covers all of them and the folding table, so an index can tell
//! when it was built with other dictionaries.
//!
//! ```
//! use govmine_segment::SegmenterBuilder;
//! let seg = SegmenterBuilder::new().build().unwrap();
//! let words: Vec<&str> = seg.cut("全面推行三项制度").iter().map(|t| t.word).collect();
//! assert!(words.contains(&"三项制度"));
//! ```

use std::path::Path;
use std::sync::Arc;

use jieba_rs::Jieba;

use crate::Error;

const GOV_TERMS: &str = include_str!("../../../dictionaries/gov_terms.txt");

/// A word of segmented text, with offsets into the text that was cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordToken<'a> {
    /// The word.
    pub word: &'a str,
    /// Char offset of the first char.
    pub start: usize,
    /// Char offset one past the last char.
    pub end: usize,
    /// Byte offset of the first char.
    pub byte_start: usize,
    /// Byte offset one past the last char.
    pub byte_end: usize,
}

/// One user dictionary: a name for messages, and `word [freq] [tag]` lines.
struct Dict {
    name: String,
    text: String,
}

/// Collects the dictionaries, then builds a [`Segmenter`].
pub struct SegmenterBuilder {
    dicts: Vec<Dict>,
    hmm: bool,
}

impl Default for SegmenterBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl SegmenterBuilder {
    /// jieba's default dictionary plus govmine's embedded government terms.
    pub fn new() -> Self {
        SegmenterBuilder {
            dicts: vec![Dict {
                name: "dictionaries/gov_terms.txt".into(),
                text: GOV_TERMS.into(),
            }],
            hmm: true,
        }
    }

    /// Add words (one per item, `word [freq] [tag]` like a dictionary line).
    pub fn words<'a>(mut self, name: &str, lines: impl IntoIterator<Item = &'a str>) -> Self {
        let mut text = String::new();
        for l in lines {
            text.push_str(l);
            text.push('\n');
        }
        self.dicts.push(Dict {
            name: name.into(),
            text,
        });
        self
    }

    /// Add a user dictionary file in jieba's format (`word [freq] [tag]`, `#` comments).
    pub fn dict_file(mut self, path: &Path) -> Result<Self, Error> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
            path: path.to_owned(),
            source,
        })?;
        self.dicts.push(Dict {
            name: path.display().to_string(),
            text,
        });
        Ok(self)
    }

    /// Use jieba's HMM for words not in the dictionaries (default: on).
    pub fn hmm(mut self, on: bool) -> Self {
        self.hmm = on;
        self
    }

    /// Load everything into one jieba instance.
    pub fn build(self) -> Result<Segmenter, Error> {
        let mut jieba = Jieba::new();
        let mut hasher = blake3::Hasher::new();
        hasher.update(b"govmine-segment/1 jieba-rs 0.11 default dict\n");
        hasher.update(crate::fold::table_hash().as_bytes());
        hasher.update(if self.hmm { b"hmm" } else { b"nohmm" });
        for dict in &self.dicts {
            hasher.update(dict.text.as_bytes());
            for (i, line) in dict.text.lines().enumerate() {
                let line = line.trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                let mut cols = line.split_whitespace();
                let word = cols.next().unwrap_or_default();
                let freq = match cols.next() {
                    None => None,
                    Some(f) => Some(f.parse::<usize>().map_err(|_| Error::BadEntry {
                        name: dict.name.clone(),
                        line: i + 1,
                        message: format!("frequency `{f}` is not a whole number"),
                    })?),
                };
                jieba.add_word(&crate::fold(word), freq, cols.next());
            }
        }
        Ok(Segmenter {
            jieba: Arc::new(jieba),
            hmm: self.hmm,
            dict_hash: hasher.finalize().to_hex().to_string(),
        })
    }
}

/// jieba plus dictionaries, cheap to clone (the dictionary is shared).
#[derive(Clone)]
pub struct Segmenter {
    jieba: Arc<Jieba>,
    hmm: bool,
    dict_hash: String,
}

impl Segmenter {
    /// Cut folded text (see [`crate::fold`]) into words, jieba's default mode.
    pub fn cut<'a>(&self, text: &'a str) -> Vec<WordToken<'a>> {
        self.jieba
            .cut(text, self.hmm)
            .into_iter()
            .map(|t| WordToken {
                word: t.word,
                start: t.start,
                end: t.end,
                byte_start: t.byte_start,
                byte_end: t.byte_end,
            })
            .collect()
    }

    /// Is this word in the dictionaries?
    pub fn has_word(&self, word: &str) -> bool {
        self.jieba.has_word(word)
    }

    /// Whether HMM is used for unknown words.
    pub fn hmm(&self) -> bool {
        self.hmm
    }

    /// The raw jieba instance, for baselines that must cut exactly as ingest does.
    pub fn jieba(&self) -> &Jieba {
        &self.jieba
    }

    /// blake3 (hex) of every dictionary and the folding table.
    pub fn dict_hash(&self) -> &str {
        &self.dict_hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words<'a>(seg: &Segmenter, text: &'a str) -> Vec<&'a str> {
        seg.cut(text).iter().map(|t| t.word).collect()
    }

    #[test]
    fn government_terms_stay_whole() {
        let seg = SegmenterBuilder::new().build().unwrap();
        // Real sentences from the seeds (巴中, 郓城, 酒泉 reports).
        let w = words(
            &seg,
            "全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度“三项制度”",
        );
        assert!(w.contains(&"三项制度"), "{w:?}");
        let w = words(&seg, "深化“放管服”改革,全面推行“双随机一公开”监管");
        assert!(
            w.contains(&"放管服") && w.contains(&"双随机一公开"),
            "{w:?}"
        );
        let w = words(&seg, "行政机关负责人出庭应诉率达到75%");
        assert!(
            w.contains(&"出庭应诉率") || w.contains(&"出庭应诉"),
            "{w:?}"
        );
    }

    #[test]
    fn offsets_point_into_the_text() {
        let seg = SegmenterBuilder::new().build().unwrap();
        let text = "2017年,酒泉市共办理行政复议案件93.33万件";
        let mut chars = 0;
        for t in seg.cut(text) {
            assert_eq!(&text[t.byte_start..t.byte_end], t.word);
            assert_eq!(t.start, chars);
            chars += t.word.chars().count();
            assert_eq!(t.end, chars);
        }
        assert_eq!(chars, text.chars().count());
    }

    #[test]
    fn user_words_and_hash() {
        let base = SegmenterBuilder::new().build().unwrap();
        assert!(!base.has_word("两江新区"));
        let more = SegmenterBuilder::new()
            .words("places", ["两江新区 1000 ns"])
            .build()
            .unwrap();
        assert!(more.has_word("两江新区"));
        assert_ne!(base.dict_hash(), more.dict_hash());
        let again = SegmenterBuilder::new().build().unwrap();
        assert_eq!(base.dict_hash(), again.dict_hash());
    }

    #[test]
    fn bad_dictionary_line_names_file_and_line() {
        let err = SegmenterBuilder::new()
            .words("mine.txt", ["好词 10 n", "坏词 many n"])
            .build()
            .err()
            .unwrap();
        assert_eq!(
            err.to_string(),
            "mine.txt:2: frequency `many` is not a whole number (expected `word [freq] [tag]`)"
        );
    }
}
