/**
 * A unified-style line diff, small enough for one environment (tens of lines): the longest common
 * subsequence by dynamic programming, then runs of unchanged lines folded down to some context.
 */

export type DiffLine = { op: " " | "-" | "+"; text: string };

export function diffLines(before: readonly string[], after: readonly string[]): DiffLine[] {
  const rows = before.length + 1;
  const cols = after.length + 1;
  // common[i][j]: length of the LCS of before[i..] and after[j..]
  const common: number[][] = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  for (let i = before.length - 1; i >= 0; i--) {
    for (let j = after.length - 1; j >= 0; j--) {
      common[i]![j] = before[i] === after[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    if (i < before.length && j < after.length && before[i] === after[j]) {
      lines.push({ op: " ", text: before[i++]! });
      j++;
    } else if (i < before.length && (j === after.length || common[i + 1]![j]! >= common[i]![j + 1]!)) {
      // Removals before additions, as `diff -u` shows a changed line.
      lines.push({ op: "-", text: before[i++]! });
    } else {
      lines.push({ op: "+", text: after[j++]! });
    }
  }
  return lines;
}

export interface DiffFormat {
  /** Unchanged lines kept around each change. */
  context?: number;
  paint?: (op: "-" | "+", text: string) => string;
}

/** `-`/`+`/` ` lines; a run of two or more unchanged lines far from any change shrinks to `…`. */
export function formatDiff(lines: readonly DiffLine[], format: DiffFormat = {}): string[] {
  const context = format.context ?? 3;
  const paint = format.paint ?? ((_op, text) => text);
  const changed = lines.map((line) => line.op !== " ");
  const hidden = lines.map((_line, index) => !changed.slice(Math.max(0, index - context), index + context + 1).includes(true));
  const shown: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    let end = index;
    while (hidden[end] === true) end++;
    if (end - index >= 2) {
      shown.push("  …");
      index = end - 1;
    } else if (line.op === " ") {
      shown.push(`  ${line.text}`);
    } else {
      shown.push(paint(line.op, `${line.op} ${line.text}`));
    }
  }
  return shown;
}
