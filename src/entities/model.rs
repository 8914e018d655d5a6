//! The trained tagger: a linear model over hashed [`features`](super::features)
//! with BIO labels and Viterbi decoding.
//!
//! The model file (`assets/ner.model`, written by `wenxi-train-ner`) is
//! `include_bytes!`-ed, so it ships inside the wasm. Its layout, all little-endian:
//!
//! ```text
//! b"WXNER2\0\0"   magic
//! u32             bits: the weight table has 2^bits rows
//! f32             temperature: divides the integer scores into log-probabilities
//! i32 x 8 x 7     transition scores: rows are the previous label (0..7), row 7 is "start"
//! i8 x 2^bits x 7 emission weights, one row of LABELS per hashed feature
//! ```
//!
//! Weights are int8 (quantized averaged-perceptron weights); a character's
//! score for a label is the integer sum of its features' weights. At load the
//! 7-byte rows are copied once into 8-byte rows (one `u64` load per
//! feature, summed in SWAR lanes).

use super::features::FEATURES;
use super::EntityType;

/// Number of labels: O, then B and I for PER, LOC and ORG.
pub const LABELS: usize = 7;

/// The magic bytes at the start of a model file.
pub const MAGIC: &[u8; 8] = b"WXNER2\0\0";

/// The label of a char: `0` is O; `1 + 2k` is B and `2 + 2k` is I of type `k`.
pub fn label(kind: EntityType, begin: bool) -> u8 {
    let k = match kind {
        EntityType::Person => 0,
        EntityType::Place => 1,
        EntityType::Organization => 2,
    };
    1 + 2 * k + u8::from(!begin)
}

/// The type of a non-O label.
pub fn label_type(l: u8) -> Option<EntityType> {
    match l {
        1 | 2 => Some(EntityType::Person),
        3 | 4 => Some(EntityType::Place),
        5 | 6 => Some(EntityType::Organization),
        _ => None,
    }
}

/// True when label `to` may follow label `from` (`from == 7` means start):
/// an I-X only after B-X or I-X.
pub fn allowed(from: usize, to: usize) -> bool {
    if to == 0 || to % 2 == 1 {
        return true;
    }
    from < LABELS && from != 0 && from.div_ceil(2) == to / 2
}

/// Turns BIO labels into `(start, end, type)` char ranges.
pub fn spans(labels: &[u8]) -> Vec<(usize, usize, EntityType)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, EntityType)> = None;
    for (i, &l) in labels.iter().enumerate() {
        let is_inside = l != 0 && l % 2 == 0;
        if let Some((s, k)) = open {
            if !(is_inside && label_type(l) == Some(k)) {
                out.push((s, i, k));
                open = None;
            }
        }
        if l % 2 == 1 || (is_inside && open.is_none()) {
            open = label_type(l).map(|k| (i, k));
        }
    }
    if let Some((s, k)) = open {
        out.push((s, labels.len(), k));
    }
    out
}

/// A path score for [`viterbi`]: `f32` in training, `i64` at inference
/// (exact integer sums that no segment length can overflow).
pub trait Score: Copy + PartialOrd + std::ops::Add<Output = Self> {
    /// Below every reachable score: the start of a forbidden path.
    const FORBIDDEN: Self;
}

impl Score for f32 {
    const FORBIDDEN: f32 = f32::NEG_INFINITY;
}

impl Score for i64 {
    const FORBIDDEN: i64 = i64::MIN / 4;
}

/// Viterbi over per-char label scores; `trans[from * LABELS + to]`, `from == 7` is start.
///
/// Only [`allowed`] moves are scored: an I label is reached from its own B
/// or I (two moves), an O or B label from any label (seven).
pub fn viterbi<S: Score>(emissions: &[[S; LABELS]], trans: &[S], out: &mut Vec<u8>) {
    out.clear();
    let n = emissions.len();
    if n == 0 {
        return;
    }
    let mut tt = [[S::FORBIDDEN; LABELS]; LABELS + 1];
    for (from, row) in tt.iter_mut().enumerate() {
        row.copy_from_slice(&trans[from * LABELS..(from + 1) * LABELS]);
    }
    let t = |from: usize, to: usize| tt[from][to];
    BACK.with(|b| match b.try_borrow_mut() {
        Ok(mut back) => forward(emissions, &t, &mut back, out),
        Err(_) => forward(emissions, &t, &mut Vec::new(), out),
    });
}

// Backpointers of `viterbi`, kept between calls.
thread_local! {
    static BACK: std::cell::RefCell<Vec<[u8; LABELS]>> = std::cell::RefCell::default();
}

/// The Viterbi recursion and backtrace of [`viterbi`], over `back` as scratch.
fn forward<S: Score>(
    emissions: &[[S; LABELS]],
    t: &impl Fn(usize, usize) -> S,
    back: &mut Vec<[u8; LABELS]>,
    out: &mut Vec<u8>,
) {
    let n = emissions.len();
    back.clear();
    back.resize(n, [0u8; LABELS]);
    let mut score = [S::FORBIDDEN; LABELS];
    for (to, s) in score.iter_mut().enumerate() {
        if allowed(LABELS, to) {
            *s = t(LABELS, to) + emissions[0][to];
        }
    }
    for (e, b) in emissions.iter().zip(back.iter_mut()).skip(1) {
        let mut next = [S::FORBIDDEN; LABELS];
        for to in 0..LABELS {
            let (best, arg) = if to != 0 && to % 2 == 0 {
                let (bf, inf) = (to - 1, to);
                let (vb, vi) = (score[bf] + t(bf, to), score[inf] + t(inf, to));
                if vi > vb {
                    (vi, inf)
                } else {
                    (vb, bf)
                }
            } else {
                let mut best = score[0] + t(0, to);
                let mut arg = 0;
                for (from, &s) in score.iter().enumerate().skip(1) {
                    let v = s + t(from, to);
                    if v > best {
                        best = v;
                        arg = from;
                    }
                }
                (best, arg)
            };
            next[to] = best + e[to];
            b[to] = arg as u8;
        }
        score = next;
    }
    let mut last = 0;
    for l in 1..LABELS {
        if score[l] > score[last] {
            last = l;
        }
    }
    out.resize(n, 0);
    out[n - 1] = last as u8;
    for i in (1..n).rev() {
        out[i - 1] = back[i][out[i] as usize];
    }
}

/// A model read from its bytes (see the module docs for the layout).
///
/// The rows are copied once into 8-byte rows (the 7 labels and a pad, each
/// biased by +128), so a feature's weights are one `u64` load, summed in
/// SWAR lanes.
#[derive(Debug, Clone)]
pub struct Model {
    mask: u32,
    temperature: f64,
    /// `exp(-d / temperature)` for integer score gaps `d`, so that the
    /// confidence needs no `exp` per char (see [`Model::confidence`]).
    exp_gap: Vec<f64>,
    /// `exp(trans / temperature)` of the allowed moves (0 for the others),
    /// rows `from` (`LABELS` is start), for [`Model::confidence`].
    exp_trans: Vec<[f64; LABELS]>,
    trans: Vec<i64>,
    rows: Vec<u64>,
}

/// Why model bytes were refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadModel(pub &'static str);

impl Model {
    /// Reads a model, copying its weight table into 8-byte rows.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, BadModel> {
        if bytes.len() < 16 || &bytes[..8] != MAGIC {
            return Err(BadModel("not a wenxi NER model"));
        }
        let bits = u32::from_le_bytes(bytes[8..12].try_into().expect("4 bytes"));
        if !(8..=26).contains(&bits) {
            return Err(BadModel("bad table size"));
        }
        let temperature = f32::from_le_bytes(bytes[12..16].try_into().expect("4 bytes")) as f64;
        if !(temperature.is_finite() && temperature > 0.0) {
            return Err(BadModel("bad temperature"));
        }
        let tn = (LABELS + 1) * LABELS;
        let head = 16 + 4 * tn;
        let rows = 1usize << bits;
        if bytes.len() != head + rows * LABELS {
            return Err(BadModel("truncated model"));
        }
        let trans = bytes[16..head]
            .chunks_exact(4)
            .map(|c| i64::from(i32::from_le_bytes(c.try_into().expect("4 bytes"))))
            .collect();
        // Each weight is stored biased to unsigned (w + 128, which is w
        // with its top bit flipped), as the SWAR sums in `emissions` read it.
        let padded = bytes[head..]
            .chunks_exact(LABELS)
            .map(|w| {
                let mut r = [0u8; 8];
                r[..LABELS].copy_from_slice(w);
                u64::from_le_bytes(r) ^ 0x8080_8080_8080_8080
            })
            .collect();
        let model = Model {
            mask: (rows - 1) as u32,
            temperature,
            exp_gap: Vec::new(),
            exp_trans: Vec::new(),
            trans,
            rows: padded,
        };
        Ok(model.with_temperature(temperature))
    }

    /// A copy with another temperature (what the trainer calibrates).
    pub fn with_temperature(mut self, temperature: f64) -> Model {
        self.temperature = temperature;
        self.exp_gap = exp_gaps(temperature);
        // Every path takes one move per char, so a constant taken off every
        // move cancels out; taking off the largest keeps exp() finite.
        let top = (0..=LABELS)
            .flat_map(|f| (0..LABELS).map(move |t| (f, t)))
            .filter(|&(f, t)| allowed(f, t))
            .map(|(f, t)| self.trans[f * LABELS + t])
            .max()
            .unwrap_or(0);
        self.exp_trans = (0..=LABELS)
            .map(|from| {
                let mut row = [0f64; LABELS];
                for (to, x) in row.iter_mut().enumerate() {
                    if allowed(from, to) {
                        *x = ((self.trans[from * LABELS + to] - top) as f64 / temperature).exp();
                    }
                }
                row
            })
            .collect();
        self
    }

    /// The transition scores, `trans[from * LABELS + to]` (`from == LABELS` is start).
    pub fn transitions(&self) -> &[i64] {
        &self.trans
    }

    /// Each char's score for each label: the sum of its features' weights.
    pub fn emissions(&self, feats: &[u32]) -> Vec<[i64; LABELS]> {
        let mut emissions = Vec::with_capacity(feats.len() / FEATURES);
        // SWAR: a row is one u64 of 8 weights, biased to unsigned (+128) at
        // load; the even and odd bytes are summed in two u64s of four u16
        // lanes each; FEATURES * 255 fits a lane, so no lane carries into the
        // next.
        const LO: u64 = 0x00FF_00FF_00FF_00FF;
        let unbias = (FEATURES * 128) as i64;
        for f in feats.chunks_exact(FEATURES) {
            let (mut even, mut odd) = (0u64, 0u64);
            for &h in f {
                let x = self.rows[(h & self.mask) as usize];
                even += x & LO;
                odd += (x >> 8) & LO;
            }
            let mut out = [0i64; LABELS];
            for (l, o) in out.iter_mut().enumerate() {
                let lanes = if l % 2 == 0 { even } else { odd };
                *o = ((lanes >> (16 * (l / 2))) & 0xFFFF) as i64 - unbias;
            }
            emissions.push(out);
        }
        emissions
    }

    /// The model's probability of each of `spans` (char ranges and types)
    /// being exactly an entity of that type, from forward-backward over the
    /// same scores Viterbi reads, divided by the model's temperature: how sure the
    /// tagger is, for a reader deciding what to check.
    pub fn confidence(
        &self,
        emissions: &[[i64; LABELS]],
        spans: &[(usize, usize, EntityType)],
    ) -> Vec<f32> {
        let n = emissions.len();
        if n == 0 || spans.is_empty() {
            return vec![0.0; spans.len()];
        }
        let tp = &self.exp_trans;
        let gap = |d: i64| self.exp_gap.get(d as usize).copied().unwrap_or(0.0);
        CONFIDENCE.with(|c| {
            let mut fresh = ForwardBackward::default();
            let mut held = c.try_borrow_mut();
            let fb = match held.as_deref_mut() {
                Ok(fb) => fb,
                Err(_) => &mut fresh,
            };
            fb.em.clear();
            fb.em.extend(emissions.iter().map(|e| {
                let m = e.iter().copied().max().unwrap_or(0);
                e.map(|x| gap(m - x))
            }));
            let em = &fb.em;
            // Scaled forward (alpha[i] sums to 1; norm[i] is the scale). An
            // I label is reached only from its own B or I: the other moves'
            // potentials are 0, and leaving out their products (+0, alpha
            // being in [0, 1]) leaves each sum as it was, bit for bit.
            fb.alpha.clear();
            fb.norm.clear();
            for (i, emi) in em.iter().enumerate() {
                let mut a = [0f64; LABELS];
                for (to, x) in a.iter_mut().enumerate() {
                    let s: f64 = if i == 0 {
                        tp[LABELS][to]
                    } else {
                        let p = &fb.alpha[i - 1];
                        if to != 0 && to % 2 == 0 {
                            p[to - 1] * tp[to - 1][to] + p[to] * tp[to][to]
                        } else {
                            p[0] * tp[0][to]
                                + p[1] * tp[1][to]
                                + p[2] * tp[2][to]
                                + p[3] * tp[3][to]
                                + p[4] * tp[4][to]
                                + p[5] * tp[5][to]
                                + p[6] * tp[6][to]
                        }
                    };
                    *x = s * emi[to];
                }
                let z = a.iter().sum::<f64>().max(f64::MIN_POSITIVE);
                fb.alpha.push(a.map(|x| x / z));
                fb.norm.push(z);
            }
            // Backward, only as far back as the earliest span end reads it.
            let lo = spans
                .iter()
                .map(|&(_, e, _)| if e < n { e } else { e - 1 })
                .min()
                .unwrap_or(0);
            fb.beta.clear();
            fb.beta.resize(n, [1f64; LABELS]);
            for i in (lo..n - 1).rev() {
                let (next, em1, z1) = (fb.beta[i + 1], &em[i + 1], fb.norm[i + 1]);
                // Moves with potential 0 add (0 * em) * beta = +0 while beta
                // is finite: then only the allowed moves are summed.
                let finite = next.iter().all(|x| x.is_finite());
                for (from, row) in tp.iter().enumerate().take(LABELS) {
                    let sum: f64 = if finite {
                        let mut sum = row[0] * em1[0] * next[0];
                        for to in 1..LABELS {
                            if to % 2 == 1 || allowed(from, to) {
                                sum += row[to] * em1[to] * next[to];
                            }
                        }
                        sum
                    } else {
                        (0..LABELS).map(|to| row[to] * em1[to] * next[to]).sum()
                    };
                    fb.beta[i][from] = sum / z1;
                }
            }
            let (alpha, beta, norm) = (&fb.alpha, &fb.beta, &fb.norm);
            spans
                .iter()
                .map(|&(s, e, kind)| {
                    let (b, inside) = (label(kind, true) as usize, label(kind, false) as usize);
                    // P(y_s = B) then each I, then anything but I after the span.
                    let mut p = alpha[s][b];
                    let mut last = b;
                    for i in s + 1..e {
                        p *= tp[last][inside] * em[i][inside] / norm[i];
                        last = inside;
                    }
                    if e < n {
                        let out: f64 = (0..LABELS)
                            .filter(|&l| l != inside)
                            .map(|l| tp[last][l] * em[e][l] * beta[e][l])
                            .sum::<f64>()
                            / norm[e];
                        p *= out;
                    } else {
                        p *= beta[e - 1][last];
                    }
                    p.clamp(0.0, 1.0) as f32
                })
                .collect()
        })
    }
}

/// The buffers of [`Model::confidence`], kept between calls.
#[derive(Default)]
struct ForwardBackward {
    em: Vec<[f64; LABELS]>,
    alpha: Vec<[f64; LABELS]>,
    norm: Vec<f64>,
    beta: Vec<[f64; LABELS]>,
}

thread_local! {
    static CONFIDENCE: std::cell::RefCell<ForwardBackward> = std::cell::RefCell::default();
}

/// `exp(-d / temperature)` for the gaps `d` that matter: past 40
/// temperatures the factor is below 1e-17 and counts as 0.
fn exp_gaps(temperature: f64) -> Vec<f64> {
    let n = (temperature * 40.0).ceil().clamp(1.0, 1e6) as usize;
    (0..=n).map(|d| (-(d as f64) / temperature).exp()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Model::confidence` as it was, summing over every move.
    fn reference(
        model: &Model,
        emissions: &[[i64; LABELS]],
        spans: &[(usize, usize, EntityType)],
    ) -> Vec<f32> {
        let n = emissions.len();
        if n == 0 || spans.is_empty() {
            return vec![0.0; spans.len()];
        }
        let tp = &model.exp_trans;
        let gap = |d: i64| model.exp_gap.get(d as usize).copied().unwrap_or(0.0);
        let em: Vec<[f64; LABELS]> = emissions
            .iter()
            .map(|e| {
                let m = e.iter().copied().max().unwrap_or(0);
                e.map(|x| gap(m - x))
            })
            .collect();
        // Scaled forward (alpha[i] sums to 1; norm[i] is the scale).
        let mut alpha = vec![[0f64; LABELS]; n];
        let mut norm = vec![1f64; n];
        for i in 0..n {
            let mut a = [0f64; LABELS];
            for (to, x) in a.iter_mut().enumerate() {
                let s: f64 = if i == 0 {
                    tp[LABELS][to]
                } else {
                    (0..LABELS).map(|f| alpha[i - 1][f] * tp[f][to]).sum()
                };
                *x = s * em[i][to];
            }
            let z = a.iter().sum::<f64>().max(f64::MIN_POSITIVE);
            alpha[i] = a.map(|x| x / z);
            norm[i] = z;
        }
        let mut beta = vec![[1f64; LABELS]; n];
        for i in (0..n - 1).rev() {
            for from in 0..LABELS {
                beta[i][from] = (0..LABELS)
                    .map(|to| tp[from][to] * em[i + 1][to] * beta[i + 1][to])
                    .sum::<f64>()
                    / norm[i + 1];
            }
        }
        spans
            .iter()
            .map(|&(s, e, kind)| {
                let (b, inside) = (label(kind, true) as usize, label(kind, false) as usize);
                // P(y_s = B) then each I, then anything but I after the span.
                let mut p = alpha[s][b];
                let mut last = b;
                for i in s + 1..e {
                    p *= tp[last][inside] * em[i][inside] / norm[i];
                    last = inside;
                }
                if e < n {
                    let out: f64 = (0..LABELS)
                        .filter(|&l| l != inside)
                        .map(|l| tp[last][l] * em[e][l] * beta[e][l])
                        .sum::<f64>()
                        / norm[e];
                    p *= out;
                } else {
                    p *= beta[e - 1][last];
                }
                p.clamp(0.0, 1.0) as f32
            })
            .collect()
    }

    /// A deterministic xorshift stream.
    fn stream(mut x: u64) -> impl FnMut() -> u64 {
        move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        }
    }

    #[test]
    fn confidence_is_bit_for_bit_what_it_was() {
        let model = crate::entities::embedded_model();
        let mut next = stream(0x9E37_79B9_7F4A_7C15);
        let mut labels = Vec::new();
        let mut checked = 0;
        for round in 0..400 {
            let n = 1 + (next() % 60) as usize;
            // Scores as wide as real ones, and far wider now and then (gaps
            // past the exp table, where potentials are 0).
            let width = if round % 5 == 0 { 20_000 } else { 3_000 };
            let emissions: Vec<[i64; LABELS]> = (0..n)
                .map(|_| [(); LABELS].map(|_| (next() % width) as i64 - width as i64 / 2))
                .collect();
            viterbi(&emissions, model.transitions(), &mut labels);
            let mut found = spans(&labels);
            // Spans the Viterbi path does not take are scored too.
            let s = (next() as usize) % n;
            let e = s + 1 + (next() as usize) % (n - s);
            found.push((s, e, EntityType::Organization));
            let got = model.confidence(&emissions, &found);
            let want = reference(model, &emissions, &found);
            let bits = |v: &[f32]| v.iter().map(|p| p.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&got), bits(&want), "round {round}");
            checked += found.len();
        }
        assert!(checked > 400);
    }
}
