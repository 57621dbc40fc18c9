//! Markdown as members write it, rendered and sanitised: whatever the input, the HTML holds
//! only allow-listed tags and attributes, and no link leaves the allowed schemes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use roundtable::web::markdown;

const TAGS: &[&str] = &[
    "p",
    "br",
    "strong",
    "em",
    "del",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
];

/// The attribute value as a browser reads it: entities decoded (ammonia writes only these).
fn decode(value: &str) -> String {
    value
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// The scheme of a URL as a browser reads it (tabs and newlines removed, leading and
/// trailing controls and spaces trimmed), if it has one.
fn scheme(url: &str) -> Option<String> {
    let url: String = url.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let url = url.trim_matches(|c: char| c <= ' ');
    let (head, _) = url.split_once(':')?;
    let mut chars = head.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic() && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
        .then(|| head.to_ascii_lowercase())
}

fn check_html(input: &str, html: &str) {
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        assert!(!rest[..at].contains('>'), "a bare > in the text of {html:?}");
        let tag = &rest[at + 1..];
        let end = tag.find('>').unwrap_or_else(|| panic!("an unclosed tag in {html:?} from {input:?}"));
        let inside = &tag[..end];
        rest = &tag[end + 1..];
        let inside = inside.strip_prefix('/').unwrap_or(inside);
        let (name, mut attrs) = inside.split_once(' ').unwrap_or((inside, ""));
        assert!(TAGS.contains(&name), "tag {name:?} in {html:?} from {input:?}");
        while !attrs.is_empty() {
            let (attr, after) = attrs.split_once("=\"").unwrap_or_else(|| panic!("attribute in {inside:?}"));
            let (value, after) = after.split_once('"').unwrap_or_else(|| panic!("attribute value in {inside:?}"));
            let allowed = match name {
                // A link's title (`[text](url "title")`) is text, shown as a tooltip.
                "a" => ["href", "rel", "title"].contains(&attr),
                "ol" => attr == "start",
                _ => false,
            };
            assert!(allowed, "attribute {attr:?} on {name:?} in {html:?} from {input:?}");
            if attr == "href" {
                if let Some(s) = scheme(&decode(value)) {
                    assert!(["http", "https", "mailto"].contains(&s.as_str()), "scheme {s:?} in {html:?}");
                }
            }
            if attr == "rel" {
                assert_eq!(value, "nofollow noopener noreferrer ugc");
            }
            attrs = after.trim_start();
        }
    }
    assert!(!rest.contains('>'), "a bare > in the text of {html:?}");
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else { return };
    let html = markdown::render(input);
    check_html(input, &html);

    let plain = markdown::plain(input);
    assert_eq!(plain.trim(), plain, "plain text is trimmed");
    assert!(!plain.contains("  "), "plain text has single spaces: {plain:?}");

    let quoted = markdown::quote("/forum/threads/1#post-2", input);
    // Markdown ends a line at LF, CR or CRLF: every one of them must stay inside the quote.
    let unified = quoted.replace("\r\n", "\n");
    let lines: Vec<&str> = unified.trim_end_matches('\n').split(['\n', '\r']).collect();
    assert!(lines.iter().all(|l| l.starts_with('>')), "every line quoted: {quoted:?}");
    check_html(&quoted, &markdown::render(&quoted));
});
