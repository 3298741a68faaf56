//! Operators as functions (`` `+` ``, `` `[` ``, `` `[<-` ``...), for `Reduce(`+`, x)`,
//! `sapply(l, "[", 1)` and `do.call("+", ...)`.

use crate::builtins::{eager, Args, Builtin};
use crate::error::{err, EvalResult};
use crate::eval::{ops, Interp};
use crate::syntax::ast::{BinOp, UnOp};
use crate::value::Value;

pub const BUILTINS: &[Builtin] = &[
    eager("+", add),
    eager("-", sub),
    eager("*", mul),
    eager("/", div),
    eager("^", pow),
    eager("%%", modulo),
    eager("%/%", intdiv),
    eager("==", eq),
    eager("!=", ne),
    eager("<", lt),
    eager("<=", le),
    eager(">", gt),
    eager(">=", ge),
    eager("&", and),
    eager("|", or),
    eager("!", not),
    eager(":", colon),
    eager("[", index1),
    eager("[[", index2),
    eager("[<-", assign1),
    eager("[[<-", assign2),
    eager("$<-", assign_dollar),
    eager("$", dollar),
    eager("(", paren),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("+", "e1 + e2\n+x",
            "Elementwise addition, recycling the shorter operand (with a warning when the lengths do not divide). \
             Integer overflow gives NA with a warning."),
        doc("-", "e1 - e2\n-x", "Elementwise subtraction, or negation with one operand."),
        doc("*", "e1 * e2", "Elementwise multiplication, recycling the shorter operand."),
        doc("/", "e1 / e2",
            "Elementwise division; always gives doubles, and division by zero gives Inf, -Inf or NaN."),
        doc("^", "e1 ^ e2", "Elementwise exponentiation; ** is accepted as a synonym."),
        doc("%%", "e1 %% e2",
            "Elementwise modulus: the remainder of e1 divided by e2, with the sign of e2, so that 5 %% 3 is 2 and \
             -5 %% 3 is 1."),
        doc("%/%", "e1 %/% e2",
            "Elementwise integer division, rounding the quotient down; e1 equals (e1 %/% e2) * e2 + e1 %% e2."),
        doc("==", "e1 == e2",
            "Elementwise equality test, giving NA where either side is NA. Numbers and strings compare after \
             converting to a common type; use identical or all.equal to compare whole objects."),
        doc("!=", "e1 != e2", "Elementwise inequality test."),
        doc("<", "e1 < e2", "Elementwise less-than comparison; strings compare in the locale's collation order."),
        doc("<=", "e1 <= e2", "Elementwise less-than-or-equal comparison."),
        doc(">", "e1 > e2", "Elementwise greater-than comparison."),
        doc(">=", "e1 >= e2", "Elementwise greater-than-or-equal comparison."),
        doc("&", "e1 & e2",
            "Elementwise logical and; NA & FALSE is FALSE. For a single condition in if, use && which evaluates \
             its right side only when needed."),
        doc("|", "e1 | e2",
            "Elementwise logical or; NA | TRUE is TRUE. For a single condition in if, use || which evaluates its \
             right side only when needed."),
        doc("!", "!x", "Logical negation of each element."),
        doc(":", "from:to",
            "The sequence from, from + 1, ... up to to (or down, when to is smaller). Integer when from is a \
             whole number that fits."),
        doc("[", "x[i]\nx[i, j, drop = TRUE]",
            "Extracts elements by position (negative positions drop), by logical mask or by name. For matrices \
             and data frames, x[i, j] selects rows and columns; a single column or row is simplified to a vector \
             unless drop = FALSE."),
        doc("[[", "x[[i]]\nx[[i, j]]",
            "Extracts a single element: a list element (or data frame column) itself rather than a sub-list, by \
             position or exact name."),
        doc("[<-", "x[i] <- value\nx[i, j] <- value",
            "Replaces the selected elements (or matrix and data frame cells) with value, recycled; assigning \
             beyond the end extends the vector."),
        doc("[[<-", "x[[i]] <- value",
            "Replaces a single element of a vector or list (a whole column of a data frame); assigning NULL \
             removes a list element."),
        doc("$", "x$name", "The element (or data frame column) called name; dispatches to S3 methods `$.class`."),
        doc("$<-", "x$name <- value", "Sets the element (or data frame column) called name; NULL removes it."),
        doc("(", "(expr)",
            "Returns the value of expr; at top level the parentheses also make an invisible result, such as that \
             of an assignment, print."),
    ]
};

fn bin(it: &mut Interp, a: Args, op: BinOp) -> EvalResult {
    let mut items = a.items.into_iter().map(|x| x.1);
    let x = items.next().unwrap_or(Value::Null);
    match items.next() {
        Some(y) => {
            let env = it.global.clone();
            ops::binary(it, op, x, y, &env)
        }
        None => match op {
            BinOp::Sub => ops::unary(it, UnOp::Neg, x),
            BinOp::Add => ops::unary(it, UnOp::Pos, x),
            _ => err("invalid unary operator".to_string()),
        },
    }
}

fn add(it: &mut Interp, a: Args) -> EvalResult {
    bin(it, a, BinOp::Add)
}
fn sub(it: &mut Interp, a: Args) -> EvalResult {
    bin(it, a, BinOp::Sub)
}
fn mul(it: &mut Interp, a: Args) -> EvalResult {
    bin(it, a, BinOp::Mul)
}
fn div(it: &mut Interp, a: Args) -> EvalResult {
    bin(it, a, BinOp::Div)
}
fn pow(it: &mut Interp, a: Args) -> EvalResult {
    bin(it, a, BinOp::Pow)
}
fn modulo(it: &mut Interp, a: Args) -> EvalResult {
    bin(it, a, BinOp::Mod)
}
fn intdiv(it: &mut Interp, a: Args) -> EvalResult {
    bin(it, a, BinOp::IntDiv)
}
fn eq(it: &mut Interp, a: Args) -> EvalResult {
    bin(it, a, BinOp::Eq)
}
fn ne(it: &mut Interp, a: Args) -> EvalResult {
    bin(it, a, BinOp::Ne)
}
fn lt(it: &mut Interp, a: Args) -> EvalResult {
    bin(it, a, BinOp::Lt)
}
fn le(it: &mut Interp, a: Args) -> EvalResult {
    bin(it, a, BinOp::Le)
}
fn gt(it: &mut Interp, a: Args) -> EvalResult {
    bin(it, a, BinOp::Gt)
}
fn ge(it: &mut Interp, a: Args) -> EvalResult {
    bin(it, a, BinOp::Ge)
}
fn and(it: &mut Interp, a: Args) -> EvalResult {
    bin(it, a, BinOp::And)
}
fn or(it: &mut Interp, a: Args) -> EvalResult {
    bin(it, a, BinOp::Or)
}
fn not(it: &mut Interp, a: Args) -> EvalResult {
    let x = a
        .items
        .into_iter()
        .next()
        .map(|x| x.1)
        .unwrap_or(Value::Null);
    ops::unary(it, UnOp::Not, x)
}
fn colon(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["from", "to"])?;
    ops::range(m.req("from")?, m.req("to")?)
}

fn split_subs(a: Args) -> (Value, Vec<Option<Value>>, Option<bool>, bool, Option<Value>) {
    let mut x = Value::Null;
    let mut subs = Vec::new();
    let mut drop = None;
    let mut exact = true;
    let mut value = None;
    for (i, (n, v)) in a.items.into_iter().enumerate() {
        match n.map(|s| s.as_str()) {
            Some("drop") => drop = v.as_bool().flatten(),
            Some("exact") => exact = v.as_bool().flatten().unwrap_or(true),
            Some("value") => value = Some(v),
            _ if i == 0 => x = v,
            _ => subs.push(if matches!(v, Value::Missing) {
                None
            } else {
                Some(v)
            }),
        }
    }
    (x, subs, drop, exact, value)
}

fn index1(_it: &mut Interp, a: Args) -> EvalResult {
    let (x, subs, drop, _, _) = split_subs(a);
    crate::eval::index::index(&x, &subs, drop.unwrap_or(true))
}
fn index2(_it: &mut Interp, a: Args) -> EvalResult {
    let (x, subs, _, exact, _) = split_subs(a);
    crate::eval::index::index2(&x, &subs, exact)
}
fn assign1(it: &mut Interp, a: Args) -> EvalResult {
    let (mut x, mut subs, _, _, value) = split_subs(a);
    let value = match value {
        Some(v) => v,
        None => subs.pop().flatten().unwrap_or(Value::Null),
    };
    crate::eval::assign::assign_index(it, &mut x, &subs, value)?;
    Ok(x)
}
fn assign2(it: &mut Interp, a: Args) -> EvalResult {
    let (mut x, mut subs, _, _, value) = split_subs(a);
    let value = match value {
        Some(v) => v,
        None => subs.pop().flatten().unwrap_or(Value::Null),
    };
    crate::eval::assign::assign_index2(it, &mut x, &subs, value)?;
    Ok(x)
}
fn assign_dollar(it: &mut Interp, a: Args) -> EvalResult {
    let (mut x, mut subs, _, _, value) = split_subs(a);
    let value = match value {
        Some(v) => v,
        None => subs.pop().flatten().unwrap_or(Value::Null),
    };
    let name = subs
        .first()
        .cloned()
        .flatten()
        .and_then(|s| s.as_string())
        .unwrap_or_default();
    crate::eval::assign::assign_dollar(it, &mut x, &name, value)?;
    Ok(x)
}
fn dollar(it: &mut Interp, a: Args) -> EvalResult {
    let (x, subs, _, _, _) = split_subs(a);
    let name = subs.first().cloned().flatten().and_then(|s| s.as_string()).unwrap_or_default();
    crate::eval::index::dollar(it, &x, &name)
}
fn paren(_it: &mut Interp, a: Args) -> EvalResult {
    Ok(a.items
        .into_iter()
        .next()
        .map(|x| x.1)
        .unwrap_or(Value::Null))
}
