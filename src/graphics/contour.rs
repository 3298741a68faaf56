//! Contour lines of a surface on a rectangular grid (marching squares): the crossings of a
//! level on the cell edges, joined into polylines (open ones end on the border or at
//! missing values; closed ones end where they start).

use std::collections::HashMap;

/// An edge of the grid: horizontal (from (i, j) to (i+1, j)) or vertical (to (i, j+1)).
#[derive(Clone, Copy, Hash, PartialEq, Eq, Debug)]
struct Edge(usize, usize, bool);

/// The contour lines of `z` (column-major, `x.len()` rows by `y.len()` columns) at `level`.
pub fn contour_lines(x: &[f64], y: &[f64], z: &[f64], level: f64) -> Vec<(Vec<f64>, Vec<f64>)> {
    let (nx, ny) = (x.len(), y.len());
    if nx < 2 || ny < 2 || z.len() < nx * ny {
        return Vec::new();
    }
    let at = |i: usize, j: usize| z[i + j * nx];
    let point = |e: Edge| -> (f64, f64) {
        let Edge(i, j, horiz) = e;
        let (i2, j2) = if horiz { (i + 1, j) } else { (i, j + 1) };
        let (za, zb) = (at(i, j), at(i2, j2));
        let t = if zb != za { (level - za) / (zb - za) } else { 0.5 };
        (x[i] + t * (x[i2] - x[i]), y[j] + t * (y[j2] - y[j]))
    };
    // segments as pairs of edges
    let mut segs: Vec<(Edge, Edge)> = Vec::new();
    for j in 0..ny - 1 {
        for i in 0..nx - 1 {
            let c = [at(i, j), at(i + 1, j), at(i + 1, j + 1), at(i, j + 1)];
            if c.iter().any(|v| !v.is_finite()) {
                continue;
            }
            let code = c.iter().enumerate().fold(0u8, |k, (b, v)| k | (((*v >= level) as u8) << b));
            // edges: bottom, right, top, left
            let e = [Edge(i, j, true), Edge(i + 1, j, false), Edge(i, j + 1, true), Edge(i, j, false)];
            let centre_high = (c[0] + c[1] + c[2] + c[3]) / 4.0 >= level;
            let pairs: &[(usize, usize)] = match code {
                0 | 15 => &[],
                1 | 14 => &[(3, 0)],
                2 | 13 => &[(0, 1)],
                3 | 12 => &[(3, 1)],
                4 | 11 => &[(1, 2)],
                6 | 9 => &[(0, 2)],
                7 | 8 => &[(3, 2)],
                5 => if centre_high { &[(3, 2), (0, 1)] } else { &[(3, 0), (1, 2)] },
                10 => if centre_high { &[(3, 0), (1, 2)] } else { &[(3, 2), (0, 1)] },
                _ => &[],
            };
            for &(a, b) in pairs {
                segs.push((e[a], e[b]));
            }
        }
    }
    join(&segs).into_iter().map(|path| path.into_iter().map(point).unzip()).collect()
}

/// Joins segments that share edges into paths of edges.
fn join(segs: &[(Edge, Edge)]) -> Vec<Vec<Edge>> {
    let mut by_edge: HashMap<Edge, Vec<usize>> = HashMap::new();
    for (k, (a, b)) in segs.iter().enumerate() {
        by_edge.entry(*a).or_default().push(k);
        by_edge.entry(*b).or_default().push(k);
    }
    let mut used = vec![false; segs.len()];
    let mut out = Vec::new();
    let other = |k: usize, e: Edge| if segs[k].0 == e { segs[k].1 } else { segs[k].0 };
    let next_seg = |e: Edge, used: &[bool]| by_edge.get(&e).and_then(|v| v.iter().copied().find(|k| !used[*k]));
    // open lines first (from an edge used once), then closed loops
    let mut starts: Vec<usize> = (0..segs.len())
        .filter(|&k| by_edge[&segs[k].0].len() == 1 || by_edge[&segs[k].1].len() == 1)
        .collect();
    starts.extend(0..segs.len());
    for k in starts {
        if used[k] {
            continue;
        }
        let (a, b) = segs[k];
        let first = if by_edge[&b].len() == 1 && by_edge[&a].len() != 1 { b } else { a };
        used[k] = true;
        let mut path = vec![first, other(k, first)];
        let mut cur = other(k, first);
        while let Some(n) = next_seg(cur, &used) {
            used[n] = true;
            cur = other(n, cur);
            path.push(cur);
        }
        out.push(path);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_cone_has_one_closed_contour() {
        let g: Vec<f64> = (0..11).map(|i| i as f64 / 10.0 * 2.0 - 1.0).collect();
        let mut z = Vec::new();
        for yj in &g {
            for xi in &g {
                z.push((xi * xi + yj * yj).sqrt());
            }
        }
        let lines = super::contour_lines(&g, &g, &z, 0.5);
        assert_eq!(lines.len(), 1);
        let (x, y) = &lines[0];
        assert_eq!(x.first(), x.last());
        assert_eq!(y.first(), y.last());
        assert!(x.iter().zip(y).all(|(a, b)| ((a * a + b * b).sqrt() - 0.5).abs() < 0.05));
    }
}
