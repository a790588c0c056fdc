// Which LINE channels this server answers, read once from an injectable environment:
// - LINE_CHANNEL_SECRET + LINE_CHANNEL_ACCESS_TOKEN: one channel at /webhooks/line, scoped by MADOGUCHI_MUNICIPALITY;
// - LINE_CHANNELS_FILE: a YAML or JSON list of channels (several cities on one server), each at /webhooks/line/<name>;
// - LINE_API_BASE_URL (and LINE_API_DATA_BASE_URL for uploads) point the API calls elsewhere (tests, staging);
// - LINE_LOADING_AFTER_MS (default 800): a one-to-one chat sees the loading animation when an answer takes longer.
// Secrets in the file can be given as the name of an environment variable (channelSecretEnv), so the file
// itself can be committed without them.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";

export interface LineChannelConfig {
  /** "default" for the environment's channel, else the file's name (the webhook path's last segment). */
  name: string;
  path: string;
  /** How the engine, sessions and the handoff know this account: "line", or "line/<name>". */
  channel: string;
  channelSecret: string;
  channelAccessToken: string;
  municipality: string | undefined;
  apiBaseUrl: string | undefined;
  dataApiBaseUrl: string | undefined;
  loadingAfterMs: number;
}

/** A LINE setting that cannot be used; names the variable (or file and entry) and what is wrong. */
export class LineConfigError extends Error {
  override name = "LineConfigError";
}

type Env = Readonly<Record<string, string | undefined>>;

const FileEntry = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case letters, digits and hyphens"),
  municipality: z.string().trim().min(1).optional(),
  channelSecret: z.string().min(1).optional(),
  channelSecretEnv: z.string().min(1).optional(),
  channelAccessToken: z.string().min(1).optional(),
  channelAccessTokenEnv: z.string().min(1).optional(),
  apiBaseUrl: z.url().optional(),
});

export function readLineConfig(
  env: Env,
  readFile: (path: string) => string = (p) => readFileSync(p, "utf8"),
): LineChannelConfig[] {
  const apiBaseUrl = optionalUrl(env, "LINE_API_BASE_URL");
  const dataApiBaseUrl = optionalUrl(env, "LINE_API_DATA_BASE_URL");
  const loadingAfterMs = loadingDelay(env);
  const channels: LineChannelConfig[] = [];
  const secret = env["LINE_CHANNEL_SECRET"]?.trim();
  const token = env["LINE_CHANNEL_ACCESS_TOKEN"]?.trim();
  if (secret && !token)
    throw new LineConfigError("LINE_CHANNEL_ACCESS_TOKEN is not set (LINE_CHANNEL_SECRET is): set both to enable LINE");
  if (token && !secret)
    throw new LineConfigError("LINE_CHANNEL_SECRET is not set (LINE_CHANNEL_ACCESS_TOKEN is): set both to enable LINE");
  if (secret && token) {
    channels.push({
      name: "default",
      path: "/webhooks/line",
      channel: "line",
      channelSecret: secret,
      channelAccessToken: token,
      municipality: env["MADOGUCHI_MUNICIPALITY"]?.trim() || undefined,
      apiBaseUrl,
      dataApiBaseUrl,
      loadingAfterMs,
    });
  }
  const file = env["LINE_CHANNELS_FILE"]?.trim();
  if (file)
    channels.push(
      ...readChannelsFile(resolve(file), env, readFile, apiBaseUrl, dataApiBaseUrl).map((c) => ({
        ...c,
        loadingAfterMs,
      })),
    );
  return channels;
}

type FileChannel = Omit<LineChannelConfig, "loadingAfterMs">;

function readChannelsFile(
  file: string,
  env: Env,
  readFile: (path: string) => string,
  apiBaseUrl?: string,
  dataApiBaseUrl?: string,
): FileChannel[] {
  let raw: unknown;
  try {
    raw = parseYaml(readFile(file));
  } catch (e) {
    throw new LineConfigError(`LINE_CHANNELS_FILE ${file}: cannot read it (${(e as Error).message.split("\n")[0]})`);
  }
  const parsed = z.array(FileEntry).min(1).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new LineConfigError(`LINE_CHANNELS_FILE ${file}: entry ${issue.path.join(".") || "(top)"}: ${issue.message}`);
  }
  const seen = new Set<string>();
  return parsed.data.map((entry, i) => {
    const where = `LINE_CHANNELS_FILE ${file}: entry ${i} (${entry.name})`;
    if (seen.has(entry.name)) throw new LineConfigError(`${where}: the name is used twice`);
    seen.add(entry.name);
    return {
      name: entry.name,
      path: `/webhooks/line/${entry.name}`,
      channel: `line/${entry.name}`,
      channelSecret: secretOf(entry.channelSecret, entry.channelSecretEnv, env, `${where}: channelSecret`),
      channelAccessToken: secretOf(
        entry.channelAccessToken,
        entry.channelAccessTokenEnv,
        env,
        `${where}: channelAccessToken`,
      ),
      municipality: entry.municipality,
      apiBaseUrl: entry.apiBaseUrl ?? apiBaseUrl,
      dataApiBaseUrl: entry.apiBaseUrl ?? dataApiBaseUrl,
    };
  });
}

function secretOf(literal: string | undefined, envName: string | undefined, env: Env, where: string): string {
  if (literal && envName) throw new LineConfigError(`${where}: give the value or the …Env variable name, not both`);
  if (literal) return literal;
  if (!envName)
    throw new LineConfigError(`${where}: missing (give it, or the name of an environment variable in …Env)`);
  const value = env[envName]?.trim();
  if (!value) throw new LineConfigError(`${where}: the environment variable ${envName} is not set`);
  return value;
}

function optionalUrl(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  if (!value) return undefined;
  if (!/^https?:\/\/[^\s/]+/.test(value))
    throw new LineConfigError(`${name} must be an http(s) URL, e.g. https://api.line.me`);
  return value.replace(/\/+$/, "");
}

function loadingDelay(env: Env): number {
  const raw = env["LINE_LOADING_AFTER_MS"]?.trim();
  if (!raw) return 800;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 60_000)
    throw new LineConfigError("LINE_LOADING_AFTER_MS must be a whole number of milliseconds from 0 to 60000");
  return n;
}
