// A typed array kept from one call to the next, grown when a call needs more. A typed array made per
// search is cheap to make but not to collect: each has an ArrayBuffer that the young-generation collector
// sweeps one by one (a third of every scavenge's pause, measured with --trace-gc-nvp). A search runs to
// its end on one thread, so one array per use is enough; callers read only the first n elements.
type Typed = Int32Array | Float64Array;

export class ReusedArray<T extends Typed> {
  private array: T;

  constructor(private readonly make: (n: number) => T) {
    this.array = make(64);
  }

  /** At least n elements, the first n set to `fill`; valid until the next take. */
  take(n: number, fill = 0): T {
    if (this.array.length < n) this.array = this.make(Math.max(n, 2 * this.array.length));
    this.array.fill(fill, 0, n);
    return this.array;
  }
}

export const reusedInt32 = () => new ReusedArray((n) => new Int32Array(n));
export const reusedFloat64 = () => new ReusedArray((n) => new Float64Array(n));
