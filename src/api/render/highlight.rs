//! R code to highlighted HTML over rsc's own lexer: each token gets a `<span>` with a
//! class in pandoc's naming (`kw` keyword, `fu` called function, `st` string, `dv`
//! number, `cn` constant, `co` comment, `ot` operator), styled by the report's CSS.

use crate::api::chunk::escape_html;
use crate::syntax::lexer::{lex, Tok};

fn class_of(tok: &Tok, next: Option<&Tok>) -> Option<&'static str> {
    Some(match tok {
        Tok::Num(_) => "dv",
        Tok::Str(_) => "st",
        Tok::Ident(_) if next == Some(&Tok::LParen) => "fu",
        Tok::Ident(_) => return None,
        Tok::If | Tok::Else | Tok::Repeat | Tok::While | Tok::Function | Tok::For | Tok::In
        | Tok::Next | Tok::Break => "kw",
        Tok::True | Tok::False | Tok::Null | Tok::Inf | Tok::NaN | Tok::Na | Tok::NaInt
        | Tok::NaReal | Tok::NaChar => "cn",
        Tok::LArrow | Tok::LLArrow | Tok::RArrow | Tok::RRArrow | Tok::Assign | Tok::Pipe
        | Tok::Special(_) | Tok::Tilde => "ot",
        Tok::LParen | Tok::RParen | Tok::LBrace | Tok::RBrace | Tok::LBracket | Tok::LBB
        | Tok::RBracket | Tok::Comma | Tok::Semi | Tok::Newline => return None,
        _ => "op",
    })
}

/// Text between tokens: whitespace and comments (which the lexer skips).
fn gap(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(i) = rest.find('#') {
        out.push_str(&escape_html(&rest[..i]));
        let end = rest[i..].find('\n').map(|j| i + j).unwrap_or(rest.len());
        out.push_str(&format!("<span class=\"co\">{}</span>", escape_html(&rest[i..end])));
        rest = &rest[end..];
    }
    out.push_str(&escape_html(rest));
}

/// Highlights R source as HTML (escaped; code that does not lex is escaped only).
pub fn highlight_r(src: &str) -> String {
    let Ok(toks) = lex(src) else { return escape_html(src) };
    let mut out = String::with_capacity(src.len() * 2);
    let mut pos = 0;
    for (k, (start, tok, end)) in toks.iter().enumerate() {
        if *start < pos || *end > src.len() {
            continue;
        }
        gap(&mut out, &src[pos..*start]);
        let text = escape_html(&src[*start..*end]);
        match class_of(tok, toks.get(k + 1).map(|t| &t.1)) {
            Some(c) => out.push_str(&format!("<span class=\"{}\">{}</span>", c, text)),
            None => out.push_str(&text),
        }
        pos = *end;
    }
    gap(&mut out, &src[pos..]);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn classes() {
        let h = super::highlight_r("fit <- lm(y ~ x, data = d) # model\nif (TRUE) \"a<b\"");
        assert_eq!(
            h,
            "fit <span class=\"ot\">&lt;-</span> <span class=\"fu\">lm</span>(y <span class=\"ot\">~</span> x, data <span class=\"ot\">=</span> d) <span class=\"co\"># model</span>\n<span class=\"kw\">if</span> (<span class=\"cn\">TRUE</span>) <span class=\"st\">&quot;a&lt;b&quot;</span>"
        );
    }
}
