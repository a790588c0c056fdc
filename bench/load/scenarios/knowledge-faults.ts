// Broken knowledge: at start-up the server must refuse to start and name the file, the entry and the
// field; while serving under load, a broken edit must cost no request — the old knowledge keeps serving,
// /healthz says since when it is stale — and mending the file brings it back.
import { cp, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { runToExit } from "../server-process.js";
import { driveLine, awaitAnswers } from "../line-load.js";
import { startWebLoad } from "../web-load.js";
import { count, sleep, type ScenarioContext } from "./context.js";

const BROKEN_FILE = "zz-broken.yaml";
const BROKEN_ENTRY = `- id: imari-broken-entry
  municipality: 伊万里市
  name: 壊れた項目
  summery: 項目名のつづりが違う
  department: 子育て支援課
  source:
    document: imari-action-plan
    place: 重点施策一覧 No.44
`;

export async function brokenKnowledgeAtStart(ctx: ScenarioContext): Promise<void> {
  const dir = join(ctx.rig.dir, "broken-knowledge");
  await cp(ctx.rig.knowledgeDir, dir, { recursive: true });
  await writeFile(join(dir, "programs", BROKEN_FILE), BROKEN_ENTRY);
  const run = await runToExit({ ...ctx.rig.env({ MADOGUCHI_KNOWLEDGE: dir }) });
  await rm(dir, { recursive: true, force: true });
  const names = [BROKEN_FILE, "imari-broken-entry", "summery"].filter((s) => run.output.includes(s));
  ctx.out.add({
    id: "startup-schema-error",
    check: "knowledge file with a schema error at start-up",
    target: "refuses to start, names file, entry and field",
    result: `exit code ${run.code} after ${(run.ms / 1000).toFixed(1)} s; message names ${names.join(", ") || "nothing"}`,
    pass: run.code !== 0 && run.code !== null && names.length === 3,
    figures: { exitCode: run.code ?? -1, named: names.length },
  });
}

export async function brokenReloadUnderLoad(ctx: ScenarioContext): Promise<void> {
  const { rig, server, profile } = ctx;
  const seconds = profile.reloadSeconds;
  ctx.say(
    `reload under load: ${seconds} s of LINE and API traffic, knowledge broken at ${Math.round(seconds * 0.25)} s and mended at ${Math.round(seconds * 0.6)} s …`,
  );
  const before = await health(ctx);
  const web = startWebLoad(rig.client, server.url, 40);
  const faults = (async () => {
    await sleep(seconds * 250);
    await writeFile(join(rig.knowledgeDir, "programs", BROKEN_FILE), BROKEN_ENTRY);
    const stale = await pollHealth(ctx, (h) => h.knowledge.staleSince !== undefined, seconds * 300);
    await sleep(seconds * 100);
    await rm(join(rig.knowledgeDir, "programs", BROKEN_FILE));
    const mended = await pollHealth(ctx, (h) => h.knowledge.staleSince === undefined, seconds * 300);
    return { stale, mended };
  })();
  const drive = await driveLine({ target: ctx.line, client: rig.client, rate: 50, seconds, users: 1_000, run: "k0" });
  const [{ stale, mended }, webResult] = await Promise.all([faults, web.stop()]);
  const { missing } = await awaitAnswers(ctx.line, drive.eventIds, 20_000);
  const after = await health(ctx);
  const failed = drive.notAcked + missing + count(webResult.statuses, (s) => s !== 200);
  const requests = drive.sent + webResult.statuses.length;
  ctx.out.add({
    id: "reload",
    check: "broken knowledge reload while serving",
    target: "0 failed requests; old knowledge keeps serving",
    result: `${failed} failed of ${requests} (${drive.sent} LINE events, ${webResult.statuses.length} searches, ${webResult.noMatch} of them finding nothing, as some staff words do); /healthz stale while broken: ${stale ? "yes" : "no"}, ok after mending: ${mended ? "yes" : "no"}; version ${before.knowledge.version === after.knowledge.version ? "unchanged" : "changed"}`,
    pass: failed === 0 && stale && mended && before.knowledge.version === after.knowledge.version,
    figures: {
      requests,
      failed,
      lineEvents: drive.sent,
      searches: webResult.statuses.length,
      staleReported: stale,
      recovered: mended,
    },
  });
}

interface Health {
  status: string;
  knowledge: { version: string; staleSince?: string };
}

async function health(ctx: ScenarioContext): Promise<Health> {
  const r = await ctx.rig.client.send(`${ctx.server.url}/healthz`);
  return JSON.parse(r.text) as Health;
}

async function pollHealth(ctx: ScenarioContext, test: (h: Health) => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + Math.max(timeoutMs, 3_000);
  while (Date.now() < deadline) {
    if (test(await health(ctx))) return true;
    await sleep(100);
  }
  return false;
}
