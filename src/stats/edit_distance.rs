//! Generalized Levenshtein distances (weighted insertions, deletions, substitutions) as
//! `adist` and `agrep` use them: whole-string alignment and the best approximate
//! occurrence of a pattern inside a text.

/// The weight of each kind of edit.
#[derive(Clone, Copy, Debug)]
pub struct Costs {
    pub ins: f64,
    pub del: f64,
    pub sub: f64,
}

impl Default for Costs {
    fn default() -> Self {
        Costs { ins: 1.0, del: 1.0, sub: 1.0 }
    }
}

/// One alignment: its cost, the edit counts and where it lies in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Alignment {
    pub cost: f64,
    pub ins: usize,
    pub del: usize,
    pub sub: usize,
    /// The edits from pattern to text, one letter each: M(atch), I(nsert), D(elete), S(ubstitute).
    pub trafos: String,
    /// The aligned part of the text, as char positions start..end.
    pub start: usize,
    pub end: usize,
}

/// The cost table of aligning `a` (rows) with `b` (columns); `free_start` makes starting
/// anywhere in `b` free (a substring match).
fn table(a: &[char], b: &[char], c: &Costs, free_start: bool) -> Vec<Vec<f64>> {
    let (m, n) = (a.len(), b.len());
    let mut d = vec![vec![0.0; n + 1]; m + 1];
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = if free_start { 0.0 } else { j as f64 * c.ins };
    }
    for i in 1..=m {
        d[i][0] = i as f64 * c.del;
        for j in 1..=n {
            let diag = d[i - 1][j - 1] + if a[i - 1] == b[j - 1] { 0.0 } else { c.sub };
            d[i][j] = diag.min(d[i - 1][j] + c.del).min(d[i][j - 1] + c.ins);
        }
    }
    d
}

/// Walks back from cell (m, end) to the first row (or the origin when `free_start` is false),
/// preferring insertions, then deletions, then matches and substitutions (R's choice among
/// equally cheap alignments).
fn trace(a: &[char], b: &[char], c: &Costs, d: &[Vec<f64>], end: usize, free_start: bool) -> Alignment {
    let (mut i, mut j) = (a.len(), end);
    let (mut ins, mut del, mut sub) = (0, 0, 0);
    let mut ops = Vec::new();
    let close = |x: f64, y: f64| (x - y).abs() <= 1e-9 * (1.0 + x.abs());
    while i > 0 || (j > 0 && !free_start) {
        if j > 0 && (i == 0 || close(d[i][j], d[i][j - 1] + c.ins)) {
            ops.push('I');
            ins += 1;
            j -= 1;
        } else if i > 0 && (j == 0 || close(d[i][j], d[i - 1][j] + c.del)) {
            ops.push('D');
            del += 1;
            i -= 1;
        } else {
            let same = a[i - 1] == b[j - 1];
            ops.push(if same { 'M' } else { 'S' });
            sub += usize::from(!same);
            i -= 1;
            j -= 1;
        }
    }
    ops.reverse();
    Alignment { cost: d[a.len()][end], ins, del, sub, trafos: ops.into_iter().collect(), start: j, end }
}

/// The distance of transforming `a` into `b`, with the edits of one optimal alignment.
pub fn align(a: &[char], b: &[char], c: &Costs) -> Alignment {
    let d = table(a, b, c, false);
    trace(a, b, c, &d, b.len(), false)
}

/// The cheapest approximate occurrence of `a` inside `b` that `ok` accepts (given its edit
/// counts), leftmost first among equal costs; None when no end position qualifies.
pub fn best_occurrence(a: &[char], b: &[char], c: &Costs, ok: impl Fn(&Alignment) -> bool) -> Option<Alignment> {
    let d = table(a, b, c, true);
    let m = a.len();
    let mut ends: Vec<usize> = (0..=b.len()).collect();
    ends.sort_by(|&x, &y| d[m][x].total_cmp(&d[m][y]).then(x.cmp(&y)));
    ends.into_iter().map(|e| trace(a, b, c, &d, e, true)).find(|al| ok(al))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn kitten_sitting_as_r() {
        let al = align(&chars("kitten"), &chars("sitting"), &Costs::default());
        assert_eq!((al.cost, al.ins, al.del, al.sub), (3.0, 1, 0, 2));
        assert_eq!(al.trafos, "SMMMSMI");
        let back = align(&chars("sitting"), &chars("kitten"), &Costs::default());
        assert_eq!(back.trafos, "SMMMSMD");
        let al = align(&chars("intention"), &chars("execution"), &Costs::default());
        assert_eq!((al.ins, al.del, al.sub, al.trafos.as_str()), (1, 1, 3, "SSDMSIMMMM"));
        assert_eq!(align(&chars("ab"), &chars("ba"), &Costs::default()).trafos, "DMI");
    }

    #[test]
    fn substring_distance() {
        let c = Costs::default();
        assert_eq!(align(&chars("lasy"), &chars("1 lazy 2"), &c).cost, 5.0);
        let al = best_occurrence(&chars("lasy"), &chars("1 lazy 2"), &c, |_| true).unwrap();
        assert_eq!((al.cost, al.start, al.end), (1.0, 2, 6));
        let al = best_occurrence(&chars("laysy"), &chars("1 lazy"), &c, |a| a.cost <= 2.0).unwrap();
        assert_eq!((al.cost, al.start, al.end - al.start), (2.0, 2, 4));
    }
}
