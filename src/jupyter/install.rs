//! `rsc jupyter install`: writes the kernelspec (`kernels/rsc/kernel.json`) where Jupyter
//! looks for kernels, pointing at this executable.

use serde_json::json;
use std::path::{Path, PathBuf};

const USAGE: &str = "\
Usage: rsc jupyter install [--user | --prefix DIR | --sys-prefix] [--name NAME]
       rsc jupyter uninstall [same options]

Installs (or removes) the Jupyter kernelspec that runs this rsc as a kernel.
  --user        for the current user (the default): Jupyter's user data directory
  --prefix DIR  under DIR/share/jupyter/kernels (e.g. a virtual environment)
  --sys-prefix  under the active virtual or conda environment ($VIRTUAL_ENV, $CONDA_PREFIX)
  --name NAME   the kernel's name (default: rsc)
";

pub fn cli(args: &[String]) -> i32 {
    let Some(cmd) = args.first() else {
        eprint!("{}", USAGE);
        return 2;
    };
    if cmd == "-h" || cmd == "--help" {
        print!("{}", USAGE);
        return 0;
    }
    if cmd != "install" && cmd != "uninstall" {
        eprintln!("rsc jupyter: unknown command '{}'\n\n{}", cmd, USAGE);
        return 2;
    }
    let mut root: Option<PathBuf> = None;
    let mut name = "rsc".to_string();
    let mut i = 1;
    while i < args.len() {
        match args[i].as_str() {
            "--user" => root = user_dir(),
            "--prefix" => {
                i += 1;
                match args.get(i) {
                    Some(p) => root = Some(Path::new(p).join("share").join("jupyter")),
                    None => {
                        eprintln!("rsc jupyter: --prefix needs a directory");
                        return 2;
                    }
                }
            }
            "--sys-prefix" => {
                match std::env::var_os("VIRTUAL_ENV").or_else(|| std::env::var_os("CONDA_PREFIX")) {
                    Some(p) => root = Some(Path::new(&p).join("share").join("jupyter")),
                    None => {
                        eprintln!("rsc jupyter: --sys-prefix needs an active virtual environment ($VIRTUAL_ENV or $CONDA_PREFIX); use --prefix DIR");
                        return 2;
                    }
                }
            }
            "--name" => {
                i += 1;
                match args.get(i) {
                    Some(n) if !n.is_empty() && !n.contains(['/', '\\']) => name = n.clone(),
                    _ => {
                        eprintln!("rsc jupyter: --name needs a kernel name");
                        return 2;
                    }
                }
            }
            other => {
                eprintln!("rsc jupyter: unknown option '{}'\n\n{}", other, USAGE);
                return 2;
            }
        }
        i += 1;
    }
    let Some(root) = root.or_else(user_dir) else {
        eprintln!("rsc jupyter: cannot find the user's Jupyter directory (HOME is not set); use --prefix DIR");
        return 2;
    };
    let dir = root.join("kernels").join(&name);
    if cmd == "uninstall" {
        return match std::fs::remove_dir_all(&dir) {
            Ok(()) => {
                println!("Removed the kernelspec {}", dir.display());
                0
            }
            Err(e) => {
                eprintln!("rsc jupyter: cannot remove {}: {}", dir.display(), e);
                1
            }
        };
    }
    match install(&dir) {
        Ok(()) => {
            println!("Installed the kernelspec {} in {}", name, dir.display());
            0
        }
        Err(e) => {
            eprintln!("rsc jupyter: {}", e);
            1
        }
    }
}

/// Jupyter's per-user data directory (`jupyter --data-dir`).
fn user_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("JUPYTER_DATA_DIR") {
        return Some(PathBuf::from(d));
    }
    if cfg!(windows) {
        return std::env::var_os("APPDATA").map(|a| Path::new(&a).join("jupyter"));
    }
    let home = PathBuf::from(std::env::var_os("HOME")?);
    if cfg!(target_os = "macos") {
        return Some(home.join("Library").join("Jupyter"));
    }
    Some(match std::env::var_os("XDG_DATA_HOME") {
        Some(x) if !x.is_empty() => Path::new(&x).join("jupyter"),
        _ => home.join(".local").join("share").join("jupyter"),
    })
}

fn install(dir: &Path) -> Result<(), String> {
    let exe = std::env::current_exe()
        .and_then(|p| p.canonicalize())
        .map_err(|e| format!("cannot find the rsc executable: {}", e))?;
    let spec = json!({
        "argv": [exe.to_string_lossy(), "--jupyter-kernel", "{connection_file}"],
        "display_name": "rsc",
        "language": "R",
        "interrupt_mode": "signal",
        "metadata": {},
    });
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {}", dir.display(), e))?;
    let text = serde_json::to_string_pretty(&spec).unwrap_or_default();
    let file = dir.join("kernel.json");
    std::fs::write(&file, text + "\n").map_err(|e| format!("cannot write {}: {}", file.display(), e))
}
