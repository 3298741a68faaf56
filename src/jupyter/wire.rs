//! Jupyter's wire protocol (messaging spec 5.3): the connection file, HMAC-signed
//! multipart messages and their headers.

use hmac::{Hmac, KeyInit, Mac};
use serde_json::{json, Value as Json};
use sha2::Sha256;

/// The protocol version this kernel speaks.
pub const PROTOCOL_VERSION: &str = "5.3";
const DELIMITER: &[u8] = b"<IDS|MSG>";

/// What the connection file tells a kernel: where to bind and how to sign.
#[derive(Debug, Clone)]
pub struct Connection {
    pub transport: String,
    pub ip: String,
    pub shell_port: u16,
    pub iopub_port: u16,
    pub stdin_port: u16,
    pub control_port: u16,
    pub hb_port: u16,
    pub key: String,
    pub signature_scheme: String,
}

impl Connection {
    pub fn read(path: &str) -> Result<Connection, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read the connection file '{}': {}", path, e))?;
        let j: Json = serde_json::from_str(&text)
            .map_err(|e| format!("the connection file '{}' is not JSON: {}", path, e))?;
        let port = |k: &str| -> Result<u16, String> {
            j.get(k)
                .and_then(Json::as_u64)
                .and_then(|p| u16::try_from(p).ok())
                .ok_or_else(|| format!("the connection file has no valid '{}'", k))
        };
        let text = |k: &str, default: &str| {
            j.get(k)
                .and_then(Json::as_str)
                .unwrap_or(default)
                .to_string()
        };
        let c = Connection {
            transport: text("transport", "tcp"),
            ip: text("ip", "127.0.0.1"),
            shell_port: port("shell_port")?,
            iopub_port: port("iopub_port")?,
            stdin_port: port("stdin_port")?,
            control_port: port("control_port")?,
            hb_port: port("hb_port")?,
            key: text("key", ""),
            signature_scheme: text("signature_scheme", "hmac-sha256"),
        };
        if c.transport != "tcp" {
            return Err(format!("transport '{}' is not supported (only tcp)", c.transport));
        }
        if !c.key.is_empty() && c.signature_scheme != "hmac-sha256" {
            return Err(format!(
                "signature scheme '{}' is not supported (only hmac-sha256)",
                c.signature_scheme
            ));
        }
        Ok(c)
    }

    /// The ZeroMQ endpoint of a port.
    pub fn endpoint(&self, port: u16) -> String {
        format!("{}://{}:{}", self.transport, self.ip, port)
    }
}

/// Signs and checks messages with the connection's key (no key: no signatures).
#[derive(Clone)]
pub struct Signer {
    key: Vec<u8>,
}

impl Signer {
    pub fn new(key: &str) -> Signer {
        Signer {
            key: key.as_bytes().to_vec(),
        }
    }

    fn mac(&self, parts: &[&[u8]]) -> Option<Hmac<Sha256>> {
        if self.key.is_empty() {
            return None;
        }
        let mut m = <Hmac<Sha256> as KeyInit>::new_from_slice(&self.key).ok()?;
        for p in parts {
            m.update(p);
        }
        Some(m)
    }

    /// The hex signature of header, parent header, metadata and content.
    pub fn sign(&self, parts: &[&[u8]]) -> String {
        match self.mac(parts) {
            Some(m) => hex(&m.finalize().into_bytes()),
            None => String::new(),
        }
    }

    /// Whether `signature` (hex) signs the parts; always true without a key.
    pub fn verify(&self, signature: &[u8], parts: &[&[u8]]) -> bool {
        match self.mac(parts) {
            Some(m) => match unhex(signature) {
                Some(sig) => m.verify_slice(&sig).is_ok(),
                None => false,
            },
            None => true,
        }
    }
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{:02x}", x)).collect()
}

fn unhex(s: &[u8]) -> Option<Vec<u8>> {
    if s.len() % 2 != 0 {
        return None;
    }
    let s = std::str::from_utf8(s).ok()?;
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).ok())
        .collect()
}

/// One Jupyter message with its routing identities (or, on IOPub, its topic).
#[derive(Debug, Clone)]
pub struct Message {
    pub ids: Vec<Vec<u8>>,
    pub header: Json,
    pub parent_header: Json,
    pub metadata: Json,
    pub content: Json,
    pub buffers: Vec<Vec<u8>>,
}

impl Message {
    /// The header's `msg_type`.
    pub fn msg_type(&self) -> &str {
        self.header
            .get("msg_type")
            .and_then(Json::as_str)
            .unwrap_or("")
    }

    /// A content field as text.
    pub fn text(&self, key: &str) -> &str {
        self.content.get(key).and_then(Json::as_str).unwrap_or("")
    }

    /// Reads the frames of a message, checking its signature.
    pub fn decode(frames: Vec<Vec<u8>>, signer: &Signer) -> Result<Message, String> {
        let d = frames
            .iter()
            .position(|f| f.as_slice() == DELIMITER)
            .ok_or("a message without the <IDS|MSG> delimiter")?;
        if frames.len() < d + 6 {
            return Err("a message with missing parts".into());
        }
        let parts: Vec<&[u8]> = frames[d + 2..d + 6].iter().map(|b| b.as_slice()).collect();
        if !signer.verify(&frames[d + 1], &parts) {
            return Err("a message with an invalid signature".into());
        }
        let parse = |b: &[u8]| -> Result<Json, String> {
            serde_json::from_slice(b).map_err(|e| format!("a message part is not JSON: {}", e))
        };
        Ok(Message {
            ids: frames[..d].to_vec(),
            header: parse(parts[0])?,
            parent_header: parse(parts[1])?,
            metadata: parse(parts[2])?,
            content: parse(parts[3])?,
            buffers: frames[d + 6..].to_vec(),
        })
    }

    /// The signed frames of the message.
    pub fn encode(&self, signer: &Signer) -> Vec<Vec<u8>> {
        let bytes = |j: &Json| serde_json::to_vec(j).unwrap_or_else(|_| b"{}".to_vec());
        let (h, p, m, c) = (
            bytes(&self.header),
            bytes(&self.parent_header),
            bytes(&self.metadata),
            bytes(&self.content),
        );
        let sig = signer.sign(&[&h, &p, &m, &c]);
        let mut out = self.ids.clone();
        out.push(DELIMITER.to_vec());
        out.push(sig.into_bytes());
        out.extend([h, p, m, c]);
        out.extend(self.buffers.iter().cloned());
        out
    }
}

/// The kernel's side of a session: its id, used in every header it writes.
#[derive(Clone)]
pub struct Session {
    pub id: String,
}

impl Session {
    pub fn new() -> Session {
        Session { id: new_id() }
    }

    fn header(&self, msg_type: &str) -> Json {
        json!({
            "msg_id": new_id(),
            "session": self.id,
            "username": "rsc",
            "date": now_iso8601(),
            "msg_type": msg_type,
            "version": PROTOCOL_VERSION,
        })
    }

    /// A reply to `parent`, routed back to its sender.
    pub fn reply(&self, parent: &Message, msg_type: &str, content: Json) -> Message {
        Message {
            ids: parent.ids.clone(),
            header: self.header(msg_type),
            parent_header: parent.header.clone(),
            metadata: json!({}),
            content,
            buffers: Vec::new(),
        }
    }

    /// An IOPub message caused by `parent` (none: a message of the kernel's own).
    pub fn broadcast(&self, parent: Option<&Message>, msg_type: &str, content: Json) -> Message {
        Message {
            ids: vec![format!("kernel.{}.{}", self.id, msg_type).into_bytes()],
            header: self.header(msg_type),
            parent_header: parent.map(|p| p.header.clone()).unwrap_or_else(|| json!({})),
            metadata: json!({}),
            content,
            buffers: Vec::new(),
        }
    }
}

/// A unique message id: 128 random-looking bits (from the standard library's randomly
/// keyed hasher, the time and a counter) written as a version 4 UUID.
pub fn new_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .as_nanos();
    let mut words = [0u64; 2];
    for (i, w) in words.iter_mut().enumerate() {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u64(n);
        h.write_u128(t);
        h.write_u32(std::process::id());
        h.write_usize(i);
        *w = h.finish();
    }
    let b: Vec<u8> = words.iter().flat_map(|w| w.to_be_bytes()).collect();
    let mut b: [u8; 16] = b.try_into().unwrap_or([0; 16]);
    b[6] = (b[6] & 0x0F) | 0x40;
    b[8] = (b[8] & 0x3F) | 0x80;
    let h = hex(&b);
    format!("{}-{}-{}-{}-{}", &h[..8], &h[8..12], &h[12..16], &h[16..20], &h[20..])
}

/// The current UTC time as ISO 8601 with microseconds, as Jupyter's headers carry it.
pub fn now_iso8601() -> String {
    let d = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let secs = d.as_secs() as i64;
    let (days, rem) = (secs.div_euclid(86400), secs.rem_euclid(86400));
    let (y, m, day) = civil_from_days(days);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:06}Z",
        y,
        m,
        day,
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        d.subsec_micros()
    )
}

/// Year, month and day of a count of days since 1970-01-01 (proleptic Gregorian).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_723), (2024, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }

    #[test]
    fn sign_and_verify_round_trip() {
        let s = Signer::new("secret");
        let session = Session::new();
        let m = session.broadcast(None, "status", json!({"execution_state": "idle"}));
        let frames = m.encode(&s);
        let back = Message::decode(frames.clone(), &s).expect("decodes");
        assert_eq!(back.msg_type(), "status");
        assert_eq!(back.content["execution_state"], "idle");
        // a different key rejects it
        assert!(Message::decode(frames, &Signer::new("other")).is_err());
    }

    #[test]
    fn hmac_matches_a_known_value() {
        // RFC 4231 test case 2
        let s = Signer::new("Jefe");
        assert_eq!(
            s.sign(&[b"what do ya want ", b"for nothing?"]),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }
}
