// Data passed on as several separately decoded parts (a worker's result, a cached file), so the thread that
// decodes them can answer requests between parts instead of pausing for the whole.
//
// Wire format of framed parts: a little-endian uint32 count, then per part its uint32 length, then the
// parts' bytes one after the other.

export function frameParts(parts: readonly Uint8Array[]): Buffer {
  const head = Buffer.alloc(4 + 4 * parts.length);
  head.writeUInt32LE(parts.length, 0);
  parts.forEach((p, i) => head.writeUInt32LE(p.byteLength, 4 + 4 * i));
  return Buffer.concat([head, ...parts]);
}

/** The parts of framed bytes (views, not copies); throws when the bytes are not framed parts. */
export function unframeParts(bytes: Uint8Array): Buffer[] {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length < 4) throw new Error("not framed parts: too short");
  const count = b.readUInt32LE(0);
  let at = 4 + 4 * count;
  if (at > b.length) throw new Error("not framed parts: the lengths run past the end");
  const parts: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const length = b.readUInt32LE(4 + 4 * i);
    if (at + length > b.length) throw new Error("not framed parts: a part runs past the end");
    parts.push(b.subarray(at, at + length));
    at += length;
  }
  if (at !== b.length) throw new Error("not framed parts: bytes after the last part");
  return parts;
}

/** Lets queued requests run (the next turn of the event loop). */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
