fn main() {
    let _ = rsc::Interp::new();
}
