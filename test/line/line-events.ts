// Webhook events shaped as LINE sends them (Messaging API webhook reference), for tests. Each event gets a
// new webhookEventId and, where LINE gives one, a fresh reply token issued by the fake platform.
import { randomBytes } from "node:crypto";
import type { FakeLinePlatform } from "../fakes/line-platform.js";

export type UserId = `U${string}`;

/** A user id in LINE's format (U + 32 hex digits). */
export const lineUserId = (): UserId => `U${randomBytes(16).toString("hex")}`;

const eventId = () => `01${randomBytes(12).toString("hex").toUpperCase()}`;

export class LineEvents {
  constructor(private readonly platform: FakeLinePlatform) {}

  private base(userId: string, type: string, withToken = true) {
    return {
      type,
      mode: "active",
      timestamp: Date.now(),
      source: { type: "user", userId },
      webhookEventId: eventId(),
      deliveryContext: { isRedelivery: false },
      ...(withToken ? { replyToken: this.platform.issueReplyToken() } : {}),
    };
  }

  text(userId: string, text: string) {
    return {
      ...this.base(userId, "message"),
      message: { id: randomBytes(8).toString("hex").replace(/\D/g, "1"), type: "text", quoteToken: "q", text },
    };
  }

  postback(userId: string, data: string) {
    return { ...this.base(userId, "postback"), postback: { data } };
  }

  follow(userId: string) {
    return { ...this.base(userId, "follow"), follow: { isUnblocked: false } };
  }

  unfollow(userId: string) {
    return this.base(userId, "unfollow", false);
  }

  /** A non-text message: sticker, image, video, audio, location or file. */
  media(userId: string, type: "sticker" | "image" | "video" | "audio" | "location" | "file") {
    const extra =
      type === "sticker"
        ? { packageId: "446", stickerId: "1988" }
        : type === "location"
          ? { latitude: 33.26, longitude: 129.88, address: "佐賀県伊万里市" }
          : {};
    return { ...this.base(userId, "message"), message: { id: String(Date.now()), type, ...extra } };
  }

  unsend(userId: string, messageId: string) {
    return { ...this.base(userId, "unsend", false), unsend: { messageId } };
  }

  /** An event from a group chat (no loading animation there; pushes go to the group). */
  inGroup<E extends { source: object }>(event: E, groupId = `C${randomBytes(16).toString("hex")}`): E {
    return { ...event, source: { type: "group", groupId, userId: (event.source as { userId?: string }).userId } };
  }

  /** The same event as LINE redelivers it: identical but for deliveryContext.isRedelivery. */
  redelivered<E extends object>(event: E): E {
    return { ...event, deliveryContext: { isRedelivery: true } };
  }

  /** Standby mode (another channel is active): no reply token; the bot must stay silent. */
  standby<E extends object>(event: E): E {
    const { replyToken: _unused, ...rest } = event as E & { replyToken?: string };
    return { ...rest, mode: "standby" } as E;
  }
}

export function webhookBody(events: object[], destination = `U${"0".repeat(32)}`) {
  return { destination, events };
}
