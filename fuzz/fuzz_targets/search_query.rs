//! The search box: a query string decoded and checked, its text split into words (Thai by
//! dictionary), the full-text expressions built from them, and a snippet of a document cut
//! and marked around them. Input: the query string, a newline, then the document's text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use roundtable::search::{match_expression, segment, snippet, tag, SearchQuery};

/// FTS5: `"word"` terms (quotes inside doubled), the last word's with `*`, then the tags;
/// one space between terms.
fn check_fts5(expr: &str, words: &[String]) {
    let mut rest = expr;
    let mut terms = Vec::new();
    loop {
        let body = rest.strip_prefix('"').unwrap_or_else(|| panic!("a term opens with a quote: {expr:?}"));
        let mut term = String::new();
        let mut chars = body.char_indices();
        let close = loop {
            match chars.next() {
                Some((i, '"')) if body[i + 1..].starts_with('"') => {
                    term.push('"');
                    chars.next();
                }
                Some((i, '"')) => break i,
                Some((_, c)) => term.push(c),
                None => panic!("an unclosed term in {expr:?}"),
            }
        };
        terms.push(term);
        rest = &body[close + 1..];
        rest = rest.strip_prefix('*').unwrap_or(rest);
        if rest.is_empty() {
            break;
        }
        rest = rest.strip_prefix(' ').unwrap_or_else(|| panic!("terms apart by a space: {expr:?}"));
    }
    assert_eq!(&terms[..words.len()], words, "{expr:?}");
}

/// tsquery: `'word'` terms joined by ` & `, with nothing inside that ends or escapes them.
fn check_tsquery(expr: &str, words: &[String]) {
    let terms: Vec<&str> = expr.split(" & ").collect();
    assert!(terms.len() >= words.len(), "{expr:?}");
    for term in terms {
        let term = term.strip_suffix(":*").unwrap_or(term);
        let inner = term.strip_prefix('\'').and_then(|t| t.strip_suffix('\'')).unwrap_or_else(|| panic!("{expr:?}"));
        assert!(!inner.is_empty() && !inner.contains(['\'', '\\']), "term {inner:?} of {expr:?}");
    }
}

fn unescape(html: &str) -> String {
    html.replace("<mark>", "")
        .replace("</mark>", "")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else { return };
    let (query, document) = input.split_once('\n').unwrap_or((input, ""));
    let Ok(form) = serde_html_form::from_str::<SearchQuery>(query) else { return };
    let Ok(asked) = form.parse() else { return };
    assert!(asked.words.len() <= 8);
    for w in &asked.words {
        assert!(!w.is_empty());
        assert!(w.chars().all(|c| !c.is_whitespace() && !c.is_ascii_punctuation()), "{w:?}");
    }
    if !asked.words.is_empty() {
        let mut tags = Vec::new();
        tags.extend(asked.lang.map(|l| tag('l', l.key())));
        tags.extend(asked.topic.map(|t| tag('t', t.key())));
        tags.extend(asked.kind.map(|k| tag('k', k.key())));
        check_fts5(&match_expression(&asked.words, &tags, true), &asked.words);
        check_tsquery(&match_expression(&asked.words, &tags, false), &asked.words);
    }

    // The index holds the document's words as the query's are split.
    let indexed = segment::index_text(document);
    assert!(!indexed.contains("  ") && indexed.trim() == indexed);
    let bounds = segment::boundaries(document);
    assert_eq!(bounds.first(), Some(&0));
    assert_eq!(bounds.last(), Some(&document.len()));
    assert!(bounds.windows(2).all(|w| w[0] < w[1]) && bounds.iter().all(|&b| document.is_char_boundary(b)));

    let s = snippet(document, &asked.words);
    let bare = s.replace("<mark>", "").replace("</mark>", "");
    assert!(!bare.contains(['<', '>']), "markup escaped in {s:?}");
    let piece = unescape(s.trim_start_matches('…').trim_end_matches('…'));
    assert!(document.contains(&piece), "the snippet {s:?} is a piece of {document:?}");
});
