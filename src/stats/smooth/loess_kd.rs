//! The k-d tree of Cleveland and Grosse's loess: cells split at medians until they hold
//! few enough points, vertices shared between cells, and the blended cubic Hermite
//! interpolation of vertex values and slopes that R's `loess(surface = "interpolate")`
//! evaluates its surface with.

use std::collections::HashMap;

/// A built tree. Cells are numbered from 0 (the root); a cell with `a[c] == 0` is a leaf
/// whose points are `pi[lo[c]..=hi[c]]`, otherwise it is cut on dimension `a[c] - 1` at
/// `xi[c]` (points with coordinate `<= xi` go to child `lo[c]`, the others to `hi[c]`).
#[derive(Clone, Debug)]
pub struct KdTree {
    pub d: usize,
    /// Vertices per cell, `2^d`.
    pub vc: usize,
    /// Vertex coordinates, vertex-major (`v[vi * d + k]`).
    pub v: Vec<f64>,
    pub a: Vec<usize>,
    pub xi: Vec<f64>,
    pub lo: Vec<usize>,
    pub hi: Vec<usize>,
    /// The `vc` vertices of each cell (`c[cell * vc + i]`; bit k of `i` set = upper in dim k).
    pub c: Vec<usize>,
    /// Point permutation: each leaf's points are contiguous.
    pub pi: Vec<usize>,
}

impl KdTree {
    pub fn nv(&self) -> usize {
        self.v.len() / self.d
    }

    pub fn nc(&self) -> usize {
        self.a.len()
    }

    fn vert(&self, vi: usize, k: usize) -> f64 {
        self.v[vi * self.d + k]
    }

    fn corner(&self, cell: usize, i: usize) -> usize {
        self.c[cell * self.vc + i]
    }
}

/// The bounding box of `x` (column-major `n x d`), widened by 0.5% of each range, as the
/// vertex list of one cell.
fn bounding_vertices(x: &[f64], n: usize, d: usize) -> Vec<f64> {
    let vc = 1usize << d;
    let mut lohi = vec![(0.0, 0.0); d];
    for (k, b) in lohi.iter_mut().enumerate() {
        let col = &x[k * n..(k + 1) * n];
        let (mut alpha, mut beta) = (f64::MAX, -f64::MAX);
        for &t in col {
            alpha = alpha.min(t);
            beta = beta.max(t);
        }
        let mu = 0.005 * (beta - alpha).max(1e-10 * alpha.abs().max(beta.abs()) + 1e-30);
        *b = (alpha - mu, beta + mu);
    }
    let mut v = vec![0.0; vc * d];
    for i in 0..vc {
        for k in 0..d {
            v[i * d + k] = if (i >> k) & 1 == 1 { lohi[k].1 } else { lohi[k].0 };
        }
    }
    v
}

fn key(p: &[f64]) -> Vec<u64> {
    p.iter().map(|&t| if t == 0.0 { 0 } else { t.to_bits() }).collect()
}

/// Builds the tree over the first `dd` coordinates of `x` (column-major `n x d`): cells with
/// at most `fc` points (or of diameter at most `fd`) are leaves; `nvmax` bounds vertices
/// and cells.
pub fn build(x: &[f64], n: usize, d: usize, dd: usize, fc: usize, fd: f64, nvmax: usize) -> KdTree {
    let vc = 1usize << d;
    let mut t = KdTree {
        d,
        vc,
        v: bounding_vertices(x, n, d),
        a: vec![0],
        xi: vec![0.0],
        lo: vec![0],
        hi: vec![n.saturating_sub(1)],
        c: (0..vc).collect(),
        pi: (0..n).collect(),
    };
    let mut seen: HashMap<Vec<u64>, usize> = HashMap::new();
    for i in 0..vc {
        seen.insert(key(&t.v[i * d..(i + 1) * d]), i);
    }
    let ncmax = nvmax;
    let mut p = 0;
    while p < t.nc() {
        let (l, u) = (t.lo[p], t.hi[p]);
        let diam = (0..dd)
            .map(|k| (t.vert(t.corner(p, vc - 1), k) - t.vert(t.corner(p, 0), k)).powi(2))
            .sum::<f64>()
            .sqrt();
        let mut leaf = n == 0 || u + 1 - l <= fc || diam <= fd;
        if !leaf {
            leaf = ncmax < t.nc() + 2 || (nvmax as f64) < t.nv() as f64 + vc as f64 / 2.0;
        }
        let mut split = None;
        if !leaf {
            // the widest coordinate (first of equals)
            let mut k = 0;
            let mut best = f64::NEG_INFINITY;
            for kk in 0..dd {
                let (mut lo, mut hi) = (f64::MAX, -f64::MAX);
                for &i in &t.pi[l..=u] {
                    lo = lo.min(x[kk * n + i]);
                    hi = hi.max(x[kk * n + i]);
                }
                if hi - lo > best {
                    best = hi - lo;
                    k = kk;
                }
            }
            let col = &x[k * n..(k + 1) * n];
            t.pi[l..=u].sort_by(|&i, &j| col[i].total_cmp(&col[j]));
            // cut at the median, moved to the nearest change of value (ties go together)
            let mut m = ((l + u) / 2) as isize;
            let (li, ui) = (l as isize, u as isize);
            let mut off: isize = 0;
            while m + off < ui && m + off >= li {
                let at = (m + off) as usize;
                if col[t.pi[at]] == col[t.pi[at + 1]] {
                    off = -off;
                    if off >= 0 {
                        off += 1;
                    }
                } else {
                    m += off;
                    break;
                }
            }
            let m = m as usize;
            let cut = col[t.pi[m]];
            leaf = t.vert(t.corner(p, 0), k) == cut || t.vert(t.corner(p, vc - 1), k) == cut;
            if !leaf {
                split = Some((k, m, cut));
            }
        }
        if let Some((k, m, cut)) = split {
            t.a[p] = k + 1;
            t.xi[p] = cut;
            let (left, right) = (t.nc(), t.nc() + 1);
            for (lo, hi) in [(l, m), (m + 1, u)] {
                t.a.push(0);
                t.xi.push(0.0);
                t.lo.push(lo);
                t.hi.push(hi);
            }
            t.lo[p] = left;
            t.hi[p] = right;
            split_vertices(&mut t, &mut seen, p, k, cut, left, right);
        }
        p += 1;
    }
    t
}

/// The vertices of the two children of cell `p` cut on dimension `k` at `cut`: the
/// corners of the cutting face are created (or found, when a neighbour made them already).
fn split_vertices(t: &mut KdTree, seen: &mut HashMap<Vec<u64>, usize>, p: usize, k: usize, cut: f64, left: usize, right: usize) {
    let (d, vc) = (t.d, t.vc);
    let r = 1usize << k;
    let s = 1usize << (d - k - 1);
    let parent: Vec<usize> = t.c[p * vc..(p + 1) * vc].to_vec();
    let mut lc = vec![0; vc];
    let mut rc = vec![0; vc];
    for j in 0..s {
        for i in 0..r {
            let low = parent[i + 2 * r * j];
            let high = parent[i + r + 2 * r * j];
            let mut pt: Vec<f64> = t.v[low * d..(low + 1) * d].to_vec();
            pt[k] = cut;
            let kk = key(&pt);
            let mid = match seen.get(&kk) {
                Some(&m) => m,
                None => {
                    let m = t.nv();
                    t.v.extend_from_slice(&pt);
                    seen.insert(kk, m);
                    m
                }
            };
            lc[i + 2 * r * j] = low;
            lc[i + r + 2 * r * j] = mid;
            rc[i + 2 * r * j] = mid;
            rc[i + r + 2 * r * j] = high;
        }
    }
    debug_assert_eq!(t.c.len(), left * vc);
    t.c.extend_from_slice(&lc);
    debug_assert_eq!(t.c.len(), right * vc);
    t.c.extend_from_slice(&rc);
}

/// The leaf cells whose closure holds `z` (a point on a cut belongs to both sides).
pub fn leaves_touching(t: &KdTree, z: &[f64]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut stack = vec![0usize];
    while let Some(mut p) = stack.pop() {
        loop {
            if t.a[p] == 0 {
                out.push(p);
                break;
            }
            let k = t.a[p] - 1;
            if z[k] == t.xi[p] {
                stack.push(t.hi[p]);
                p = t.lo[p];
            } else if z[k] <= t.xi[p] {
                p = t.lo[p];
            } else {
                p = t.hi[p];
            }
        }
    }
    out
}

fn hermite(h: f64) -> (f64, f64, f64, f64) {
    let phi0 = (1.0 - h).powi(2) * (1.0 + 2.0 * h);
    let phi1 = h * h * (3.0 - 2.0 * h);
    let psi0 = h * (1.0 - h).powi(2);
    let psi1 = h * h * (h - 1.0);
    (phi0, phi1, psi0, psi1)
}

/// The cells from the root down to the leaf holding `z`.
pub fn descend(t: &KdTree, z: &[f64]) -> Vec<usize> {
    let mut path = vec![0usize];
    let mut j = 0;
    while t.a[j] != 0 {
        let k = t.a[j] - 1;
        j = if z[k] <= t.xi[j] { t.lo[j] } else { t.hi[j] };
        path.push(j);
    }
    path
}

/// The interpolated surface at `z`, with vertex values and slopes from `val(vertex, c)`
/// (`c = 0` the value, `c = 1..=d` the partial derivatives). `None` when `z` is outside
/// the cell it falls in by more than 0.1% (extrapolation is not allowed).
pub fn interpolate<F: Fn(usize, usize) -> f64>(t: &KdTree, z: &[f64], val: F) -> Option<f64> {
    let d = t.d;
    let vc = t.vc;
    let path = descend(t, z);
    let j = *path.last()?;
    let mut g: Vec<f64> = Vec::with_capacity(vc * (d + 1));
    for i in 0..vc {
        let vi = t.corner(j, i);
        for c in 0..=d {
            g.push(val(vi, c));
        }
    }
    let (ll, ur) = (t.corner(j, 0), t.corner(j, vc - 1));
    let mut lg = vc;
    for i in (1..=d).rev() {
        let (a, b) = (t.vert(ll, i - 1), t.vert(ur, i - 1));
        let h = (z[i - 1] - a) / (b - a);
        if !(-0.001..=1.001).contains(&h) {
            return None;
        }
        lg /= 2;
        let (phi0, phi1, psi0, psi1) = hermite(h);
        for ig in 0..lg {
            let (p, q) = (ig * (d + 1), (ig + lg) * (d + 1));
            g[p] = phi0 * g[p] + phi1 * g[q] + (psi0 * g[p + i] + psi1 * g[q + i]) * (b - a);
            for ii in 1..i {
                g[p + ii] = phi0 * g[p + ii] + phi1 * g[q + ii];
            }
        }
    }
    let s = g[0];
    if d != 2 {
        return Some(s);
    }
    Some(blend2(t, z, &path, &val, s))
}

/// The edge value and cross slope along one side of a 2-d cell, refined by the finest
/// neighbouring cell across that side (Cleveland and Grosse's blending).
#[allow(clippy::too_many_arguments)]
fn edge<F: Fn(usize, usize) -> f64>(
    t: &KdTree,
    z: &[f64],
    path: &[usize],
    val: &F,
    ends: (usize, usize),
    along: usize,
    side: (usize, bool),
    nb_ends: (usize, usize),
) -> (f64, f64) {
    let j = *path.last().unwrap_or(&0);
    let (ll, ur) = (t.corner(j, 0), t.corner(j, 3));
    let across = 1 - along;
    let mut v0 = t.vert(ll, along);
    let mut v1 = t.vert(ur, along);
    let grab = |vi: usize| [val(vi, 0), val(vi, 1), val(vi, 2)];
    let mut g0 = grab(t.corner(j, ends.0));
    let mut g1 = grab(t.corner(j, ends.1));
    let (side_vertex, upper) = side;
    let xibar = t.vert(side_vertex, across);
    // the deepest ancestor cut along this side
    let mut m = path.len() - 1;
    while m > 0 {
        let c = path[m - 1];
        if t.a[c] == across + 1 && t.xi[c] == xibar {
            break;
        }
        m -= 1;
    }
    if m >= 1 {
        let c = path[m - 1];
        let mut q = if upper { t.hi[c] } else { t.lo[c] };
        while t.a[q] != 0 {
            let k = t.a[q] - 1;
            q = if z[k] <= t.xi[q] { t.lo[q] } else { t.hi[q] };
        }
        let (n0, n1) = (t.corner(q, nb_ends.0), t.corner(q, nb_ends.1));
        if v0 < t.vert(n0, along) {
            v0 = t.vert(n0, along);
            g0 = grab(n0);
        }
        if t.vert(n1, along) < v1 {
            v1 = t.vert(n1, along);
            g1 = grab(n1);
        }
    }
    let h = (z[along] - v0) / (v1 - v0);
    let (phi0, phi1, psi0, psi1) = hermite(h);
    let value = phi0 * g0[0] + phi1 * g1[0] + (psi0 * g0[1 + along] + psi1 * g1[1 + along]) * (v1 - v0);
    let slope = phi0 * g0[1 + across] + phi1 * g1[1 + across];
    (value, slope)
}

fn blend2<F: Fn(usize, usize) -> f64>(t: &KdTree, z: &[f64], path: &[usize], val: &F, s: f64) -> f64 {
    let j = *path.last().unwrap_or(&0);
    let (ll, ur) = (t.corner(j, 0), t.corner(j, 3));
    // north: the top side (vertices 3, 4), neighbour above shares its bottom (1, 2)
    let (gn, gpn) = edge(t, z, path, val, (2, 3), 0, (ur, true), (0, 1));
    let (gs, gps) = edge(t, z, path, val, (0, 1), 0, (ll, false), (2, 3));
    let (ge, gpe) = edge(t, z, path, val, (1, 3), 1, (ur, true), (0, 2));
    let (gw, gpw) = edge(t, z, path, val, (0, 2), 1, (ll, false), (1, 3));
    let (a2, b2) = (t.vert(ll, 1), t.vert(ur, 1));
    let (phi0, phi1, psi0, psi1) = hermite((z[1] - a2) / (b2 - a2));
    let sns = phi0 * gs + phi1 * gn + (psi0 * gps + psi1 * gpn) * (b2 - a2);
    let (a1, b1) = (t.vert(ll, 0), t.vert(ur, 0));
    let (phi0, phi1, psi0, psi1) = hermite((z[0] - a1) / (b1 - a1));
    let sew = phi0 * gw + phi1 * ge + (psi0 * gpw + psi1 * gpe) * (b1 - a1);
    (sns + sew) - s
}

/// The smooth correction factor of the delta approximations (a fixed one-dimensional
/// loess surface on [0, 1]: vertex, value, slope).
const CORR_VERTS: [(f64, f64, f64); 10] = [
    (-0.005, -9.0572e-2, 4.4844),
    (0.1204, 9.5807e-2, -0.7978),
    (0.2017, 2.6152e-2, -0.7286),
    (0.2815, -3.1926e-2, -0.4457),
    (0.3705, -5.3718e-2, -0.3495),
    (0.4536, -6.4170e-2, 3.2813e-2),
    (0.5591, -5.8387e-2, 0.1611),
    (0.7132, -2.0636e-2, 0.3350),
    (0.8751, 4.0172e-2, -4.1032e-2),
    (1.005, -1.0856e-2, -0.7736),
];

/// Evaluates the correction surface at `z` in [0, 1].
pub fn delta_correction(z: f64) -> f64 {
    let mut i = 0;
    while i + 2 < CORR_VERTS.len() && z > CORR_VERTS[i + 1].0 {
        i += 1;
    }
    let (a, ga, sa) = CORR_VERTS[i];
    let (b, gb, sb) = CORR_VERTS[i + 1];
    let (phi0, phi1, psi0, psi1) = hermite((z - a) / (b - a));
    phi0 * ga + phi1 * gb + (psi0 * sa + psi1 * sb) * (b - a)
}
