// A method a route does not implement used to get Next's bare 405: no body, no Allow header.
// Every route exports rejectOtherMethods (lib/http/other-methods.ts) for the methods it lacks;
// the sweep below finds every route file, so a new route that forgets it fails here.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { AUTH, baseUrl } from "./ingest-helpers";

const root = path.resolve(__dirname, "../..");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** Every route file under app/api (the 404 catch-all aside) and app/v1, as a sample URL path. */
function routePaths(): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true })) {
      const child = `${folder}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.name === "route.ts") found.push(folder.slice("app".length));
    }
  };
  walk("app/api");
  walk("app/v1");
  return found
    .filter((route) => route !== "/api/[...path]")
    .map((route) => route.replace(/\[(\.\.\.)?\w+\]/g, "x"));
}

async function send(method: string, urlPath: string): Promise<Response> {
  return fetch(`${baseUrl()}${urlPath}`, { method, headers: { authorization: AUTH } });
}

describe("methods a route does not implement", () => {
  it.each([
    ["PUT", "/api/public/scores", "GET, HEAD, POST, OPTIONS"],
    ["GET", "/api/public/otel/v1/traces", "POST, OPTIONS"],
    ["PATCH", "/api/public/traces/4bf92f3577b34da6a3ce929d0e0e4736", "GET, HEAD, DELETE, OPTIONS"],
    ["DELETE", "/v1/traces", "POST, OPTIONS"],
    ["POST", "/api/projects/x/traces", "GET, HEAD, DELETE, OPTIONS"],
  ])("should answer %s %s with 405, a JSON error and Allow: %s", async (method, urlPath, allow) => {
    const response = await send(method, urlPath);

    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe(allow);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      error: `Method ${method} is not allowed on ${urlPath}; allowed: ${allow}`,
      details: { method, allowed: allow.split(", ") },
    });
  });

  it("should list the route's own methods in reply to OPTIONS", async () => {
    const response = await send("OPTIONS", "/api/public/scores");

    expect(response.status).toBe(204);
    expect(response.headers.get("allow")).toBe("GET, HEAD, POST, OPTIONS");
  });

  it("should answer every unimplemented method of every API route as JSON with Allow", async () => {
    const routes = routePaths();
    expect(routes.length).toBeGreaterThan(60);

    const bare: string[] = [];
    for (const urlPath of routes) {
      const options = await send("OPTIONS", urlPath);
      const allow = options.headers.get("allow") ?? "";
      const allowed = allow.split(", ");
      // Next's own OPTIONS would list the 405 handlers too, as if the route served them.
      if (allowed.length === METHODS.length + 2) bare.push(`OPTIONS ${urlPath}: ${allow}`);

      for (const method of METHODS.filter((name) => !allowed.includes(name))) {
        const response = await send(method, urlPath);
        const body = (await response.text()) || "(empty)";
        if (response.status !== 405 || response.headers.get("allow") !== allow) {
          bare.push(`${method} ${urlPath}: ${response.status} ${body.slice(0, 80)}`);
        } else if (!body.includes(`Method ${method} is not allowed`)) {
          bare.push(`${method} ${urlPath}: ${body.slice(0, 80)}`);
        }
      }
    }

    expect(bare).toEqual([]);
  });
});
