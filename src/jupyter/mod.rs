//! The Jupyter kernel: `rsc --jupyter-kernel CONNECTION_FILE` serves Jupyter's messaging
//! protocol (5.3) over ZeroMQ (`zmtp.rs`: ZMTP 3.0 over TCP, no libzmq); `rsc jupyter install` writes
//! the kernelspec. The interpreter runs on the calling thread (the evaluator thread with
//! the large stack); the sockets run on threads of their own and talk to it over channels.

mod install;
mod sockets;
mod wire;
mod worker;
mod zmtp;

use serde_json::{json, Value as Json};

/// A request the interpreter thread answers.
pub enum Job {
    Request(wire::Message),
}

/// What the interpreter thread sends back while answering a request.
pub enum Out {
    /// An IOPub message (type and content) caused by the request.
    IoPub(&'static str, Json),
    /// The reply's content; the request is done. With a status when the code called
    /// `q()`: the kernel then ends with it.
    Reply(Json, Option<i32>),
}

/// The `kernel_info_reply` content.
pub fn kernel_info() -> Json {
    let version = env!("CARGO_PKG_VERSION");
    json!({
        "status": "ok",
        "protocol_version": wire::PROTOCOL_VERSION,
        "implementation": "rsc",
        "implementation_version": version,
        "language_info": {
            "name": "R",
            "version": version,
            "mimetype": "text/x-r-source",
            "file_extension": ".rsc",
            "pygments_lexer": "r",
            "codemirror_mode": "r",
        },
        "banner": format!("rsc {}: an R-like statistical language", version),
        "help_links": [],
        "debugger": false,
    })
}

/// Runs the kernel for a connection file; returns the exit status when it cannot start.
pub fn kernel(connection_file: &str) -> i32 {
    let conn = match wire::Connection::read(connection_file) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("rsc kernel: {}", e);
            return 2;
        }
    };
    let (job_tx, job_rx) = std::sync::mpsc::channel::<Job>();
    let (out_tx, out_rx) = std::sync::mpsc::channel::<Out>();
    let spawned = std::thread::Builder::new()
        .name("jupyter-sockets".into())
        .spawn(move || {
            let e = sockets::serve(conn, job_tx, out_rx);
            eprintln!("rsc kernel: {}", e);
            std::process::exit(1);
        });
    if let Err(e) = spawned {
        eprintln!("rsc kernel: cannot start the socket thread: {}", e);
        return 2;
    }
    // SIGINT (Jupyter's default interrupt) stops the running cell, not the kernel
    if let Err(e) = ctrlc::set_handler(|| {
        rsc::eval::INTERRUPTED.store(true, std::sync::atomic::Ordering::SeqCst)
    }) {
        eprintln!("rsc kernel: interrupts will not stop evaluations: {}", e);
    }
    worker::Worker::new().serve(job_rx, out_tx);
    0
}

/// `rsc jupyter ...`: the kernelspec commands.
pub fn cli(args: &[String]) -> i32 {
    install::cli(args)
}
