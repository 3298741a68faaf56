//! R's qualitative palettes: `palette.colors()`, `palette.pals()`, and the names
//! `palette()` accepts ("R3", "ggplot2", "Okabe-Ito", ...).

use crate::builtins::{declared, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::graphics::color::channel;
use crate::syntax::sym::Sym;
use crate::value::Value;

pub const BUILTINS: &[Builtin] = &[declared("palette.colors", palette_colors), declared("palette.pals", palette_pals)];

pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("palette.colors", "palette.colors(n = NULL, palette = \"Okabe-Ito\", alpha, recycle = FALSE)", "The first n colours of a qualitative palette (all of them when n is NULL), as hex strings."),
        doc("palette.pals", "palette.pals()", "The names of the qualitative palettes palette.colors() and palette() know."),
    ]
};

type Pal = (&'static str, &'static [&'static str], &'static [&'static str]);

/// The palettes: name, colours, colour names (empty when unnamed).
const PALETTES: &[Pal] = &[
    ("R3", &["#000000", "#FF0000", "#00CD00", "#0000FF", "#00FFFF", "#FF00FF", "#FFFF00", "#BEBEBE"], &[]),
    ("R4", &["#000000", "#DF536B", "#61D04F", "#2297E6", "#28E2E5", "#CD0BBC", "#F5C710", "#9E9E9E"], &[]),
    ("ggplot2", &["#000000", "#F8766D", "#00BA38", "#619CFF", "#00BFC4", "#F564E3", "#B79F00", "#9E9E9E"], &[]),
    (
        "Okabe-Ito",
        &["#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999"],
        &["black", "orange", "skyblue", "bluishgreen", "yellow", "blue", "vermillion", "reddishpurple", "gray"],
    ),
    ("Accent", &["#7FC97F", "#BEAED4", "#FDC086", "#FFFF99", "#386CB0", "#F0027F", "#BF5B17", "#666666"], &[]),
    ("Dark 2", &["#1B9E77", "#D95F02", "#7570B3", "#E7298A", "#66A61E", "#E6AB02", "#A6761D", "#666666"], &[]),
    (
        "Paired",
        &["#A6CEE3", "#1F78B4", "#B2DF8A", "#33A02C", "#FB9A99", "#E31A1C", "#FDBF6F", "#FF7F00", "#CAB2D6", "#6A3D9A", "#FFFF99", "#B15928"],
        &[],
    ),
    ("Pastel 1", &["#FBB4AE", "#B3CDE3", "#CCEBC5", "#DECBE4", "#FED9A6", "#FFFFCC", "#E5D8BD", "#FDDAEC", "#F2F2F2"], &[]),
    ("Pastel 2", &["#B3E2CD", "#FDCDAC", "#CBD5E8", "#F4CAE4", "#E6F5C9", "#FFF2AE", "#F1E2CC", "#CCCCCC"], &[]),
    ("Set 1", &["#E41A1C", "#377EB8", "#4DAF4A", "#984EA3", "#FF7F00", "#FFFF33", "#A65628", "#F781BF", "#999999"], &[]),
    ("Set 2", &["#66C2A5", "#FC8D62", "#8DA0CB", "#E78AC3", "#A6D854", "#FFD92F", "#E5C494", "#B3B3B3"], &[]),
    (
        "Set 3",
        &["#8DD3C7", "#FFFFB3", "#BEBADA", "#FB8072", "#80B1D3", "#FDB462", "#B3DE69", "#FCCDE5", "#D9D9D9", "#BC80BD", "#CCEBC5", "#FFED6F"],
        &[],
    ),
    (
        "Tableau 10",
        &["#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948", "#B07AA1", "#FF9DA7", "#9C755F", "#BAB0AC"],
        &["blue", "orange", "red", "lightteal", "green", "yellow", "purple", "pink", "brown", "lightgray"],
    ),
    (
        "Classic Tableau",
        &["#1F77B4", "#FF7F0E", "#2CA02C", "#D62728", "#9467BD", "#8C564B", "#E377C2", "#7F7F7F", "#BCBD22", "#17BECF"],
        &[],
    ),
    (
        "Polychrome 36",
        &[
            "#5A5156", "#E4E1E3", "#F6222E", "#FE00FA", "#16FF32", "#3283FE", "#FEAF16", "#B00068", "#1CFFCE", "#90AD1C", "#2ED9FF", "#DEA0FD",
            "#AA0DFE", "#F8A19F", "#325A9B", "#C4451C", "#1C8356", "#85660D", "#B10DA1", "#FBE426", "#1CBE4F", "#FA0087", "#FC1CBF", "#F7E1A0",
            "#C075A6", "#782AB6", "#AAF400", "#BDCDFF", "#822E1C", "#B5EFB5", "#7ED7D1", "#1C7F93", "#D85FF7", "#683B79", "#66B0FF", "#3B00FB",
        ],
        &[
            "darkpurplishgray", "purplishwhite", "vividred", "vividpurple", "vividyellowishgreen", "strongpurplishblue",
            "vividorangeyellow", "vividpurplishred", "brilliantgreen", "vividyellowgreen", "vividblue", "brilliantpurple",
            "vividviolet", "strongpink", "strongblue", "strongreddishorange", "vividgreen", "lightolivebrown",
            "vividreddishpurple", "vividgreenishyellow", "vividyellowishgreen", "vividred", "vividpurplishred", "paleyellow",
            "strongreddishpurple", "vividviolet", "vividyellowgreen", "verylightblue", "strongreddishbrown",
            "verylightyellowishgreen", "verylightbluishgreen", "deepgreenishblue", "vividpurple", "deeppurple", "brilliantblue",
            "vividviolet",
        ],
    ),
    (
        "Alphabet",
        &[
            "#AA0DFE", "#3283FE", "#85660D", "#782AB6", "#565656", "#1C8356", "#16FF32", "#F7E1A0", "#E2E2E2", "#1CBE4F", "#C4451C", "#DEA0FD",
            "#FE00FA", "#325A9B", "#FEAF16", "#F8A19F", "#90AD1C", "#F6222E", "#1CFFCE", "#2ED9FF", "#B10DA1", "#C075A6", "#FC1CBF", "#B00068",
            "#FBE426", "#FA0087",
        ],
        &[
            "amethyst", "blue", "caramel", "damson", "ebony", "forest", "green", "honey", "iron", "jade", "kingcrab", "lavender", "magenta",
            "navy", "orange", "pink", "quagmire", "red", "sea", "turquoise", "ultraviolet", "violet", "wine", "xanthin", "yellow", "zinnia",
        ],
    ),
];

/// A palette name as R compares them: lower case, without spaces, dashes, dots and the like.
fn squash(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(|c| c.to_lowercase()).collect()
}

/// The palette a (possibly abbreviated) name means: exact match first, then a unique prefix.
pub fn find(name: &str) -> Option<&'static Pal> {
    let key = squash(name);
    if key.is_empty() {
        return None;
    }
    if let Some(p) = PALETTES.iter().find(|p| squash(p.0) == key) {
        return Some(p);
    }
    let mut hits = PALETTES.iter().filter(|p| squash(p.0).starts_with(&key));
    match (hits.next(), hits.next()) {
        (Some(p), None) => Some(p),
        _ => None,
    }
}

fn palette_colors(it: &mut Interp, m: Matched) -> EvalResult {
    let name = m.get("palette").and_then(|v| v.as_string()).unwrap_or_else(|| "Okabe-Ito".to_string());
    let Some(&(_, cols, names)) = find(&name) else {
        return err(format!("'palette' does not match any given palette: \"{name}\""));
    };
    let recycle = m.get("recycle").and_then(|v| v.as_bool().flatten()).unwrap_or(false);
    let n = match m.get("n") {
        None | Some(Value::Null) => cols.len(),
        Some(v) => v.as_f64().filter(|x| x.is_finite() && *x >= 0.0).map(|x| x as usize).unwrap_or(0),
    };
    let n = if n > cols.len() && !recycle {
        it.warning(format!("'n' set to {}, the maximum available for {} palette", cols.len(), name));
        cols.len()
    } else {
        n
    };
    let alpha = m.get("alpha").map(|a| a.dbl_vec().to_vec()).filter(|a| !a.is_empty());
    let out: Vec<String> = (0..n)
        .map(|i| {
            let c = cols[i % cols.len()];
            match &alpha {
                Some(a) => format!("{c}{:02X}", channel(a[i % a.len()])),
                None => c.to_string(),
            }
        })
        .collect();
    let mut v = Value::strings(&out);
    // R's alpha path (through rgb()) drops the colour names
    if !names.is_empty() && alpha.is_none() {
        let nm: Vec<&str> = (0..n).map(|i| names[i % names.len()]).collect();
        v.set_attr(Sym::new("names"), Value::strings(&nm));
    }
    Ok(v)
}

fn palette_pals(_it: &mut Interp, _m: Matched) -> EvalResult {
    Ok(Value::strings(&PALETTES.iter().map(|p| p.0).collect::<Vec<_>>()))
}
