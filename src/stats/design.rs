//! Design matrices: contrast matrices (`contr.treatment`, `contr.sum`, `contr.helmert`,
//! `contr.poly`), orthogonal polynomials (`poly`) and the model matrix built from terms.

use super::qr::dqrdc2;
use super::terms::Terms;

/// A contrast matrix: `k` levels by `m` columns, column-major, with optional column names.
#[derive(Clone, Debug)]
pub struct Contrast {
    /// Rows (levels).
    pub k: usize,
    /// Columns.
    pub m: usize,
    /// Column-major values.
    pub data: Vec<f64>,
    /// Column names (`None`: R numbers them 1..m).
    pub colnames: Option<Vec<String>>,
}

/// `contr.treatment(levels)`.
pub fn contr_treatment(levels: &[String]) -> Contrast {
    let k = levels.len();
    let m = k.saturating_sub(1);
    let mut data = vec![0.0; k * m];
    for j in 0..m {
        data[j * k + j + 1] = 1.0;
    }
    Contrast {
        k,
        m,
        data,
        colnames: Some(levels[1.min(k)..].to_vec()),
    }
}

/// `contr.sum(k)`.
pub fn contr_sum(k: usize) -> Contrast {
    let m = k.saturating_sub(1);
    let mut data = vec![0.0; k * m];
    for j in 0..m {
        data[j * k + j] = 1.0;
        data[j * k + k - 1] = -1.0;
    }
    Contrast {
        k,
        m,
        data,
        colnames: None,
    }
}

/// `contr.helmert(k)`.
pub fn contr_helmert(k: usize) -> Contrast {
    let m = k.saturating_sub(1);
    let mut data = vec![0.0; k * m];
    for j in 0..m {
        for i in 0..=j {
            data[j * k + i] = -1.0;
        }
        data[j * k + j + 1] = (j + 1) as f64;
    }
    Contrast {
        k,
        m,
        data,
        colnames: None,
    }
}

/// Orthonormal polynomial columns of degree 1..=deg on the points `x` (QR of the centred
/// Vandermonde matrix, as R's `poly` and `contr.poly`). Returns the `n x deg` columns and
/// R's `alpha` and `norm2` recurrence coefficients.
pub fn orth_poly(x: &[f64], deg: usize) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    let n = x.len();
    let xbar = x.iter().sum::<f64>() / n as f64;
    let xc: Vec<f64> = x.iter().map(|v| v - xbar).collect();
    let p = deg + 1;
    let mut vm = vec![0.0; n * p];
    for j in 0..p {
        for i in 0..n {
            vm[j * n + i] = r_pow(xc[i], j);
        }
    }
    let q = dqrdc2(&vm, n, p, 1e-7);
    let mut z = vec![0.0; n * p];
    for j in 0..p {
        let mut col = vec![0.0; n];
        if j < n {
            col[j] = q.at(j, j);
        }
        q.qy(&mut col);
        z[j * n..(j + 1) * n].copy_from_slice(&col);
    }
    let norm2: Vec<f64> = (0..p)
        .map(|j| z[j * n..(j + 1) * n].iter().map(|v| v * v).sum())
        .collect();
    let alpha: Vec<f64> = (0..deg)
        .map(|j| {
            z[j * n..(j + 1) * n]
                .iter()
                .zip(&xc)
                .map(|(zv, xv)| xv * zv * zv)
                .sum::<f64>()
                / norm2[j]
                + xbar
        })
        .collect();
    let mut out = vec![0.0; n * deg];
    for j in 1..p {
        let s = norm2[j].sqrt();
        for i in 0..n {
            out[(j - 1) * n + i] = z[j * n + i] / s;
        }
    }
    let mut n2 = vec![1.0];
    n2.extend(norm2);
    (out, alpha, n2)
}

/// `poly(x, degree, coefs = list(alpha, norm2))`: evaluates stored orthogonal polynomials.
pub fn poly_predict(x: &[f64], alpha: &[f64], norm2: &[f64]) -> Vec<f64> {
    let n = x.len();
    let deg = alpha.len();
    let mut z = vec![vec![1.0; n]; deg + 1];
    for i in 0..n {
        z[1][i] = x[i] - alpha[0];
    }
    for d in 1..deg {
        for i in 0..n {
            z[d + 1][i] = (x[i] - alpha[d]) * z[d][i] - (norm2[d + 1] / norm2[d]) * z[d - 1][i];
        }
    }
    let mut out = Vec::with_capacity(n * deg);
    for d in 1..=deg {
        let s = norm2[d + 1].sqrt();
        out.extend(z[d].iter().map(|v| v / s));
    }
    out
}

/// R's `x^j` for a small whole power: `x * x` for 2, C `pow` otherwise.
fn r_pow(x: f64, j: usize) -> f64 {
    match j {
        0 => 1.0,
        1 => x,
        2 => x * x,
        _ => x.powf(j as f64),
    }
}

/// `contr.poly(k)`: names `.L .Q .C ^4 ...`.
pub fn contr_poly(k: usize) -> Contrast {
    let x: Vec<f64> = (1..=k).map(|v| v as f64).collect();
    contr_poly_scores(&x)
}

/// `contr.poly(length(scores), scores)`.
pub fn contr_poly_scores(x: &[f64]) -> Contrast {
    let k = x.len();
    let m = k.saturating_sub(1);
    let (data, _, _) = orth_poly(x, m);
    let names = (1..=m)
        .map(|j| match j {
            1 => ".L".to_string(),
            2 => ".Q".to_string(),
            3 => ".C".to_string(),
            _ => format!("^{}", j),
        })
        .collect();
    Contrast {
        k,
        m,
        data,
        colnames: Some(names),
    }
}

/// One model-frame variable as the model matrix sees it.
#[derive(Clone, Debug)]
pub enum VarCol {
    /// Numeric: `ncol` columns (column-major), with optional column names (matrices).
    Numeric {
        data: std::rc::Rc<Vec<f64>>,
        ncol: usize,
        colnames: Option<Vec<String>>,
    },
    /// A factor (also logical and character variables): 1-based codes (NA as 0) and levels.
    Factor {
        codes: Vec<u32>,
        levels: Vec<String>,
        contrast: Contrast,
    },
}

impl VarCol {
    /// Whether the variable is coded as a factor.
    pub fn is_factor(&self) -> bool {
        matches!(self, VarCol::Factor { .. })
    }
}

/// A model matrix: column-major values, column names and the `assign` vector.
#[derive(Clone, Debug)]
pub struct ModelMatrix {
    /// Rows.
    pub n: usize,
    /// Column-major values.
    pub data: Vec<f64>,
    /// Column names.
    pub colnames: Vec<String>,
    /// Term index of each column (0 for the intercept).
    pub assign: Vec<usize>,
}

/// Builds the model matrix for `terms` over the evaluated variables `vars` (indexed as
/// `terms.variables`) with `n` rows.
pub fn model_matrix(terms: &Terms, vars: &[VarCol], n: usize) -> ModelMatrix {
    super::design_plan::DesignPlan::new(terms, vars, n).materialize()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contr_poly_matches_r() {
        // R: contr.poly(3) = [-0.7071068, 0, 0.7071068; 0.4082483, -0.8164966, 0.4082483]
        let c = contr_poly(3);
        assert!((c.data[0] + 0.7071067811865475).abs() < 1e-12);
        assert!((c.data[1]).abs() < 1e-12);
        assert!((c.data[3] - 0.408248290463863).abs() < 1e-12);
        assert!((c.data[4] + 0.816496580927726).abs() < 1e-12);
    }

    #[test]
    fn contr_poly_rounding_noise_matches_r() {
        // R 4.2 (reference BLAS 3.11): contr.poly(5)[3, 1] and [3, 3] are rounding noise
        // whose exact values show in printed output (-3.510833e-17, 1.755417e-16).
        let c = contr_poly(5);
        assert!(
            (c.data[2] / -3.510833e-17 - 1.0).abs() < 1e-6,
            "{:e}",
            c.data[2]
        );
        assert!(
            (c.data[12] / 1.755417e-16 - 1.0).abs() < 1e-6,
            "{:e}",
            c.data[12]
        );
    }
}
