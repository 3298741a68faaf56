//! Random two-way tables with given margins (Patefield's algorithm AS 159), drawing
//! uniforms from the session's RNG in the order R does, so `r2dtable` and the simulated
//! p-values of `chisq.test`/`fisher.test` reproduce R's for the same seed.

use crate::stats::rng::Rng;

/// `log(i!)` for `i = 0..=n`, accumulated as sums of logs (as R's simulations build it).
pub fn log_factorials(n: usize) -> Vec<f64> {
    let mut f = vec![0.0; n + 1];
    for i in 2..=n {
        f[i] = f[i - 1] + (i as f64).ln();
    }
    f
}

/// Draws one table with row sums `rows` and column sums `cols` (equal totals), filling
/// `out` column-major (`rows.len()` by `cols.len()`). `lf` holds `log_factorials(total)`.
pub fn rcont2(rng: &mut Rng, rows: &[usize], cols: &[usize], lf: &[f64], out: &mut [usize]) {
    let (nr, nc) = (rows.len(), cols.len());
    let total: usize = rows.iter().sum();
    // column totals still to be filled, for all columns but the last
    let mut left: Vec<usize> = cols[..nc - 1].to_vec();
    let mut rest = total; // total of the rows not yet drawn
    let mut last_ib = 0usize;
    for l in 0..nr - 1 {
        let mut row_left = rows[l];
        let mut pool = rest; // total of this row and those below, in the columns not yet done
        rest -= row_left;
        let mut m = 0;
        while m < nc - 1 {
            let col = left[m];
            let ie = pool;
            let ib = ie - row_left;
            last_ib = ib;
            pool -= col;
            if ie == 0 {
                for j in m..nc - 1 {
                    out[l + j * nr] = 0;
                }
                row_left = 0;
                break;
            }
            let cell = draw_cell(rng, row_left, col, ie, pool, lf);
            out[l + m * nr] = cell;
            row_left -= cell;
            left[m] -= cell;
            m += 1;
        }
        out[l + (nc - 1) * nr] = row_left;
    }
    for m in 0..nc - 1 {
        out[nr - 1 + m * nr] = left[m];
    }
    let before = if nc >= 2 { out[nr - 1 + (nc - 2) * nr] } else { 0 };
    out[nr - 1 + (nc - 1) * nr] = last_ib.saturating_sub(before);
}

/// One cell given the row's remainder `a`, the column's remainder `d`, the pool `e` they
/// are drawn from and the pool `c` left after this column: a hypergeometric draw by
/// inversion, searching outward from the conditional mean.
fn draw_cell(rng: &mut Rng, a: usize, d: usize, e: usize, c: usize, lf: &[f64]) -> usize {
    let b = e - a;
    let ii = b as i64 - d as i64; // may be negative
    let fi = |k: i64| lf[k as usize];
    let mut u = rng.unif_rand();
    loop {
        let mut up = ((a as f64) * (d as f64 / e as f64) + 0.5) as i64;
        let (ai, di) = (a as i64, d as i64);
        let mut x = (lf[a] + lf[b] + lf[c] + lf[d] - lf[e] - fi(up) - fi(di - up) - fi(ai - up)
            - fi(ii + up))
            .exp();
        if x >= u {
            return up as usize;
        }
        let mut total = x;
        let mut y = x;
        let mut down = up;
        loop {
            let j = (di - up) as f64 * (ai - up) as f64;
            let at_top = up == ai || up == di;
            if !at_top {
                up += 1;
                x *= j / (up as f64 * (ii + up) as f64);
                total += x;
                if total >= u {
                    return up as usize;
                }
            }
            loop {
                let j = down as f64 * (ii + down) as f64;
                if down == 0 {
                    break;
                }
                down -= 1;
                y *= j / ((di - down) as f64 * (ai - down) as f64);
                total += y;
                if total >= u {
                    return down as usize;
                }
                if !at_top {
                    break;
                }
            }
            if at_top {
                break;
            }
        }
        u = total * rng.unif_rand();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_match_r_stream() {
        // set.seed(42); r2dtable(2, c(3, 5, 2), c(4, 6)) in R 4.2
        let mut rng = Rng::from_seed(42);
        let lf = log_factorials(10);
        let mut out = vec![0; 6];
        rcont2(&mut rng, &[3, 5, 2], &[4, 6], &lf, &mut out);
        assert_eq!(out, vec![0, 2, 2, 3, 3, 0]);
        rcont2(&mut rng, &[3, 5, 2], &[4, 6], &lf, &mut out);
        assert_eq!(out, vec![1, 3, 0, 2, 2, 2]);
    }
}
