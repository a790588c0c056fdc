// `madoguchi line richmenu`: draws the rich menu (life events) and registers it as the LINE account's default.
// The topic tiles are those with programs in the account's municipality (--municipality, else the channel's
// or MADOGUCHI_MUNICIPALITY), read from the knowledge, so no tile opens an empty list.
import { writeFileSync } from "node:fs";
import type { Command } from "./command.js";
import { UsageError } from "./command.js";
import { parseCommandArgs } from "./args.js";
import { LineApiClient } from "../channels/line/line-api-client.js";
import { readLineConfig } from "../channels/line/line-config.js";
import { registerRichMenu } from "../channels/line/rich-menu/register-rich-menu.js";
import { renderRichMenuImage } from "../channels/line/rich-menu/rich-menu-image.js";
import { richMenuRequest, richMenuTiles } from "../channels/line/rich-menu/rich-menu-definition.js";
import { lifeEventsFor } from "../channels/line/life-events.js";
import { resolveKnowledgeDir } from "../config/server-config.js";
import { loadKnowledgeOrThrow } from "../knowledge/load.js";

export const lineCommand: Command = {
  summary: "register the LINE rich menu by life event (`line richmenu`; --dry-run only draws it)",
  usage:
    "madoguchi line richmenu [--dry-run] [--image FILE] [--channel NAME] [--municipality NAME] [--knowledge DIR]\n" +
    "  uses LINE_CHANNEL_ACCESS_TOKEN (or the channel NAME of LINE_CHANNELS_FILE) and LINE_API_BASE_URL",
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        "dry-run": { type: "boolean" },
        image: { type: "string" },
        channel: { type: "string" },
        municipality: { type: "string" },
        knowledge: { type: "string" },
      },
      true,
    );
    if (positionals[0] !== "richmenu" || positionals.length !== 1)
      throw new UsageError("expected the subcommand richmenu");
    const options = values["dry-run"] ? undefined : clientOptions(io.env, values.channel);
    const municipality =
      values.municipality ?? options?.municipality ?? (io.env["MADOGUCHI_MUNICIPALITY"]?.trim() || undefined);
    const tiles = richMenuTiles(await accountLifeEvents(resolveKnowledgeDir(values.knowledge, io.env), municipality));
    const image = renderRichMenuImage(tiles);
    if (values.image) {
      writeFileSync(values.image, image);
      io.stdout.write(`rich menu image: ${values.image} (${image.length} bytes, 2500×1686 PNG)\n`);
    }
    if (values["dry-run"]) {
      io.stdout.write(`${JSON.stringify(richMenuRequest(tiles), null, 2)}\n`);
      return 0;
    }
    const client = new LineApiClient(options!);
    const result = await registerRichMenu(client, tiles, image);
    io.stdout.write(
      `registered rich menu ${result.richMenuId} as the default for every user` +
        `${result.replaced.length > 0 ? `; deleted the earlier ${result.replaced.join(", ")}` : ""}\n`,
    );
    return 0;
  },
};

function clientOptions(env: NodeJS.ProcessEnv, channel: string | undefined) {
  if (channel) {
    const config = readLineConfig({
      ...env,
      LINE_CHANNEL_SECRET: undefined,
      LINE_CHANNEL_ACCESS_TOKEN: undefined,
    }).find((c) => c.name === channel);
    if (!config) throw new UsageError(`no LINE channel named "${channel}" in LINE_CHANNELS_FILE`);
    return {
      channelAccessToken: config.channelAccessToken,
      apiBaseUrl: config.apiBaseUrl,
      dataApiBaseUrl: config.dataApiBaseUrl,
      municipality: config.municipality,
    };
  }
  const token = env["LINE_CHANNEL_ACCESS_TOKEN"]?.trim();
  if (!token) throw new UsageError("set LINE_CHANNEL_ACCESS_TOKEN (or give --channel NAME with LINE_CHANNELS_FILE)");
  const base = env["LINE_API_BASE_URL"]?.trim() || undefined;
  return {
    channelAccessToken: token,
    apiBaseUrl: base,
    dataApiBaseUrl: env["LINE_API_DATA_BASE_URL"]?.trim() || base,
    municipality: undefined,
  };
}

/** The account's life events: the topics with programs in its municipality (every municipality when none). */
async function accountLifeEvents(dir: string, municipality: string | undefined) {
  const kb = await loadKnowledgeOrThrow(dir);
  const scope = municipality === undefined ? undefined : kb.resolveMunicipality(municipality);
  if (municipality !== undefined && !scope)
    throw new UsageError(`"${municipality}" is not a municipality of the knowledge in ${dir}`);
  return lifeEventsFor((category) =>
    kb.programs.some(
      (p) => (!scope || p.municipality === scope) && (p.categories as string[] | undefined)?.includes(category),
    ),
  );
}
