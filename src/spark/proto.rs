//! The few Spark Connect protobuf messages rsc sends and reads (spark/connect/base.proto
//! and relations.proto), encoded and decoded by hand on protobuf's wire format: a plan
//! whose root relation is SQL text, the interrupt request, and of the responses the Arrow
//! batches and the end-of-result marker.

/// Appends a varint.
fn varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Appends a length-delimited field.
fn bytes_field(out: &mut Vec<u8>, field: u32, b: &[u8]) {
    varint(out, ((field as u64) << 3) | 2);
    varint(out, b.len() as u64);
    out.extend_from_slice(b);
}

fn varint_field(out: &mut Vec<u8>, field: u32, v: u64) {
    varint(out, (field as u64) << 3);
    varint(out, v);
}

/// What identifies the client in each request.
pub struct Ident<'a> {
    pub session_id: &'a str,
    pub user_id: &'a str,
}

fn user_context(id: &Ident) -> Vec<u8> {
    let mut u = Vec::new();
    bytes_field(&mut u, 1, id.user_id.as_bytes());
    bytes_field(&mut u, 2, id.user_id.as_bytes());
    u
}

const CLIENT_TYPE: &str = "rsc";

/// `ExecutePlanRequest` with `plan.root = Relation { sql: SQL { query } }`, or with
/// `limit` that relation inside `Relation { limit: Limit { input, limit } }` (so errors
/// quote the query as written).
pub fn execute_sql(id: &Ident, operation_id: &str, query: &str, limit: Option<i32>) -> Vec<u8> {
    let mut sql = Vec::new();
    bytes_field(&mut sql, 1, query.as_bytes());
    let mut rel = Vec::new();
    bytes_field(&mut rel, 10, &sql);
    if let Some(n) = limit {
        let mut lim = Vec::new();
        bytes_field(&mut lim, 1, &rel);
        varint_field(&mut lim, 2, n.max(0) as u64);
        rel.clear();
        bytes_field(&mut rel, 8, &lim);
    }
    let mut plan = Vec::new();
    bytes_field(&mut plan, 1, &rel);
    let mut req = Vec::new();
    bytes_field(&mut req, 1, id.session_id.as_bytes());
    bytes_field(&mut req, 2, &user_context(id));
    bytes_field(&mut req, 3, &plan);
    bytes_field(&mut req, 4, CLIENT_TYPE.as_bytes());
    bytes_field(&mut req, 6, operation_id.as_bytes());
    req
}

/// `InterruptRequest` for one operation.
pub fn interrupt(id: &Ident, operation_id: &str) -> Vec<u8> {
    let mut req = Vec::new();
    bytes_field(&mut req, 1, id.session_id.as_bytes());
    bytes_field(&mut req, 2, &user_context(id));
    bytes_field(&mut req, 3, CLIENT_TYPE.as_bytes());
    varint_field(&mut req, 4, 3); // INTERRUPT_TYPE_OPERATION_ID
    bytes_field(&mut req, 6, operation_id.as_bytes());
    req
}

/// A decoded field: number and value (varint or bytes; fixed-width as their bits).
enum Field<'a> {
    Int(u64),
    Bytes(&'a [u8]),
}

fn read_varint(b: &mut &[u8]) -> Result<u64, String> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let (&x, rest) = b.split_first().ok_or("protobuf: truncated varint")?;
        *b = rest;
        v |= ((x & 0x7f) as u64) << shift;
        if x & 0x80 == 0 {
            return Ok(v);
        }
    }
    Err("protobuf: varint too long".into())
}

/// The fields of a message, in order.
fn fields(mut b: &[u8]) -> Result<Vec<(u32, Field<'_>)>, String> {
    let mut out = Vec::new();
    while !b.is_empty() {
        let key = read_varint(&mut b)?;
        let (num, wire) = ((key >> 3) as u32, key & 7);
        let f = match wire {
            0 => Field::Int(read_varint(&mut b)?),
            1 | 5 => {
                let w = if wire == 1 { 8 } else { 4 };
                let s = b.get(..w).ok_or("protobuf: truncated fixed field")?;
                b = &b[w..];
                let mut a = [0u8; 8];
                a[..w].copy_from_slice(s);
                Field::Int(u64::from_le_bytes(a))
            }
            2 => {
                let n = read_varint(&mut b)? as usize;
                let s = b.get(..n).ok_or("protobuf: truncated field")?;
                b = &b[n..];
                Field::Bytes(s)
            }
            _ => return Err(format!("protobuf: unsupported wire type {}", wire)),
        };
        out.push((num, f));
    }
    Ok(out)
}

/// What one `ExecutePlanResponse` carries that rsc uses.
#[derive(Debug, Default)]
pub struct Response<'a> {
    /// `arrow_batch.data`: an Arrow IPC stream.
    pub arrow: Option<&'a [u8]>,
    /// `arrow_batch.row_count`.
    pub arrow_rows: Option<u64>,
    /// `result_complete` was set.
    pub complete: bool,
    pub operation_id: Option<String>,
}

/// Decodes an `ExecutePlanResponse`.
pub fn response(b: &[u8]) -> Result<Response<'_>, String> {
    let mut r = Response::default();
    for (num, f) in fields(b)? {
        match (num, f) {
            (2, Field::Bytes(batch)) => {
                for (n2, f2) in fields(batch)? {
                    match (n2, f2) {
                        (1, Field::Int(c)) => r.arrow_rows = Some(c),
                        (2, Field::Bytes(d)) => r.arrow = Some(d),
                        _ => {}
                    }
                }
            }
            (14, _) => r.complete = true,
            (12, Field::Bytes(s)) => r.operation_id = Some(String::from_utf8_lossy(s).into_owned()),
            _ => {}
        }
    }
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sql_request_layout() {
        let id = Ident {
            session_id: "s",
            user_id: "u",
        };
        let b = execute_sql(&id, "op", "select 1", None);
        // field 1 (session), 2 (user context), 3 (plan), 4 (client type), 6 (operation)
        let f = fields(&b).unwrap();
        let nums: Vec<u32> = f.iter().map(|x| x.0).collect();
        assert_eq!(nums, vec![1, 2, 3, 4, 6]);
        let Field::Bytes(plan) = f[2].1 else { panic!() };
        let Field::Bytes(rel) = fields(plan).unwrap()[0].1 else {
            panic!()
        };
        let Field::Bytes(sql) = fields(rel).unwrap()[0].1 else {
            panic!()
        };
        let Field::Bytes(q) = fields(sql).unwrap()[0].1 else {
            panic!()
        };
        assert_eq!(q, b"select 1");
    }

    #[test]
    fn response_decoding() {
        let mut batch = Vec::new();
        varint_field(&mut batch, 1, 3);
        bytes_field(&mut batch, 2, b"ipc");
        let mut m = Vec::new();
        bytes_field(&mut m, 1, b"session");
        bytes_field(&mut m, 2, &batch);
        let r = response(&m).unwrap();
        assert_eq!(r.arrow, Some(&b"ipc"[..]));
        assert_eq!(r.arrow_rows, Some(3));
        assert!(!r.complete);
        let mut m = Vec::new();
        bytes_field(&mut m, 14, &[]);
        assert!(response(&m).unwrap().complete);
        assert!(response(&[0x0a, 0x05, 1]).is_err());
    }
}
