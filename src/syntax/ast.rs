//! The abstract syntax tree. Every node carries the byte span it came from.

use super::span::Span;
use super::sym::Sym;
use std::rc::Rc;

/// An expression node with its source span.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

/// Literal constants.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    Null,
    Bool(bool),
    /// Logical `NA`.
    Na,
    NaInt,
    NaReal,
    NaChar,
    Int(i32),
    /// A double; `Inf` and `NaN` are doubles too.
    Num(f64),
    /// An imaginary literal (`2i` is `Cplx(2.0)`).
    Cplx(f64),
    /// `NA_complex_`.
    NaCplx,
    Str(Rc<str>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    Neg,
    Pos,
    Not,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Pow,
    /// `%%`
    Mod,
    /// `%/%`
    IntDiv,
    /// `%in%`, `%*%`, `%o%` and any other `%op%` (name includes the percent signs).
    Special(Sym),
    Range,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    And,
    And2,
    Or,
    Or2,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssignOp {
    /// `<-`
    Local,
    /// `<<-`
    Super,
    /// `=`
    Equals,
    /// `->` (stored with target and value swapped into place)
    Right,
    /// `->>`
    RightSuper,
}

/// A call or index argument: `name = value`, `value`, `name =` or empty (`x[, 1]`).
#[derive(Clone, Debug, PartialEq)]
pub struct Arg {
    pub name: Option<Sym>,
    pub value: Option<Expr>,
    pub span: Span,
}

/// A function parameter with an optional default.
#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    pub name: Sym,
    pub default: Option<Expr>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Const(Const),
    Ident(Sym),
    /// `f(args)`
    Call(Box<Expr>, Vec<Arg>),
    /// `x[args]`
    Index(Box<Expr>, Vec<Arg>),
    /// `x[[args]]`
    Index2(Box<Expr>, Vec<Arg>),
    /// `x$name` (a string after `$` is stored as its text)
    Dollar(Box<Expr>, Sym),
    /// `x@name`
    At(Box<Expr>, Sym),
    /// `pkg::name` (`internal` for `:::`)
    Ns {
        pkg: Sym,
        name: Sym,
        internal: bool,
    },
    Unary(UnOp, Box<Expr>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// `lhs ~ rhs` or `~ rhs`
    Formula(Option<Box<Expr>>, Box<Expr>),
    /// `target <- value` (for `->` the target is still the first field)
    Assign(AssignOp, Box<Expr>, Box<Expr>),
    /// `function(params) body` and `\(params) body`
    Function(Rc<Vec<Param>>, Rc<Expr>),
    If(Box<Expr>, Box<Expr>, Option<Box<Expr>>),
    For(Sym, Box<Expr>, Box<Expr>),
    While(Box<Expr>, Box<Expr>),
    Repeat(Box<Expr>),
    Break,
    Next,
    /// `{ ... }`
    Block(Vec<Expr>),
    /// `( e )`
    Paren(Box<Expr>),
}

impl Expr {
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        Expr { kind, span }
    }
}

/// Sets every span in `e` to the empty default span (code without a source to point at).
pub fn detach_spans(e: &mut Expr) {
    e.span = Span::default();
    let args = |args: &mut Vec<Arg>| {
        for a in args.iter_mut() {
            a.span = Span::default();
            if let Some(v) = a.value.as_mut() {
                detach_spans(v);
            }
        }
    };
    match &mut e.kind {
        ExprKind::Call(f, a) | ExprKind::Index(f, a) | ExprKind::Index2(f, a) => {
            detach_spans(f);
            args(a);
        }
        ExprKind::Dollar(x, _)
        | ExprKind::At(x, _)
        | ExprKind::Unary(_, x)
        | ExprKind::Repeat(x)
        | ExprKind::Paren(x) => detach_spans(x),
        ExprKind::Binary(_, a, b)
        | ExprKind::Assign(_, a, b)
        | ExprKind::While(a, b)
        | ExprKind::For(_, a, b) => {
            detach_spans(a);
            detach_spans(b);
        }
        ExprKind::Formula(l, r) => {
            if let Some(l) = l {
                detach_spans(l);
            }
            detach_spans(r);
        }
        ExprKind::Function(params, body) => {
            let mut ps = (**params).clone();
            for p in ps.iter_mut() {
                if let Some(d) = p.default.as_mut() {
                    detach_spans(d);
                }
            }
            *params = Rc::new(ps);
            let mut b = (**body).clone();
            detach_spans(&mut b);
            *body = Rc::new(b);
        }
        ExprKind::If(c, a, b) => {
            detach_spans(c);
            detach_spans(a);
            if let Some(b) = b {
                detach_spans(b);
            }
        }
        ExprKind::Block(items) => items.iter_mut().for_each(detach_spans),
        ExprKind::Const(_) | ExprKind::Ident(_) | ExprKind::Ns { .. } | ExprKind::Break | ExprKind::Next => {}
    }
}

impl BinOp {
    /// The operator as R writes it.
    pub fn as_str(&self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::Pow => "^",
            BinOp::Mod => "%%",
            BinOp::IntDiv => "%/%",
            BinOp::Special(s) => s.as_str(),
            BinOp::Range => ":",
            BinOp::Eq => "==",
            BinOp::Ne => "!=",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
            BinOp::And => "&",
            BinOp::And2 => "&&",
            BinOp::Or => "|",
            BinOp::Or2 => "||",
        }
    }
}

impl UnOp {
    pub fn as_str(&self) -> &'static str {
        match self {
            UnOp::Neg => "-",
            UnOp::Pos => "+",
            UnOp::Not => "!",
        }
    }
}
