// `madoguchi serve` fixes V8's heap growing factor (src/server/heap-growth.ts) unless told otherwise.
import { describe, expect, it } from "vitest";
import { applyHeapGrowth } from "../../src/server/heap-growth.js";

describe("applyHeapGrowth", () => {
  it("leaves V8 its own choice with 0, and the operator's node flag alone", () => {
    expect(applyHeapGrowth({ MADOGUCHI_HEAP_GROWING_PERCENT: "0" }, [])).toBe(0);
    expect(applyHeapGrowth({}, ["--heap-growing-percent=20"])).toBe("node flag");
  });

  it("refuses a value that is not a whole percent, naming the variable", () => {
    for (const raw of ["-5", "1.5", "half", "5000"])
      expect(() => applyHeapGrowth({ MADOGUCHI_HEAP_GROWING_PERCENT: raw }, [])).toThrow(
        /MADOGUCHI_HEAP_GROWING_PERCENT: must be a whole number/,
      );
  });
});
