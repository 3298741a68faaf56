//! The interactive console: R's prompts, history, completion, highlighting, and errors that
//! never end the session.
//!
//! Input is never lost: rustyline keeps bytes it read past the end of a line (its
//! `buffer-redux` feature) for the next prompt, so lines pasted without bracketed paste or
//! typed ahead during a computation run one after another, each echoed after its prompt as
//! R shows them. A bracketed paste arrives as one edit; on Enter its lines run expression
//! by expression and the rest is dropped at the first error, as R does.

pub(crate) mod complete;
mod highlight;

use complete::Names;
use rsc::api::session::{eval_statements, Ended};
use rsc::{ErrorKind, Interp, Value};
use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::{CompletionType, Config, Context, Editor, Helper};
use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;

type Ed = Editor<ReplHelper, rustyline::history::FileHistory>;

struct ReplHelper {
    interp: Rc<RefCell<Interp>>,
    names: Rc<RefCell<Names>>,
    color: bool,
}

impl Helper for ReplHelper {}
impl Hinter for ReplHelper {
    type Hint = String;
}
impl Validator for ReplHelper {}

impl Completer for ReplHelper {
    type Candidate = Pair;
    fn complete(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> rustyline::Result<(usize, Vec<Pair>)> {
        let mut busy = self.interp.try_borrow_mut();
        let it = busy.as_deref_mut().ok();
        Ok(complete::complete(it, &self.names.borrow(), &line[..pos]))
    }
}

impl Highlighter for ReplHelper {
    fn highlight<'l>(&self, line: &'l str, pos: usize) -> Cow<'l, str> {
        if !self.color {
            return Cow::Borrowed(line);
        }
        Cow::Owned(highlight::highlight(line, pos))
    }
    fn highlight_char(&self, _line: &str, _pos: usize, _kind: CmdKind) -> bool {
        self.color
    }
}

fn history_path() -> Option<std::path::PathBuf> {
    if let Ok(p) = std::env::var("RSC_HISTORY") {
        return Some(p.into());
    }
    std::env::var("HOME").ok().map(|h| std::path::Path::new(&h).join(".rsc_history"))
}

/// `options(width)` follows the terminal's width (read at each prompt, so after a resize)
/// until the user sets it to something else.
struct Width {
    auto: Option<i32>,
}

impl Width {
    fn update(&mut self, ed: &Rc<RefCell<Ed>>, it: &mut Interp) {
        let Some((cols, _)) = ed.borrow_mut().dimensions() else { return };
        let cols = (cols as i32).clamp(10, 10000);
        let current = it.options.iter().find(|(k, _)| k == "width").map(|(_, v)| v.as_i32());
        let ours = match current {
            None => true,
            Some(c) => c.is_some() && c == self.auto,
        };
        if ours && self.auto != Some(cols) {
            it.options.retain(|(k, _)| k != "width");
            it.options.push(("width".into(), Value::int(cols)));
            self.auto = Some(cols);
        }
    }
}

/// Runs the console until `q()` or end of input; returns the exit status.
pub fn run() -> i32 {
    let mut it = rsc::builtins::interp();
    it.stack_limit = crate::STACK_LIMIT;
    let names = Rc::new(RefCell::new(complete::refresh_names(&mut it)));
    let color = std::env::var_os("NO_COLOR").is_none()
        && std::env::var("TERM").map(|t| t != "dumb").unwrap_or(true);
    let config = Config::builder().completion_type(CompletionType::List).build();
    let mut ed: Ed = match Editor::with_config(config) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("rsc: cannot start the console: {}", e);
            return 2;
        }
    };
    let interp = Rc::new(RefCell::new(it));
    ed.set_helper(Some(ReplHelper {
        interp: interp.clone(),
        names: names.clone(),
        color,
    }));
    let ed = Rc::new(RefCell::new(ed));
    // readline(), browser() and friends read through the same editor
    let console_ed = ed.clone();
    interp.borrow_mut().console = Some(Box::new(move |prompt: &str| {
        let r = console_ed.borrow_mut().readline(prompt);
        match r {
            Ok(l) => Some(l),
            Err(ReadlineError::Interrupted) => {
                rsc::eval::INTERRUPTED.store(true, std::sync::atomic::Ordering::SeqCst);
                Some(String::new())
            }
            Err(_) => None,
        }
    }));
    // Installed after the editor, so Ctrl-C during an evaluation reaches us.
    if let Err(e) = ctrlc::set_handler(|| rsc::eval::INTERRUPTED.store(true, std::sync::atomic::Ordering::SeqCst)) {
        eprintln!("rsc: Ctrl-C will not interrupt evaluations: {}", e);
    }
    let hist = history_path();
    if let Some(h) = &hist {
        let _ = ed.borrow_mut().load_history(h);
    }
    let save = |ed: &Rc<RefCell<Ed>>| {
        if let Some(h) = &hist {
            let _ = ed.borrow_mut().save_history(h);
        }
    };
    let mut width = Width { auto: None };
    let mut buffer = String::new();
    loop {
        if buffer.is_empty() {
            width.update(&ed, &mut interp.borrow_mut());
        }
        let prompt = if buffer.is_empty() { "> " } else { "+ " };
        let read = ed.borrow_mut().readline(prompt);
        match read {
            Ok(text) => {
                // several lines when a bracketed paste was accepted: run them as R does,
                // expression by expression, dropping the rest at the first error
                for line in text.split('\n') {
                    if !buffer.is_empty() {
                        buffer.push('\n');
                    }
                    buffer.push_str(line);
                    match run_buffer(&interp, &ed, &buffer) {
                        Step::More => continue,
                        Step::Quit(status) => {
                            save(&ed);
                            return status;
                        }
                        Step::Done => buffer.clear(),
                        Step::Failed => {
                            buffer.clear();
                            break;
                        }
                    }
                }
                *names.borrow_mut() = complete::refresh_names(&mut interp.borrow_mut());
            }
            Err(ReadlineError::Interrupted) => buffer.clear(),
            Err(ReadlineError::Eof) => break,
            Err(e) => {
                eprintln!("rsc: {}", e);
                break;
            }
        }
    }
    save(&ed);
    0
}

enum Step {
    /// The input so far is an incomplete expression.
    More,
    Done,
    Failed,
    Quit(i32),
}

/// Parses and evaluates the input collected so far once it is complete.
fn run_buffer(interp: &Rc<RefCell<Interp>>, ed: &Rc<RefCell<Ed>>, buffer: &str) -> Step {
    let exprs = match rsc::syntax::parse(buffer) {
        Ok(e) => e,
        Err(e) if e.kind == ErrorKind::Incomplete => return Step::More,
        Err(e) => {
            let _ = ed.borrow_mut().add_history_entry(buffer);
            let it = &mut interp.borrow_mut();
            it.write_err(&format!("{}\n", e.render("<console>", buffer)));
            it.flush();
            return Step::Failed;
        }
    };
    if !buffer.trim().is_empty() {
        let _ = ed.borrow_mut().add_history_entry(buffer);
    }
    let it = &mut interp.borrow_mut();
    it.debug.note_source(&exprs, buffer);
    rsc::eval::INTERRUPTED.store(false, std::sync::atomic::Ordering::SeqCst);
    let r = eval_statements(it, &exprs);
    let shown = it.take_error_shown();
    match r {
        Ended::Quit(status) => Step::Quit(status),
        Ended::Error(err) if err.kind == ErrorKind::Limit && err.message == "interrupted" => {
            it.write_err("\n");
            it.flush();
            Step::Failed
        }
        Ended::Error(err) if err.message == rsc::eval::debug::BROWSER_QUIT || shown => Step::Failed,
        Ended::Error(err) => {
            it.write_err(&format!("{}\n", err.header()));
            it.flush();
            Step::Failed
        }
        Ended::Done(_) => Step::Done,
    }
}
