//! Generates the parser from `grammar/rsc.lalrpop` into OUT_DIR.
fn main() {
    println!("cargo:rerun-if-changed=grammar/rsc.lalrpop");
    let out = std::env::var("OUT_DIR").expect("OUT_DIR is set by cargo");
    lalrpop::Configuration::new()
        .set_in_dir("grammar")
        .set_out_dir(out)
        .process()
        .expect("lalrpop grammar failed to build");
}
