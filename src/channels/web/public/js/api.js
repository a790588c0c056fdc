// The JSON API, as the page calls it. Errors come back as { error: { code, message, status } }.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function parse(response) {
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const e = body?.error ? body.error : { code: "http_error", message: `HTTP ${response.status}` };
    throw new ApiError(response.status, e.code, e.message);
  }
  return body;
}

export async function getJson(path, params = {}, signal) {
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== "") url.searchParams.set(k, v);
  return parse(await fetch(url, { signal, headers: { accept: "application/json" } }));
}

export async function postJson(path, body) {
  return parse(
    await fetch(path, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(body),
    }),
  );
}
