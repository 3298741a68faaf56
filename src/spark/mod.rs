//! Spark Connect (behind the `spark` feature): a small synchronous client for Apache
//! Spark's gRPC interface, written against the wire formats so that it adds no crate to
//! the build (a gRPC stack would bring tokio, whose features rebuild polars).
//!
//! `grpc`/`hpack`: gRPC over HTTP/2 without TLS; `proto`: the few protobuf messages used;
//! `arrow`: results as Arrow IPC streams into R vectors; `client`: a session running SQL.
//! Everything rsc asks Spark is SQL text: remote frames are queries, models send one
//! aggregate query per pass (see `builtins/utils/spark.rs` and `sql.rs`).

pub mod arrow;
pub mod client;
pub mod glm_sql;
pub mod grpc;
pub mod hpack;
pub mod proto;
pub mod sql;
