//! A small synchronous gRPC client over HTTP/2 without TLS ("h2c" with prior knowledge,
//! RFC 7540), enough for Spark Connect: one call at a time on one connection, requests
//! of a few frames, responses streamed message by message. Flow control opens large
//! windows and returns them as data is read; PINGs and SETTINGS are acknowledged; the
//! trailers' `grpc-status` and `grpc-message` become [`CallError::Status`]. Reads wait in
//! short slices so a caller's cancel test (Ctrl-C) is seen while a server computes.

use super::hpack;
use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::{Duration, Instant};

const PREFACE: &[u8] = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";
const DATA: u8 = 0;
const HEADERS: u8 = 1;
const RST_STREAM: u8 = 3;
const SETTINGS: u8 = 4;
const PING: u8 = 6;
const GOAWAY: u8 = 7;
const WINDOW_UPDATE: u8 = 8;
const CONTINUATION: u8 = 9;
const END_STREAM: u8 = 0x1;
const ACK: u8 = 0x1;
const END_HEADERS: u8 = 0x4;
const PADDED: u8 = 0x8;
const PRIORITY: u8 = 0x20;
/// Our receive window, per stream and for the connection.
const WINDOW: u32 = 1 << 30;
/// The largest frame we accept (announced in SETTINGS).
const MAX_FRAME: u32 = 1 << 20;
/// How long a read waits before the cancel test runs again.
const SLICE: Duration = Duration::from_millis(200);

/// Why a call failed.
#[derive(Debug)]
pub enum CallError {
    /// The connection failed or the peer broke the protocol.
    Io(String),
    /// The server answered with a gRPC status other than OK.
    Status { code: u32, message: String },
    /// The cancel test said stop; the stream was reset.
    Cancelled,
}

impl std::fmt::Display for CallError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CallError::Io(m) => write!(f, "{}", m),
            CallError::Status { code, message } => {
                write!(f, "{} (gRPC status {})", message, code)
            }
            CallError::Cancelled => write!(f, "cancelled"),
        }
    }
}

fn io(e: impl std::fmt::Display) -> CallError {
    CallError::Io(e.to_string())
}

/// An HTTP/2 connection to a gRPC server.
pub struct Conn {
    sock: TcpStream,
    authority: String,
    buf: Vec<u8>,
    decoder: hpack::Decoder,
    next_stream: u32,
    /// The server's largest frame size.
    peer_max_frame: usize,
    /// Data received since the connection window was last topped up.
    unacked: u32,
    /// How long a call may go without hearing from the server.
    pub idle_timeout: Duration,
}

/// One frame: type, flags, stream, payload.
struct Frame {
    kind: u8,
    flags: u8,
    stream: u32,
    payload: Vec<u8>,
}

impl Conn {
    /// Connects to `host:port` (waiting at most `timeout` for the TCP connection and the
    /// server's SETTINGS) and opens the HTTP/2 session.
    pub fn connect(host: &str, port: u16, timeout: Duration) -> Result<Conn, String> {
        let addrs: Vec<_> = (host, port)
            .to_socket_addrs()
            .map_err(|e| format!("cannot resolve host '{}': {}", host, e))?
            .collect();
        let mut last = format!("cannot resolve host '{}'", host);
        let mut sock = None;
        for a in addrs {
            match TcpStream::connect_timeout(&a, timeout) {
                Ok(s) => {
                    sock = Some(s);
                    break;
                }
                Err(e) => last = format!("cannot connect to {}:{}: {}", host, port, e),
            }
        }
        let sock = sock.ok_or(last)?;
        let _ = sock.set_nodelay(true);
        sock.set_read_timeout(Some(SLICE))
            .map_err(|e| e.to_string())?;
        sock.set_write_timeout(Some(timeout))
            .map_err(|e| e.to_string())?;
        let mut c = Conn {
            sock,
            authority: format!("{}:{}", host, port),
            buf: Vec::new(),
            decoder: hpack::Decoder::new(),
            next_stream: 1,
            peer_max_frame: 16384,
            unacked: 0,
            idle_timeout: timeout,
        };
        let mut hello = PREFACE.to_vec();
        let mut settings = Vec::new();
        for (id, v) in [(2u16, 0u32), (4, WINDOW), (5, MAX_FRAME)] {
            settings.extend_from_slice(&id.to_be_bytes());
            settings.extend_from_slice(&v.to_be_bytes());
        }
        frame_into(&mut hello, SETTINGS, 0, 0, &settings);
        frame_into(
            &mut hello,
            WINDOW_UPDATE,
            0,
            0,
            &(WINDOW - 65535).to_be_bytes(),
        );
        c.sock.write_all(&hello).map_err(|e| e.to_string())?;
        // the server's first frame must be its SETTINGS
        let f = c
            .raw_frame(&|| false)
            .map_err(|e| format!("no HTTP/2 answer from {}:{}: {}", host, port, e))?;
        if f.kind != SETTINGS {
            return Err(format!("{}:{} does not speak HTTP/2 (gRPC)", host, port));
        }
        c.settings(&f).map_err(|e| e.to_string())?;
        Ok(c)
    }

    /// Calls `path` with one request message; `on_msg` sees each response message in order.
    /// `cancel` is asked while waiting; when it says yes, the stream is reset and the call
    /// returns [`CallError::Cancelled`].
    pub fn call(
        &mut self,
        path: &str,
        request: &[u8],
        on_msg: &mut dyn FnMut(&[u8]) -> Result<(), String>,
        cancel: &dyn Fn() -> bool,
    ) -> Result<(), CallError> {
        let id = self.next_stream;
        self.next_stream += 2;
        let block = hpack::encode(&[
            (":method", "POST"),
            (":scheme", "http"),
            (":path", path),
            (":authority", &self.authority),
            ("content-type", "application/grpc"),
            ("te", "trailers"),
            ("user-agent", "rsc-spark-connect"),
        ]);
        let mut out = Vec::new();
        frame_into(&mut out, HEADERS, END_HEADERS, id, &block);
        let mut msg = Vec::with_capacity(request.len() + 5);
        msg.push(0);
        msg.extend_from_slice(&(request.len() as u32).to_be_bytes());
        msg.extend_from_slice(request);
        let chunks: Vec<&[u8]> = msg.chunks(self.peer_max_frame.max(1)).collect();
        for (k, ch) in chunks.iter().enumerate() {
            let flags = if k + 1 == chunks.len() { END_STREAM } else { 0 };
            frame_into(&mut out, DATA, flags, id, ch);
        }
        self.sock.write_all(&out).map_err(io)?;

        let mut body: Vec<u8> = Vec::new();
        let mut stream_unacked = 0u32;
        let mut status: Option<(u32, String)> = None;
        let mut http_status: Option<String> = None;
        loop {
            let f = match self.read_frame(cancel) {
                Ok(f) => f,
                Err(CallError::Cancelled) => {
                    let mut out = Vec::new();
                    frame_into(&mut out, RST_STREAM, 0, id, &8u32.to_be_bytes());
                    let _ = self.sock.write_all(&out);
                    return Err(CallError::Cancelled);
                }
                Err(e) => return Err(e),
            };
            match f.kind {
                DATA => {
                    let n = f.payload.len() as u32;
                    self.unacked += n;
                    if self.unacked > WINDOW / 2 {
                        self.window_update(0, self.unacked)?;
                        self.unacked = 0;
                    }
                    if f.stream != id {
                        continue;
                    }
                    stream_unacked += n;
                    if stream_unacked > WINDOW / 2 {
                        self.window_update(id, stream_unacked)?;
                        stream_unacked = 0;
                    }
                    body.extend_from_slice(unpad(&f)?);
                    // hand on each complete message
                    let mut at = 0;
                    while body.len() - at >= 5 {
                        let len = u32::from_be_bytes([
                            body[at + 1],
                            body[at + 2],
                            body[at + 3],
                            body[at + 4],
                        ]) as usize;
                        if body.len() - at - 5 < len {
                            break;
                        }
                        if body[at] != 0 {
                            return Err(io("the server sent a compressed gRPC message"));
                        }
                        on_msg(&body[at + 5..at + 5 + len]).map_err(CallError::Io)?;
                        at += 5 + len;
                    }
                    body.drain(..at);
                    if f.flags & END_STREAM != 0 {
                        break;
                    }
                }
                HEADERS => {
                    let end = f.flags & END_STREAM != 0;
                    let headers = self.header_block(f)?;
                    if headers.0 != id {
                        continue;
                    }
                    for (k, v) in headers.1 {
                        match k.as_str() {
                            ":status" => http_status = Some(v),
                            "grpc-status" => {
                                let code = v.trim().parse().unwrap_or(2);
                                let m = status.take().map(|s| s.1).unwrap_or_default();
                                status = Some((code, m));
                            }
                            "grpc-message" => {
                                let code = status.as_ref().map_or(u32::MAX, |s| s.0);
                                status = Some((code, percent_decode(&v)));
                            }
                            _ => {}
                        }
                    }
                    if end {
                        break;
                    }
                }
                RST_STREAM if f.stream == id => {
                    let code = f
                        .payload
                        .get(..4)
                        .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
                        .unwrap_or(0);
                    return Err(io(format!(
                        "the server reset the call (HTTP/2 error {})",
                        code
                    )));
                }
                _ => {}
            }
        }
        match status {
            Some((0, _)) => Ok(()),
            Some((code, message)) => Err(CallError::Status {
                code: if code == u32::MAX { 2 } else { code },
                message,
            }),
            None => Err(io(format!(
                "the server ended the call without a gRPC status (HTTP status {})",
                http_status.unwrap_or_else(|| "none".into())
            ))),
        }
    }

    fn window_update(&mut self, stream: u32, n: u32) -> Result<(), CallError> {
        let mut out = Vec::new();
        frame_into(&mut out, WINDOW_UPDATE, 0, stream, &n.to_be_bytes());
        self.sock.write_all(&out).map_err(io)
    }

    /// The stream and fields of a header block (a HEADERS frame and its CONTINUATIONs).
    fn header_block(&mut self, f: Frame) -> Result<(u32, Vec<(String, String)>), CallError> {
        let mut p: &[u8] = unpad(&f)?;
        if f.flags & PRIORITY != 0 {
            p = p.get(5..).ok_or_else(|| io("short HEADERS frame"))?;
        }
        let mut block = p.to_vec();
        let mut done = f.flags & END_HEADERS != 0;
        while !done {
            let c = self.read_frame(&|| false)?;
            if c.kind != CONTINUATION || c.stream != f.stream {
                return Err(io("HTTP/2: header block interrupted"));
            }
            block.extend_from_slice(&c.payload);
            done = c.flags & END_HEADERS != 0;
        }
        let fields = self.decoder.decode(&block).map_err(CallError::Io)?;
        Ok((f.stream, fields))
    }

    fn settings(&mut self, f: &Frame) -> Result<(), CallError> {
        if f.flags & ACK != 0 {
            return Ok(());
        }
        for s in f.payload.chunks_exact(6) {
            let id = u16::from_be_bytes([s[0], s[1]]);
            let v = u32::from_be_bytes([s[2], s[3], s[4], s[5]]);
            if id == 5 {
                self.peer_max_frame = v as usize;
            }
        }
        let mut out = Vec::new();
        frame_into(&mut out, SETTINGS, ACK, 0, &[]);
        self.sock.write_all(&out).map_err(io)
    }

    /// The next frame for a call, after answering connection-level frames (SETTINGS,
    /// PING) itself; GOAWAY is an error.
    fn read_frame(&mut self, cancel: &dyn Fn() -> bool) -> Result<Frame, CallError> {
        loop {
            let f = self.raw_frame(cancel)?;
            match f.kind {
                SETTINGS => self.settings(&f)?,
                PING if f.flags & ACK == 0 => {
                    let mut out = Vec::new();
                    frame_into(&mut out, PING, ACK, 0, &f.payload);
                    self.sock.write_all(&out).map_err(io)?;
                }
                PING => {}
                GOAWAY => {
                    let debug =
                        String::from_utf8_lossy(f.payload.get(8..).unwrap_or(&[])).into_owned();
                    return Err(io(format!(
                        "the server closed the connection{}{}",
                        if debug.is_empty() { "" } else { ": " },
                        debug
                    )));
                }
                WINDOW_UPDATE => {}
                _ => return Ok(f),
            }
        }
    }

    fn raw_frame(&mut self, cancel: &dyn Fn() -> bool) -> Result<Frame, CallError> {
        self.fill(9, cancel)?;
        let len = u32::from_be_bytes([0, self.buf[0], self.buf[1], self.buf[2]]) as usize;
        if len > MAX_FRAME as usize {
            return Err(io("HTTP/2: frame larger than announced"));
        }
        self.fill(9 + len, cancel)?;
        let kind = self.buf[3];
        let flags = self.buf[4];
        let stream =
            u32::from_be_bytes([self.buf[5], self.buf[6], self.buf[7], self.buf[8]]) & 0x7fff_ffff;
        let payload = self.buf[9..9 + len].to_vec();
        self.buf.drain(..9 + len);
        Ok(Frame {
            kind,
            flags,
            stream,
            payload,
        })
    }

    /// Reads until `n` bytes are buffered, waiting in slices: a cancel test that says
    /// stop ends the wait, and so does a silence longer than the idle timeout.
    fn fill(&mut self, n: usize, cancel: &dyn Fn() -> bool) -> Result<(), CallError> {
        let mut last = Instant::now();
        let mut tmp = [0u8; 65536];
        while self.buf.len() < n {
            match self.sock.read(&mut tmp) {
                Ok(0) => return Err(io("the server closed the connection")),
                Ok(k) => {
                    self.buf.extend_from_slice(&tmp[..k]);
                    last = Instant::now();
                }
                Err(e)
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock
                            | std::io::ErrorKind::TimedOut
                            | std::io::ErrorKind::Interrupted
                    ) =>
                {
                    if cancel() {
                        return Err(CallError::Cancelled);
                    }
                    if last.elapsed() > self.idle_timeout {
                        return Err(io(format!(
                            "no answer from the server in {} s",
                            self.idle_timeout.as_secs()
                        )));
                    }
                }
                Err(e) => return Err(io(e)),
            }
        }
        Ok(())
    }
}

/// The payload of a DATA or HEADERS frame without its padding.
fn unpad(f: &Frame) -> Result<&[u8], CallError> {
    if f.flags & PADDED == 0 {
        return Ok(&f.payload);
    }
    let pad = *f.payload.first().ok_or_else(|| io("HTTP/2: bad padding"))? as usize;
    f.payload
        .get(1..f.payload.len().saturating_sub(pad))
        .filter(|_| pad < f.payload.len())
        .ok_or_else(|| io("HTTP/2: bad padding"))
}

fn frame_into(out: &mut Vec<u8>, kind: u8, flags: u8, stream: u32, payload: &[u8]) {
    let len = payload.len() as u32;
    out.extend_from_slice(&len.to_be_bytes()[1..]);
    out.push(kind);
    out.push(flags);
    out.extend_from_slice(&stream.to_be_bytes());
    out.extend_from_slice(payload);
}

/// gRPC's percent-encoding of `grpc-message`, undone.
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hex = |c: u8| (c as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("a%20b%0Ac"), "a b\nc");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz"), "%zz");
    }

    #[test]
    fn unreachable_port_is_an_error_not_a_hang() {
        // a port nothing listens on (bound then dropped)
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let e = Conn::connect("127.0.0.1", port, Duration::from_secs(2));
        assert!(e.is_err());
    }

    #[test]
    fn silent_server_times_out() {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = l.local_addr().unwrap().port();
        let t = Instant::now();
        let e = Conn::connect("127.0.0.1", port, Duration::from_millis(600));
        assert!(e.is_err());
        assert!(t.elapsed() < Duration::from_secs(5));
        drop(l);
    }
}
