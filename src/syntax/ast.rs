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
    Call(Rc<Expr>, Rc<Vec<Arg>>),
    /// `x[args]`
    Index(Rc<Expr>, Rc<Vec<Arg>>),
    /// `x[[args]]`
    Index2(Rc<Expr>, Rc<Vec<Arg>>),
    /// `x$name` (a string after `$` is stored as its text)
    Dollar(Rc<Expr>, Sym),
    /// `x@name`
    At(Rc<Expr>, Sym),
    /// `pkg::name` (`internal` for `:::`)
    Ns {
        pkg: Sym,
        name: Sym,
        internal: bool,
    },
    Unary(UnOp, Rc<Expr>),
    Binary(BinOp, Rc<Expr>, Rc<Expr>),
    /// `lhs ~ rhs` or `~ rhs`
    Formula(Option<Rc<Expr>>, Rc<Expr>),
    /// `target <- value` (for `->` the target is still the first field)
    Assign(AssignOp, Rc<Expr>, Rc<Expr>),
    /// `function(params) body` and `\(params) body`
    Function(Rc<Vec<Param>>, Rc<Expr>),
    If(Rc<Expr>, Rc<Expr>, Option<Rc<Expr>>),
    For(Sym, Rc<Expr>, Rc<Expr>),
    While(Rc<Expr>, Rc<Expr>),
    Repeat(Rc<Expr>),
    Break,
    Next,
    /// `{ ... }`
    Block(Vec<Expr>),
    /// `( e )`
    Paren(Rc<Expr>),
}

impl Expr {
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        Expr { kind, span }
    }
}

/// Sets every span in `e` to the empty default span (code without a source to point at).
pub fn detach_spans(e: &mut Expr) {
    e.span = Span::default();
    fn rc(e: &mut Rc<Expr>) {
        detach_spans(Rc::make_mut(e));
    }
    let args = |args: &mut Rc<Vec<Arg>>| {
        let args = Rc::make_mut(args);
        for a in args.iter_mut() {
            a.span = Span::default();
            if let Some(v) = a.value.as_mut() {
                detach_spans(v);
            }
        }
    };
    match &mut e.kind {
        ExprKind::Call(f, a) | ExprKind::Index(f, a) | ExprKind::Index2(f, a) => {
            rc(f);
            args(a);
        }
        ExprKind::Dollar(x, _)
        | ExprKind::At(x, _)
        | ExprKind::Unary(_, x)
        | ExprKind::Repeat(x)
        | ExprKind::Paren(x) => rc(x),
        ExprKind::Binary(_, a, b)
        | ExprKind::Assign(_, a, b)
        | ExprKind::While(a, b)
        | ExprKind::For(_, a, b) => {
            rc(a);
            rc(b);
        }
        ExprKind::Formula(l, r) => {
            if let Some(l) = l {
                rc(l);
            }
            rc(r);
        }
        ExprKind::Function(params, body) => {
            for p in Rc::make_mut(params).iter_mut() {
                if let Some(d) = p.default.as_mut() {
                    detach_spans(d);
                }
            }
            rc(body);
        }
        ExprKind::If(c, a, b) => {
            rc(c);
            rc(a);
            if let Some(b) = b {
                rc(b);
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
