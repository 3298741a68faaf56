//! Just enough ZeroMQ for a Jupyter kernel: ZMTP 3.0 (RFC 23) with the NULL security
//! mechanism over TCP, for the three socket types a kernel binds: ROUTER (shell, control,
//! stdin), PUB (IOPub) and REP (heartbeat). Each connection is served by a thread of its
//! own with blocking I/O; messages are lists of frames (`Vec<Vec<u8>>`).
//!
//! What is left out: other transports and mechanisms, high-water marks (a slow subscriber
//! is written to directly), and PUB's topic filtering (Jupyter clients subscribe to every
//! topic, and subscribers filter again on their side).

use std::collections::HashMap;
use std::io::{BufReader, BufWriter, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc::{channel, Receiver};
use std::sync::{Arc, Mutex};

/// A frame's flags: more frames follow; the size takes 8 bytes; a command frame.
const MORE: u8 = 1;
const LONG: u8 = 2;
const COMMAND: u8 = 4;

/// A socket's ZMTP type, announced in the READY command.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Router,
    Pub,
    Rep,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Router => "ROUTER",
            Kind::Pub => "PUB",
            Kind::Rep => "REP",
        }
    }
}

/// Binds a TCP address (`tcp://ip:port`; `*` for every interface).
fn listen(endpoint: &str) -> Result<TcpListener, String> {
    let addr = endpoint
        .strip_prefix("tcp://")
        .ok_or_else(|| format!("unsupported endpoint '{}'", endpoint))?;
    let addr = match addr.strip_prefix("*:") {
        Some(port) => format!("0.0.0.0:{}", port),
        None => addr.to_string(),
    };
    TcpListener::bind(&addr).map_err(|e| format!("cannot bind {}: {}", endpoint, e))
}

/// Accepts connections on a thread, handing each (after the handshake) to `serve` on a
/// thread of its own.
fn accept_loop<F>(listener: TcpListener, kind: Kind, serve: F)
where
    F: Fn(Peer) + Send + Sync + 'static,
{
    let serve = Arc::new(serve);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let serve = serve.clone();
            std::thread::spawn(move || {
                let _ = stream.set_nodelay(true);
                if let Ok(peer) = handshake(stream, kind) {
                    serve(peer);
                }
            });
        }
    });
}

/// A connected peer after the handshake.
struct Peer {
    reader: BufReader<TcpStream>,
    writer: TcpStream,
    /// The peer's `Identity` property (empty when it sent none).
    identity: Vec<u8>,
}

/// Our greeting: signature, version 3.0, the NULL mechanism, not a server, filler.
fn greeting() -> [u8; 64] {
    let mut g = [0u8; 64];
    g[0] = 0xFF;
    g[9] = 0x7F;
    g[10] = 3;
    g[11] = 0;
    g[12..16].copy_from_slice(b"NULL");
    g
}

fn handshake(stream: TcpStream, kind: Kind) -> std::io::Result<Peer> {
    let bad = |m: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, m.to_string());
    let mut writer = stream.try_clone()?;
    let mut reader = BufReader::new(stream);
    writer.write_all(&greeting())?;
    let mut g = [0u8; 64];
    reader.read_exact(&mut g)?;
    if g[0] != 0xFF || g[9] & 1 != 1 || g[10] < 3 {
        return Err(bad("not a ZMTP 3 peer"));
    }
    if &g[12..16] != b"NULL" || g[16..32].iter().any(|&b| b != 0) {
        return Err(bad("only the NULL security mechanism is supported"));
    }
    // READY with our socket type
    let mut ready = Vec::new();
    ready.push(5);
    ready.extend_from_slice(b"READY");
    property(&mut ready, "Socket-Type", kind.name().as_bytes());
    write_frame(&mut writer, &ready, false, true)?;
    writer.flush()?;
    // the peer's READY
    let (body, _, command) = read_frame(&mut reader)?;
    if !command || body.first() != Some(&5) || body.get(1..6) != Some(b"READY") {
        return Err(bad("expected a READY command"));
    }
    let props = properties(&body[6..]);
    let identity = props
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("Identity"))
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    Ok(Peer {
        reader,
        writer,
        identity,
    })
}

fn property(out: &mut Vec<u8>, name: &str, value: &[u8]) {
    out.push(name.len() as u8);
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(&(value.len() as u32).to_be_bytes());
    out.extend_from_slice(value);
}

fn properties(mut b: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    while let Some(&n) = b.first() {
        let n = n as usize;
        if b.len() < 1 + n + 4 {
            break;
        }
        let name = String::from_utf8_lossy(&b[1..1 + n]).into_owned();
        let mut len = [0u8; 4];
        len.copy_from_slice(&b[1 + n..5 + n]);
        let len = u32::from_be_bytes(len) as usize;
        if b.len() < 5 + n + len {
            break;
        }
        out.push((name, b[5 + n..5 + n + len].to_vec()));
        b = &b[5 + n + len..];
    }
    out
}

/// Reads one frame: its body, whether more frames follow, whether it is a command.
fn read_frame(r: &mut impl Read) -> std::io::Result<(Vec<u8>, bool, bool)> {
    let mut flags = [0u8; 1];
    r.read_exact(&mut flags)?;
    let flags = flags[0];
    let size = if flags & LONG != 0 {
        let mut s = [0u8; 8];
        r.read_exact(&mut s)?;
        u64::from_be_bytes(s)
    } else {
        let mut s = [0u8; 1];
        r.read_exact(&mut s)?;
        s[0] as u64
    };
    if size > (1 << 32) {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "frame too large",
        ));
    }
    let mut body = vec![0u8; size as usize];
    r.read_exact(&mut body)?;
    Ok((body, flags & MORE != 0, flags & COMMAND != 0))
}

fn write_frame(w: &mut impl Write, body: &[u8], more: bool, command: bool) -> std::io::Result<()> {
    let mut flags = if more { MORE } else { 0 };
    if command {
        flags |= COMMAND;
    }
    if body.len() > 255 {
        w.write_all(&[flags | LONG])?;
        w.write_all(&(body.len() as u64).to_be_bytes())?;
    } else {
        w.write_all(&[flags, body.len() as u8])?;
    }
    w.write_all(body)
}

/// Reads the next message, skipping commands (PING, SUBSCRIBE, ...).
fn read_message(r: &mut impl Read) -> std::io::Result<Vec<Vec<u8>>> {
    let mut frames = Vec::new();
    loop {
        let (body, more, command) = read_frame(r)?;
        if command {
            continue;
        }
        frames.push(body);
        if !more {
            return Ok(frames);
        }
    }
}

fn write_message(w: &mut impl Write, frames: &[Vec<u8>]) -> std::io::Result<()> {
    let mut buf = BufWriter::new(w);
    for (i, f) in frames.iter().enumerate() {
        write_frame(&mut buf, f, i + 1 < frames.len(), false)?;
    }
    buf.flush()
}

/// A ROUTER socket: messages from every peer arrive with the peer's routing id as their
/// first frame; a message sent goes to the peer its first frame names.
pub struct Router {
    inbox: Receiver<Vec<Vec<u8>>>,
    /// Each routing id's connection, with the connection's serial number (a peer that
    /// reconnects under the same identity replaces its old connection).
    peers: Peers,
}

type Peers = Arc<Mutex<HashMap<Vec<u8>, (u32, TcpStream)>>>;

impl Router {
    pub fn bind(endpoint: &str) -> Result<Router, String> {
        let listener = listen(endpoint)?;
        let (tx, inbox) = channel();
        let peers: Peers = Arc::default();
        let table = peers.clone();
        let next_id = Arc::new(std::sync::atomic::AtomicU32::new(1));
        let tx = Mutex::new(tx);
        accept_loop(listener, Kind::Router, move |mut peer| {
            // a routing id: the peer's identity, else one of ours (0 and a counter, as libzmq)
            let n = next_id.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let id = if peer.identity.is_empty() || peer.identity[0] == 0 {
                let mut id = vec![0u8];
                id.extend_from_slice(&n.to_be_bytes());
                id
            } else {
                peer.identity.clone()
            };
            if let Ok(mut t) = table.lock() {
                t.insert(id.clone(), (n, peer.writer));
            }
            let Ok(tx) = tx.lock().map(|t| t.clone()) else {
                return;
            };
            while let Ok(mut frames) = read_message(&mut peer.reader) {
                frames.insert(0, id.clone());
                if tx.send(frames).is_err() {
                    break;
                }
            }
            if let Ok(mut t) = table.lock() {
                if t.get(&id).is_some_and(|(m, _)| *m == n) {
                    t.remove(&id);
                }
            }
        });
        Ok(Router { inbox, peers })
    }

    /// The next message (routing id first); None when the socket is gone.
    pub fn recv(&self) -> Option<Vec<Vec<u8>>> {
        self.inbox.recv().ok()
    }

    /// Sends to the peer named by the first frame; a message for a gone peer is dropped,
    /// as ZeroMQ does.
    pub fn send(&self, frames: &[Vec<u8>]) {
        let Some((id, rest)) = frames.split_first() else {
            return;
        };
        if let Ok(mut t) = self.peers.lock() {
            if let Some((_, s)) = t.get_mut(id) {
                if write_message(s, rest).is_err() {
                    t.remove(id);
                }
            }
        }
    }
}

/// A PUB socket: every message goes to every connected subscriber.
pub struct Publisher {
    peers: Arc<Mutex<Vec<TcpStream>>>,
}

impl Publisher {
    pub fn bind(endpoint: &str) -> Result<Publisher, String> {
        let listener = listen(endpoint)?;
        let peers: Arc<Mutex<Vec<TcpStream>>> = Arc::default();
        let list = peers.clone();
        accept_loop(listener, Kind::Pub, move |mut peer| {
            if let Ok(mut l) = list.lock() {
                l.push(peer.writer);
            }
            // subscriptions (messages or commands) are read and let go
            while read_frame(&mut peer.reader).is_ok() {}
        });
        Ok(Publisher { peers })
    }

    pub fn send(&self, frames: &[Vec<u8>]) {
        if let Ok(mut l) = self.peers.lock() {
            l.retain_mut(|s| write_message(s, frames).is_ok());
        }
    }
}

/// A REP socket that echoes every request (the heartbeat): the reply carries the
/// request's envelope, so echoing the whole message answers a REQ peer.
pub fn echo(endpoint: &str) -> Result<(), String> {
    let listener = listen(endpoint)?;
    accept_loop(listener, Kind::Rep, |mut peer| {
        while let Ok(frames) = read_message(&mut peer.reader) {
            if write_message(&mut peer.writer, &frames).is_err() {
                break;
            }
        }
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A client side of the handshake, for tests.
    fn connect(port: u16, kind: &str, identity: &[u8]) -> (BufReader<TcpStream>, TcpStream) {
        let s = TcpStream::connect(("127.0.0.1", port)).expect("connects");
        let mut w = s.try_clone().expect("clones");
        let mut r = BufReader::new(s);
        w.write_all(&greeting()).expect("greets");
        let mut g = [0u8; 64];
        r.read_exact(&mut g).expect("greeting");
        assert_eq!((g[0], g[10]), (0xFF, 3));
        let mut ready = vec![5];
        ready.extend_from_slice(b"READY");
        property(&mut ready, "Socket-Type", kind.as_bytes());
        property(&mut ready, "Identity", identity);
        write_frame(&mut w, &ready, false, true).expect("ready");
        let (body, _, command) = read_frame(&mut r).expect("their ready");
        assert!(command);
        let props = properties(&body[6..]);
        assert_eq!(props[0].0, "Socket-Type");
        (r, w)
    }

    fn free_port() -> u16 {
        TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("a free port")
    }

    #[test]
    fn router_routes_replies_by_identity() {
        let port = free_port();
        let router = Router::bind(&format!("tcp://127.0.0.1:{}", port)).expect("binds");
        let (mut r, mut w) = connect(port, "DEALER", b"client-1");
        let long = vec![7u8; 1000];
        write_message(&mut w, &[b"hello".to_vec(), long.clone()]).expect("sends");
        let got = router.recv().expect("receives");
        assert_eq!(got, vec![b"client-1".to_vec(), b"hello".to_vec(), long]);
        router.send(&[b"client-1".to_vec(), b"back".to_vec()]);
        assert_eq!(read_message(&mut r).expect("reply"), vec![b"back".to_vec()]);
    }

    #[test]
    fn rep_echoes_and_pub_fans_out() {
        let port = free_port();
        echo(&format!("tcp://127.0.0.1:{}", port)).expect("binds");
        let (mut r, mut w) = connect(port, "REQ", b"");
        write_message(&mut w, &[Vec::new(), b"ping".to_vec()]).expect("sends");
        assert_eq!(
            read_message(&mut r).expect("echo"),
            vec![Vec::new(), b"ping".to_vec()]
        );

        let port = free_port();
        let publisher = Publisher::bind(&format!("tcp://127.0.0.1:{}", port)).expect("binds");
        let (mut r, mut w) = connect(port, "SUB", b"");
        write_message(&mut w, &[vec![1u8]]).expect("subscribes");
        // the subscriber is registered once its handshake is done
        for _ in 0..100 {
            if !publisher.peers.lock().map(|l| l.is_empty()).unwrap_or(true) {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        publisher.send(&[b"topic".to_vec(), b"news".to_vec()]);
        assert_eq!(
            read_message(&mut r).expect("message"),
            vec![b"topic".to_vec(), b"news".to_vec()]
        );
    }
}
