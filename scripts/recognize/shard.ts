/**
 * Sharding a large archive over machines: `--shard i/n` (1-based) keeps the files whose
 * relative path hashes to i-1 modulo n. A hash of the path, not its position in a listing, so
 * every machine agrees even when their listings differ, and adding files never moves others.
 */

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new Error(`--shard expects i/n with 1 <= i <= n (e.g. 2/8), got "${text}"`);
  }
  return { index, count };
}

/** FNV-1a, 32 bits, over the UTF-8 bytes: stable across platforms and Node versions. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function inShard(relPath: string, shard: Shard): boolean {
  return fnv1a(relPath) % shard.count === shard.index - 1;
}
