//! Spark tables as lazy remote frames (feature `spark`): `spark_connect`, `spark_sql`,
//! `spark_table`, `spark_read_parquet`. A remote frame is a SQL query on a session; its
//! `dim`, `names`, `head` and `collect` are further queries, answered through the
//! [`ExternObj`] hooks the base builtins consult. Ctrl-C interrupts the running Spark job.

use crate::builtins::{declared, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::spark::arrow::{Kind, Schema};
use crate::spark::client::{Session, SparkError};
use crate::value::{Extern, ExternObj, Value};
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

pub const BUILTINS: &[Builtin] = &[
    declared("spark_connect", spark_connect),
    declared("spark_disconnect", spark_disconnect),
    declared("spark_sql", spark_sql),
    declared("spark_table", spark_table),
    declared("spark_read_parquet", spark_read_parquet),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("spark_connect", "spark_connect(master = \"sc://localhost:15002\", timeout = 10)",
            "Connects to a Spark Connect server (Spark 3.4 or later; plaintext gRPC, `sc://host:port/;user_id=NAME`), \
             waiting at most `timeout` seconds for it to answer. Returns a connection for spark_table(), spark_sql() \
             and spark_read_parquet()."),
        doc("spark_disconnect", "spark_disconnect(con)",
            "Closes a Spark Connect connection; remote frames on it stop working."),
        doc("spark_sql", "spark_sql(con, query)",
            "A remote frame: the result of a Spark SQL query, computed in Spark when asked for. Printing shows its \
             schema and row count; nrow(), ncol(), dim(), names(), head(x, n) and collect(x, n) run queries in Spark \
             (collect() refuses more than getOption(\"rsc.spark.collect.max\", 1e6) rows unless n is given). \
             lm() and glm() fit on it in Spark, shipping back only sums."),
        doc("spark_table", "spark_table(con, name)",
            "A remote frame of the Spark table or view `name` (`db.table`); see spark_sql()."),
        doc("spark_read_parquet", "spark_read_parquet(con, path)",
            "A remote frame of the Parquet file or folder `path` as the Spark server sees it; see spark_sql()."),
    ]
};

/// A connection, shared by the remote frames made on it.
pub struct SparkCon(pub Rc<RefCell<Session>>);

impl ExternObj for SparkCon {
    fn class(&self) -> &'static str {
        "spark_connection"
    }
    fn describe(&self) -> String {
        let s = self.0.borrow();
        format!(
            "<Spark Connect connection> sc://{}:{} (session {}){}",
            s.host,
            s.port,
            s.session_id,
            if s.is_open() { "" } else { " [closed]" }
        )
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// A remote frame: a query on a session, its schema known.
pub struct SparkTbl {
    pub con: Rc<RefCell<Session>>,
    pub sql: String,
    pub label: String,
    pub schema: Schema,
}

/// Whether Ctrl-C was pressed (the interpreter then reports the interrupt).
fn cancelled() -> bool {
    crate::eval::INTERRUPTED.load(std::sync::atomic::Ordering::SeqCst)
}

fn msg(e: SparkError) -> String {
    e.to_string()
}

impl SparkTbl {
    /// Runs `sql` on the frame's session; its rows as a data frame.
    pub fn run(&self, sql: &str) -> Result<Value, String> {
        let cols = self.con.borrow_mut().query(sql, &cancelled).map_err(msg)?;
        Ok(cols.into_frame())
    }

    /// The frame's first `n` rows.
    pub fn first_rows(&self, n: usize) -> Result<Value, String> {
        let n = n.min(i32::MAX as usize) as i32;
        let cols = self
            .con
            .borrow_mut()
            .query_limit(&self.sql, Some(n), &cancelled)
            .map_err(msg)?;
        Ok(cols.into_frame())
    }

    /// The number of rows (a `count(*)` in Spark).
    pub fn nrow(&self) -> Result<usize, String> {
        let v = self.run(&format!(
            "SELECT count(*) AS n FROM ({}) AS rsc_t",
            self.sql
        ))?;
        let n = v.list_vec().first().and_then(|c| c.as_f64()).unwrap_or(0.0);
        Ok(n as usize)
    }

    /// The query as a subquery.
    pub fn from(&self) -> String {
        format!("({}) AS rsc_t", self.sql)
    }
}

/// Up to this many rows `summary()` of a remote frame gives exact quartiles (Spark's
/// `percentile`, R's type 7); beyond, `percentile_approx`.
const EXACT_SUMMARY_ROWS: usize = 1_000_000;

impl SparkTbl {
    /// Each column's `summary.data.frame` entry, computed in Spark in one query: numbers'
    /// minimum, quartiles, mean, maximum and missing count (NaN counted as missing, as
    /// R does); logicals' counts; other columns' length, class and mode.
    fn summaries(&self) -> Result<Vec<(String, Value)>, String> {
        use crate::builtins::base::summary::{summary_of_labels, summary_of_numbers};
        let n = self.nrow()?;
        let quantile = |x: &str, p: f64| {
            if n <= EXACT_SUMMARY_ROWS {
                format!("percentile({x}, {p})")
            } else {
                format!("percentile_approx({x}, {p}, 100000)")
            }
        };
        let mut sel = Vec::new();
        for (name, kind) in self.schema.names.iter().zip(&self.schema.kinds) {
            let c = crate::spark::sql::quote(name);
            match kind {
                Kind::Int(_) | Kind::Float(_) | Kind::Decimal { .. } => {
                    let x = format!("(CASE WHEN isnan(CAST({c} AS DOUBLE)) THEN NULL ELSE CAST({c} AS DOUBLE) END)");
                    sel.push(format!("min({x})"));
                    sel.push(quantile(&x, 0.25));
                    sel.push(quantile(&x, 0.5));
                    sel.push(format!("avg({x})"));
                    sel.push(quantile(&x, 0.75));
                    sel.push(format!("max({x})"));
                    sel.push(format!("CAST(count_if({x} IS NULL) AS DOUBLE)"));
                }
                Kind::Bool | Kind::Null => {
                    sel.push(format!("CAST(count_if({c} = FALSE) AS DOUBLE)"));
                    sel.push(format!("CAST(count_if({c} = TRUE) AS DOUBLE)"));
                    sel.push(format!("CAST(count_if({c} IS NULL) AS DOUBLE)"));
                }
                _ => {}
            }
        }
        let vals = if sel.is_empty() {
            Vec::new()
        } else {
            let v = self.run(&format!("SELECT {} FROM {}", sel.join(", "), self.from()))?;
            v.list_vec()
                .iter()
                .map(|c| c.as_f64().unwrap_or(f64::NAN))
                .collect()
        };
        let mut at = 0;
        let mut out = Vec::new();
        for (name, kind) in self.schema.names.iter().zip(&self.schema.kinds) {
            let v = match kind {
                Kind::Int(_) | Kind::Float(_) | Kind::Decimal { .. } => {
                    let s = &vals[at..at + 7];
                    at += 7;
                    summary_of_numbers([s[0], s[1], s[2], s[3], s[4], s[5]], s[6] as usize)
                }
                Kind::Bool | Kind::Null => {
                    let s = &vals[at..at + 3];
                    at += 3;
                    let (mut names, mut text) = (vec!["Mode".to_string()], vec!["logical".to_string()]);
                    for (label, count) in ["FALSE", "TRUE", "NA's"].iter().zip(s) {
                        if *count > 0.0 {
                            names.push(label.to_string());
                            text.push(format!("{}", *count as u64));
                        }
                    }
                    summary_of_labels(&names, &text)
                }
                k => {
                    let (class, mode) = match r_type(k) {
                        "Date" => ("Date", "numeric"),
                        "POSIXct" => ("POSIXct", "numeric"),
                        t => (t, t),
                    };
                    summary_of_labels(
                        &["Length".into(), "Class".into(), "Mode".into()],
                        &[n.to_string(), class.into(), mode.into()],
                    )
                }
            };
            out.push((name.clone(), v));
        }
        Ok(out)
    }
}

/// The R type a column becomes when collected.
fn r_type(k: &Kind) -> &'static str {
    match k {
        Kind::Int(_) => "integer",
        Kind::Float(_) | Kind::Decimal { .. } => "double",
        Kind::Bool | Kind::Null => "logical",
        Kind::Utf8 { .. } => "character",
        Kind::Date { .. } => "Date",
        Kind::Timestamp { .. } => "POSIXct",
        Kind::Other(_) => "unsupported",
    }
}

impl ExternObj for SparkTbl {
    fn class(&self) -> &'static str {
        "spark_tbl"
    }
    fn describe(&self) -> String {
        let mut out = format!("<Spark frame> {}\n", self.label);
        match self.nrow() {
            Ok(n) => out.push_str(&format!("{} rows, ", n)),
            Err(e) => out.push_str(&format!("(row count unavailable: {}) ", e)),
        }
        let width = self
            .schema
            .names
            .iter()
            .map(|n| n.chars().count())
            .max()
            .unwrap_or(0);
        out.push_str(&format!("{} columns:", self.schema.names.len()));
        for (n, k) in self.schema.names.iter().zip(&self.schema.kinds) {
            out.push_str(&format!("\n  {:<width$} <{}>", n, r_type(k), width = width));
        }
        out
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn dim(&self) -> Option<Result<Vec<usize>, String>> {
        Some(self.nrow().map(|n| vec![n, self.schema.names.len()]))
    }
    fn names(&self) -> Option<Vec<String>> {
        Some(self.schema.names.clone())
    }
    fn head(&self, n: usize) -> Option<Result<Value, String>> {
        Some(self.first_rows(n))
    }
    fn column_summaries(&self) -> Option<Result<Vec<(String, Value)>, String>> {
        Some(self.summaries())
    }
    fn collect(&self, n: Option<usize>, max: usize) -> Option<Result<Value, String>> {
        Some((|| {
            let lim = n.unwrap_or(max.saturating_add(1));
            let v = self.first_rows(lim)?;
            if n.is_none() && crate::value::frame::df_nrow(&v) > max {
                return Err(format!(
                    "the Spark frame has more than {} rows: collect(x, n) takes the first n, or raise \
                     options(rsc.spark.collect.max = )",
                    max
                ));
            }
            Ok(v)
        })())
    }
}

/// The remote frame inside a value, if it is one.
pub fn as_remote(v: &Value) -> Option<&SparkTbl> {
    match v {
        Value::Extern(x) => x.0.as_any().downcast_ref::<SparkTbl>(),
        _ => None,
    }
}

fn con_arg(v: &Value) -> EvalResult<Rc<RefCell<Session>>> {
    match v {
        Value::Extern(x) => match x.0.as_any().downcast_ref::<SparkCon>() {
            Some(c) => Ok(c.0.clone()),
            None => err("'con' must be a connection from spark_connect()"),
        },
        _ => err("'con' must be a connection from spark_connect()"),
    }
}

fn string_arg(m: &Matched, name: &str) -> EvalResult<String> {
    match m.req(name)? {
        v if v.len() == 1 => match v.as_string() {
            Some(s) => Ok(s),
            None => err(format!("'{}' must be a single string", name)),
        },
        _ => err(format!("'{}' must be a single string", name)),
    }
}

/// Runs `sql` on session `con`: its rows as a data frame; errors as R errors, an
/// interrupt (Ctrl-C, which cancels the Spark job) as an interrupt.
pub(crate) fn query_frame(con: &Rc<RefCell<Session>>, sql: &str) -> EvalResult {
    match con.borrow_mut().query(sql, &cancelled) {
        Ok(c) => Ok(c.into_frame()),
        Err(e) => spark_err(e),
    }
}

/// The numbers of a one-row query's result (NaN for NULL), as [`query_frame`].
pub(crate) fn query_row(con: &Rc<RefCell<Session>>, sql: &str) -> EvalResult<Vec<f64>> {
    Ok(query_frame(con, sql)?
        .list_vec()
        .iter()
        .map(|c| c.as_f64().unwrap_or(f64::NAN))
        .collect())
}

/// An R error for a failed Spark call; an interrupt stays an interrupt.
fn spark_err<T>(e: SparkError) -> EvalResult<T> {
    if let SparkError::Interrupted = e {
        crate::eval::INTERRUPTED.store(false, std::sync::atomic::Ordering::SeqCst);
        return Err(crate::error::RError::new(
            crate::error::ErrorKind::Limit,
            crate::error::INTERRUPTED_MSG,
        )
        .into());
    }
    err(e.to_string())
}

fn spark_connect(_it: &mut Interp, m: Matched) -> EvalResult {
    let url = match m.get("master") {
        Some(_) => string_arg(&m, "master")?,
        None => "sc://localhost:15002".to_string(),
    };
    let secs = m.get("timeout").and_then(|v| v.as_f64()).unwrap_or(10.0);
    if !(secs > 0.0 && secs.is_finite()) {
        return err("'timeout' must be a positive number of seconds");
    }
    match Session::connect(&url, Duration::from_secs_f64(secs)) {
        Ok(s) => Ok(Value::Extern(Rc::new(Extern(Box::new(SparkCon(Rc::new(
            RefCell::new(s),
        ))))))),
        Err(e) => spark_err(e),
    }
}

fn spark_disconnect(it: &mut Interp, m: Matched) -> EvalResult {
    con_arg(m.req("con")?)?.borrow_mut().close();
    it.visible = false;
    Ok(Value::Null)
}

/// A remote frame for `sql`, its schema fetched now (so bad queries fail here).
pub fn remote(con: Rc<RefCell<Session>>, sql: String, label: String) -> EvalResult {
    let schema = match con.borrow_mut().schema(&sql, &cancelled) {
        Ok(s) => s,
        Err(e) => return spark_err(e),
    };
    Ok(Value::Extern(Rc::new(Extern(Box::new(SparkTbl {
        con,
        sql,
        label,
        schema,
    })))))
}

fn spark_sql(_it: &mut Interp, m: Matched) -> EvalResult {
    let con = con_arg(m.req("con")?)?;
    let q = string_arg(&m, "query")?;
    let q = q.trim().trim_end_matches(';').to_string();
    let label = format!("query: {}", one_line(&q, 60));
    remote(con, q, label)
}

fn spark_table(_it: &mut Interp, m: Matched) -> EvalResult {
    let con = con_arg(m.req("con")?)?;
    let name = string_arg(&m, "name")?;
    let ok = !name.is_empty()
        && name.split('.').all(|p| {
            let p = p.trim_matches('`');
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        });
    if !ok {
        return err(format!("'{}' is not a table name (db.table)", name));
    }
    remote(
        con,
        format!("SELECT * FROM {}", name),
        format!("table {}", name),
    )
}

fn spark_read_parquet(_it: &mut Interp, m: Matched) -> EvalResult {
    let con = con_arg(m.req("con")?)?;
    let path = string_arg(&m, "path")?;
    let sql = format!("SELECT * FROM parquet.`{}`", path.replace('`', "``"));
    remote(con, sql, format!("parquet {}", path))
}

fn one_line(s: &str, max: usize) -> String {
    let t: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.chars().count() > max {
        format!("{}...", t.chars().take(max).collect::<String>())
    } else {
        t
    }
}
