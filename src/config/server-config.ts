// The server's configuration, read once from an injectable environment (tests pass their own).
// The channels (src/channels/*/index.ts) and the shared state (Redis) read their own variables from `config.env`.
import { resolve } from "node:path";
import { PACKAGE_ROOT } from "./package-root.js";

/** The bundled knowledge and dialogue data at the package root (the CLI reads these too). */
export const BUNDLED_KNOWLEDGE = resolve(PACKAGE_ROOT, "knowledge");
export const BUNDLED_INTENTS = resolve(PACKAGE_ROOT, "intents");
/** The synonyms used when a knowledge directory has none of its own. */
export const BUNDLED_SYNONYMS = resolve(BUNDLED_KNOWLEDGE, "synonyms.yaml");

export type Env = Readonly<Record<string, string | undefined>>;

export interface ServerConfig {
  /** HOST (default 127.0.0.1: only this machine; 0.0.0.0 to serve the network). */
  host: string;
  /** PORT (default 3000; 0 picks a free port). */
  port: number;
  /** MADOGUCHI_KNOWLEDGE (default: the knowledge bundled with the package). */
  knowledgeDir: string;
  /** MADOGUCHI_MUNICIPALITY: the deployment's scope (a city's account answers about that city). */
  municipality: string | undefined;
  /** LOG_LEVEL (default info). */
  logLevel: string;
  /** MADOGUCHI_BODY_LIMIT in bytes (default 1 MiB): larger bodies get 413 on every route. */
  bodyLimit: number;
  /** MADOGUCHI_WATCH (default on): reload when files under the knowledge directory change. */
  watchKnowledge: boolean;
  /** MADOGUCHI_RELOAD_DEBOUNCE_MS (default 300): wait this long after the last change before reloading. */
  reloadDebounceMs: number;
  /** PUBLIC_URL: the address the world reaches this server at, printed for webhook set-up. */
  publicUrl: string | undefined;
  /** The environment the configuration was read from: channels and the shared state read their own variables. */
  env: Env;
}

/** A configuration value that cannot be used; the message names the variable and what it expects. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = "ConfigError";
  }
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

export interface ConfigOverrides {
  host?: string;
  port?: string;
  knowledgeDir?: string;
}

/** The knowledge directory: `flag` (--knowledge), else MADOGUCHI_KNOWLEDGE, else the bundled knowledge. */
export function resolveKnowledgeDir(flag: string | undefined, env: Env): string {
  return resolve(flag ?? env["MADOGUCHI_KNOWLEDGE"] ?? BUNDLED_KNOWLEDGE);
}

export function readServerConfig(env: Env = process.env, overrides: ConfigOverrides = {}): ServerConfig {
  const logLevel = (env["LOG_LEVEL"] ?? "info").toLowerCase();
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError("LOG_LEVEL", `must be one of ${LOG_LEVELS.join(", ")}`);
  const municipality = env["MADOGUCHI_MUNICIPALITY"]?.trim() || undefined;
  return {
    host: overrides.host ?? env["HOST"] ?? "127.0.0.1",
    port: integer("PORT", overrides.port ?? env["PORT"], 3000, 0, 65535),
    knowledgeDir: resolveKnowledgeDir(overrides.knowledgeDir, env),
    municipality,
    logLevel,
    bodyLimit: integer("MADOGUCHI_BODY_LIMIT", env["MADOGUCHI_BODY_LIMIT"], 1024 * 1024, 1024, 64 * 1024 * 1024),
    watchKnowledge: flag("MADOGUCHI_WATCH", env["MADOGUCHI_WATCH"], true),
    reloadDebounceMs: integer("MADOGUCHI_RELOAD_DEBOUNCE_MS", env["MADOGUCHI_RELOAD_DEBOUNCE_MS"], 300, 0, 60_000),
    publicUrl: env["PUBLIC_URL"]?.replace(/\/+$/, "") || undefined,
    env,
  };
}

function integer(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}`);
  return n;
}

function flag(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw.trim() === "") return fallback;
  const v = raw.trim().toLowerCase();
  if (["1", "true", "yes", "on"].includes(v)) return true;
  if (["0", "false", "no", "off"].includes(v)) return false;
  throw new ConfigError(name, "must be on or off (1/0, true/false, yes/no)");
}
