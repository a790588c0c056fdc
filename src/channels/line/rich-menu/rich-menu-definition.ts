// The rich menu: six tiles by life event (子育て・移住・仕事・高齢・制度診断・職員に相談), 3 × 2 on LINE's large
// size. A tap sends the same postback as the greeting's quick replies, with the label shown as the
// resident's message. The image is drawn from the same tiles (rich-menu-image.ts), so the two cannot drift.
import type { messagingApi } from "@line/bot-sdk";
import { LIFE_EVENTS, type LifeEvent } from "../life-events.js";
import { encodePostbackAction } from "../postback-action.js";

export const RICH_MENU_NAME = "madoguchi-life-events";
export const RICH_MENU_SIZE = { width: 2500, height: 1686 } as const;
const COLUMNS = 3;
const ROWS = 2;

/** Tile colours (RGB), light enough for dark text; one per life event in order. */
const TILE_COLORS: readonly (readonly [number, number, number])[] = [
  [255, 228, 225],
  [225, 240, 255],
  [232, 245, 225],
  [255, 243, 214],
  [236, 230, 255],
  [228, 246, 246],
];

export interface RichMenuTile {
  x: number;
  y: number;
  width: number;
  height: number;
  label: string;
  caption: string;
  color: readonly [number, number, number];
  event: LifeEvent;
}

export function richMenuTiles(events: readonly LifeEvent[] = LIFE_EVENTS): RichMenuTile[] {
  if (events.length !== COLUMNS * ROWS)
    throw new Error(`the rich menu has ${COLUMNS * ROWS} tiles; got ${events.length} life events`);
  return events.map((event, i) => {
    const col = i % COLUMNS;
    const row = Math.floor(i / COLUMNS);
    const x = Math.round((col * RICH_MENU_SIZE.width) / COLUMNS);
    const y = Math.round((row * RICH_MENU_SIZE.height) / ROWS);
    const width = Math.round(((col + 1) * RICH_MENU_SIZE.width) / COLUMNS) - x;
    const height = Math.round(((row + 1) * RICH_MENU_SIZE.height) / ROWS) - y;
    return {
      x,
      y,
      width,
      height,
      label: event.label,
      caption: event.caption,
      color: TILE_COLORS[i % TILE_COLORS.length]!,
      event,
    };
  });
}

export function richMenuRequest(tiles: readonly RichMenuTile[] = richMenuTiles()): messagingApi.RichMenuRequest {
  return {
    size: { ...RICH_MENU_SIZE },
    selected: true,
    name: RICH_MENU_NAME,
    chatBarText: "メニュー",
    areas: tiles.map((t) => {
      const data = encodePostbackAction(t.event.action);
      if (!data) throw new Error(`rich menu tile ${t.label}: its action does not fit LINE's postback data`);
      return {
        bounds: { x: t.x, y: t.y, width: t.width, height: t.height },
        action: { type: "postback", label: t.label, data, displayText: t.label },
      };
    }),
  };
}
