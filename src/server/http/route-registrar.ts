// Moved to src/channels/http/route-registrar.ts (channels may not import the server). Kept only for
// src/server/rate-limit and test/rate-limit, which import this path: delete once they import the new one.
export * from "../../channels/http/route-registrar.js";
