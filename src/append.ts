/**
 * Appends every item of a list, one push at a time. Spreading the list into one push passes each
 * item as an argument, and past about 100,000 of them (a 3 MB profile's keys, or its problems) Node throws
 * "Maximum call stack size exceeded": never spread a list of unbounded length into a call.
 */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest of the numbers, or `empty` when there are none; spreading into Math.max has the same limit. */
export function largest(numbers: Iterable<number>, empty = 0): number {
  let found: number | undefined;
  for (const value of numbers) if (found === undefined || value > found) found = value;
  return found ?? empty;
}
