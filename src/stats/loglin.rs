//! Iterative proportional fitting of a log-linear model to a contingency table (Haberman's
//! algorithm as in Applied Statistics AS 51, which R's `loglin` uses): the fitted table matches
//! the observed margins named by each configuration.

/// The result of [`ipf`]: the fitted table, the largest margin deviation of each iteration and
/// whether the fit converged within the iteration limit.
pub struct IpfFit {
    pub fit: Vec<f64>,
    pub dev: Vec<f64>,
    pub converged: bool,
}

/// The cell strides of a table with dimensions `dims` (column-major).
fn strides(dims: &[usize]) -> Vec<usize> {
    let mut s = Vec::with_capacity(dims.len());
    let mut acc = 1;
    for &d in dims {
        s.push(acc);
        acc *= d;
    }
    s
}

/// For each cell of the full table, its cell in the margin over the variables `conf`
/// (0-based, in the order given), the margin laid out column-major in that order.
fn margin_index(dims: &[usize], conf: &[usize]) -> (Vec<usize>, usize) {
    let total: usize = dims.iter().product();
    let mut msize = Vec::with_capacity(conf.len());
    let mut acc = 1;
    for &v in conf {
        msize.push(acc);
        acc *= dims[v];
    }
    let st = strides(dims);
    let idx = (0..total)
        .map(|cell| conf.iter().zip(&msize).map(|(&v, &m)| (cell / st[v]) % dims[v] * m).sum())
        .collect();
    (idx, acc)
}

/// Sums `x` into the margin cells given by `idx` (cells added in table order).
fn collapse(x: &[f64], idx: &[usize], size: usize) -> Vec<f64> {
    let mut y = vec![0.0; size];
    for (v, &j) in x.iter().zip(idx) {
        y[j] += v;
    }
    y
}

/// Fits the margins `configs` (0-based variable lists) of `table` (dimensions `dims`) starting
/// from `start`, for at most `maxit` cycles or until the largest margin deviation in a cycle
/// is below `eps`.
pub fn ipf(dims: &[usize], configs: &[Vec<usize>], table: &[f64], start: &[f64], eps: f64,
           maxit: usize) -> Result<IpfFit, String> {
    let size: usize = dims.iter().product();
    if dims.is_empty() || maxit == 0 || dims.contains(&0) || table.len() != size || start.len() != size {
        return Err("incorrect specification of 'table' or 'start'".into());
    }
    if table.iter().chain(start).any(|&v| !(v >= 0.0)) {
        return Err("incorrect specification of 'table' or 'start'".into());
    }
    let (tx, ty): (f64, f64) = (table.iter().sum(), start.iter().sum());
    if ty == 0.0 {
        return Err("incorrect specification of 'table' or 'start'".into());
    }
    let mut fit: Vec<f64> = start.iter().map(|v| tx / ty * v).collect();
    let margins: Vec<(Vec<usize>, usize, Vec<f64>)> = configs
        .iter()
        .map(|c| {
            let (idx, n) = margin_index(dims, c);
            let obs = collapse(table, &idx, n);
            (idx, n, obs)
        })
        .collect();
    let mut dev = Vec::new();
    if margins.is_empty() {
        return Ok(IpfFit { fit, dev, converged: true });
    }
    for _ in 0..maxit {
        let mut worst: f64 = 0.0;
        for (idx, n, obs) in &margins {
            let u = collapse(&fit, idx, *n);
            for (o, f) in obs.iter().zip(&u) {
                let e = (o - f).abs();
                if e > worst {
                    worst = e;
                }
            }
            for (x, &j) in fit.iter_mut().zip(idx) {
                *x = if u[j] > 0.0 { *x * obs[j] / u[j] } else { 0.0 };
            }
        }
        dev.push(worst);
        if worst < eps {
            return Ok(IpfFit { fit, dev, converged: true });
        }
    }
    Ok(IpfFit { fit, dev, converged: maxit <= 1 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn independence_fit_of_a_two_way_table() {
        // loglin(matrix(c(10, 20, 30, 40), 2), list(1, 2), fit = TRUE) in R
        let t = [10.0, 20.0, 30.0, 40.0];
        let r = ipf(&[2, 2], &[vec![0], vec![1]], &t, &[1.0; 4], 0.1, 20).unwrap();
        let want = [12.0, 18.0, 28.0, 42.0];
        for (a, b) in r.fit.iter().zip(want) {
            assert!((a - b).abs() < 1e-12);
        }
        assert_eq!(r.dev.len(), 2);
        assert!(r.converged);
    }

    #[test]
    fn margin_cells_follow_the_configuration_order() {
        let (idx, n) = margin_index(&[2, 3], &[1, 0]);
        assert_eq!(n, 6);
        assert_eq!(idx, vec![0, 3, 1, 4, 2, 5]);
    }
}
