// kuromoji's Viterbi lattice, built in typed arrays that are reused from one sentence to the next.
// kuromoji's own ViterbiBuilder makes, for every sentence, a SurrogateAwareString per position, a UTF-8
// copy and a result array per dictionary prefix search, a key string per word found and an object per
// lattice node: most of a question's garbage, and so most of the collector's pauses. This walks the same
// double-array trie, reads the same token-info and connection-cost buffers and makes the same choices in
// the same order (ties go to the first node appended, as kuromoji's strict `<` does), so the best path is
// kuromoji's; test/text/lean-tokenizer.test.ts compares the tokens with kuromoji's on every text we have.
// Sentences holding a surrogate pair are not read here (kuromoji mixes code points and UTF-16 units for
// them); the caller gives those to kuromoji itself.

/** The parts of kuromoji's loaded dictionary the lattice reads (kuromoji's own objects, unchanged). */
export interface LatticeDictionary {
  trieBase: Int32Array;
  trieCheck: Int32Array;
  /** The token-info ids of a trie word (kuromoji's target_map). */
  wordIds(trieId: number): ArrayLike<number> | undefined;
  /** tid.dat: per token info, left id, right id and cost as little-endian int16. */
  tokenInfo: Uint8Array;
  unknownInfo: Uint8Array;
  unknownIds(classId: number): ArrayLike<number> | undefined;
  /** The character class of a UTF-16 unit outside the surrogates (kuromoji's CharacterDefinition.lookup). */
  charClass(code: number): CharacterClass;
  /** matrix.def: dimensions first, then cost[right * backward + left]. */
  costs: Int16Array;
}

export interface CharacterClass {
  class_id: number;
  class_name: string;
  is_always_invoke: number | boolean;
  is_grouping: number | boolean;
}

/** A shape kuromoji would read differently (or fail on): the caller asks kuromoji itself. */
export class LatticeUnsupported extends Error {}

export const BOS = 0;
export const KNOWN = 1;
export const UNKNOWN = 2;
export const EOS = 3;

const NONE = -1;
const MAX_COST = Number.MAX_VALUE;

export class KuromojiLattice {
  /** Node fields, node 0 is BOS; `from` and the positions are in UTF-16 units of the sentence. */
  name = new Int32Array(256);
  cost = new Int32Array(256);
  start = new Int32Array(256);
  length = new Int32Array(256);
  left = new Int32Array(256);
  right = new Int32Array(256);
  type = new Uint8Array(256);
  prev = new Int32Array(256);
  shortest = new Float64Array(256);
  /** The next node ending at the same position, in the order appended. */
  next = new Int32Array(256);
  count = 0;
  /** First and last node ending at each position. */
  private head = new Int32Array(64);
  private tail = new Int32Array(64);
  private eosPos = 1;
  private maxEnd = 0;
  private readonly bytes = new Uint8Array(3);

  constructor(private readonly dic: LatticeDictionary) {}

  /** The best path through text[from, to) (no surrogates), as node numbers; empty where kuromoji gives none. */
  bestPath(text: string, from: number, to: number, path: number[]): number[] {
    path.length = 0;
    this.build(text, from, to);
    this.forward();
    const eos = this.head[this.maxEnd + 1]!;
    let node = this.prev[eos]!;
    if (node === NONE) return path;
    while (this.type[node] !== BOS) {
      path.push(node);
      if (this.prev[node] === NONE) {
        path.length = 0;
        return path;
      }
      node = this.prev[node]!;
    }
    return path.reverse();
  }

  private build(text: string, from: number, to: number): void {
    const n = to - from;
    this.reset(n);
    for (let pos = 0; pos < n; pos++) {
      const words = this.knownWords(text, from + pos, to, pos);
      this.unknownWord(text, from + pos, to, pos, words);
    }
    // kuromoji puts EOS one past the last position any node ends at, starting where eos_pos says.
    this.eosPos++;
    this.append(-1, 0, this.eosPos, 0, EOS, 0, 0, this.maxEnd + 1);
  }

  /** Every dictionary word starting at `at` (shortest first), its token infos in the dictionary's order. */
  private knownWords(text: string, at: number, to: number, pos: number): number {
    const { dic, bytes } = this;
    let parent = 0;
    let found = 0;
    for (let j = at; j < to; j++) {
      const size = utf8(text.charCodeAt(j), bytes);
      for (let k = 0; k < size; k++) {
        const child = this.traverse(parent, bytes[k]!);
        if (child === NONE) return found;
        parent = child;
        const leaf = this.traverse(child, 0);
        if (leaf === NONE) continue;
        const base = this.base(leaf);
        if (k !== size - 1 || base > 0) throw new LatticeUnsupported("a trie word ending inside a character");
        const ids = dic.wordIds(-base - 1);
        if (ids === undefined) throw new LatticeUnsupported("a trie word without token infos");
        for (let i = 0; i < ids.length; i++) this.appendInfo(dic.tokenInfo, ids[i]!, pos, j - at + 1, KNOWN);
        found++;
      }
    }
    return found;
  }

  /** kuromoji's unknown-word nodes at `at`: when no word starts there, or the class always invokes. */
  private unknownWord(text: string, at: number, to: number, pos: number, words: number): void {
    const cls = this.dic.charClass(text.charCodeAt(at));
    if (words !== 0 && cls.is_always_invoke !== 1) return;
    let size = 1;
    if (cls.is_grouping === 1 && to - at > 1) {
      while (at + size < to && this.dic.charClass(text.charCodeAt(at + size)).class_name === cls.class_name) size++;
    }
    const ids = this.dic.unknownIds(cls.class_id);
    if (ids === undefined) throw new LatticeUnsupported("a character class without unknown-word entries");
    for (let i = 0; i < ids.length; i++) this.appendInfo(this.dic.unknownInfo, ids[i]!, pos, size, UNKNOWN);
  }

  private appendInfo(info: Uint8Array, id: number, pos: number, size: number, type: number): void {
    const end = pos + size;
    this.append(id, int16(info, id + 4), pos + 1, size, type, int16(info, id), int16(info, id + 2), end);
  }

  private forward(): void {
    const costs = this.dic.costs;
    const backward = this.dic.costs[1]!;
    for (let i = 1; i <= this.eosPos; i++) {
      for (let node = i < this.head.length ? this.head[i]! : NONE; node !== NONE; node = this.next[node]!) {
        const before = this.start[node]! - 1;
        let prev = before < this.head.length && before >= 0 ? this.head[before]! : NONE;
        if (prev === NONE) continue;
        let cost = MAX_COST;
        let best = NONE;
        const left = this.left[node]!;
        const own = this.cost[node]!;
        for (; prev !== NONE; prev = this.next[prev]!) {
          const index = this.right[prev]! * backward + left + 2;
          if (costs.length < index + 1) throw new LatticeUnsupported("ConnectionCosts buffer overflow");
          const total = this.shortest[prev]! + costs[index]! + own;
          if (total < cost) {
            best = prev;
            cost = total;
          }
        }
        this.prev[node] = best;
        this.shortest[node] = cost;
      }
    }
  }

  private reset(n: number): void {
    if (this.head.length < n + 3) {
      this.head = new Int32Array(2 * (n + 3));
      this.tail = new Int32Array(2 * (n + 3));
    }
    this.head.fill(NONE, 0, n + 3);
    this.tail.fill(NONE, 0, n + 3);
    this.count = 0;
    this.eosPos = 1;
    this.maxEnd = 0;
    this.append(-1, 0, 0, 0, BOS, 0, 0, 0);
    this.maxEnd = 0;
  }

  private append(
    name: number,
    cost: number,
    start: number,
    length: number,
    type: number,
    left: number,
    right: number,
    end: number,
  ): void {
    if (this.count === this.name.length) this.grow();
    const node = this.count++;
    this.name[node] = name;
    this.cost[node] = cost;
    this.start[node] = start;
    this.length[node] = length;
    this.type[node] = type;
    this.left[node] = left;
    this.right[node] = right;
    this.prev[node] = NONE;
    this.shortest[node] = type === BOS ? 0 : MAX_COST;
    this.next[node] = NONE;
    if (type !== EOS) {
      if (this.eosPos < end) this.eosPos = end;
      if (this.maxEnd < end) this.maxEnd = end;
    }
    if (this.tail[end] === NONE) this.head[end] = node;
    else this.next[this.tail[end]!] = node;
    this.tail[end] = node;
  }

  private grow(): void {
    const size = 2 * this.name.length;
    const copy = <T extends Int32Array | Uint8Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.name = copy(this.name, (n) => new Int32Array(n));
    this.cost = copy(this.cost, (n) => new Int32Array(n));
    this.start = copy(this.start, (n) => new Int32Array(n));
    this.length = copy(this.length, (n) => new Int32Array(n));
    this.left = copy(this.left, (n) => new Int32Array(n));
    this.right = copy(this.right, (n) => new Int32Array(n));
    this.type = copy(this.type, (n) => new Uint8Array(n));
    this.prev = copy(this.prev, (n) => new Int32Array(n));
    this.shortest = copy(this.shortest, (n) => new Float64Array(n));
    this.next = copy(this.next, (n) => new Int32Array(n));
  }

  /** doublearray's getBase, past the end included. */
  private base(index: number): number {
    const base = this.dic.trieBase;
    return base.length - 1 < index ? -index + 1 : base[index]!;
  }

  /** doublearray's traverse: the child of `parent` by byte `code`, or NONE. */
  private traverse(parent: number, code: number): number {
    const child = this.base(parent) + code;
    const check = this.dic.trieCheck;
    const owner = check.length - 1 < child ? -child - 1 : check[child];
    return owner === parent ? child : NONE;
  }
}

/** A UTF-16 unit outside the surrogates as UTF-8, as doublearray encodes it; its length. */
function utf8(code: number, bytes: Uint8Array): number {
  if (code < 0x80) {
    bytes[0] = code;
    return 1;
  }
  if (code < 0x800) {
    bytes[0] = (code >>> 6) | 0xc0;
    bytes[1] = (code & 0x3f) | 0x80;
    return 2;
  }
  bytes[0] = (code >>> 12) | 0xe0;
  bytes[1] = ((code >> 6) & 0x3f) | 0x80;
  bytes[2] = (code & 0x3f) | 0x80;
  return 3;
}

/** kuromoji's ByteBuffer.getShort: little-endian int16, 0 past the end. */
function int16(bytes: Uint8Array, index: number): number {
  if (bytes.length < index + 2) return 0;
  const value = (bytes[index + 1]! << 8) + bytes[index]!;
  return value & 0x8000 ? -((value - 1) ^ 0xffff) : value;
}
