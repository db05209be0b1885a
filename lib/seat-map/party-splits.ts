// Ways to split a party that cannot sit together, best first: fewest groups, then fewest people
// sitting on their own, then the biggest group as big as possible (5+1 loses to 4+2 because of
// the single; 4+2 beats 3+3 because more of the party sits together).

/** Partitions of n into exactly `parts` positive parts, each at most `max`, largest part first. */
export function partitionsInto(n: number, parts: number, max: number): number[][] {
  if (parts === 0) return n === 0 ? [[]] : [];
  if (n < parts || n > parts * max) return [];
  const out: number[][] = [];
  for (let first = Math.min(max, n - parts + 1); first * parts >= n; first--) {
    for (const rest of partitionsInto(n - first, parts - 1, first)) out.push([first, ...rest]);
  }
  return out;
}

const singles = (split: number[]) => split.filter((p) => p === 1).length;

/** Splits of n into two or more groups of at most `maxGroup`, in order of preference. */
export function* partySplits(n: number, maxGroup: number): Generator<number[]> {
  for (let parts = 2; parts <= n; parts++) {
    const splits = partitionsInto(n, parts, maxGroup);
    splits.sort((a, b) => singles(a) - singles(b) || compareDescending(a, b));
    yield* splits;
  }
}

function compareDescending(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return b[i] - a[i];
  return 0;
}
