//! Base functions written in R (`builtins/R/*.R`), bound on first use.
//!
//! Where a function is naturally R code over other builtins (`Negate`, `Vectorize`,
//! `expand.grid`), it is written in R (so are a few constants, such as `.leap.seconds`).
//! Each file holds top-level definitions `name <- function(...) ...`, each preceded by
//! `## ` comment lines that are its help text. Nothing is parsed at start-up: the first lookup of a name that no environment
//! binds finds its definition here, parses it and binds it in the base environment
//! (see `Interp::late_binding`).

use crate::error::EvalResult;
use crate::eval::Interp;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The R sources, by file.
const SOURCES: &[&str] = &[
    include_str!("R/functional.R"),
    include_str!("R/base_misc.R"),
    include_str!("R/strings.R"),
    include_str!("R/graphics.R"),
    include_str!("R/lists_sets.R"),
    include_str!("R/io.R"),
    include_str!("R/stats_ts.R"),
    include_str!("R/stats_multivariate.R"),
    include_str!("R/stats_ts_filters.R"),
    include_str!("R/stats_arima.R"),
    include_str!("R/stats_ts_models.R"),
    include_str!("R/stats_smooth.R"),
    include_str!("R/stats_nls.R"),
    include_str!("R/stats_tests.R"),
    include_str!("R/stats_family.R"),
    include_str!("R/stats_models.R"),
    include_str!("R/graphics_methods.R"),
    include_str!("R/graphics_more.R"),
    include_str!("R/graphics_coords.R"),
    include_str!("R/graphics_conditioning.R"),
    include_str!("R/utils_misc.R"),
    include_str!("R/stats_ftable.R"),
    include_str!("R/stats_model_tools.R"),
    include_str!("R/stats_distributions.R"),
    include_str!("R/stats_tests_more.R"),
    include_str!("R/stats_ts_tools.R"),
    include_str!("R/stats_resistant.R"),
    include_str!("R/stats_selfstart.R"),
    include_str!("R/stats_aov_strata.R"),
    include_str!("R/stats_rotation.R"),
    include_str!("R/stats_dendrogram.R"),
    include_str!("R/stats_lsfit.R"),
    include_str!("R/stats_model_terms.R"),
    include_str!("R/stats_reshape.R"),
    include_str!("R/stats_spectrum.R"),
    include_str!("R/stats_manova.R"),
    include_str!("R/stats_loglin.R"),
    include_str!("R/stats_hclust_convert.R"),
    include_str!("R/stats_smoothing.R"),
    include_str!("R/stats_loess.R"),
    include_str!("R/stats_smspline.R"),
    include_str!("R/stats_nls_plinear.R"),
    include_str!("R/stats_structts.R"),
    include_str!("R/stats_aov_tables.R"),
    include_str!("R/stats_nls_profile.R"),
    include_str!("R/knitr.R"),
    include_str!("R/methods_classes.R"),
    include_str!("R/methods_generics.R"),
    include_str!("R/methods_refclass.R"),
    include_str!("R/methods_utils.R"),
    include_str!("R/methods_builtin.R"),
    include_str!("R/stats4_mle.R"),
    include_str!("R/base_versions_modes.R"),
    include_str!("R/base_session_info.R"),
    include_str!("R/base_restarts.R"),
    include_str!("R/base_encoding_files.R"),
    include_str!("R/grdevices_extra.R"),
    include_str!("R/graphics_stats_plots.R"),
    include_str!("R/graphics_extra.R"),
    include_str!("R/graphics_stats_methods.R"),
    include_str!("R/grdevices_fonts.R"),
    include_str!("R/graphics_legend.R"),
    include_str!("R/base_gettext.R"),
    include_str!("R/base_format_lists.R"),
    include_str!("R/tools_asserts.R"),
    include_str!("R/base_internal_helpers.R"),
    include_str!("R/base_posixlt.R"),
    include_str!("R/stats_wilcox_ci.R"),
    include_str!("R/stats_glm_profile.R"),
];

/// One definition: its source text and its help text.
struct Definition {
    source: &'static str,
    help: String,
}

/// The definitions by name, indexed once by a scan of the sources' top-level lines.
fn index() -> &'static HashMap<&'static str, Definition> {
    static INDEX: OnceLock<HashMap<&'static str, Definition>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut map = HashMap::new();
        for src in SOURCES {
            scan(src, &mut map);
        }
        map
    })
}

/// The name a top-level definition line binds (`name <- function` or `` `name<-` <- ``).
fn defined_name(line: &str) -> Option<&str> {
    let (name, rest) = if let Some(r) = line.strip_prefix('`') {
        let end = r.find('`')?;
        (&r[..end], &r[end + 1..])
    } else {
        let end = line
            .find(|c: char| !(c.is_alphanumeric() || c == '.' || c == '_'))
            .unwrap_or(line.len());
        (&line[..end], &line[end..])
    };
    let starts = line.starts_with(|c: char| c.is_alphabetic() || c == '.' || c == '`');
    (starts && !name.is_empty() && rest.trim_start().starts_with("<-")).then_some(name)
}

fn scan(src: &'static str, map: &mut HashMap<&'static str, Definition>) {
    let mut help = Vec::new();
    let mut current: Option<(&'static str, usize, String)> = None;
    let mut offset = 0;
    for line in src.split_inclusive('\n') {
        let text = line.trim_end();
        if let Some(name) = defined_name(text) {
            if let Some((n, start, h)) = current.take() {
                map.insert(n, Definition { source: &src[start..offset], help: h });
            }
            current = Some((name, offset, help.join(" ")));
            help.clear();
        } else if let Some(h) = text.strip_prefix("## ") {
            help.push(h.trim());
        } else if !text.starts_with('#') {
            help.clear();
        }
        offset += line.len();
    }
    if let Some((n, start, h)) = current {
        map.insert(n, Definition { source: &src[start..], help: h });
    }
}

/// Evaluates the R definition of `name` in the base environment and returns its value;
/// None when no R source defines it.
pub fn define(it: &mut Interp, name: &str) -> Option<EvalResult> {
    let def = index().get(name)?;
    let exprs = match crate::syntax::parse_detached(def.source) {
        Ok(e) => e,
        Err(e) => return Some(Err(e.into())),
    };
    let base = it.base.clone();
    let mut last = Ok(crate::value::Value::Null);
    for e in &exprs {
        last = it.eval(e, &base);
        if last.is_err() {
            break;
        }
    }
    Some(last)
}

/// The help text written above an R-defined function, if `name` is one.
pub fn help(name: &str) -> Option<&'static str> {
    index().get(name).map(|d| d.help.as_str())
}

/// The names of the functions written in R.
pub fn names() -> impl Iterator<Item = &'static str> {
    index().keys().copied()
}

/// Binds a base name on first use: an R-defined function, else one of R's data sets.
pub fn late_base(it: &mut Interp, name: &str) -> Option<EvalResult> {
    define(it, name).or_else(|| {
        let ctx = crate::frame::rds::Ctx { global: it.global.clone(), base: it.base.clone() };
        crate::frame::datasets::load(name, &ctx).map(|r| r.map_err(Into::into))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_definition_parses_and_has_help() {
        let it = &mut crate::builtins::interp();
        for name in names() {
            let v = define(it, name).expect("indexed").unwrap_or_else(|e| panic!("{name}: {e:?}"));
            // constants: dot names, and R's documented vectors such as p.adjust.methods
            let constant = name.starts_with('.') || ["p.adjust.methods", "Hershey", "colorspaces", "blues9"].contains(&name);
            assert!(v.is_function() || constant, "{name} is not a function");
            assert!(!help(name).unwrap_or("").is_empty(), "{name} has no help text");
        }
    }

    #[test]
    fn names_are_not_also_builtins() {
        let builtins: std::collections::HashSet<&str> =
            crate::builtins::tables().iter().flat_map(|t| t.iter().map(|b| b.name)).collect();
        for name in names() {
            assert!(!builtins.contains(name), "{name} is both a builtin and R-defined");
        }
    }

    /// Two files defining one name would have the later silently win.
    #[test]
    fn each_name_is_defined_once() {
        let mut seen = std::collections::HashSet::new();
        for src in SOURCES {
            for line in src.lines() {
                if let Some(n) = defined_name(line) {
                    assert!(seen.insert(n), "{n} is defined twice in builtins/R");
                }
            }
        }
    }

    #[test]
    fn defined_names() {
        assert_eq!(defined_name("Negate <- function(f) 1"), Some("Negate"));
        assert_eq!(defined_name("`is.na<-` <- function(x, value) 1"), Some("is.na<-"));
        assert_eq!(defined_name("  x <- 1"), None);
        assert_eq!(defined_name("## Negate <- 1"), None);
    }
}
