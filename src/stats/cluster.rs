//! Distances and hierarchical clustering: R's `dist` metrics over the rows of a
//! column-major matrix, the Lance-Williams agglomeration with nearest-neighbour lists that
//! R's `hclust` uses (same tie-breaking, so the same merges), the dendrogram leaf order, and
//! the cluster memberships of `cutree`.

/// A `dist` metric.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Metric {
    Euclidean,
    Maximum,
    Manhattan,
    Canberra,
    Binary,
    Minkowski(f64),
}

/// The distances between the rows of the `n`×`p` column-major matrix `x`, in R's order
/// (the lower triangle by columns). NA pairs of coordinates are skipped and the sum scaled
/// up as R does. The flag tells whether a non-finite value was treated as NA (binary).
pub fn dist(x: &[f64], n: usize, p: usize, metric: Metric) -> (Vec<f64>, bool) {
    let total = n * n.saturating_sub(1) / 2;
    let mut out = vec![0.0; total];
    // columns j0..j1 of the packed lower triangle into `out` (which starts at column j0)
    let fill = |j0: usize, j1: usize, out: &mut [f64]| -> bool {
        let mut nonfinite = false;
        let mut k = 0;
        for j in j0..j1 {
            for i in j + 1..n {
                out[k] = pair(x, n, p, i, j, metric, &mut nonfinite);
                k += 1;
            }
        }
        nonfinite
    };
    let threads = crate::stats::tsqr::threads();
    if threads <= 1 || total.saturating_mul(p.max(1)) < 1 << 20 {
        let nonfinite = fill(0, n, &mut out);
        return (out, nonfinite);
    }
    // pieces of about equal numbers of pairs, dealt round-robin to the threads
    let offset = |j: usize| j * n - j * (j + 1) / 2;
    let pieces = threads * 8;
    let mut bounds = vec![0usize];
    for q in 1..pieces {
        let target = total / pieces * q;
        let mut j = *bounds.last().unwrap_or(&0);
        while j < n && offset(j) < target {
            j += 1;
        }
        bounds.push(j);
    }
    bounds.push(n);
    bounds.dedup();
    let mut buckets: Vec<Vec<(usize, usize, &mut [f64])>> = (0..threads).map(|_| Vec::new()).collect();
    let mut rest: &mut [f64] = &mut out;
    for (w, b) in bounds.windows(2).enumerate() {
        let (piece, tail) = rest.split_at_mut(offset(b[1]) - offset(b[0]));
        buckets[w % threads].push((b[0], b[1], piece));
        rest = tail;
    }
    let nonfinite = std::thread::scope(|s| {
        let fill = &fill;
        let workers: Vec<_> = buckets
            .into_iter()
            .map(|bucket| s.spawn(move || bucket.into_iter().fold(false, |nf, (j0, j1, o)| fill(j0, j1, o) | nf)))
            .collect();
        workers.into_iter().fold(false, |nf, w| w.join().unwrap_or(false) | nf)
    });
    (out, nonfinite)
}

fn pair(x: &[f64], n: usize, p: usize, a: usize, b: usize, metric: Metric, nonfinite: &mut bool) -> f64 {
    let mut count = 0usize;
    let mut d = 0.0f64;
    let mut total = 0usize;
    for c in 0..p {
        let (u, v) = (x[a + c * n], x[b + c * n]);
        if u.is_nan() || v.is_nan() {
            continue;
        }
        match metric {
            Metric::Euclidean => {
                let dev = u - v;
                if !dev.is_nan() {
                    d += dev * dev;
                    count += 1;
                }
            }
            Metric::Maximum => {
                let dev = (u - v).abs();
                if !dev.is_nan() {
                    if dev > d {
                        d = dev;
                    }
                    count += 1;
                }
            }
            Metric::Manhattan => {
                let dev = (u - v).abs();
                if !dev.is_nan() {
                    d += dev;
                    count += 1;
                }
            }
            Metric::Minkowski(pw) => {
                let dev = u - v;
                if !dev.is_nan() {
                    d += dev.abs().powf(pw);
                    count += 1;
                }
            }
            Metric::Canberra => {
                let sum = (u + v).abs();
                let diff = (u - v).abs();
                if sum > f64::MIN_POSITIVE || diff > f64::MIN_POSITIVE {
                    let mut dev = diff / sum;
                    let ok = if dev.is_nan() {
                        if !diff.is_finite() && diff == sum {
                            dev = 1.0;
                            true
                        } else {
                            false
                        }
                    } else {
                        true
                    };
                    if ok {
                        d += dev;
                        count += 1;
                    }
                }
            }
            Metric::Binary => {
                if !u.is_finite() || !v.is_finite() {
                    *nonfinite = true;
                } else {
                    if u != 0.0 || v != 0.0 {
                        count += 1;
                        if !(u != 0.0 && v != 0.0) {
                            d += 1.0;
                        }
                    }
                    total += 1;
                }
            }
        }
    }
    match metric {
        Metric::Binary => {
            if total == 0 {
                f64::NAN
            } else if count == 0 {
                0.0
            } else {
                d / count as f64
            }
        }
        _ if count == 0 => f64::NAN,
        Metric::Maximum => d,
        _ => {
            if count != p {
                d /= count as f64 / p as f64;
            }
            match metric {
                Metric::Euclidean => d.sqrt(),
                Metric::Minkowski(pw) => d.powf(1.0 / pw),
                _ => d,
            }
        }
    }
}

/// A linkage method of `hclust`, in R's numbering order.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Linkage {
    WardD,
    Single,
    Complete,
    Average,
    McQuitty,
    Median,
    Centroid,
    WardD2,
}

/// The result of `hclust`: R's merge matrix (columns as two vectors; negative entries are
/// observations, positive ones earlier merges), the merge heights and the leaf order.
pub struct Hclust {
    pub merge1: Vec<i32>,
    pub merge2: Vec<i32>,
    pub height: Vec<f64>,
    pub order: Vec<i32>,
}

/// Index of the pair (i, j), i < j (0-based), in R's packed dissimilarities.
#[inline]
fn packed(n: usize, i: usize, j: usize) -> usize {
    // R's IOFFST for 1-based (i+1, j+1), minus one
    j + i * n - (i + 1) * (i + 2) / 2
}

/// Agglomerates `n` objects from their packed dissimilarities `d` (length n(n-1)/2) with
/// weights `members`, as R's hclust does (Murtagh's nearest-neighbour list algorithm).
pub fn hclust(n: usize, d: &[f64], method: Linkage, members: &[f64]) -> Hclust {
    let mut diss: Vec<f64> = d.to_vec();
    let mut membr = members.to_vec();
    let mut flag = vec![true; n];
    let mut nn = vec![0usize; n];
    let mut disnn = vec![0.0f64; n];
    let inf = 1e300;
    let ward = matches!(method, Linkage::WardD | Linkage::WardD2);
    if method == Linkage::WardD2 {
        for v in diss.iter_mut() {
            *v *= *v;
        }
    }
    let mut jm = 0usize;
    for i in 0..n.saturating_sub(1) {
        let mut dmin = inf;
        for j in i + 1..n {
            let v = diss[packed(n, i, j)];
            if dmin > v {
                dmin = v;
                jm = j;
            }
        }
        nn[i] = jm;
        disnn[i] = dmin;
    }
    let mut ia = Vec::with_capacity(n);
    let mut ib = Vec::with_capacity(n);
    let mut crit = Vec::with_capacity(n);
    let mut im = 0usize;
    let mut jj = 0usize;
    for _ in 1..n {
        let mut dmin = inf;
        for i in 0..n - 1 {
            if flag[i] && disnn[i] < dmin {
                dmin = disnn[i];
                im = i;
                jm = nn[i];
            }
        }
        let i2 = im.min(jm);
        let j2 = im.max(jm);
        ia.push(i2 + 1);
        ib.push(j2 + 1);
        crit.push(if method == Linkage::WardD2 { dmin.sqrt() } else { dmin });
        flag[j2] = false;
        let mut dmin = inf;
        let d12 = diss[packed(n, i2, j2)];
        for k in 0..n {
            if !flag[k] || k == i2 {
                continue;
            }
            let ind1 = if i2 < k { packed(n, i2, k) } else { packed(n, k, i2) };
            let ind2 = if j2 < k { packed(n, j2, k) } else { packed(n, k, j2) };
            let (a, b) = (diss[ind1], diss[ind2]);
            let (mi, mj, mk) = (membr[i2], membr[j2], membr[k]);
            let v = if ward {
                ((mi + mk) * a + (mj + mk) * b - mk * d12) / (mi + mj + mk)
            } else {
                match method {
                    Linkage::Single => a.min(b),
                    Linkage::Complete => a.max(b),
                    Linkage::Average => (mi * a + mj * b) / (mi + mj),
                    Linkage::McQuitty => (a + b) / 2.0,
                    Linkage::Median => ((a + b) - d12 / 2.0) / 2.0,
                    _ => (mi * a + mj * b - mi * mj * d12 / (mi + mj)) / (mi + mj),
                }
            };
            diss[ind1] = v;
            if i2 < k {
                if v < dmin {
                    dmin = v;
                    jj = k;
                }
            } else if v < disnn[k] {
                disnn[k] = v;
                nn[k] = i2;
            }
        }
        membr[i2] += membr[j2];
        disnn[i2] = dmin;
        nn[i2] = jj;
        for i in 0..n - 1 {
            if flag[i] && (nn[i] == i2 || nn[i] == j2) {
                let mut dmin = inf;
                for j in i + 1..n {
                    if flag[j] {
                        let v = diss[packed(n, i, j)];
                        if v < dmin {
                            dmin = v;
                            jj = j;
                        }
                    }
                }
                nn[i] = jj;
                disnn[i] = dmin;
            }
        }
    }
    let (merge1, merge2, order) = merge_order(n, &ia, &ib);
    Hclust { merge1, merge2, height: crit, order }
}

/// R's merge matrix (singletons negative, clusters by merge step) and the leaf order, from
/// the merges given as pairs of the lowest-numbered members of each side.
fn merge_order(n: usize, ia: &[usize], ib: &[usize]) -> (Vec<i32>, Vec<i32>, Vec<i32>) {
    let m = n - 1;
    let mut a: Vec<i64> = ia.iter().map(|&v| v as i64).collect();
    let mut b: Vec<i64> = ib.iter().map(|&v| v as i64).collect();
    for i in 0..m.saturating_sub(1) {
        let k = ia[i].min(ib[i]) as i64;
        for j in i + 1..m {
            if ia[j] as i64 == k {
                a[j] = -(i as i64 + 1);
            }
            if ib[j] as i64 == k {
                b[j] = -(i as i64 + 1);
            }
        }
    }
    for i in 0..m {
        a[i] = -a[i];
        b[i] = -b[i];
    }
    for i in 0..m {
        if a[i] > 0 && b[i] < 0 {
            std::mem::swap(&mut a[i], &mut b[i]);
        }
        if a[i] > 0 && b[i] > 0 {
            let (lo, hi) = (a[i].min(b[i]), a[i].max(b[i]));
            a[i] = lo;
            b[i] = hi;
        }
    }
    // expand the last merge into leaves, replacing each cluster by its two parts in place
    let mut order: Vec<i64> = Vec::with_capacity(n);
    if m > 0 {
        order.push(a[m - 1]);
        order.push(b[m - 1]);
        for i in (1..m).rev() {
            if let Some(j) = order.iter().position(|&v| v == i as i64) {
                order[j] = a[i - 1];
                order.insert(j + 1, b[i - 1]);
            }
        }
    } else {
        order.push(-1);
    }
    let order = order.iter().map(|&v| (-v) as i32).collect();
    (
        a.iter().map(|&v| v as i32).collect(),
        b.iter().map(|&v| v as i32).collect(),
        order,
    )
}

/// Cluster memberships after cutting a tree of `n` leaves into `k` groups (1 ≤ k ≤ n):
/// groups are numbered by the first observation in each, as R's cutree numbers them.
pub fn cutree(n: usize, merge1: &[i32], merge2: &[i32], k: usize) -> Vec<i32> {
    // label of each observation: its own index until merged; merged clusters take the step
    let mut owner: Vec<usize> = (0..n).collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    // cluster id of merge step s (1-based) is stored as n + s - 1
    let mut step_members: Vec<Vec<usize>> = Vec::new();
    let steps = n.saturating_sub(k);
    for s in 0..steps {
        let take = |v: i32, members: &mut Vec<Vec<usize>>, step_members: &mut Vec<Vec<usize>>| -> Vec<usize> {
            if v < 0 {
                std::mem::take(&mut members[(-v - 1) as usize])
            } else {
                std::mem::take(&mut step_members[(v - 1) as usize])
            }
        };
        let mut g = take(merge1[s], &mut members, &mut step_members);
        g.extend(take(merge2[s], &mut members, &mut step_members));
        for &o in &g {
            owner[o] = n + s;
        }
        step_members.push(g);
    }
    let mut ids = std::collections::HashMap::new();
    let mut out = Vec::with_capacity(n);
    for &o in &owner {
        let next = ids.len() as i32 + 1;
        out.push(*ids.entry(o).or_insert(next));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_index_matches_r_order() {
        let n = 5;
        let mut k = 0;
        for j in 0..n {
            for i in j + 1..n {
                assert_eq!(packed(n, j, i), k);
                k += 1;
            }
        }
    }

    #[test]
    fn small_tree() {
        // points 0, 1, 3, 7 on a line
        let x = [0.0, 1.0, 3.0, 7.0];
        let (d, _) = dist(&x, 4, 1, Metric::Euclidean);
        let h = hclust(4, &d, Linkage::Complete, &[1.0; 4]);
        assert_eq!(h.merge1, vec![-1, -3, -4]);
        assert_eq!(h.merge2, vec![-2, 1, 2]);
        assert_eq!(h.height, vec![1.0, 3.0, 7.0]);
        assert_eq!(h.order, vec![4, 3, 1, 2]);
        assert_eq!(cutree(4, &h.merge1, &h.merge2, 2), vec![1, 1, 1, 2]);
    }
}

/// Which rows of the column-major `n x p` matrix `x` repeat an earlier row (exact equality,
/// `-0 == 0`, all NaN payloads of one kind alike).
pub fn duplicated_rows(x: &[f64], n: usize, p: usize) -> Vec<bool> {
    let key = |v: f64| -> u64 {
        if v == 0.0 {
            0
        } else if v.is_nan() {
            // R's NA (payload 1954) and other NaNs stay apart, as their text does
            if crate::value::is_na_real(v) { 1 } else { 2 }
        } else {
            v.to_bits()
        }
    };
    let mut seen: std::collections::HashSet<Vec<u64>> = std::collections::HashSet::with_capacity(n);
    (0..n).map(|i| !seen.insert((0..p).map(|j| key(x[i + j * n])).collect())).collect()
}
