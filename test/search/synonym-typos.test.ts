// One character off, same length, against the synonyms file's words of three characters or more.
import { describe, expect, it } from "vitest";
import { SynonymTypos } from "../../src/search/synonym-typos.js";

describe("SynonymTypos", () => {
  const typos = new SynonymTypos(["学童保育", "ふあみさぽ", "保育所", "保育料", "妊活"]);

  it.each([
    ["学道保育", "学童保育"],
    ["ふあみさほ", "ふあみさぽ"],
  ])("%s is a typo of %s", (text, word) => expect(typos.find(text)).toBe(word));

  it.each([
    ["学童保育", "the word itself is matched exactly elsewhere, and still maps to itself", "学童保育"],
    ["保育園", "one character off from both 保育所 and 保育料: ambiguous", undefined],
    ["妊娠", "words shorter than three characters are never guessed", undefined],
    ["学童クラブ", "more than one character off", undefined],
  ])("%s: %s", (text, _why, word) => expect(typos.find(text)).toBe(word));
});
