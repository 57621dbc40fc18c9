//! Words, for indexing and for queries. Thai (like Lao, Khmer and Burmese) is written
//! without spaces between words, so text is split with ICU4X's dictionary segmenter, which
//! knows where Thai words end; other scripts split at their usual boundaries. Both the index
//! and the queries go through this one function, so a word inside running Thai text
//! (`สิทธิมนุษยชน` in a sentence) is found.

use std::sync::LazyLock;

use icu_segmenter::options::WordBreakInvariantOptions;
use icu_segmenter::{WordSegmenter, WordSegmenterBorrowed};

static SEGMENTER: LazyLock<WordSegmenterBorrowed<'static>> =
    LazyLock::new(|| WordSegmenter::new_dictionary(WordBreakInvariantOptions::default()));

/// The words of `text`, lower-cased, in order; punctuation and spaces dropped.
pub fn words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut start = 0;
    let mut breaks = SEGMENTER.segment_str(text);
    // The first boundary is always 0.
    breaks.next();
    while let Some(end) = breaks.next() {
        if breaks.is_word_like() {
            let word: String = text[start..end].chars().filter(|c| c.is_alphanumeric() || is_mark(*c)).collect();
            if !word.is_empty() {
                words.push(word.to_lowercase());
            }
        }
        start = end;
    }
    words
}

/// The byte offsets where words (and spaces and punctuation) begin and end, from 0 to the
/// text's length: places where a text may be cut without splitting a word or a character
/// cluster.
pub fn boundaries(text: &str) -> Vec<usize> {
    SEGMENTER.segment_str(text).collect()
}

/// Combining marks are part of Thai (and other) words: vowels and tone marks above and below.
pub(crate) fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}'
        | '\u{0EB1}' | '\u{0EB4}'..='\u{0EBC}' | '\u{0EC8}'..='\u{0ECD}' | '\u{1000}'..='\u{109F}' | '\u{1780}'..='\u{17FF}')
}

/// `text` as the index stores it: its words separated by single spaces.
pub fn index_text(text: &str) -> String {
    words(text).join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thai_running_text_is_split_into_words() {
        let sentence = "ฝ่ายคุ้มครองสิทธิมนุษยชนของเราสนใจเรื่องการบันทึกภาพ";
        let w = words(sentence);
        assert!(w.iter().any(|x| x == "สิทธิ" || x == "สิทธิมนุษยชน"), "{w:?}");
        // The query is segmented the same way, so its words are a run inside the sentence's.
        let q = words("สิทธิมนุษยชน");
        let joined = w.join(" ");
        assert!(joined.contains(&q.join(" ")), "{q:?} in {w:?}");
    }

    #[test]
    fn latin_scripts_lowercase_and_drop_punctuation() {
        assert_eq!(
            words("Detention-monitoring, in Kuala Lumpur!"),
            ["detention", "monitoring", "in", "kuala", "lumpur"]
        );
        assert_eq!(words("Pemantauan lokap: SUHAKAM 2024"), ["pemantauan", "lokap", "suhakam", "2024"]);
        assert_eq!(words("Méndez"), ["méndez"]);
        assert!(words("  ... !!! ").is_empty());
    }
}
