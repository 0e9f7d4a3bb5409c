// Regression: with the server started as `PORT=3400 npm start`, `npm run demo` from the same
// shell still sent to port 3000 and reported Sightline unreachable. The default server is now
// localhost on PORT.
import { describe, expect, it } from "vitest";

import { resolveDemoCredentials } from "./credentials";

const KEYS = { SIGHTLINE_PUBLIC_KEY: "pk-sl-a", SIGHTLINE_SECRET_KEY: "sk-sl-b" };

describe("resolveDemoCredentials", () => {
  it.each<[string, Record<string, string>, string]>([
    ["localhost:3000 without PORT", {}, "http://localhost:3000"],
    ["localhost on PORT", { PORT: "3400" }, "http://localhost:3400"],
    [
      "SIGHTLINE_BASE_URL over PORT",
      { PORT: "3400", SIGHTLINE_BASE_URL: "http://sl:80/" },
      "http://sl:80",
    ],
    ["port 3000 for an empty PORT", { PORT: " " }, "http://localhost:3000"],
  ])("sends to %s", (_case, env, baseUrl) => {
    expect(resolveDemoCredentials({ ...KEYS, ...env })?.baseUrl).toBe(baseUrl);
  });

  it("falls back to the bootstrap keys and is null without any", () => {
    const bootstrap = {
      SIGHTLINE_INIT_PROJECT_PUBLIC_KEY: "pk-sl-c",
      SIGHTLINE_INIT_PROJECT_SECRET_KEY: "sk-sl-d",
    };
    expect(resolveDemoCredentials(bootstrap)).toMatchObject({ publicKey: "pk-sl-c" });
    expect(resolveDemoCredentials({ PORT: "3400" })).toBeNull();
  });
});
