// An RGB pixel buffer with the two drawing operations the rich menu needs: filled rectangles and text
// from the glyph atlas, scaled with area averaging so small text stays smooth.
import { inflateSync } from "node:zlib";
import { GLYPHS, GLYPH_BASELINE, GLYPH_EM, GLYPH_HEIGHT } from "./glyph-atlas.generated.js";

export type Rgb = readonly [number, number, number];

interface Glyph {
  width: number;
  alpha: Uint8Array;
}

let atlas: Map<string, Glyph> | undefined;

function glyphs(): Map<string, Glyph> {
  atlas ??= new Map(
    GLYPHS.map(([ch, width, data]) => [ch, { width, alpha: new Uint8Array(inflateSync(Buffer.from(data, "base64"))) }]),
  );
  return atlas;
}

/** Characters of `text` the atlas cannot draw (regenerate it with generate-glyph-atlas.mjs). */
export function missingGlyphs(text: string): string[] {
  return [...new Set([...text])].filter((ch) => ch !== " " && !glyphs().has(ch));
}

export class Raster {
  readonly rgb: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb,
  ) {
    this.rgb = new Uint8Array(width * height * 3);
    this.fillRect(0, 0, width, height, background);
  }

  fillRect(x: number, y: number, w: number, h: number, color: Rgb): void {
    for (let row = Math.max(0, y); row < Math.min(this.height, y + h); row++) {
      for (let col = Math.max(0, x); col < Math.min(this.width, x + w); col++)
        this.rgb.set(color, (row * this.width + col) * 3);
    }
  }

  /** Width in pixels of `text` drawn `size` px high. */
  measure(text: string, size: number): number {
    return (
      [...text].reduce((w, ch) => w + (ch === " " ? GLYPH_EM / 3 : (glyphs().get(ch)?.width ?? 0)), 0) *
      (size / GLYPH_EM)
    );
  }

  /** Draws `text` centred on `centerX` with its baseline at `baselineY`, `size` px per em. */
  drawTextCentered(text: string, centerX: number, baselineY: number, size: number, color: Rgb): void {
    const missing = missingGlyphs(text);
    if (missing.length > 0)
      throw new Error(
        `no glyph for ${missing.join(" ")} in the rich menu's glyph atlas: run src/channels/line/rich-menu/generate-glyph-atlas.mjs`,
      );
    const scale = size / GLYPH_EM;
    let x = centerX - this.measure(text, size) / 2;
    for (const ch of text) {
      const glyph = glyphs().get(ch);
      if (glyph) this.drawGlyph(glyph, x, baselineY - GLYPH_BASELINE * scale, scale, color);
      x += (glyph?.width ?? GLYPH_EM / 3) * scale;
    }
  }

  /** Each target pixel takes the atlas coverage under it (averaged when shrinking, interpolated when enlarging), blended over the background. */
  private drawGlyph(glyph: Glyph, left: number, top: number, scale: number, color: Rgb): void {
    const w = Math.ceil(glyph.width * scale);
    const h = Math.ceil(GLYPH_HEIGHT * scale);
    const x0 = Math.round(left);
    const y0 = Math.round(top);
    for (let ty = 0; ty < h; ty++) {
      for (let tx = 0; tx < w; tx++) {
        const coverage =
          scale > 1
            ? bilinearCoverage(glyph, (tx + 0.5) / scale - 0.5, (ty + 0.5) / scale - 0.5)
            : averageCoverage(glyph, tx / scale, ty / scale, (tx + 1) / scale, (ty + 1) / scale);
        if (coverage > 0) this.blend(x0 + tx, y0 + ty, color, coverage / 255);
      }
    }
  }

  private blend(x: number, y: number, color: Rgb, a: number): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const i = (y * this.width + x) * 3;
    for (let c = 0; c < 3; c++) this.rgb[i + c] = Math.round(this.rgb[i + c]! * (1 - a) + color[c]! * a);
  }
}

function averageCoverage(glyph: Glyph, sx0: number, sy0: number, sx1: number, sy1: number): number {
  let sum = 0;
  let n = 0;
  for (let y = Math.floor(sy0); y < Math.min(GLYPH_HEIGHT, Math.ceil(sy1)); y++) {
    for (let x = Math.floor(sx0); x < Math.min(glyph.width, Math.ceil(sx1)); x++) {
      sum += glyph.alpha[y * glyph.width + x]!;
      n++;
    }
  }
  return n === 0 ? 0 : sum / n;
}

function bilinearCoverage(glyph: Glyph, sx: number, sy: number): number {
  const at = (x: number, y: number) =>
    x < 0 || y < 0 || x >= glyph.width || y >= GLYPH_HEIGHT ? 0 : glyph.alpha[y * glyph.width + x]!;
  const x = Math.floor(sx);
  const y = Math.floor(sy);
  const fx = sx - x;
  const fy = sy - y;
  const top = at(x, y) * (1 - fx) + at(x + 1, y) * fx;
  const bottom = at(x, y + 1) * (1 - fx) + at(x + 1, y + 1) * fx;
  return top * (1 - fy) + bottom * fy;
}
