//! Reading report sources into a document: the YAML header, Markdown text and code chunks
//! of R Markdown (`.Rmd`) and Quarto (`.qmd`), and spin-style R scripts (`.R`, where
//! `#'` lines are Markdown and `#+` lines start chunks).

/// The header fields a report uses.
#[derive(Clone, Debug, Default)]
pub struct Meta {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
    /// The output format named by `output:` (R Markdown) or `format:` (Quarto), e.g.
    /// `html_document`, `github_document`, `md_document`, `html`, `gfm`.
    pub output: Option<String>,
}

/// A code chunk.
#[derive(Clone, Debug, Default)]
pub struct Chunk {
    /// `r` for R code; chunks of other engines are shown, not run.
    pub engine: String,
    /// The option text after the engine name (`label, echo = FALSE`).
    pub header: String,
    /// Quarto `#| key: value` option lines, as (key, value) pairs.
    pub pipe_options: Vec<(String, String)>,
    pub code: String,
    /// Line (1-based) of the opening fence, of the first code line, and of the closing fence.
    pub line: usize,
    pub code_line: usize,
    pub end_line: usize,
}

/// A part of the document.
#[derive(Clone, Debug)]
pub enum Block {
    /// Markdown text (may hold inline `` `r expr` ``).
    Text(String),
    Chunk(Chunk),
}

/// A parsed report source.
#[derive(Clone, Debug, Default)]
pub struct Doc {
    pub meta: Meta,
    pub blocks: Vec<Block>,
}

/// Splits the YAML header off the text: (header lines, lines of the body, body's first line number).
fn split_header(src: &str) -> (Vec<&str>, Vec<&str>, usize) {
    let lines: Vec<&str> = src.lines().collect();
    if lines.first().map(|l| l.trim_end()) == Some("---") {
        if let Some(end) = lines.iter().skip(1).position(|l| matches!(l.trim_end(), "---" | "...")) {
            return (lines[1..end + 1].to_vec(), lines[end + 2..].to_vec(), end + 3);
        }
    }
    (Vec::new(), lines, 1)
}

/// A YAML scalar without its quotes.
fn scalar(v: &str) -> String {
    let v = v.trim();
    if v.len() >= 2 && ((v.starts_with('"') && v.ends_with('"')) || (v.starts_with('\'') && v.ends_with('\''))) {
        let inner = &v[1..v.len() - 1];
        if v.starts_with('"') {
            return inner.replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return inner.replace("''", "'");
    }
    v.to_string()
}

/// Reads the header fields from simple YAML: `key: value` lines, `output:` either inline
/// or as the first key of a nested mapping, `author:` as a string or a list.
pub fn parse_meta(lines: &[&str]) -> Meta {
    let mut m = Meta::default();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        if line.starts_with([' ', '\t']) || line.trim_start().starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else { continue };
        let value = value.trim();
        // a nested block: the indented lines that follow
        let mut nested = Vec::new();
        while i < lines.len() && (lines[i].starts_with([' ', '\t']) || lines[i].trim().is_empty()) {
            if !lines[i].trim().is_empty() {
                nested.push(lines[i].trim());
            }
            i += 1;
        }
        let text = if value.is_empty() || value == "|" || value == ">" {
            match key.trim() {
                // a list of authors or a mapping with `name:`
                "author" => nested
                    .iter()
                    .map(|l| l.trim_start_matches("- "))
                    .map(|l| l.strip_prefix("name:").unwrap_or(l))
                    .map(scalar)
                    .collect::<Vec<_>>()
                    .join(", "),
                "output" | "format" => nested
                    .first()
                    .map(|l| l.split(':').next().unwrap_or("").trim().to_string())
                    .unwrap_or_default(),
                _ => nested.iter().map(|l| scalar(l)).collect::<Vec<_>>().join(" "),
            }
        } else {
            scalar(value)
        };
        let slot = match key.trim() {
            "title" => &mut m.title,
            "subtitle" => &mut m.subtitle,
            "author" => &mut m.author,
            "date" => &mut m.date,
            "output" | "format" => &mut m.output,
            _ => continue,
        };
        if !text.is_empty() {
            *slot = Some(text);
        }
    }
    m
}

/// The opening fence of a chunk: (backtick count, engine, option text).
fn chunk_fence(line: &str) -> Option<(usize, String, String)> {
    let t = line.trim_start();
    let ticks = t.chars().take_while(|&c| c == '`').count();
    if ticks < 3 {
        return None;
    }
    let rest = t[ticks..].trim();
    let inner = rest.strip_prefix('{')?.strip_suffix('}')?.trim();
    let end = inner.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(inner.len());
    let engine = inner[..end].to_string();
    if engine.is_empty() {
        return None;
    }
    let header = inner[end..].trim_start_matches([' ', ',']).trim().to_string();
    Some((ticks, engine, header))
}

/// Parses R Markdown or Quarto source.
pub fn parse_rmd(src: &str) -> Doc {
    let (header, body, first) = split_header(src);
    let mut doc = Doc { meta: parse_meta(&header), blocks: Vec::new() };
    let mut text = String::new();
    let mut i = 0;
    // a plain fenced block in the Markdown: its backticks, so chunks are not looked for in it
    let mut plain_fence: Option<usize> = None;
    while i < body.len() {
        let line = body[i];
        let lineno = first + i;
        i += 1;
        if let Some(n) = plain_fence {
            let t = line.trim_start();
            if t.starts_with(&"`".repeat(n)) && t.trim_matches('`').trim().is_empty() {
                plain_fence = None;
            }
            text.push_str(line);
            text.push('\n');
            continue;
        }
        let Some((ticks, engine, header)) = chunk_fence(line) else {
            let t = line.trim_start();
            if t.starts_with("```") || t.starts_with("~~~") {
                plain_fence = Some(t.chars().take_while(|&c| c == '`').count().max(3));
            }
            text.push_str(line);
            text.push('\n');
            continue;
        };
        if !text.is_empty() {
            doc.blocks.push(Block::Text(std::mem::take(&mut text)));
        }
        let mut chunk = Chunk { engine, header, line: lineno, code_line: lineno + 1, ..Default::default() };
        let mut code = Vec::new();
        let mut closed = false;
        while i < body.len() {
            let l = body[i];
            i += 1;
            let t = l.trim();
            if t.len() >= ticks && t.chars().all(|c| c == '`') {
                chunk.end_line = first + i - 1;
                closed = true;
                break;
            }
            code.push(l);
        }
        if !closed {
            chunk.end_line = first + body.len() - 1;
        }
        // Quarto's option comments at the top of the chunk
        let mut skip = 0;
        for l in &code {
            let Some(opt) = l.trim_start().strip_prefix("#|") else { break };
            skip += 1;
            if let Some((k, v)) = opt.split_once(':') {
                chunk.pipe_options.push((k.trim().to_string(), v.trim().to_string()));
            }
        }
        chunk.code_line += skip;
        chunk.code = code[skip..].iter().map(|l| format!("{}\n", l)).collect();
        doc.blocks.push(Block::Chunk(chunk));
    }
    if !text.is_empty() {
        doc.blocks.push(Block::Text(text));
    }
    doc
}

/// Parses a spin-style R script: `#'` lines are Markdown (the first ones may hold a YAML
/// header between `#' ---` lines), `#+ label, options` starts a chunk, other lines are code.
pub fn parse_spin(src: &str) -> Doc {
    let lines: Vec<&str> = src.lines().collect();
    let mut doc = Doc::default();
    let mut i = 0;
    // the header, if the script opens with `#' ---`
    let doc_line = |l: &str| l.strip_prefix("#'").map(|r| r.strip_prefix(' ').unwrap_or(r).to_string());
    if lines.first().and_then(|l| doc_line(l)).as_deref().map(str::trim_end) == Some("---") {
        if let Some(end) = lines.iter().skip(1).position(|l| doc_line(l).as_deref().map(str::trim_end) == Some("---")) {
            let head: Vec<String> = lines[1..end + 1].iter().filter_map(|l| doc_line(l)).collect();
            let refs: Vec<&str> = head.iter().map(|s| s.as_str()).collect();
            doc.meta = parse_meta(&refs);
            i = end + 2;
        }
    }
    let mut text = String::new();
    let mut chunk: Option<Chunk> = None;
    let flush_chunk = |chunk: &mut Option<Chunk>, doc: &mut Doc, end: usize| {
        if let Some(mut c) = chunk.take() {
            c.end_line = end;
            // blank lines at either end are not part of it
            let trimmed = c.code.trim_matches('\n');
            if !trimmed.trim().is_empty() {
                let lead = c.code.len() - c.code.trim_start_matches('\n').len();
                c.code_line += lead;
                c.code = format!("{}\n", trimmed);
                doc.blocks.push(Block::Chunk(c));
            }
        }
    };
    while i < lines.len() {
        let line = lines[i];
        let lineno = i + 1;
        i += 1;
        if let Some(t) = doc_line(line) {
            flush_chunk(&mut chunk, &mut doc, lineno - 1);
            text.push_str(&t);
            text.push('\n');
        } else if let Some(h) = line.strip_prefix("#+").or_else(|| line.strip_prefix("# +")) {
            flush_chunk(&mut chunk, &mut doc, lineno - 1);
            if !text.is_empty() {
                doc.blocks.push(Block::Text(std::mem::take(&mut text)));
            }
            let header = h.trim().trim_start_matches([',', ' ']).to_string();
            chunk = Some(Chunk { engine: "r".into(), header, line: lineno, code_line: lineno + 1, ..Default::default() });
        } else {
            if chunk.is_none() {
                if line.trim().is_empty() {
                    text.push('\n');
                    continue;
                }
                if !text.is_empty() {
                    doc.blocks.push(Block::Text(std::mem::take(&mut text)));
                }
                chunk = Some(Chunk { engine: "r".into(), line: lineno, code_line: lineno, ..Default::default() });
            }
            if let Some(c) = &mut chunk {
                c.code.push_str(line);
                c.code.push('\n');
            }
        }
    }
    flush_chunk(&mut chunk, &mut doc, lines.len());
    if !text.is_empty() {
        doc.blocks.push(Block::Text(text));
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rmd_header_and_chunks() {
        let src = "---\ntitle: \"A report\"\nauthor:\n  - Ann\n  - Bob\noutput:\n  html_document:\n    toc: true\n---\n\nText `r 1+1`.\n\n```{r setup, echo=FALSE}\nx <- 1\n```\n\n```\n```{r notachunk}\n```\n\n```{r}\n#| fig-width: 5\nplot(x)\n```\n";
        let d = parse_rmd(src);
        assert_eq!(d.meta.title.as_deref(), Some("A report"));
        assert_eq!(d.meta.author.as_deref(), Some("Ann, Bob"));
        assert_eq!(d.meta.output.as_deref(), Some("html_document"));
        let chunks: Vec<&Chunk> = d.blocks.iter().filter_map(|b| match b { Block::Chunk(c) => Some(c), _ => None }).collect();
        assert_eq!(chunks.len(), 2);
        assert_eq!(chunks[0].header, "setup, echo=FALSE");
        assert_eq!((chunks[0].line, chunks[0].code_line, chunks[0].end_line), (13, 14, 15));
        assert_eq!(chunks[0].code, "x <- 1\n");
        assert_eq!(chunks[1].pipe_options, vec![("fig-width".to_string(), "5".to_string())]);
        assert_eq!(chunks[1].code, "plot(x)\n");
        assert_eq!(chunks[1].code_line, 23);
    }

    #[test]
    fn spin_scripts() {
        let src = "#' ---\n#' title: Spun\n#' ---\n#' Some *text*.\nx <- 1\n\n#+ plot, fig.width = 4\nplot(x)\n#' More.\n";
        let d = parse_spin(src);
        assert_eq!(d.meta.title.as_deref(), Some("Spun"));
        let kinds: Vec<String> = d.blocks.iter().map(|b| match b {
            Block::Text(t) => format!("T:{}", t),
            Block::Chunk(c) => format!("C:{}|{}|{}", c.header, c.code, c.code_line),
        }).collect();
        assert_eq!(kinds, ["T:Some *text*.\n", "C:|x <- 1\n|5", "C:plot, fig.width = 4|plot(x)\n|8", "T:More.\n"]);
    }
}
