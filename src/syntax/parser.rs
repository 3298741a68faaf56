//! Tokens to AST: the newline filter between lexer and grammar, the grammar
//! action helpers, and error conversion to R's wording.

use super::ast::{Arg, AssignOp, BinOp, Const, Expr, ExprKind, Param, UnOp};
use super::lexer::{self, LexErr, Tok};
use super::span::{line_col, Span};
use super::sym::Sym;
use crate::error::{ErrorKind, RError};
use lalrpop_util::ParseError;
use std::rc::Rc;

#[allow(clippy::all, unused_parens, unused_imports, dead_code, missing_docs)]
mod gen {
    include!(concat!(env!("OUT_DIR"), "/rsc.rs"));
}

/// Nesting deeper than this (brackets plus operator chains) is rejected
/// rather than risking the stack in later recursive passes.
const MAX_DEPTH: usize = 2000;

type Triple = (usize, Tok, usize);

/// Parses a whole program.
pub fn parse_program(src: &str) -> Result<Vec<Expr>, RError> {
    let toks = lexer::lex(src).map_err(|e| lex_error(src, e))?;
    let toks = filter(src, toks)?;
    gen::ProgramParser::new().parse(toks).map_err(|e| convert_error(src, e))
}

fn lex_error(src: &str, e: lexer::LexError) -> RError {
    match e.err {
        LexErr::Invalid => RError::syntax("unexpected input", e.span),
        LexErr::Incomplete if src[e.span.start as usize..].starts_with(['"', '\'', '`']) => {
            // an unterminated string: the console asks for more, parse() names it as R does
            let mut err = RError::syntax("unexpected INCOMPLETE_STRING", e.span);
            err.kind = ErrorKind::Incomplete;
            err
        }
        LexErr::Incomplete => incomplete(src),
        LexErr::Msg(m) => RError::syntax(m, e.span),
    }
}

fn incomplete(src: &str) -> RError {
    let mut e = RError::syntax("unexpected end of input", Span::new(src.len(), src.len()));
    e.kind = ErrorKind::Incomplete;
    e
}

fn convert_error(src: &str, e: ParseError<usize, Tok, RError>) -> RError {
    match e {
        ParseError::UnrecognizedEof { .. } => incomplete(src),
        ParseError::UnrecognizedToken { token: (l, t, r), .. } | ParseError::ExtraToken { token: (l, t, r) } => {
            RError::syntax(format!("unexpected {}", t.describe()), Span::new(l, r))
        }
        ParseError::InvalidToken { location } => {
            RError::syntax("unexpected input", Span::new(location, location + 1))
        }
        ParseError::User { mut error } => {
            if error.message.starts_with("repeated formal") {
                let (line, _) = line_col(src, error.span.map(|s| s.start as usize).unwrap_or(0));
                error.message = format!("{} on line {}", error.message, line);
            }
            error
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Open {
    Paren { header: bool },
    Bracket,
    Brace,
}

fn is_sep(t: &Tok) -> bool {
    matches!(t, Tok::Newline | Tok::Semi)
}

/// Applies R's newline rules and the nesting limit.
fn filter(src: &str, toks: Vec<Triple>) -> Result<Vec<Triple>, RError> {
    let mut out: Vec<Triple> = Vec::with_capacity(toks.len());
    let mut stack: Vec<Open> = Vec::new();
    // Operator counts per bracket level (for the depth estimate).
    let mut ops: Vec<usize> = vec![0];
    let mut total_ops = 0usize;
    let mut eat_lines = false;
    let mut prev: Option<Tok> = None;
    for i in 0..toks.len() {
        let (l, t, r) = toks[i].clone();
        if is_sep(&t) {
            if t == Tok::Newline {
                let top = stack.last().copied();
                if matches!(top, Some(Open::Paren { .. }) | Some(Open::Bracket)) || eat_lines {
                    continue;
                }
                if top == Some(Open::Brace) {
                    let next = toks[i + 1..].iter().find(|x| x.1 != Tok::Newline);
                    if matches!(next, Some((_, Tok::Else, _))) {
                        continue;
                    }
                }
            }
            if let Some(n) = ops.last_mut() {
                total_ops -= *n;
                *n = 0;
            }
            if t == Tok::Semi && stack.is_empty() && out.last().map_or(true, |(_, p, _)| is_sep(p)) {
                // R's top level has no empty statements: let the grammar reject it.
                out.push((l, t, r));
                continue;
            }
            match out.last() {
                None => continue,
                Some((_, p, _)) if is_sep(p) || *p == Tok::LBrace => continue,
                _ => {}
            }
            out.push((l, t, r));
            continue;
        }
        eat_lines = t.is_operator()
            || matches!(
                t,
                Tok::Comma
                    | Tok::Else
                    | Tok::Repeat
                    | Tok::In
                    | Tok::If
                    | Tok::For
                    | Tok::While
                    | Tok::Function
            );
        // Postfix calls and indexing after a closing bracket (`f()()`, `x[1][1]`) nest
        // like operators do.
        let postfix = matches!(t, Tok::LParen | Tok::LBracket | Tok::LBB)
            && matches!(prev, Some(Tok::RParen | Tok::RBracket | Tok::RBrace));
        if postfix
            || t.is_operator()
            || matches!(
                t,
                Tok::If | Tok::Function | Tok::Backslash | Tok::Else | Tok::For | Tok::While | Tok::Repeat
            )
        {
            if let Some(n) = ops.last_mut() {
                *n += 1;
            }
            total_ops += 1;
        }
        if t == Tok::Comma {
            if let Some(n) = ops.last_mut() {
                total_ops -= *n;
                *n = 0;
            }
        }
        match t {
            Tok::LParen => {
                let header = matches!(
                    prev,
                    Some(Tok::If | Tok::For | Tok::While | Tok::Function | Tok::Backslash)
                );
                stack.push(Open::Paren { header });
                ops.push(0);
            }
            Tok::LBracket => {
                stack.push(Open::Bracket);
                ops.push(0);
            }
            Tok::LBB => {
                stack.push(Open::Bracket);
                stack.push(Open::Bracket);
                ops.push(0);
                ops.push(0);
            }
            Tok::LBrace => {
                stack.push(Open::Brace);
                ops.push(0);
            }
            Tok::RParen | Tok::RBracket | Tok::RBrace => {
                if t == Tok::RBrace
                    && stack.last() == Some(&Open::Brace)
                    && matches!(out.last(), Some((_, p, _)) if is_sep(p))
                {
                    out.pop();
                }
                if let Some(Open::Paren { header: true }) = stack.pop() {
                    eat_lines = true;
                }
                if ops.len() > 1 {
                    total_ops -= ops.pop().unwrap_or(0);
                }
            }
            _ => {}
        }
        if stack.len() > MAX_DEPTH {
            let (line, _) = line_col(src, l);
            return Err(RError::syntax(format!("contextstack overflow at line {}", line), Span::new(l, r)));
        }
        if stack.len() + total_ops > MAX_DEPTH {
            return Err(RError::syntax("expression nested too deeply", Span::new(l, r)));
        }
        prev = Some(t.clone());
        out.push((l, t, r));
    }
    // Trailing separators end the program, except a `;` right after an
    // operator, which R reports as unexpected.
    while let Some((_, p, _)) = out.last() {
        let after_op = out.len() < 2 || {
            let q = &out[out.len() - 2].1;
            q.is_operator() || is_sep(q)
        };
        if *p == Tok::Newline || (*p == Tok::Semi && !after_op) {
            out.pop();
        } else {
            break;
        }
    }
    Ok(out)
}

/// Helpers called from the grammar's actions.
pub(crate) mod h {
    use super::*;

    /// A parsed parameter with its span.
    pub struct P {
        pub name: Sym,
        pub default: Option<Expr>,
        pub start: usize,
        pub end: usize,
    }

    type PResult = Result<Expr, ParseError<usize, Tok, RError>>;

    fn mk(kind: ExprKind, start: usize, end: usize) -> Expr {
        Expr::new(kind, Span::new(start, end))
    }

    fn lo(e: &Expr) -> usize {
        e.span.start as usize
    }

    fn hi(e: &Expr) -> usize {
        e.span.end as usize
    }

    pub fn bin(op: BinOp, l: Expr, r: Expr) -> Expr {
        let span = l.span.to(r.span);
        Expr::new(ExprKind::Binary(op, Box::new(l), Box::new(r)), span)
    }

    pub fn assign(op: AssignOp, target: Expr, value: Expr) -> Expr {
        let span = target.span.to(value.span);
        Expr::new(ExprKind::Assign(op, Box::new(target), Box::new(value)), span)
    }

    pub fn formula(start: Option<usize>, lhs: Option<Expr>, rhs: Expr) -> Expr {
        let s = match (&lhs, start) {
            (Some(l), _) => lo(l),
            (None, Some(s)) => s,
            (None, None) => lo(&rhs),
        };
        let e = hi(&rhs);
        mk(ExprKind::Formula(lhs.map(Box::new), Box::new(rhs)), s, e)
    }

    pub fn unary(op: UnOp, start: usize, e: Expr) -> Expr {
        let end = hi(&e);
        mk(ExprKind::Unary(op, Box::new(e)), start, end)
    }

    fn qmark(start: usize) -> Expr {
        mk(ExprKind::Ident(Sym::new("?")), start, start + 1)
    }

    fn plain(e: Expr) -> Arg {
        let span = e.span;
        Arg { name: None, value: Some(e), span }
    }

    /// `l ? r` as the call `` `?`(l, r) ``.
    pub fn help(l: Expr, q: usize, r: Expr) -> Expr {
        let (s, e) = (lo(&l), hi(&r));
        let q = qmark(q);
        mk(ExprKind::Call(Box::new(q), vec![plain(l), plain(r)]), s, e)
    }

    /// `?r` as the call `` `?`(r) ``.
    pub fn help1(start: usize, r: Expr) -> Expr {
        let e = hi(&r);
        mk(ExprKind::Call(Box::new(qmark(start)), vec![plain(r)]), start, e)
    }

    pub fn special(s: Sym) -> BinOp {
        match s.as_str() {
            "%%" => BinOp::Mod,
            "%/%" => BinOp::IntDiv,
            _ => BinOp::Special(s),
        }
    }

    /// `l |> f(args)` becomes `f(l, args)`.
    pub fn pipe(l: Expr, r: Expr, op_lo: usize, op_hi: usize) -> PResult {
        let span = l.span.to(r.span);
        match r.kind {
            ExprKind::Paren(_) => Err(ParseError::User {
                error: RError::syntax(
                    "function '(' not supported in RHS call of a pipe",
                    Span::new(op_lo, op_hi),
                ),
            }),
            ExprKind::Call(f, mut args) => {
                args.insert(0, plain(l));
                Ok(Expr::new(ExprKind::Call(f, args), span))
            }
            _ => Err(ParseError::User {
                error: RError::syntax(
                    "The pipe operator requires a function call as RHS",
                    Span::new(op_lo, op_hi),
                ),
            }),
        }
    }

    fn norm_args(mut args: Vec<Arg>) -> Vec<Arg> {
        if args.len() == 1 && args[0].name.is_none() && args[0].value.is_none() {
            args.clear();
        }
        args
    }

    pub fn call(f: Expr, args: Vec<Arg>, end: usize) -> Expr {
        let start = lo(&f);
        let f = match f.kind {
            ExprKind::Const(Const::Str(s)) => Expr::new(ExprKind::Ident(Sym::new(&s)), f.span),
            kind => Expr::new(kind, f.span),
        };
        mk(ExprKind::Call(Box::new(f), norm_args(args)), start, end)
    }

    pub fn index(x: Expr, args: Vec<Arg>, end: usize, double: bool) -> Expr {
        let start = lo(&x);
        let args = norm_args(args);
        let kind = if double {
            ExprKind::Index2(Box::new(x), args)
        } else {
            ExprKind::Index(Box::new(x), args)
        };
        mk(kind, start, end)
    }

    pub fn dollar(x: Expr, n: Sym, end: usize, at: bool) -> Expr {
        let start = lo(&x);
        let kind = if at { ExprKind::At(Box::new(x), n) } else { ExprKind::Dollar(Box::new(x), n) };
        mk(kind, start, end)
    }

    pub fn konst(c: Const, start: usize, end: usize) -> Expr {
        mk(ExprKind::Const(c), start, end)
    }

    pub fn ident(n: Sym, start: usize, end: usize) -> Expr {
        mk(ExprKind::Ident(n), start, end)
    }

    pub fn brk(next: bool, start: usize, end: usize) -> Expr {
        mk(if next { ExprKind::Next } else { ExprKind::Break }, start, end)
    }

    pub fn paren(e: Expr, start: usize, end: usize) -> Expr {
        mk(ExprKind::Paren(Box::new(e)), start, end)
    }

    pub fn block(v: Vec<Expr>, start: usize, end: usize) -> Expr {
        mk(ExprKind::Block(v), start, end)
    }

    pub fn ns(pkg: Sym, name: Sym, internal: bool, start: usize, end: usize) -> Expr {
        mk(ExprKind::Ns { pkg, name, internal }, start, end)
    }

    pub fn function(start: usize, params: Vec<P>, body: Expr) -> PResult {
        let mut seen: Vec<Sym> = Vec::new();
        let mut out = Vec::with_capacity(params.len());
        for p in params {
            if seen.contains(&p.name) {
                return Err(ParseError::User {
                    error: RError::syntax(
                        format!("repeated formal argument '{}'", p.name),
                        Span::new(p.start, p.end),
                    ),
                });
            }
            seen.push(p.name);
            out.push(Param { name: p.name, default: p.default });
        }
        let end = hi(&body);
        Ok(mk(ExprKind::Function(Rc::new(out), Rc::new(body)), start, end))
    }

    pub fn if_(start: usize, c: Expr, t: Expr, e: Option<Expr>) -> Expr {
        let end = e.as_ref().map(hi).unwrap_or_else(|| hi(&t));
        mk(ExprKind::If(Box::new(c), Box::new(t), e.map(Box::new)), start, end)
    }

    pub fn for_(start: usize, v: Sym, seq: Expr, body: Expr) -> Expr {
        let end = hi(&body);
        mk(ExprKind::For(v, Box::new(seq), Box::new(body)), start, end)
    }

    pub fn while_(start: usize, c: Expr, body: Expr) -> Expr {
        let end = hi(&body);
        mk(ExprKind::While(Box::new(c), Box::new(body)), start, end)
    }

    pub fn repeat(start: usize, body: Expr) -> Expr {
        let end = hi(&body);
        mk(ExprKind::Repeat(Box::new(body)), start, end)
    }

    pub fn arg(name: Option<Sym>, value: Option<Expr>, start: usize, end: usize) -> Arg {
        Arg { name, value, span: Span::new(start, end) }
    }
}
