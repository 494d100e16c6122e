/**
 * Edit distance with adjacent transpositions (optimal string alignment): a swapped pair of
 * letters is one typo, as people make it, not two. With `limit`, any distance above it comes
 * back as `limit + 1` as soon as a row shows it (a row's smallest value never shrinks further
 * down), so a profile with a hundred thousand unknown keys is not compared letter by letter.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  // Three rolling rows instead of a full matrix: key names are short but this runs per unknown key.
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  let previousMin = 0;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, before[j - 2]! + 1);
      }
      current[j] = best;
      if (best < rowMin) rowMin = best;
    }
    // The transposition reaches back two rows, so stop only when both rows are past the limit.
    if (rowMin > limit && previousMin > limit) return limit + 1;
    previousMin = rowMin;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

/** How many typos still count as "close": one in short names, up to three in long ones. */
function tolerance(name: string): number {
  if (name.length <= 4) return 1;
  if (name.length <= 8) return 2;
  return 3;
}

/**
 * The candidate the name most likely meant, or undefined when none is close. A match that
 * differs only in case wins outright (plist keys are case-sensitive, so `oidcprovider` is a
 * typo of `OIDCProvider`); otherwise the smallest case-insensitive distance within tolerance,
 * the earlier candidate on a tie.
 */
export function closestMatch(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  const limit = tolerance(name);
  const counts = letterCounts(lower);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const other = candidate.toLowerCase();
    if (other === lower) return candidate;
    if (Math.abs(other.length - lower.length) > limit) continue;
    if (countsApart(counts, candidateCounts(other)) > 2 * limit) continue;
    const distance = editDistance(lower, other, limit);
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * How often each character occurs (by its code modulo 64, close enough for key names). One edit
 * changes these counts by at most 2 in all and a transposition not at all, so names whose counts
 * lie more than 2 × tolerance apart cannot be within tolerance: skipped before the full comparison,
 * which is what keeps a profile with a hundred thousand unknown keys from taking minutes.
 */
function letterCounts(text: string): Int16Array {
  const counts = new Int16Array(64);
  for (let index = 0; index < text.length; index++) counts[text.charCodeAt(index) & 63]! += 1;
  return counts;
}

function countsApart(a: Int16Array, b: Int16Array): number {
  let apart = 0;
  for (let index = 0; index < 64; index++) apart += Math.abs(a[index]! - b[index]!);
  return apart;
}

/** The catalogue's names are few and asked about again and again: their counts are kept. */
const candidateCache = new Map<string, Int16Array>();
function candidateCounts(name: string): Int16Array {
  let counts = candidateCache.get(name);
  if (counts === undefined) {
    counts = letterCounts(name);
    candidateCache.set(name, counts);
  }
  return counts;
}
