// Generated request bodies for the fuzzing run (fast-check): LINE webhooks that are signed but strange
// (random event types, sources, modes, missing or mistyped fields, lone surrogates, postback data of
// any shape), signed bytes that are not JSON, unsigned noise; the JSON API's chat and search with any
// fields and query bytes; Slack events, slash commands and interactions with odd payloads.
import fc from "fast-check";

export type FuzzTarget = "line" | "line-unsigned" | "chat" | "search" | "program" | "slack-json" | "slack-form";

export interface FuzzRequest {
  target: FuzzTarget;
  /** The body, or for GET targets the raw (already percent-encoded) query or path segment. */
  body: string | Uint8Array;
}

const JAPANESE = [
  "出産のお祝い金はある？",
  "いくら？",
  "マイナンバー 1234 5678 9012",
  "０９０ー１２３４ー５６７８",
  "ｲﾏﾘ",
  "𠮷野家",
  "<!channel>",
  "<@U123|x>",
  "&lt;",
  "\u0000",
  "\u2028",
  "🤨",
];
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.constantFrom(...JAPANESE),
  loneSurrogate,
  fc.string({ unit: "grapheme", maxLength: 400 }),
);
const scalar = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

const source = fc.oneof(
  fc.record(
    {
      type: fc.constantFrom("user", "group", "room", "x"),
      userId: maybe(text),
      groupId: maybe(text),
      roomId: maybe(text),
    },
    { requiredKeys: ["type"] },
  ),
  fc.anything({ maxDepth: 2 }),
);

const lineEvent = fc.oneof(
  fc.record(
    {
      type: fc.oneof(
        fc.constantFrom(
          "message",
          "postback",
          "follow",
          "unfollow",
          "unsend",
          "join",
          "leave",
          "memberJoined",
          "beacon",
          "accountLink",
          "things",
          "videoPlayComplete",
        ),
        text,
      ),
      mode: fc.oneof(fc.constantFrom("active", "standby"), scalar),
      timestamp: scalar,
      webhookEventId: maybe(fc.oneof(text, fc.integer())),
      deliveryContext: maybe(fc.record({ isRedelivery: scalar })),
      source,
      replyToken: maybe(fc.oneof(text, fc.stringMatching(/^[0-9a-f]{32}$/))),
      message: maybe(
        fc.record(
          {
            type: fc.oneof(fc.constantFrom("text", "sticker", "image", "video", "audio", "location", "file"), text),
            id: maybe(scalar),
            text: maybe(fc.oneof(text, scalar)),
          },
          { requiredKeys: [] },
        ),
      ),
      postback: maybe(fc.record({ data: fc.oneof(text, scalar, fc.json()) }, { requiredKeys: [] })),
      unsend: maybe(fc.record({ messageId: scalar })),
    },
    { requiredKeys: ["type"] },
  ),
  fc.anything({ maxDepth: 3 }),
);

const lineBody = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .record({ destination: maybe(text), events: fc.array(lineEvent, { maxLength: 5 }) }, { requiredKeys: ["events"] })
      .map((b) => JSON.stringify(b)),
  },
  { weight: 1, arbitrary: fc.json({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
);

const chatBody = fc.oneof(
  fc
    .record(
      {
        session: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/), text),
        text: maybe(fc.oneof(text, scalar)),
        action: maybe(
          fc.oneof(
            fc.record(
              {
                kind: fc.constantFrom("aspect", "select", "category", "text", "back", "reset", "handoff", "check"),
                programId: maybe(text),
                aspect: maybe(text),
                op: maybe(text),
                text: maybe(text),
                category: maybe(text),
              },
              { requiredKeys: ["kind"] },
            ),
            fc.anything({ maxDepth: 2 }),
          ),
        ),
        municipality: maybe(fc.oneof(fc.constantFrom("伊万里市", "飯塚市", "いいづか"), text, scalar)),
      },
      { requiredKeys: [] },
    )
    .map((b) => JSON.stringify(b)),
  fc.json({ maxDepth: 3 }),
  fc.uint8Array({ maxLength: 200 }),
);

/** Percent-encoded random bytes: valid and invalid UTF-8 alike reach the server's query and path parsing. */
const rawQuery = fc
  .uint8Array({ maxLength: 80 })
  .map((bytes) => [...bytes].map((b) => `%${b.toString(16).padStart(2, "0")}`).join(""));
const queryText = fc.oneof(
  rawQuery,
  text.map((t) => {
    try {
      return encodeURIComponent(t);
    } catch {
      return "%ED%A0%80";
    }
  }),
);

const slackJson = fc
  .record(
    {
      type: fc.oneof(fc.constantFrom("event_callback", "url_verification", "app_rate_limited"), text),
      event_id: maybe(text),
      challenge: maybe(scalar),
      event: maybe(
        fc.record(
          {
            type: fc.oneof(fc.constantFrom("app_mention", "message", "app_home_opened"), text),
            user: maybe(text),
            text: maybe(fc.oneof(text, scalar)),
            channel: maybe(text),
            channel_type: maybe(fc.constantFrom("im", "channel")),
            ts: maybe(text),
          },
          { requiredKeys: [] },
        ),
      ),
    },
    { requiredKeys: [] },
  )
  .map((b) => JSON.stringify(b));

const slackForm = fc.oneof(
  fc
    .record(
      {
        command: fc.oneof(fc.constant("/madoguchi"), text),
        text: fc.oneof(text, fc.constant("")),
        user_id: text,
        response_url: fc.constant("http://127.0.0.1:9/none"),
      },
      { requiredKeys: [] },
    )
    .map((f) => new URLSearchParams(f as Record<string, string>).toString()),
  fc.record({ payload: fc.oneof(fc.json({ maxDepth: 3 }), text) }).map((f) => new URLSearchParams(f).toString()),
  fc.uint8Array({ maxLength: 200 }),
);

const request: fc.Arbitrary<FuzzRequest> = fc.oneof(
  { weight: 5, arbitrary: lineBody.map((body) => ({ target: "line" as const, body })) },
  {
    weight: 1,
    arbitrary: fc.uint8Array({ maxLength: 300 }).map((body) => ({ target: "line-unsigned" as const, body })),
  },
  { weight: 2, arbitrary: chatBody.map((body) => ({ target: "chat" as const, body })) },
  { weight: 1, arbitrary: queryText.map((body) => ({ target: "search" as const, body })) },
  { weight: 1, arbitrary: queryText.map((body) => ({ target: "program" as const, body })) },
  { weight: 1, arbitrary: slackJson.map((body) => ({ target: "slack-json" as const, body })) },
  { weight: 1, arbitrary: slackForm.map((body) => ({ target: "slack-form" as const, body })) },
);

/** `count` requests, the same for the same seed. */
export function fuzzRequests(count: number, seed: number): FuzzRequest[] {
  return fc.sample(request, { numRuns: count, seed });
}
