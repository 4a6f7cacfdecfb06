// AssemblyScript: distance.ts' squaredDistance for the WebAssembly kernels (kmeans.as.ts,
// silhouette.as.ts), which inline it. `a` and `b` are byte offsets of two rows of d doubles.

/** distance.ts' squaredDistance: the same sums in the same order. */
@inline
export function squared(a: usize, b: usize, d: i32): f64 {
  if (d < 4) {
    let s: f64 = 0;
    if (d > 0) {
      const t = load<f64>(a) - load<f64>(b);
      s = t * t;
      if (d > 1) {
        const u = load<f64>(a, 8) - load<f64>(b, 8);
        s += u * u;
        if (d > 2) {
          const v = load<f64>(a, 16) - load<f64>(b, 16);
          s += v * v;
        }
      }
    }
    return s;
  }
  let s0: f64 = 0;
  let s1: f64 = 0;
  let s2: f64 = 0;
  let s3: f64 = 0;
  const end4 = a + (<usize>(d & ~3) << 3);
  const end = a + (<usize>d << 3);
  let p = a;
  let q = b;
  for (; p < end4; p += 32, q += 32) {
    const t0 = load<f64>(p) - load<f64>(q);
    const t1 = load<f64>(p, 8) - load<f64>(q, 8);
    const t2 = load<f64>(p, 16) - load<f64>(q, 16);
    const t3 = load<f64>(p, 24) - load<f64>(q, 24);
    s0 += t0 * t0;
    s1 += t1 * t1;
    s2 += t2 * t2;
    s3 += t3 * t3;
  }
  for (; p < end; p += 8, q += 8) {
    const t = load<f64>(p) - load<f64>(q);
    s0 += t * t;
  }
  return s0 + s1 + s2 + s3;
}
