// Registers the rich menu through the Messaging API: validate, create, upload the image, make it the
// default for every user, then delete the menus this tool registered before (same name), so re-running
// it replaces the menu instead of piling up copies.
import type { LineApiClient } from "../line-api-client.js";
import { RICH_MENU_NAME, richMenuRequest, richMenuTiles, type RichMenuTile } from "./rich-menu-definition.js";
import { renderRichMenuImage } from "./rich-menu-image.js";

export interface RichMenuRegistration {
  richMenuId: string;
  imageBytes: number;
  /** Ids of the earlier menus of the same name that were deleted. */
  replaced: string[];
}

export async function registerRichMenu(
  client: LineApiClient,
  tiles: readonly RichMenuTile[] = richMenuTiles(),
  image = renderRichMenuImage(tiles),
): Promise<RichMenuRegistration> {
  const request = richMenuRequest(tiles);
  await client.validateRichMenu(request);
  const earlier = (await client.listRichMenus()).filter((m) => m.name === RICH_MENU_NAME).map((m) => m.richMenuId);
  const richMenuId = await client.createRichMenu(request);
  await client.uploadRichMenuImage(richMenuId, image);
  await client.setDefaultRichMenu(richMenuId);
  for (const id of earlier) await client.deleteRichMenu(id);
  return { richMenuId, imageBytes: image.length, replaced: earlier };
}
