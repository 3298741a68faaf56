//! A Spark Connect session: the `sc://host:port` address, the gRPC connection (opened
//! again after a failure), and SQL queries whose results come back as R data frames.

use super::arrow::{Columns, Schema};
use super::grpc::{CallError, Conn};
use super::proto;
use std::time::Duration;

const EXECUTE: &str = "/spark.connect.SparkConnectService/ExecutePlan";
const INTERRUPT: &str = "/spark.connect.SparkConnectService/Interrupt";

/// Why a query failed.
#[derive(Debug)]
pub enum SparkError {
    /// Spark answered with an error (its message).
    Server(String),
    /// The connection or the protocol failed.
    Transport(String),
    /// The caller cancelled (Ctrl-C); the operation was interrupted on the server.
    Interrupted,
}

impl std::fmt::Display for SparkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SparkError::Server(m) => write!(f, "Spark: {}", m),
            SparkError::Transport(m) => write!(f, "Spark Connect: {}", m),
            SparkError::Interrupted => write!(f, "the Spark job was interrupted"),
        }
    }
}

/// A session with a Spark Connect server.
pub struct Session {
    pub host: String,
    pub port: u16,
    pub user: String,
    pub session_id: String,
    conn: Option<Conn>,
    timeout: Duration,
    /// How long a query may run without the server sending anything.
    pub query_timeout: Duration,
}

/// A random (version 4) UUID, as Spark wants for session and operation ids.
pub fn uuid() -> String {
    let mut b = [0u8; 16];
    let ok = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut b))
        .is_ok();
    if !ok {
        use std::hash::{BuildHasher, Hasher};
        for (i, chunk) in b.chunks_mut(8).enumerate() {
            let mut h = std::collections::hash_map::RandomState::new().build_hasher();
            h.write_usize(i);
            h.write_u128(
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_nanos()),
            );
            chunk.copy_from_slice(&h.finish().to_le_bytes());
        }
    }
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h: String = b.iter().map(|x| format!("{:02x}", x)).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )
}

/// Host, port and user of an `sc://host:port/;user_id=NAME` address.
pub fn parse_url(url: &str) -> Result<(String, u16, String), String> {
    let rest = url
        .strip_prefix("sc://")
        .ok_or_else(|| format!("'{}' is not a Spark Connect address (sc://host:port)", url))?;
    let (hostport, params) = match rest.split_once('/') {
        Some((h, p)) => (h, p),
        None => (rest, ""),
    };
    let mut user = std::env::var("USER").unwrap_or_else(|_| "rsc".into());
    for kv in params.split(';').filter(|s| !s.is_empty()) {
        let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
        match k {
            "user_id" => user = v.to_string(),
            "use_ssl" if v == "true" => {
                return Err("TLS connections (use_ssl=true) are not supported yet".into())
            }
            "token" => {
                return Err("token authentication needs TLS, which is not supported yet".into())
            }
            _ => {}
        }
    }
    let (host, port) = match hostport.rsplit_once(':') {
        Some((h, p)) => (
            h,
            p.parse::<u16>()
                .map_err(|_| format!("bad port '{}' in '{}'", p, url))?,
        ),
        None => (hostport, 15002),
    };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    if host.is_empty() {
        return Err(format!("no host in '{}'", url));
    }
    Ok((host.to_string(), port, user))
}

impl Session {
    /// Connects to the server at `url` (`sc://host:port`) and checks that it answers a query.
    pub fn connect(url: &str, timeout: Duration) -> Result<Session, SparkError> {
        let (host, port, user) = parse_url(url).map_err(SparkError::Transport)?;
        let mut s = Session {
            host,
            port,
            user,
            session_id: uuid(),
            conn: None,
            timeout,
            query_timeout: Duration::from_secs(24 * 3600),
        };
        s.query("SELECT 1", &|| false)?;
        Ok(s)
    }

    fn conn(&mut self) -> Result<&mut Conn, SparkError> {
        if self.conn.is_none() {
            let c = Conn::connect(&self.host, self.port, self.timeout)
                .map_err(SparkError::Transport)?;
            self.conn = Some(c);
        }
        match self.conn.as_mut() {
            Some(c) => {
                c.idle_timeout = self.query_timeout;
                Ok(c)
            }
            None => Err(SparkError::Transport("not connected".into())),
        }
    }

    /// Closes the connection (the server ends the session when it times out).
    pub fn close(&mut self) {
        self.conn = None;
    }

    /// Whether a connection is open.
    pub fn is_open(&self) -> bool {
        self.conn.is_some()
    }

    /// Runs a SQL query; its rows as a data frame (and the schema). `cancel` is asked
    /// while waiting: yes interrupts the Spark operation.
    pub fn query(&mut self, sql: &str, cancel: &dyn Fn() -> bool) -> Result<Columns, SparkError> {
        self.query_limit(sql, None, cancel)
    }

    /// Runs a SQL query, at most `limit` of its rows when given.
    pub fn query_limit(
        &mut self,
        sql: &str,
        limit: Option<i32>,
        cancel: &dyn Fn() -> bool,
    ) -> Result<Columns, SparkError> {
        let op = uuid();
        let req = {
            let id = proto::Ident {
                session_id: &self.session_id,
                user_id: &self.user,
            };
            proto::execute_sql(&id, &op, sql, limit)
        };
        let mut cols = Columns::default();
        let r = self.conn()?.call(
            EXECUTE,
            &req,
            &mut |msg| {
                let r = proto::response(msg)?;
                if let Some(data) = r.arrow {
                    cols.read_stream(data)?;
                }
                Ok(())
            },
            cancel,
        );
        match r {
            Ok(()) => Ok(cols),
            Err(CallError::Status { message, .. }) => {
                Err(SparkError::Server(clean_message(&message)))
            }
            Err(CallError::Cancelled) => {
                self.interrupt(&op);
                Err(SparkError::Interrupted)
            }
            Err(CallError::Io(m)) => {
                self.conn = None;
                Err(SparkError::Transport(m))
            }
        }
    }

    /// Asks the server to interrupt operation `op` (best effort).
    fn interrupt(&mut self, op: &str) {
        let req = {
            let id = proto::Ident {
                session_id: &self.session_id,
                user_id: &self.user,
            };
            proto::interrupt(&id, op)
        };
        let t = self.timeout;
        if let Ok(c) = self.conn() {
            c.idle_timeout = t;
            if c.call(INTERRUPT, &req, &mut |_| Ok(()), &|| false).is_err() {
                self.conn = None;
            }
        }
    }

    /// The schema of a query's result (the query limited to no rows).
    pub fn schema(&mut self, sql: &str, cancel: &dyn Fn() -> bool) -> Result<Schema, SparkError> {
        Ok(self.query_limit(sql, Some(0), cancel)?.schema)
    }
}

/// Spark's message without the query plan it may append (lines from the first that
/// starts with `'`, Spark's unresolved plan), at most 20 lines.
fn clean_message(m: &str) -> String {
    let lines: Vec<&str> = m
        .trim()
        .lines()
        .take_while(|l| !l.starts_with('\''))
        .take(20)
        .collect();
    let out = lines.join("\n");
    out.trim_end().trim_end_matches(';').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert_eq!(parse_url("sc://localhost:15002").unwrap().0, "localhost");
        assert_eq!(parse_url("sc://h").unwrap().1, 15002);
        assert_eq!(parse_url("sc://h:1/;user_id=ann").unwrap().2, "ann");
        assert!(parse_url("http://h:1").is_err());
        assert!(parse_url("sc://h:x").is_err());
        assert!(parse_url("sc://h:1/;token=abc").is_err());
    }

    #[test]
    fn uuids_are_version_4() {
        let u = uuid();
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "4");
        assert_ne!(u, uuid());
    }
}
