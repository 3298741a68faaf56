//! Generates the parser from `grammar/rsc.lalrpop` into OUT_DIR.
fn main() {
    lalrpop::Configuration::new()
        .use_cargo_dir_conventions()
        .set_in_dir("grammar")
        .process()
        .expect("lalrpop grammar failed to build");
}
