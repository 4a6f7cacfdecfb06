/**
 * A small, fast seeded generator (xoshiro128**, seeded through splitmix32) so that the same
 * seed and input always give the same output, in node and in every browser.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
}

export function createRandom(seed: number): Random {
  let s = seed >>> 0;
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  // The four words of state in a typed array: as closure variables, each update past 2^31 was
  // a number the engine boxed, and the generator ran at half the speed.
  const state = new Int32Array(4);
  state[0] = splitmix();
  state[1] = splitmix();
  state[2] = splitmix();
  state[3] = splitmix();
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
  const nextUint = (): number => {
    const a = state[0];
    const b = state[1];
    const c = state[2] ^ a;
    const d = state[3] ^ b;
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    state[0] = a ^ d;
    state[1] = b ^ c;
    state[2] = c ^ (b << 9);
    state[3] = rotl(d, 11);
    return result;
  };
  const next = (): number => {
    // 53 random bits, like Math.random.
    const hi = nextUint() >>> 5;
    const lo = nextUint() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  };
  return { next, int: (n: number) => Math.floor(next() * n) };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * `count` distinct indices from [0, n), in increasing order (all of them when count >= n).
 * Knuth's selection sampling: one pass, each index taken with probability needed / left, so it
 * needs no scratch memory and comes out sorted.
 */
export function sampleIndices(n: number, count: number, random: Random): Int32Array {
  const size = Math.min(count, n);
  const chosen = new Int32Array(size);
  let needed = size;
  for (let i = 0, taken = 0; i < n && needed > 0; i++) {
    if (random.next() * (n - i) < needed) {
      chosen[taken++] = i;
      needed--;
    }
  }
  return chosen;
}
