// The rich menu image, drawn from the tiles' labels and captions: a coloured tile per life event, the label
// large, the caption under it, white gutters between tiles. PNG, 2500 × 1686, well under LINE's 1 MB.
import { encodePng } from "./png.js";
import { Raster, type Rgb } from "./raster.js";
import { RICH_MENU_SIZE, richMenuTiles, type RichMenuTile } from "./rich-menu-definition.js";

const INK: Rgb = [34, 34, 34];
const CAPTION_INK: Rgb = [85, 85, 85];
const GUTTER: Rgb = [255, 255, 255];
const GUTTER_PX = 6;

export function renderRichMenuImage(tiles: readonly RichMenuTile[] = richMenuTiles()): Buffer {
  const raster = new Raster(RICH_MENU_SIZE.width, RICH_MENU_SIZE.height, GUTTER);
  for (const tile of tiles) drawTile(raster, tile);
  return encodePng(raster.width, raster.height, raster.rgb);
}

function drawTile(raster: Raster, t: RichMenuTile): void {
  raster.fillRect(t.x + GUTTER_PX, t.y + GUTTER_PX, t.width - 2 * GUTTER_PX, t.height - 2 * GUTTER_PX, t.color);
  const center = t.x + t.width / 2;
  const labelSize = fitSize(raster, t.label, 190, t.width * 0.86);
  const captionSize = fitSize(raster, t.caption, 78, t.width * 0.86);
  raster.drawTextCentered(t.label, center, t.y + t.height * 0.52, labelSize, INK);
  raster.drawTextCentered(t.caption, center, t.y + t.height * 0.52 + captionSize * 1.9, captionSize, CAPTION_INK);
}

/** `preferred`, or smaller so that `text` fits `maxWidth`. */
function fitSize(raster: Raster, text: string, preferred: number, maxWidth: number): number {
  const width = raster.measure(text, preferred);
  return width <= maxWidth ? preferred : Math.floor((preferred * maxWidth) / width);
}
