//! R's random number streams: the Mersenne-Twister generator with R's seed scrambling,
//! Inversion for normal deviates, Ahrens-Dieter exponential deviates and the
//! "Rejection" (or "Rounding") index sampler used by `sample`.
//!
//! Every routine reproduces GNU R's defaults bit for bit, so that after `set.seed(s)`
//! the streams equal R's.

// The coefficients are R's published constants, kept digit for digit.
#![allow(clippy::excessive_precision, clippy::approx_constant)]

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;
/// 1 / (2^32 - 1), used by `fixup`.
const I2_32M1: f64 = 2.328306437080797e-10;

/// How `sample` turns uniforms into indices (`RNGkind(sample.kind = )`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SampleKind {
    /// R < 3.6.0: `floor(n * unif_rand())` (non-uniform for large n).
    Rounding,
    /// R >= 3.6.0 default: rejection sampling on random bits.
    #[default]
    Rejection,
}

/// Persistent tables of R's Poisson generator (they survive between calls, as in R).
#[derive(Clone, Debug)]
pub(crate) struct PoisState {
    pub l: i32,
    pub m: i32,
    pub pp: [f64; 36],
    pub muprev: f64,
    pub p0: f64,
    pub p: f64,
    pub q: f64,
}

impl Default for PoisState {
    fn default() -> Self {
        PoisState {
            l: 0,
            m: 0,
            pp: [0.0; 36],
            muprev: 0.0,
            p0: 0.0,
            p: 0.0,
            q: 0.0,
        }
    }
}

/// The state of the random number generator.
#[derive(Clone, Debug)]
pub struct Rng {
    /// Set once `set.seed` (or first use) has initialised the state.
    pub seeded: bool,
    /// The Mersenne-Twister state words (`.Random.seed[3:626]`).
    mt: [u32; N],
    /// Position in `mt` (`.Random.seed[2]`); `N` forces a regeneration.
    mti: usize,
    /// The sampling method used by `sample`.
    pub sample_kind: SampleKind,
    /// Persistent state of `rpois` (R keeps it in statics).
    pub(crate) pois: PoisState,
}

impl Default for Rng {
    fn default() -> Self {
        Rng {
            seeded: false,
            mt: [0; N],
            mti: N + 1,
            sample_kind: SampleKind::Rejection,
            pois: PoisState::default(),
        }
    }
}

/// A seed from the clock and process id, as R does when no seed was set.
fn time_seed() -> u32 {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let pid = std::process::id();
    let secs = now.as_secs() as u32;
    let micros = now.subsec_micros();
    (micros << 16) ^ secs ^ (pid << 16)
}

impl Rng {
    /// A generator seeded as by `set.seed(seed)`.
    pub fn from_seed(seed: i32) -> Rng {
        let mut r = Rng::default();
        r.set_seed(seed);
        r
    }

    /// `set.seed(seed)`: R's initial scrambling (50 LCG steps) then 625 LCG words,
    /// the first of which is overwritten by the position (624).
    pub fn set_seed(&mut self, seed: i32) {
        let mut s = seed as u32;
        for _ in 0..50 {
            s = s.wrapping_mul(69069).wrapping_add(1);
        }
        // dummy[0] (mti) is filled too and then reset, for historical consistency
        s = s.wrapping_mul(69069).wrapping_add(1);
        for w in self.mt.iter_mut() {
            s = s.wrapping_mul(69069).wrapping_add(1);
            *w = s;
        }
        self.mti = N;
        self.pois = PoisState::default();
        self.seeded = true;
    }

    /// Seeds from the clock if nothing has seeded the generator yet.
    fn ensure_seeded(&mut self) {
        if !self.seeded {
            self.set_seed(time_seed() as i32);
        }
    }

    /// The Mersenne-Twister initialisation used when the state was never set.
    fn sgenrand(&mut self, seed: u32) {
        let mut seed = seed;
        for w in self.mt.iter_mut() {
            *w = seed & 0xffff_0000;
            seed = seed.wrapping_mul(69069).wrapping_add(1);
            *w |= (seed & 0xffff_0000) >> 16;
            seed = seed.wrapping_mul(69069).wrapping_add(1);
        }
        self.mti = N;
    }

    /// One tempered 32-bit output scaled to [0, 1).
    fn genrand(&mut self) -> f64 {
        let mag01 = [0u32, MATRIX_A];
        if self.mti >= N {
            if self.mti == N + 1 {
                self.sgenrand(4357);
            }
            let mt = &mut self.mt;
            for kk in 0..N - M {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag01[(y & 1) as usize];
            }
            for kk in N - M..N - 1 {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag01[(y & 1) as usize];
            }
            let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag01[(y & 1) as usize];
            self.mti = 0;
        }
        let mut y = self.mt[self.mti];
        self.mti += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^= y >> 18;
        y as f64 * 2.328_306_436_538_696_3e-10
    }

    /// A uniform deviate in (0, 1) (R's `unif_rand`).
    pub fn unif_rand(&mut self) -> f64 {
        self.ensure_seeded();
        let x = self.genrand();
        if x <= 0.0 {
            return 0.5 * I2_32M1;
        }
        if 1.0 - x <= 0.0 {
            return 1.0 - 0.5 * I2_32M1;
        }
        x
    }

    /// A standard normal deviate by inversion (R's default `norm_rand`).
    pub fn norm_rand(&mut self) -> f64 {
        const BIG: f64 = 134_217_728.0; // 2^27
        let u = self.unif_rand();
        let u = (BIG * u).trunc() + self.unif_rand();
        qnorm_std(u / BIG)
    }

    /// A standard exponential deviate (Ahrens & Dieter 1972, R's `exp_rand`).
    pub fn exp_rand(&mut self) -> f64 {
        // q[k-1] = sum(log(2)^k / k!), k = 1..16
        const Q: [f64; 16] = [
            0.6931471805599453,
            0.9333736875190459,
            0.9888777961838675,
            0.9984959252914960,
            0.9998292811061389,
            0.9999833164100727,
            0.9999985691438767,
            0.9999998906925558,
            0.9999999924734159,
            0.9999999995283275,
            0.9999999999728814,
            0.9999999999985598,
            0.9999999999999289,
            0.9999999999999968,
            0.9999999999999999,
            1.0000000000000000,
        ];
        let mut a = 0.0;
        let mut u = self.unif_rand();
        loop {
            u += u;
            if u > 1.0 {
                break;
            }
            a += Q[0];
        }
        u -= 1.0;
        if u <= Q[0] {
            return a + u;
        }
        let mut i = 0;
        let mut umin = self.unif_rand();
        loop {
            let ustar = self.unif_rand();
            if ustar < umin {
                umin = ustar;
            }
            i += 1;
            if u <= Q[i] || i == Q.len() - 1 {
                break;
            }
        }
        a + umin * Q[0]
    }

    /// A non-negative integer below `2^bits`, built from 16-bit chunks of uniforms.
    fn rbits(&mut self, bits: u32) -> f64 {
        let mut v: u64 = 0;
        let mut n = 0;
        while n <= bits {
            let v1 = (self.unif_rand() * 65536.0).floor() as u64;
            v = v.wrapping_mul(65536).wrapping_add(v1);
            n += 16;
        }
        let mask = if bits >= 64 {
            u64::MAX
        } else {
            (1u64 << bits) - 1
        };
        (v & mask) as f64
    }

    /// A uniform index in `0..dn` (R's `R_unif_index`).
    pub fn unif_index(&mut self, dn: f64) -> f64 {
        if self.sample_kind == SampleKind::Rounding {
            let u = if dn > i32::MAX as f64 {
                let big = 33_554_432.0;
                ((big * self.unif_rand()).floor() + self.unif_rand()) / big
            } else {
                self.unif_rand()
            };
            return (dn * u).floor();
        }
        if dn <= 0.0 {
            return 0.0;
        }
        let bits = dn.log2().ceil() as u32;
        loop {
            let dv = self.rbits(bits);
            if dn > dv {
                return dv;
            }
        }
    }
}

/// The standard normal quantile for 0 < p < 1 (the same AS241 code as `qnorm`).
pub(crate) fn qnorm_std(p: f64) -> f64 {
    crate::stats::dist::normal::qnorm(p, 0.0, 1.0, true, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runif_seed_1() {
        let mut r = Rng::from_seed(1);
        let u = r.unif_rand();
        assert_eq!(format!("{:.9}", u), "0.265508663");
    }
}

/// `.Random.seed`: R's kind code, the position in the state, then the 624 state words.
impl Rng {
    /// The state as R's `.Random.seed` holds it.
    pub fn seed_vector(&self) -> Vec<i32> {
        let code = if self.sample_kind == SampleKind::Rounding { 403 } else { 10403 };
        let mut v = Vec::with_capacity(N + 2);
        v.push(code);
        v.push(self.mti as i32);
        v.extend(self.mt.iter().map(|&w| w as i32));
        v
    }

    /// Restores a state saved from `.Random.seed`; false when `s` is not a
    /// Mersenne-Twister state of the right length.
    pub fn set_seed_vector(&mut self, s: &[i32]) -> bool {
        if s.len() != N + 2 || s[0] < 0 || s[0] % 100 != 3 {
            return false;
        }
        self.sample_kind = if s[0] / 10000 == 1 { SampleKind::Rejection } else { SampleKind::Rounding };
        self.mti = if s[1] <= 0 { N } else { (s[1] as usize).min(N) };
        for (w, &x) in self.mt.iter_mut().zip(&s[2..]) {
            *w = x as u32;
        }
        self.pois = PoisState::default();
        self.seeded = true;
        true
    }
}
