//! `rsc render`: the example report, chunk options, failing chunks and notebooks, run
//! through the `rsc` binary in a scratch directory.

use std::path::{Path, PathBuf};
use std::process::Command;

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("rsc-render-{}-{}", name, std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn rsc(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_rsc")).args(args).current_dir(dir).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[test]
fn example_report_renders_to_html_and_markdown() {
    let dir = scratch("example");
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/report.Rmd");
    std::fs::copy(&src, dir.join("report.Rmd")).unwrap();
    let (code, _, err) = rsc(&dir, &["render", "report.Rmd", "--quiet"]);
    assert_eq!(code, 0, "{}", err);
    let html = std::fs::read_to_string(dir.join("report.html")).unwrap();
    // the two plots, embedded
    assert_eq!(html.matches("<img src=\"data:image/png;base64,iVBOR").count(), 2);
    // the model summary is what the console prints for the same code
    let (code, console, _) = rsc(&dir, &["-e", "fit <- lm(mpg ~ wt + hp, data = mtcars)", "-e", "summary(fit)"]);
    assert_eq!(code, 0);
    let shown: String = console.trim_end().lines().map(|l| format!("## {}\n", l)).collect();
    assert!(html.contains(&html_escape(shown.trim_end())), "summary missing from:\n{}", html);
    // no chunk is broken, the table and inline values are there
    assert!(!html.contains("## Error"), "{}", html);
    assert!(html.contains("<table>"), "{}", html);
    assert!(html.contains("32 cars from the 1974"), "{}", html);
    assert!(html.contains("<h1 class=\"title\">Fuel economy of 1974 cars</h1>"));
    assert!(html.contains("<span class=\"fu\">lm</span>"));
    // the setup chunk (include = FALSE) shows nothing
    assert!(!html.contains("opts_chunk"));

    let (code, _, err) = rsc(&dir, &["render", "report.Rmd", "--to", "md", "--quiet"]);
    assert_eq!(code, 0, "{}", err);
    let md = std::fs::read_to_string(dir.join("report.md")).unwrap();
    for f in ["scatter-1.png", "residuals-1.png"] {
        let p = format!("report_files/figure-gfm/{}", f);
        assert!(md.contains(&format!("]({})", p)), "{}", md);
        let bytes = std::fs::read(dir.join(&p)).unwrap();
        assert!(bytes.starts_with(b"\x89PNG"));
    }
    assert!(md.contains(&shown.trim_end().to_string()), "{}", md);
    assert!(md.contains("|cyl|"), "{}", md);
    assert!(md.contains("|  4|26.66| 82.64|2.29| 11|"), "{}", md);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn chunk_options() {
    let dir = scratch("options");
    let doc = "---\ntitle: Options\noutput: github_document\n---\n\n\
```{r hidden, echo=FALSE}\ncat('shown output\\n')\n```\n\n\
```{r quiet, results='hide'}\ncat('hidden output\\n')\nvisible_code <- 1\n```\n\n\
```{r setup, include=FALSE}\ncat('never shown\\n')\nsecret <- 42\n```\n\n\
```{r oops, error=TRUE}\nstop('expected failure')\ncat('after the error\\n')\n```\n\n\
```{r msgs, message=FALSE, warning=FALSE}\nmessage('no message')\nwarning('no warning')\ncat('secret is', secret, '\\n')\n```\n\n\
```{r loud}\nmessage('a message')\nas.integer('x')\n```\n\n\
```{r noeval, eval=FALSE}\nstop('not run')\n```\n\n\
```{r collapsed, collapse=TRUE, comment=''}\n1 + 1\n```\n\n\
Inline: `r secret + 1`.\n";
    std::fs::write(dir.join("opts.Rmd"), doc).unwrap();
    let (code, _, err) = rsc(&dir, &["render", "opts.Rmd", "-q"]);
    assert_eq!(code, 0, "{}", err);
    let md = std::fs::read_to_string(dir.join("opts.md")).unwrap();
    // echo = FALSE: the output without its code
    assert!(md.contains("## shown output"), "{}", md);
    assert!(!md.contains("cat('shown output"), "{}", md);
    // results = 'hide': the code without its output
    assert!(md.contains("cat('hidden output\\n')"), "{}", md);
    assert!(!md.contains("## hidden output"), "{}", md);
    // include = FALSE: nothing, but the code ran
    assert!(!md.contains("never shown"), "{}", md);
    assert!(md.contains("## secret is 42"), "{}", md);
    // error = TRUE: the error is shown and the chunk goes on
    assert!(md.contains("## Error: expected failure"), "{}", md);
    assert!(md.contains("## after the error"), "{}", md);
    // message = FALSE, warning = FALSE
    assert!(!md.contains("## no message"), "{}", md);
    assert!(!md.contains("no warning\n```\n\n```\n## Warning"), "{}", md);
    assert!(md.contains("``` r\nmessage('no message')\nwarning('no warning')\ncat('secret is', secret, '\\n')\n```\n\n```\n## secret is 42"), "{}", md);
    // otherwise messages and warnings are shown as knitr shows them
    assert!(md.contains("## a message"), "{}", md);
    assert!(md.contains("## [1] NA\n## Warning"), "{}", md);
    assert!(md.contains("NAs introduced by coercion"), "{}", md);
    // eval = FALSE: shown, not run
    assert!(md.contains("stop('not run')"), "{}", md);
    // collapse = TRUE, comment = '': source and output in one block
    assert!(md.contains("``` r\n1 + 1\n[1] 2\n```"), "{}", md);
    assert!(md.contains("Inline: 43."), "{}", md);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_failing_chunk_stops_the_render() {
    let dir = scratch("failing");
    std::fs::write(dir.join("bad.Rmd"), "# Title\n\n```{r ok}\nx <- 1\n```\n\n```{r broken}\ny <- 2\nstop('boom')\n```\n").unwrap();
    let (code, _, err) = rsc(&dir, &["render", "bad.Rmd", "-q"]);
    assert_eq!(code, 1);
    assert!(err.contains("Quitting from lines 7-10 (bad.Rmd)"), "{}", err);
    assert!(err.contains("Error: boom"), "{}", err);
    assert!(err.contains("bad.Rmd:9:1"), "{}", err);
    assert!(!dir.join("bad.html").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn notebooks_are_executed_in_place() {
    let dir = scratch("notebook");
    let nb = serde_json::json!({
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": ["# A notebook\n"]},
            {"cell_type": "code", "metadata": {}, "execution_count": null, "outputs": [],
             "source": ["x <- c(2, 4, 6)\n", "mean(x)"]},
            {"cell_type": "code", "metadata": {}, "execution_count": null, "outputs": [],
             "source": "cat('hello\\n')\nmessage('note')\ninvisible(1)"},
            {"cell_type": "code", "metadata": {}, "execution_count": null, "outputs": [],
             "source": "plot(x)"},
            {"cell_type": "code", "metadata": {}, "execution_count": null, "outputs": [],
             "source": "data.frame(a = 1:2, b = c('u', 'v'))"},
            {"cell_type": "code", "metadata": {"tags": ["raises-exception"]}, "execution_count": null,
             "outputs": [], "source": "stop('expected')"},
            {"cell_type": "code", "metadata": {}, "execution_count": null, "outputs": [],
             "source": "x[2]"}
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5
    });
    std::fs::write(dir.join("nb.ipynb"), serde_json::to_string(&nb).unwrap()).unwrap();
    let (code, _, err) = rsc(&dir, &["render", "nb.ipynb", "-q"]);
    assert_eq!(code, 0, "{}", err);
    let out: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dir.join("nb.ipynb")).unwrap()).unwrap();
    let cells = out["cells"].as_array().unwrap();
    let outputs = |i: usize| cells[i]["outputs"].as_array().unwrap().clone();
    let text = |v: &serde_json::Value| -> String {
        match v {
            serde_json::Value::Array(a) => a.iter().map(|x| x.as_str().unwrap()).collect(),
            other => other.as_str().unwrap_or("").to_string(),
        }
    };
    let o = outputs(1);
    assert_eq!(o.len(), 1);
    assert_eq!(o[0]["output_type"], "execute_result");
    assert_eq!(text(&o[0]["data"]["text/plain"]), "[1] 4");
    assert_eq!(cells[1]["execution_count"], 1);
    let o = outputs(2);
    assert_eq!((o[0]["name"].as_str(), text(&o[0]["text"]).as_str()), (Some("stdout"), "hello\n"));
    assert_eq!((o[1]["name"].as_str(), text(&o[1]["text"]).as_str()), (Some("stderr"), "note\n"));
    let o = outputs(3);
    assert_eq!(o[0]["output_type"], "display_data");
    assert!(o[0]["data"]["image/png"].as_str().unwrap().starts_with("iVBOR"));
    let o = outputs(4);
    assert!(text(&o[0]["data"]["text/html"]).contains("<td>u</td>"));
    let o = outputs(5);
    assert_eq!(o[0]["output_type"], "error");
    assert_eq!(o[0]["evalue"], "expected");
    assert_eq!(text(&outputs(6)[0]["data"]["text/plain"]), "[1] 4");
    assert_eq!(out["metadata"]["kernelspec"]["name"], "rsc");
    assert_eq!(out["metadata"]["language_info"]["mimetype"], "text/x-r-source");

    // as HTML
    let (code, _, err) = rsc(&dir, &["render", "nb.ipynb", "--to", "html", "-q"]);
    assert_eq!(code, 0, "{}", err);
    let html = std::fs::read_to_string(dir.join("nb.html")).unwrap();
    assert!(html.contains("<h1>A notebook</h1>"));
    assert!(html.contains("data:image/png;base64,"));

    // an error in an untagged cell stops the run
    let mut bad = nb.clone();
    bad["cells"][5]["metadata"] = serde_json::json!({});
    std::fs::write(dir.join("bad.ipynb"), serde_json::to_string(&bad).unwrap()).unwrap();
    let (code, _, err) = rsc(&dir, &["render", "bad.ipynb", "-q"]);
    assert_eq!(code, 1);
    assert!(err.contains("An error occurred while executing cell 6"), "{}", err);
    let out: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dir.join("bad.ipynb")).unwrap()).unwrap();
    assert_eq!(out["cells"][6]["outputs"].as_array().unwrap().len(), 0);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn spin_scripts_render() {
    let dir = scratch("spin");
    std::fs::write(dir.join("s.R"), "#' # Spun\n#' Text with `r 2 * 3`.\nx <- 1:3\nsum(x)\n").unwrap();
    let (code, _, err) = rsc(&dir, &["render", "s.R", "--to", "md", "-q"]);
    assert_eq!(code, 0, "{}", err);
    let md = std::fs::read_to_string(dir.join("s.md")).unwrap();
    assert!(md.contains("Text with 6."), "{}", md);
    assert!(md.contains("``` r\nx <- 1:3\nsum(x)\n```\n\n```\n## [1] 6\n```"), "{}", md);
    let _ = std::fs::remove_dir_all(&dir);
}
