//! The lexer: source text to tokens with byte spans, built on `logos`.
//!
//! Numbers, strings, names and keywords are turned into [`Tok`] values by
//! callbacks; the newline rules live in the token filter in `parser.rs`.

use super::ast::Const;
use super::span::Span;
use super::sym::Sym;
use logos::{Lexer, Logos};
use std::rc::Rc;

/// A token as the grammar sees it.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    /// A numeric constant (`Const::Int` or `Const::Num`).
    Num(Const),
    /// A string constant (quotes and escapes processed).
    Str(Rc<str>),
    /// A name, including backtick-quoted ones, `...` and `..1`.
    Ident(Sym),
    /// `%op%` including the percent signs.
    Special(Sym),
    If,
    Else,
    Repeat,
    While,
    Function,
    For,
    In,
    Next,
    Break,
    True,
    False,
    Null,
    Inf,
    NaN,
    Na,
    NaInt,
    NaReal,
    NaChar,
    Plus,
    Minus,
    Star,
    Slash,
    Caret,
    Lt,
    Gt,
    Le,
    Ge,
    EqEq,
    Ne,
    Bang,
    And,
    And2,
    Or,
    Or2,
    Tilde,
    Question,
    LArrow,
    LLArrow,
    RArrow,
    RRArrow,
    Assign,
    Pipe,
    Backslash,
    Dollar,
    At,
    NsGet,
    NsGetInt,
    LParen,
    RParen,
    LBrace,
    RBrace,
    LBracket,
    LBB,
    RBracket,
    Comma,
    Semi,
    Colon,
    Newline,
}

/// Why lexing failed.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum LexErr {
    /// A character no token starts with.
    #[default]
    Invalid,
    /// Input ended inside a string or raw string.
    Incomplete,
    /// Any other problem, with R's message.
    Msg(String),
}

#[derive(Logos, Debug, PartialEq)]
#[logos(error = LexErr)]
#[logos(skip r"[ \t\f\r]+")]
#[logos(skip(r"#[^\n]*", allow_greedy = true))]
enum Raw {
    #[regex(r"[0-9]+\.?[0-9]*([eE][+-]?[0-9]+)?[Li]?", number)]
    #[regex(r"\.[0-9]+([eE][+-]?[0-9]+)?[Li]?", number)]
    #[regex(r"0[xX][0-9a-fA-F]+[Li]?", number)]
    // malformed numbers (`0x`, `1e`, `1e+`): longer than any valid prefix, so they win
    #[regex(r"0[xX]|[0-9]+\.?[0-9]*[eE][+-]?", bad_number)]
    Num(Tok),
    #[token("\"", string)]
    #[token("'", string)]
    #[regex(r#"[rR]["']-*[(\[{]"#, raw_string)]
    Str(Tok),
    #[token("`", backtick)]
    #[regex(r"[a-zA-Z][a-zA-Z0-9._]*", word)]
    #[regex(r"\.([a-zA-Z._][a-zA-Z0-9._]*)?", word)]
    #[regex(r"[^\x00-\x7F]", word)]
    // the pipe placeholder (`x |> f(y = _)`), an identifier only the pipe gives meaning to
    #[token("_", |_| Tok::Ident(Sym::new("_")))]
    Word(Tok),
    #[regex(r"%[^%\n]*%", |l| Sym::new(l.slice()))]
    Special(Sym),
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("/")]
    Slash,
    #[token("^")]
    #[token("**")]
    Caret,
    #[token("<")]
    Lt,
    #[token(">")]
    Gt,
    #[token("<=")]
    Le,
    #[token(">=")]
    Ge,
    #[token("==")]
    EqEq,
    #[token("!=")]
    Ne,
    #[token("!")]
    Bang,
    #[token("&")]
    And,
    #[token("&&")]
    And2,
    #[token("|")]
    Or,
    #[token("||")]
    Or2,
    #[token("~")]
    Tilde,
    #[token("?")]
    Question,
    #[token("<-")]
    LArrow,
    #[token("<<-")]
    LLArrow,
    #[token("->")]
    RArrow,
    #[token("->>")]
    RRArrow,
    #[token("=")]
    Assign,
    #[token("|>")]
    Pipe,
    #[token("\\")]
    Backslash,
    #[token("$")]
    Dollar,
    #[token("@")]
    At,
    #[token("::")]
    NsGet,
    #[token(":::")]
    NsGetInt,
    #[token("(")]
    LParen,
    #[token(")")]
    RParen,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token("[")]
    LBracket,
    #[token("[[")]
    #[allow(clippy::upper_case_acronyms)] // R's grammar names this token LBB
    LBB,
    #[token("]")]
    RBracket,
    #[token(",")]
    Comma,
    #[token(";")]
    Semi,
    #[token(":")]
    Colon,
    #[token("\n")]
    Newline,
}

fn bad_number(_: &mut Lexer<Raw>) -> Result<Tok, LexErr> {
    Err(LexErr::Invalid)
}

fn number(lex: &mut Lexer<Raw>) -> Result<Tok, LexErr> {
    let s = lex.slice();
    let (s, imaginary) = match s.strip_suffix('i') {
        Some(b) => (b, true),
        None => (s, false),
    };
    let (body, long) = match s.strip_suffix('L') {
        Some(b) => (b, true),
        None => (s, false),
    };
    let value = if let Some(hex) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
        hex.chars().fold(0f64, |acc, c| {
            acc * 16.0 + c.to_digit(16).unwrap_or(0) as f64
        })
    } else {
        body.parse::<f64>().map_err(|_| LexErr::Invalid)?
    };
    if imaginary {
        return Ok(Tok::Num(Const::Cplx(value)));
    }
    if long && value.fract() == 0.0 && value.abs() <= i32::MAX as f64 {
        return Ok(Tok::Num(Const::Int(value as i32)));
    }
    Ok(Tok::Num(Const::Num(value)))
}

/// Reads `n` hex digits at most (at least one) from `chars`.
fn hex_digits(chars: &mut std::iter::Peekable<std::str::CharIndices>, max: usize) -> Option<u32> {
    let mut v: u32 = 0;
    let mut n = 0;
    while n < max {
        match chars.peek() {
            Some(&(_, c)) if c.is_ascii_hexdigit() => {
                v = v * 16 + c.to_digit(16).unwrap_or(0);
                n += 1;
                chars.next();
            }
            _ => break,
        }
    }
    if n == 0 {
        None
    } else {
        Some(v)
    }
}

/// Scans a quoted string body (after the opening quote) up to `quote`,
/// processing R's escapes. Returns the text and the bytes consumed.
fn scan_quoted(rest: &str, quote: char) -> Result<(String, usize), LexErr> {
    let mut out = String::new();
    let mut chars = rest.char_indices().peekable();
    let bad = |e: &str| {
        LexErr::Msg(format!(
            "'\\{}' is an unrecognized escape in character string",
            e
        ))
    };
    let starting = |e: char, end: usize| {
        LexErr::Msg(format!(
            "'\\{}' is an unrecognized escape in character string starting \"{}{}\"",
            e,
            quote,
            &rest[..end]
        ))
    };
    while let Some((i, c)) = chars.next() {
        if c == quote {
            return Ok((out, i + c.len_utf8()));
        }
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some((ei, e)) = chars.next() else {
            return Err(LexErr::Incomplete);
        };
        match e {
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'v' => out.push('\x0b'),
            '\\' | '"' | '\'' | '`' | ' ' | '\n' => out.push(e),
            '0'..='7' => {
                let mut v = e.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match chars.peek() {
                        Some(&(_, d)) if ('0'..='7').contains(&d) => {
                            v = v * 8 + d.to_digit(8).unwrap_or(0);
                            chars.next();
                        }
                        _ => break,
                    }
                }
                if v == 0 {
                    return Err(LexErr::Msg("nul character not allowed".into()));
                }
                out.push(char::from_u32(v).ok_or_else(|| bad("0"))?);
            }
            'x' => {
                let v = hex_digits(&mut chars, 2).ok_or_else(|| {
                    LexErr::Msg("'\\x' used without hex digits in character string".into())
                })?;
                if v == 0 {
                    return Err(LexErr::Msg("nul character not allowed".into()));
                }
                out.push(char::from_u32(v).ok_or_else(|| bad("x"))?);
            }
            'u' | 'U' => {
                let max = if e == 'u' { 4 } else { 8 };
                let braced = matches!(chars.peek(), Some(&(_, '{')));
                if braced {
                    chars.next();
                }
                let v = hex_digits(&mut chars, max).ok_or_else(|| {
                    LexErr::Msg(format!(
                        "'\\{}' used without hex digits in character string",
                        e
                    ))
                })?;
                if braced {
                    match chars.next() {
                        Some((_, '}')) => {}
                        _ => return Err(LexErr::Msg(format!("invalid \\{}{{xxxx}} sequence", e))),
                    }
                }
                if v == 0 {
                    return Err(LexErr::Msg("nul character not allowed".into()));
                }
                let ch = char::from_u32(v)
                    .ok_or_else(|| LexErr::Msg(format!("invalid \\{} sequence", e)))?;
                out.push(ch);
            }
            other => return Err(starting(other, ei + other.len_utf8())),
        }
    }
    Err(LexErr::Incomplete)
}

fn string(lex: &mut Lexer<Raw>) -> Result<Tok, LexErr> {
    let quote = lex.slice().chars().next().unwrap_or('"');
    let (text, used) = match scan_quoted(lex.remainder(), quote) {
        Ok(r) => r,
        Err(e) => {
            lex.bump(lex.remainder().len());
            return Err(e);
        }
    };
    lex.bump(used);
    Ok(Tok::Str(Rc::from(text)))
}

fn raw_string(lex: &mut Lexer<Raw>) -> Result<Tok, LexErr> {
    let head = lex.slice();
    let quote = head[1..2].to_string();
    let dashes = head.len() - 3;
    let close = match head.as_bytes()[head.len() - 1] {
        b'(' => ')',
        b'[' => ']',
        _ => '}',
    };
    let terminator = format!("{}{}{}", close, "-".repeat(dashes), quote);
    match lex.remainder().find(&terminator) {
        Some(pos) => {
            let text = lex.remainder()[..pos].to_string();
            lex.bump(pos + terminator.len());
            Ok(Tok::Str(Rc::from(text)))
        }
        None => {
            lex.bump(lex.remainder().len());
            Err(LexErr::Incomplete)
        }
    }
}

fn backtick(lex: &mut Lexer<Raw>) -> Result<Tok, LexErr> {
    let (text, used) = match scan_quoted(lex.remainder(), '`') {
        Ok(r) => r,
        Err(e) => {
            lex.bump(lex.remainder().len());
            return Err(e);
        }
    };
    lex.bump(used);
    if text.is_empty() {
        return Err(LexErr::Msg(
            "attempt to use zero-length variable name".into(),
        ));
    }
    Ok(Tok::Ident(Sym::new(&text)))
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '.' || c == '_'
}

fn word(lex: &mut Lexer<Raw>) -> Result<Tok, LexErr> {
    if let Some(c) = lex.slice().chars().next() {
        if !c.is_ascii() && !c.is_alphabetic() {
            return Err(LexErr::Invalid);
        }
    }
    let extra: usize = lex
        .remainder()
        .chars()
        .take_while(|&c| is_name_char(c))
        .map(char::len_utf8)
        .sum();
    lex.bump(extra);
    Ok(match lex.slice() {
        "if" => Tok::If,
        "else" => Tok::Else,
        "repeat" => Tok::Repeat,
        "while" => Tok::While,
        "function" => Tok::Function,
        "for" => Tok::For,
        "in" => Tok::In,
        "next" => Tok::Next,
        "break" => Tok::Break,
        "TRUE" => Tok::True,
        "FALSE" => Tok::False,
        "NULL" => Tok::Null,
        "Inf" => Tok::Inf,
        "NaN" => Tok::NaN,
        "NA" => Tok::Na,
        "NA_integer_" => Tok::NaInt,
        "NA_real_" => Tok::NaReal,
        "NA_character_" => Tok::NaChar,
        "NA_complex_" => Tok::Num(Const::NaCplx),
        s => Tok::Ident(Sym::new(s)),
    })
}

/// One lexing failure with where it happened.
#[derive(Clone, Debug, PartialEq)]
pub struct LexError {
    pub err: LexErr,
    pub span: Span,
}

/// Lexes all of `src` into `(start, token, end)` triples.
pub fn lex(src: &str) -> Result<Vec<(usize, Tok, usize)>, LexError> {
    let mut out = Vec::new();
    let mut lx = Raw::lexer(src);
    while let Some(r) = lx.next() {
        let sp = lx.span();
        let tok = match r {
            Err(err) => {
                return Err(LexError {
                    err,
                    span: Span::new(sp.start, sp.end),
                })
            }
            Ok(raw) => convert(raw),
        };
        out.push((sp.start, tok, sp.end));
    }
    Ok(out)
}

fn convert(raw: Raw) -> Tok {
    match raw {
        Raw::Num(t) | Raw::Str(t) | Raw::Word(t) => t,
        Raw::Special(s) => Tok::Special(s),
        Raw::Plus => Tok::Plus,
        Raw::Minus => Tok::Minus,
        Raw::Star => Tok::Star,
        Raw::Slash => Tok::Slash,
        Raw::Caret => Tok::Caret,
        Raw::Lt => Tok::Lt,
        Raw::Gt => Tok::Gt,
        Raw::Le => Tok::Le,
        Raw::Ge => Tok::Ge,
        Raw::EqEq => Tok::EqEq,
        Raw::Ne => Tok::Ne,
        Raw::Bang => Tok::Bang,
        Raw::And => Tok::And,
        Raw::And2 => Tok::And2,
        Raw::Or => Tok::Or,
        Raw::Or2 => Tok::Or2,
        Raw::Tilde => Tok::Tilde,
        Raw::Question => Tok::Question,
        Raw::LArrow => Tok::LArrow,
        Raw::LLArrow => Tok::LLArrow,
        Raw::RArrow => Tok::RArrow,
        Raw::RRArrow => Tok::RRArrow,
        Raw::Assign => Tok::Assign,
        Raw::Pipe => Tok::Pipe,
        Raw::Backslash => Tok::Backslash,
        Raw::Dollar => Tok::Dollar,
        Raw::At => Tok::At,
        Raw::NsGet => Tok::NsGet,
        Raw::NsGetInt => Tok::NsGetInt,
        Raw::LParen => Tok::LParen,
        Raw::RParen => Tok::RParen,
        Raw::LBrace => Tok::LBrace,
        Raw::RBrace => Tok::RBrace,
        Raw::LBracket => Tok::LBracket,
        Raw::LBB => Tok::LBB,
        Raw::RBracket => Tok::RBracket,
        Raw::Comma => Tok::Comma,
        Raw::Semi => Tok::Semi,
        Raw::Colon => Tok::Colon,
        Raw::Newline => Tok::Newline,
    }
}

impl Tok {
    /// How R names this token in "unexpected ..." messages.
    pub fn describe(&self) -> String {
        match self {
            Tok::Null => "'NULL'".into(),
            Tok::Num(_)
            | Tok::True
            | Tok::False
            | Tok::Inf
            | Tok::NaN
            | Tok::Na
            | Tok::NaInt
            | Tok::NaReal
            | Tok::NaChar => "numeric constant".into(),
            Tok::Str(_) => "string constant".into(),
            // the pipe placeholder out of place is R's "unexpected input"
            Tok::Ident(s) if s.as_str() == "_" => "input".into(),
            Tok::Ident(_) => "symbol".into(),
            Tok::Special(_) => "SPECIAL".into(),
            Tok::LArrow | Tok::LLArrow => "assignment".into(),
            Tok::Newline => "end of line".into(),
            other => format!("'{}'", other.text()),
        }
    }

    fn text(&self) -> &'static str {
        match self {
            Tok::If => "if",
            Tok::Else => "else",
            Tok::Repeat => "repeat",
            Tok::While => "while",
            Tok::Function => "function",
            Tok::For => "for",
            Tok::In => "in",
            Tok::Next => "next",
            Tok::Break => "break",
            Tok::Plus => "+",
            Tok::Minus => "-",
            Tok::Star => "*",
            Tok::Slash => "/",
            Tok::Caret => "^",
            Tok::Lt => "<",
            Tok::Gt => ">",
            Tok::Le => "<=",
            Tok::Ge => ">=",
            Tok::EqEq => "==",
            Tok::Ne => "!=",
            Tok::Bang => "!",
            Tok::And => "&",
            Tok::And2 => "&&",
            Tok::Or => "|",
            Tok::Or2 => "||",
            Tok::Tilde => "~",
            Tok::Question => "?",
            Tok::RArrow => "->",
            Tok::RRArrow => "->>",
            Tok::Assign => "=",
            Tok::Pipe => "|>",
            Tok::Backslash => "\\\\",
            Tok::Dollar => "$",
            Tok::At => "@",
            Tok::NsGet => "::",
            Tok::NsGetInt => ":::",
            Tok::LParen => "(",
            Tok::RParen => ")",
            Tok::LBrace => "{",
            Tok::RBrace => "}",
            Tok::LBracket => "[",
            Tok::LBB => "[[",
            Tok::RBracket => "]",
            Tok::Comma => ",",
            Tok::Semi => ";",
            Tok::Colon => ":",
            _ => "?",
        }
    }

    /// Operators after which a newline does not end the expression.
    pub fn is_operator(&self) -> bool {
        matches!(
            self,
            Tok::Special(_)
                | Tok::Plus
                | Tok::Minus
                | Tok::Star
                | Tok::Slash
                | Tok::Caret
                | Tok::Lt
                | Tok::Gt
                | Tok::Le
                | Tok::Ge
                | Tok::EqEq
                | Tok::Ne
                | Tok::Bang
                | Tok::And
                | Tok::And2
                | Tok::Or
                | Tok::Or2
                | Tok::Tilde
                | Tok::Question
                | Tok::LArrow
                | Tok::LLArrow
                | Tok::RArrow
                | Tok::RRArrow
                | Tok::Assign
                | Tok::Pipe
                | Tok::Dollar
                | Tok::At
                | Tok::NsGet
                | Tok::NsGetInt
                | Tok::Colon
        )
    }
}
