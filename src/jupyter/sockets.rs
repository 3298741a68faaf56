//! The kernel's sockets (shell, control, IOPub, stdin, heartbeat) on threads of their
//! own. Requests that need the interpreter are passed to it over a channel; what it
//! answers comes back over another and is signed and sent from here.

use super::wire::{Connection, Message, Session, Signer};
use super::zmtp::{echo, Publisher, Router};
use super::{kernel_info, Job, Out};
use serde_json::{json, Value as Json};
use std::sync::mpsc::{Receiver, Sender};
use std::sync::Arc;

/// Everything the shell and control loops share.
struct Ctx {
    session: Session,
    signer: Signer,
    iopub: Publisher,
}

impl Ctx {
    fn publish(&self, parent: Option<&Message>, msg_type: &str, content: Json) {
        let m = self.session.broadcast(parent, msg_type, content);
        self.iopub.send(&m.encode(&self.signer));
    }
    fn status(&self, parent: &Message, state: &str) {
        self.publish(Some(parent), "status", json!({ "execution_state": state }));
    }
    fn reply(&self, sock: &Router, parent: &Message, content: Json) {
        let t = parent.msg_type().replace("_request", "_reply");
        let msg = self.session.reply(parent, &t, content);
        sock.send(&msg.encode(&self.signer));
    }
    fn recv(&self, sock: &Router) -> Option<Message> {
        let frames = sock.recv()?;
        match Message::decode(frames, &self.signer) {
            Ok(m) => Some(m),
            Err(e) => {
                eprintln!("rsc kernel: ignoring {}", e);
                None
            }
        }
    }
}

/// Binds every socket, starts the control loop and the heartbeat, and serves the shell
/// channel on the calling thread. Returns only when a socket cannot be bound.
pub fn serve(conn: Connection, jobs: Sender<Job>, outs: Receiver<Out>) -> String {
    match bind_and_serve(conn, jobs, outs) {
        Ok(()) => String::new(),
        Err(e) => e,
    }
}

fn bind_and_serve(conn: Connection, jobs: Sender<Job>, outs: Receiver<Out>) -> Result<(), String> {
    let shell = Router::bind(&conn.endpoint(conn.shell_port))?;
    let control = Router::bind(&conn.endpoint(conn.control_port))?;
    // stdin is bound for clients to connect to; the kernel never asks for input
    let _stdin = Router::bind(&conn.endpoint(conn.stdin_port))?;
    let iopub = Publisher::bind(&conn.endpoint(conn.iopub_port))?;
    echo(&conn.endpoint(conn.hb_port))?;
    let ctx = Arc::new(Ctx {
        session: Session::new(),
        signer: Signer::new(&conn.key),
        iopub,
    });
    let c2 = ctx.clone();
    std::thread::Builder::new()
        .name("jupyter-control".into())
        .spawn(move || control_loop(control, c2))
        .map_err(|e| format!("cannot start the control thread: {}", e))?;
    ctx.publish(None, "status", json!({ "execution_state": "starting" }));
    shell_loop(shell, ctx, jobs, outs);
    Ok(())
}

fn shell_loop(shell: Router, ctx: Arc<Ctx>, jobs: Sender<Job>, outs: Receiver<Out>) {
    loop {
        let Some(msg) = ctx.recv(&shell) else {
            continue;
        };
        ctx.status(&msg, "busy");
        match msg.msg_type() {
            "kernel_info_request" => ctx.reply(&shell, &msg, kernel_info()),
            "comm_info_request" => ctx.reply(&shell, &msg, json!({"status": "ok", "comms": {}})),
            "shutdown_request" => shutdown(&shell, &ctx, &msg),
            "execute_request" | "complete_request" | "inspect_request"
            | "is_complete_request" | "history_request" => {
                if jobs.send(Job::Request(msg.clone())).is_err() {
                    eprintln!("rsc kernel: the interpreter has stopped");
                    std::process::exit(1);
                }
                // relay what the interpreter says until its reply
                loop {
                    match outs.recv() {
                        Ok(Out::IoPub(t, content)) => ctx.publish(Some(&msg), t, content),
                        Ok(Out::Reply(content, quit)) => {
                            ctx.reply(&shell, &msg, content);
                            if let Some(status) = quit {
                                ctx.status(&msg, "idle");
                                exit_soon(status);
                            }
                            break;
                        }
                        Err(_) => std::process::exit(1),
                    }
                }
            }
            other => eprintln!("rsc kernel: unsupported request '{}'", other),
        }
        ctx.status(&msg, "idle");
    }
}

fn control_loop(control: Router, ctx: Arc<Ctx>) {
    loop {
        let Some(msg) = ctx.recv(&control) else {
            continue;
        };
        match msg.msg_type() {
            "kernel_info_request" => ctx.reply(&control, &msg, kernel_info()),
            "shutdown_request" => shutdown(&control, &ctx, &msg),
            "interrupt_request" => {
                rsc::eval::INTERRUPTED.store(true, std::sync::atomic::Ordering::SeqCst);
                ctx.reply(&control, &msg, json!({"status": "ok"}));
            }
            other => eprintln!("rsc kernel: unsupported control request '{}'", other),
        }
    }
}

/// Replies, then ends the process (a restart is the client's job: it starts a new one).
fn shutdown(sock: &Router, ctx: &Ctx, msg: &Message) {
    let restart = msg
        .content
        .get("restart")
        .and_then(Json::as_bool)
        .unwrap_or(false);
    ctx.reply(sock, msg, json!({"status": "ok", "restart": restart}));
    ctx.status(msg, "idle");
    exit_soon(0);
}

/// Lets the last messages leave, then exits.
fn exit_soon(status: i32) -> ! {
    std::thread::sleep(std::time::Duration::from_millis(50));
    std::process::exit(status)
}
