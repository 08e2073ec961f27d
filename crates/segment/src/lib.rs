//! Segmentation for govmine: character folding, jieba with govmine's dictionaries, and
//! the tantivy tokenizers built on them.
//!
//! - [`fold`]: full-width → half-width and traditional → simplified, one char for one
//!   char, so offsets into folded text are offsets into the original.
//! - [`Segmenter`] (built by [`SegmenterBuilder`]): one jieba per process, with the
//!   embedded `dictionaries/gov_terms.txt`, caller-supplied words (place names) and `--dict`
//!   files; [`Segmenter::dict_hash`] identifies the whole set.
//! - tantivy tokenizers, all with char-offset positions: [`WordTokenizer`] (jieba words
//!   of any text, used at query time), [`PresegmentedTokenizer`] (the words of a text
//!   ingest already cut once, written by [`presegment`]) and [`CharTokenizer`] (one token
//!   per char); [`CharQuery`] turns a contiguous search string into the char phrase that
//!   finds it exactly.

#![deny(missing_docs)]

mod error;
mod fold;
mod segmenter;
mod tokenizer;

pub use error::Error;
pub use fold::{fold, fold_char, fold_for_match, fold_match_char};
pub use segmenter::{Segmenter, SegmenterBuilder, WordToken};
pub use tokenizer::{
    presegment, CharQuery, CharStream, CharTokenizer, PresegmentedStream, PresegmentedTokenizer,
    VecTokenStream, WordTokenizer, CHAR_TOKENIZER, PRESEGMENTED_TOKENIZER, WORD_SEPARATOR,
    WORD_TOKENIZER,
};
