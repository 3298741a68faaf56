//! Prints AST back as R source, the way R's `deparse()` and `print()` do for
//! language objects (R 4.x conventions, `width.cutoff = 60`).

use super::ast::{Arg, AssignOp, BinOp, Const, Expr, ExprKind, Param};

/// R's default `width.cutoff`.
pub const DEFAULT_CUTOFF: usize = 60;

/// Deparses an expression to one string (lines joined with newlines).
pub fn deparse(e: &Expr) -> String {
    deparse_lines(e, DEFAULT_CUTOFF).join("\n")
}

/// Deparses an expression into lines, breaking long calls and binary
/// operator chains once a line grows past `cutoff` characters, as R does.
pub fn deparse_lines(e: &Expr, cutoff: usize) -> Vec<String> {
    let mut d = Dp::new(cutoff);
    d.expr(e);
    d.finish()
}

/// Prints a closure the way R prints a function value:
/// `function (x, y = 2) ` on the first line, then the body.
pub fn deparse_function(params: &[Param], body: &Expr) -> String {
    let mut d = Dp::new(DEFAULT_CUTOFF);
    d.put("function (");
    d.params(params);
    d.put(") ");
    d.newline();
    d.expr(body);
    d.finish().join("\n")
}

/// Whether `s` can be written without backticks.
pub fn is_syntactic_name(s: &str) -> bool {
    if is_reserved(s) {
        return false;
    }
    if s == "..." {
        return true;
    }
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if first == '.' {
        if let Some(c) = s.chars().nth(1) {
            if c.is_ascii_digit() {
                // `..1` style names are fine, `.1x` is not a name
                return s.starts_with("..") && s[2..].chars().all(|c| c.is_ascii_digit());
            }
        }
    } else if !first.is_alphabetic() {
        return false;
    }
    s.chars()
        .all(|c| c.is_alphanumeric() || c == '.' || c == '_')
}

/// Whether `s` is one of R's reserved words (`if`, `TRUE`, `NA_real_`, `in`, ...).
pub fn is_reserved(s: &str) -> bool {
    matches!(
        s,
        "if" | "else"
            | "repeat"
            | "while"
            | "function"
            | "for"
            | "next"
            | "break"
            | "TRUE"
            | "FALSE"
            | "NULL"
            | "Inf"
            | "NaN"
            | "NA"
            | "NA_integer_"
            | "NA_real_"
            | "NA_character_"
            | "NA_complex_"
            | "in"
    )
}

/// A name, backticked when it is not syntactic.
pub fn quote_name(s: &str) -> String {
    if is_syntactic_name(s) {
        s.to_string()
    } else {
        let mut out = String::from("`");
        for c in s.chars() {
            match c {
                '`' => out.push_str("\\`"),
                '\\' => out.push_str("\\\\"),
                _ => out.push(c),
            }
        }
        out.push('`');
        out
    }
}

/// A string constant as R deparses it: double quotes and escapes.
pub fn quote_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\x07' => out.push_str("\\a"),
            '\x08' => out.push_str("\\b"),
            '\x0c' => out.push_str("\\f"),
            '\x0b' => out.push_str("\\v"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\{:03o}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A double as R's deparse writes it (15 significant digits, fixed or
/// scientific notation, whichever is narrower).
pub fn format_num(x: f64) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Inf".into() } else { "-Inf".into() };
    }
    if x == 0.0 {
        return "0".into();
    }
    let sci = format!("{:.14e}", x);
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let neg = usize::from(x < 0.0);
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let nsig = digits.trim_end_matches('0').len().max(1);
    let decimals = (nsig as i32 - exp - 1).max(0) as usize;
    let fixed_width = if exp >= 0 {
        neg + exp as usize + 1 + if decimals > 0 { decimals + 1 } else { 0 }
    } else {
        neg + 2 + decimals
    };
    let exp_digits = if exp.abs() >= 100 { 3 } else { 2 };
    let sci_width = neg + nsig + usize::from(nsig > 1) + 2 + exp_digits;
    if fixed_width <= sci_width {
        format!("{:.*}", decimals, x)
    } else {
        let m = format!("{:.*e}", nsig - 1, x);
        let (m, _) = m.split_once('e').unwrap_or((&m, ""));
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{}e{}{:0w$}", m, sign, exp.abs(), w = exp_digits)
    }
}

fn format_const(c: &Const) -> String {
    match c {
        Const::Null => "NULL".into(),
        Const::Bool(true) => "TRUE".into(),
        Const::Bool(false) => "FALSE".into(),
        Const::Na => "NA".into(),
        Const::NaInt => "NA_integer_".into(),
        Const::NaReal => "NA_real_".into(),
        Const::NaChar => "NA_character_".into(),
        Const::Int(i) => format!("{}L", i),
        Const::Num(x) => format_num(*x),
        Const::Cplx(x) => format!("0+{}i", format_num(*x)),
        Const::NaCplx => "NA_complex_".into(),
        Const::Str(s) => quote_string(s),
    }
}

/// Whether R prints this binary operator without surrounding spaces.
fn tight(op: &BinOp) -> bool {
    matches!(
        op,
        BinOp::Div | BinOp::Pow | BinOp::Range | BinOp::Mod | BinOp::IntDiv
    )
}

fn assign_str(op: AssignOp) -> &'static str {
    match op {
        AssignOp::Local | AssignOp::Right => "<-",
        AssignOp::Super | AssignOp::RightSuper => "<<-",
        AssignOp::Equals => "=",
    }
}

struct Dp {
    lines: Vec<String>,
    cur: String,
    /// Characters on the current line.
    len: usize,
    startline: bool,
    indent: usize,
    incurly: usize,
    cutoff: usize,
}

impl Dp {
    fn new(cutoff: usize) -> Dp {
        Dp {
            lines: Vec::new(),
            cur: String::new(),
            len: 0,
            startline: true,
            indent: 0,
            incurly: 0,
            cutoff,
        }
    }

    fn finish(mut self) -> Vec<String> {
        self.lines.push(std::mem::take(&mut self.cur));
        self.lines
    }

    fn put(&mut self, s: &str) {
        if self.startline {
            self.startline = false;
            for i in 1..=self.indent {
                let tab = if i <= 4 { "    " } else { "  " };
                self.cur.push_str(tab);
                self.len += tab.len();
            }
        }
        self.cur.push_str(s);
        self.len += s.chars().count();
    }

    fn newline(&mut self) {
        self.lines.push(std::mem::take(&mut self.cur));
        self.len = 0;
        self.startline = true;
    }

    fn linebreak(&mut self, lbreak: &mut bool) {
        if self.len > self.cutoff {
            if !*lbreak {
                *lbreak = true;
                self.indent += 1;
            }
            self.newline();
        }
    }

    fn args(&mut self, args: &[Arg]) {
        let mut lbreak = false;
        for (i, a) in args.iter().enumerate() {
            if let Some(n) = a.name {
                self.put(&quote_name(&n));
                self.put(" = ");
            }
            if let Some(v) = &a.value {
                let wrap = matches!(v.kind, ExprKind::Assign(AssignOp::Equals, ..));
                if wrap {
                    self.put("(");
                }
                self.expr(v);
                if wrap {
                    self.put(")");
                }
            }
            if i + 1 < args.len() {
                self.put(", ");
                self.linebreak(&mut lbreak);
            }
        }
        if lbreak {
            self.indent -= 1;
        }
    }

    fn params(&mut self, params: &[Param]) {
        let mut lbreak = false;
        for (i, p) in params.iter().enumerate() {
            self.put(&quote_name(&p.name));
            if let Some(d) = &p.default {
                self.put(" = ");
                self.expr(d);
            }
            if i + 1 < params.len() {
                self.put(", ");
                self.linebreak(&mut lbreak);
            }
        }
        if lbreak {
            self.indent -= 1;
        }
    }

    /// if/for/while/repeat: forms that extend as far right as possible.
    fn open_form(e: &Expr) -> bool {
        matches!(
            e.kind,
            ExprKind::If(..) | ExprKind::For(..) | ExprKind::While(..) | ExprKind::Repeat(_)
        )
    }

    /// An operand: an imaginary constant is parenthesised (`x + (0+1i)`), as R does.
    fn operand(&mut self, e: &Expr) {
        if matches!(e.kind, ExprKind::Const(Const::Cplx(_))) {
            self.put("(");
            self.expr(e);
            self.put(")");
        } else {
            self.expr(e);
        }
    }

    fn binary(&mut self, l: &Expr, op: &str, r: &Expr, spaced: bool) {
        if Self::open_form(l) {
            self.put("(");
            self.expr(l);
            self.put(")");
        } else {
            self.operand(l);
        }
        if spaced {
            self.put(" ");
            self.put(op);
            self.put(" ");
            let mut lbreak = false;
            self.linebreak(&mut lbreak);
            self.operand(r);
            if lbreak {
                self.indent -= 1;
            }
        } else {
            self.put(op);
            self.operand(r);
        }
    }

    /// Is this a `{` block (R's `curlyahead`)?
    fn curly(e: &Expr) -> bool {
        matches!(e.kind, ExprKind::Block(_))
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Const(c) => self.put(&format_const(c)),
            // the empty symbol (a formal without default, `alist(a = )`) deparses to nothing
            ExprKind::Ident(s) if s.as_str().is_empty() => {}
            ExprKind::Ident(s) => self.put(&quote_name(s)),
            ExprKind::Call(f, args) => self.call(f, args),
            ExprKind::Index(x, args) => {
                self.expr(x);
                self.put("[");
                self.args(args);
                self.put("]");
            }
            ExprKind::Index2(x, args) => {
                self.expr(x);
                self.put("[[");
                self.args(args);
                self.put("]]");
            }
            ExprKind::Dollar(x, n) => {
                self.expr(x);
                self.put("$");
                self.put(&quote_name(n));
            }
            ExprKind::At(x, n) => {
                self.expr(x);
                self.put("@");
                self.put(&quote_name(n));
            }
            ExprKind::Ns {
                pkg,
                name,
                internal,
            } => {
                self.put(&quote_name(pkg));
                self.put(if *internal { ":::" } else { "::" });
                self.put(&quote_name(name));
            }
            ExprKind::Unary(op, x) => {
                self.put(op.as_str());
                self.operand(x);
            }
            ExprKind::Binary(op, l, r) => self.binary(l, op.as_str(), r, !tight(op)),
            ExprKind::Formula(lhs, rhs) => match lhs {
                Some(l) => self.binary(l, "~", rhs, true),
                None => {
                    self.put("~");
                    self.expr(rhs);
                }
            },
            ExprKind::Assign(op, target, value) => {
                // A left operand of equal precedence or an open prefix form needs parens.
                let wrap = match &target.kind {
                    ExprKind::Assign(inner, ..) => {
                        (*inner == AssignOp::Equals) == (*op == AssignOp::Equals)
                    }
                    _ => Self::open_form(target),
                };
                if wrap {
                    self.put("(");
                }
                self.expr(target);
                if wrap {
                    self.put(")");
                }
                self.put(" ");
                self.put(assign_str(*op));
                self.put(" ");
                self.expr(value);
            }
            ExprKind::Function(params, body) => {
                self.put("function(");
                self.params(params);
                self.put(") ");
                self.expr(body);
            }
            ExprKind::If(c, t, els) => self.if_(c, t, els.as_deref()),
            ExprKind::For(v, seq, body) => {
                self.put("for (");
                self.put(&quote_name(v));
                self.put(" in ");
                self.expr(seq);
                self.put(") ");
                self.expr(body);
            }
            ExprKind::While(c, body) => {
                self.put("while (");
                self.expr(c);
                self.put(") ");
                self.expr(body);
            }
            ExprKind::Repeat(body) => {
                self.put("repeat ");
                self.expr(body);
            }
            ExprKind::Break => self.put("break"),
            ExprKind::Next => self.put("next"),
            ExprKind::Block(stmts) => {
                self.put("{");
                self.incurly += 1;
                self.indent += 1;
                self.newline();
                for s in stmts {
                    self.expr(s);
                    self.newline();
                }
                self.indent -= 1;
                self.put("}");
                self.incurly -= 1;
            }
            ExprKind::Paren(x) => {
                self.put("(");
                self.expr(x);
                self.put(")");
            }
        }
    }

    fn if_(&mut self, c: &Expr, t: &Expr, els: Option<&Expr>) {
        self.put("if (");
        self.expr(c);
        self.put(") ");
        if self.incurly > 0 {
            let look = Self::curly(t);
            if !look {
                self.newline();
                self.indent += 1;
            }
            self.expr(t);
            if let Some(e) = els {
                if !look {
                    self.newline();
                    self.indent -= 1;
                } else {
                    self.newline();
                }
                self.put("else ");
                self.expr(e);
            } else if !look {
                self.indent -= 1;
            }
        } else {
            self.expr(t);
            if let Some(e) = els {
                self.put(" else ");
                self.expr(e);
            }
        }
    }

    fn call(&mut self, f: &Expr, args: &[Arg]) {
        if let ExprKind::Ident(name) = &f.kind {
            let unnamed = args.iter().all(|a| a.name.is_none() && a.value.is_some());
            let op = name.as_str();
            if unnamed && args.len() == 2 {
                if let (Some(l), Some(r)) = (&args[0].value, &args[1].value) {
                    let spaced = match op {
                        "+" | "-" | "*" | "==" | "!=" | "<" | ">" | "<=" | ">=" | "&" | "&&"
                        | "|" | "||" | "<-" | "<<-" | "=" | "~" => Some(true),
                        "/" | "^" | ":" | "%%" | "%/%" | "$" | "@" => Some(false),
                        _ if op.len() > 1 && op.starts_with('%') && op.ends_with('%') => Some(true),
                        _ => None,
                    };
                    if let Some(sp) = spaced {
                        self.binary(l, op, r, sp);
                        return;
                    }
                }
            }
            if unnamed && args.len() == 1 && matches!(op, "-" | "+" | "!" | "~") {
                if let Some(x) = &args[0].value {
                    self.put(op);
                    self.expr(x);
                    return;
                }
            }
            self.put(&quote_name(name));
        } else if matches!(f.kind, ExprKind::Function(..)) {
            self.put("(");
            self.expr(f);
            self.put(")");
        } else {
            self.expr(f);
        }
        self.put("(");
        self.args(args);
        self.put(")");
    }
}
