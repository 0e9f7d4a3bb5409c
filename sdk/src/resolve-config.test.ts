import { describe, expect, it } from "vitest";

import { DEFAULT_BASE_URL, resolveConfig } from "./resolve-config";

const ENV = {
  SIGHTLINE_BASE_URL: "https://env.example.com/",
  SIGHTLINE_PUBLIC_KEY: "pk-env",
  SIGHTLINE_SECRET_KEY: "sk-env",
  SIGHTLINE_ENVIRONMENT: "production",
  SIGHTLINE_RELEASE: "2026.12.1",
  SIGHTLINE_DEBUG: "true",
};

describe("resolveConfig", () => {
  it("should read SIGHTLINE_* variables when no option is given", () => {
    const config = resolveConfig({}, ENV);

    expect(config).toMatchObject({
      baseUrl: "https://env.example.com",
      publicKey: "pk-env",
      secretKey: "sk-env",
      environment: "production",
      release: "2026.12.1",
      debug: true,
      tracesUrl: "https://env.example.com/api/public/otel/v1/traces",
      scoresUrl: "https://env.example.com/api/public/scores",
      authorization: `Basic ${Buffer.from("pk-env:sk-env").toString("base64")}`,
    });
  });

  it("should let options win over the environment", () => {
    const config = resolveConfig(
      { baseUrl: "http://localhost:3300", publicKey: "pk", secretKey: "sk", debug: false },
      ENV,
    );

    expect(config).toMatchObject({
      baseUrl: "http://localhost:3300",
      publicKey: "pk",
      debug: false,
    });
  });

  it("should fall back to defaults", () => {
    const config = resolveConfig({}, {});

    expect(config).toMatchObject({
      baseUrl: DEFAULT_BASE_URL,
      debug: false,
      authorization: null,
      maxQueueSize: 2048,
      flushIntervalMs: 1000,
      exportTimeoutMs: 10_000,
    });
  });

  it.each([
    ["zero", 0],
    ["negative", -5],
    ["not a number", Number.NaN],
  ])("should ignore a maxQueueSize that is %s", (_case, maxQueueSize) => {
    expect(resolveConfig({ maxQueueSize }, {}).maxQueueSize).toBe(2048);
  });

  it.each([
    ["1", true],
    ["yes", true],
    ["false", false],
    ["", false],
  ])("should read SIGHTLINE_DEBUG=%j as %s", (value, expected) => {
    expect(resolveConfig({}, { SIGHTLINE_DEBUG: value }).debug).toBe(expected);
  });
});
