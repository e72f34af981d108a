// The project's one seeded PRNG (mulberry32) and the samplers the pacing simulator needs: a seed always replays the
// same trace, data set or sample, in every layer that imports it (dialer, server, scripts).

export type Rng = () => number;

/** mulberry32: tiny, fast, and good enough for simulation; returns floats in [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal by Box–Muller; uses two draws per sample so streams stay aligned across runs. */
export function normal(rng: Rng): number {
  const u = Math.max(rng(), 1e-12);
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Lognormal parameters (mu, sigma) that give the requested mean and standard deviation. */
export function lognormalParams(mean: number, sd: number): { mu: number; sigma: number } {
  const sigma2 = Math.log(1 + (sd * sd) / (mean * mean));
  return { mu: Math.log(mean) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
}

export function lognormal(rng: Rng, mean: number, sd: number): number {
  if (sd <= 0) return mean;
  const { mu, sigma } = lognormalParams(mean, sd);
  return Math.exp(mu + sigma * normal(rng));
}
