// A comparator for numbers that allocates nothing: `a - b` on doubles returns a new heap number from an
// unoptimised sort callback on every call (measured: a kilobyte a search), while -1/0/1 are small integers.
// Same order as a - b: a difference of two doubles is zero exactly when they are equal, and NaN counts as
// equal in both (a NaN difference is falsy, and `||` falls through to the next key).

/** Negative, zero or positive as a < b, a = b (or either is NaN), a > b. */
export const byNumber = (a: number, b: number): number => (a < b ? -1 : a > b ? 1 : 0);
