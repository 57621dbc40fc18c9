//! What members write is Markdown; what the site shows is HTML from an allow-list. Raw HTML
//! in the input is dropped, links get `rel="nofollow noopener noreferrer ugc"`, and there
//! are no images at all: nothing a post contains makes a reader's browser call another
//! host.

use std::collections::HashSet;

use pulldown_cmark::{Event, Options, Parser};

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

/// Markdown to safe HTML.
pub fn render(markdown: &str) -> String {
    let options = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES;
    // Raw HTML is shown as the text it is rather than interpreted.
    let events = Parser::new_ext(markdown, options).map(|event| match event {
        Event::Html(html) | Event::InlineHtml(html) => Event::Text(html),
        other => other,
    });
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    ammonia::Builder::empty()
        .add_tags(TAGS)
        .add_tag_attributes("a", ["href"])
        .add_tag_attributes("ol", ["start"])
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .link_rel(Some("nofollow noopener noreferrer ugc"))
        .clean(&html)
        .to_string()
}

/// Markdown as plain text, for snippets, lists and the search index: what a reader reads
/// (link texts, not their addresses), blocks and lines separated by single spaces.
pub fn plain(markdown: &str) -> String {
    use pulldown_cmark::TagEnd;
    let options = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES;
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => out.push_str(&t),
            Event::SoftBreak
            | Event::HardBreak
            | Event::Rule
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_)
                | TagEnd::TableCell,
            ) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `> `-quoted text for a reply, pointing back to the quoted post. It names no author: who
/// may see a name differs by reader (at-risk members, anonymous readers of public threads),
/// and a name written into a post would reach them all.
pub fn quote(link: &str, markdown: &str) -> String {
    let mut quoted = format!("> [↩]({link})\n>\n");
    // Markdown ends a line at a carriage return too: each line it sees must be quoted.
    for line in markdown.replace("\r\n", "\n").replace('\r', "\n").lines() {
        quoted.push_str("> ");
        quoted.push_str(line);
        quoted.push('\n');
    }
    quoted.push('\n');
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_keeps_what_a_reader_reads() {
        let text = "# Custody *registers*\n\nSee [the checklist](https://example.org/x) and `form 3`.\n\n> quoted\n\n- one\n- two";
        assert_eq!(plain(text), "Custody registers See the checklist and form 3. quoted one two");
        assert_eq!(plain("a <b>bold</b> claim"), "a <b>bold</b> claim");
        assert_eq!(plain("line one\nline two"), "line one line two");
        assert_eq!(plain("```\nfn a() {}\n\nfn b() {}\n```"), "fn a() {} fn b() {}");
        assert_eq!(plain(""), "");
    }

    #[test]
    fn markdown_renders_and_scripts_and_images_do_not() {
        let html = render("**Bold** and [a link](https://example.org)\n\n- one\n- two\n\n> quoted");
        assert!(html.contains("<strong>Bold</strong>"));
        assert!(html.contains("<a href=\"https://example.org\" rel=\"nofollow noopener noreferrer ugc\">a link</a>"));
        assert!(html.contains("<li>one</li>") && html.contains("<blockquote>"));

        for evil in [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "![tracker](https://tracker.example/pixel.gif)",
            "[click](javascript:alert(1))",
            "<a href=\"https://x\" onclick=\"alert(1)\">x</a>",
            "<iframe src=\"https://evil\"></iframe>",
            "<style>body{display:none}</style>",
        ] {
            let html = render(evil);
            // Every tag left is from the allow-list, and no attribute but href/start/rel.
            for tag in html.split('<').skip(1) {
                let name: String =
                    tag.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
                assert!(TAGS.contains(&name.as_str()), "{evil} gave {html}");
                let inside = tag.split('>').next().unwrap();
                assert!(!inside.contains("on") || inside.starts_with("a href=\"http"), "{evil} gave {html}");
            }
            assert!(!html.contains("href=\"javascript"), "{evil} gave {html}");
        }
        // Raw HTML stays visible as text, so nothing silently disappears.
        assert!(render("<b>hi</b>").contains("&lt;b&gt;hi&lt;/b&gt;"));
        // Thai text passes through untouched.
        assert!(render("สิทธิมนุษยชน").contains("สิทธิมนุษยชน"));
    }

    #[test]
    fn quotes_keep_lines_and_link_back_without_a_name() {
        assert_eq!(
            quote("/forum/threads/9#post-22", "line one\nline two"),
            "> [↩](/forum/threads/9#post-22)\n>\n> line one\n> line two\n\n"
        );
    }

    /// Found by fuzzing: a line ended by a lone carriage return was left outside the quote,
    /// where Markdown read it as a list, a heading or a paragraph of the reply.
    #[test]
    fn quotes_keep_lines_ended_by_carriage_returns() {
        let quoted = quote("/forum/threads/9#post-22", "quoted\r- a list\r\nlast");
        assert_eq!(quoted, "> [↩](/forum/threads/9#post-22)\n>\n> quoted\n> - a list\n> last\n\n");
        assert_eq!(render(&quoted).matches("<blockquote>").count(), 1);
    }
}
