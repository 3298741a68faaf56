//! The HTML report: Markdown through pulldown-cmark (GitHub's tables, strikethrough and
//! task lists, smart punctuation), the knitted code, output and figures in between, a
//! title block, and the stylesheet inline so the file stands alone.

use super::doc::Meta;
use super::knit::Piece;
use crate::api::chunk::escape_html;
use pulldown_cmark::{html, Options, Parser};

/// Markdown to HTML.
pub fn markdown(md: &str) -> String {
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_FOOTNOTES;
    let mut out = String::new();
    html::push_html(&mut out, Parser::new_ext(md, opts));
    out
}

/// The body: consecutive Markdown pieces are rendered together (so `results = "asis"`
/// output joins the text around it), HTML pieces are kept as they are.
pub fn body(pieces: &[Piece]) -> String {
    let mut out = String::new();
    let mut md = String::new();
    for p in pieces {
        match p {
            Piece::Md(t) => md.push_str(t),
            Piece::Html(h) => {
                if !md.trim().is_empty() {
                    out.push_str(&markdown(&md));
                }
                md.clear();
                out.push_str(h);
            }
        }
    }
    if !md.trim().is_empty() {
        out.push_str(&markdown(&md));
    }
    out
}

/// A whole page.
pub fn page(meta: &Meta, pieces: &[Piece]) -> String {
    let title = meta.title.clone().unwrap_or_default();
    let mut head = String::new();
    if !title.is_empty() {
        head.push_str(&format!("<h1 class=\"title\">{}</h1>\n", inline_markdown(&title)));
    }
    if let Some(s) = &meta.subtitle {
        head.push_str(&format!("<h3 class=\"subtitle\">{}</h3>\n", inline_markdown(s)));
    }
    if let Some(a) = &meta.author {
        head.push_str(&format!("<h4 class=\"author\">{}</h4>\n", inline_markdown(a)));
    }
    if let Some(d) = &meta.date {
        head.push_str(&format!("<h4 class=\"date\">{}</h4>\n", inline_markdown(d)));
    }
    format!(
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\" />\n<meta name=\"generator\" content=\"rsc render\" />\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n<title>{}</title>\n<style type=\"text/css\">\n{}</style>\n</head>\n<body>\n<div class=\"container\">\n{}{}</div>\n</body>\n</html>\n",
        escape_html(if title.is_empty() { "Report" } else { &title }),
        CSS,
        if head.is_empty() { String::new() } else { format!("<div class=\"header\">\n{}</div>\n", head) },
        body(pieces)
    )
}

/// A header field's Markdown without the paragraph around it.
fn inline_markdown(s: &str) -> String {
    let h = markdown(s);
    let h = h.trim();
    h.strip_prefix("<p>").and_then(|x| x.strip_suffix("</p>")).unwrap_or(h).to_string()
}

const CSS: &str = r#"body { margin: 0; background: #fff; color: #333; font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; font-size: 15px; line-height: 1.5; }
.container { max-width: 940px; margin: 0 auto; padding: 20px 30px 60px; }
.header { margin-bottom: 24px; }
h1, h2, h3, h4, h5, h6 { font-weight: 500; line-height: 1.15; margin: 24px 0 12px; color: #222; }
h1 { font-size: 2.1em; } h2 { font-size: 1.65em; } h3 { font-size: 1.35em; } h4 { font-size: 1.1em; }
h1.title { font-size: 2.4em; margin-top: 16px; }
h3.subtitle { margin-top: 0; color: #555; }
h4.author, h4.date { margin: 4px 0; color: #555; font-weight: 400; }
p { margin: 0 0 12px; }
a { color: #2a6ebb; text-decoration: none; } a:hover { text-decoration: underline; }
code { font-family: Menlo, Monaco, Consolas, "Courier New", monospace; font-size: 0.9em; }
:not(pre) > code { background: #f4f4f4; padding: 1px 4px; border-radius: 3px; color: #c7254e; }
pre { margin: 0 0 12px; padding: 9px 12px; overflow-x: auto; border-radius: 4px; line-height: 1.4; font-size: 13.5px; }
pre code { font-size: inherit; white-space: pre; }
pre.r { background: #f7f7f9; border: 1px solid #e3e3e8; }
pre:not(.r) { background: #fff; border: 1px solid #e3e3e8; }
pre .kw { color: #204a87; font-weight: bold; } pre .fu { color: #8e3b00; } pre .st { color: #4e9a06; }
pre .dv { color: #0000cf; } pre .cn { color: #8f5902; } pre .co { color: #8f5902; font-style: italic; }
pre .ot { color: #204a87; } pre .op { color: #ce5c00; } pre .out { color: #333; }
img { max-width: 100%; height: auto; }
.figure { margin: 12px 0; } .caption { color: #666; font-style: italic; }
table { border-collapse: collapse; margin: 12px 0 18px; font-size: 14px; }
th, td { padding: 5px 10px; border-bottom: 1px solid #ddd; text-align: right; }
th { border-bottom: 2px solid #999; background: #fafafa; }
td:first-child, th:first-child { text-align: left; }
blockquote { margin: 0 0 12px; padding: 4px 16px; border-left: 4px solid #ddd; color: #666; }
hr { border: 0; border-top: 1px solid #ddd; margin: 24px 0; }
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_and_html_pieces() {
        let pieces = vec![
            Piece::Md("# Head\n\nSome *text*\n".into()),
            Piece::Html("<pre><code>## [1] 1</code></pre>\n".into()),
            Piece::Md("| a | b |\n|---|---|\n".into()),
            Piece::Md("| 1 | 2 |\n".into()),
        ];
        let b = body(&pieces);
        assert!(b.contains("<h1>Head</h1>"));
        assert!(b.contains("<em>text</em>"));
        assert!(b.contains("<pre><code>## [1] 1</code></pre>"));
        assert!(b.contains("<td>1</td>"), "{}", b);
        let meta = Meta { title: Some("T & *U*".into()), ..Default::default() };
        let p = page(&meta, &pieces);
        assert!(p.contains("<title>T &amp; *U*</title>"));
        assert!(p.contains("<h1 class=\"title\">T &amp; <em>U</em></h1>"));
    }
}
