// Auth.js printed `[auth][error] CredentialsSignin …` and a stack trace as plain text for every
// wrong password, among the JSON log lines. Its logger now writes to pino: a refused sign-in is a
// warning without a stack, a real fault an error with its cause.
import { Writable } from "node:stream";
// The classes next-auth re-exports (its own entry needs Next's server runtime).
import { CallbackRouteError, CredentialsSignin } from "@auth/core/errors";
import pino from "pino";
import { describe, expect, it } from "vitest";

import { createAuthLogger } from "./auth-logger";

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, authLogger: createAuthLogger(pino({ level: "debug" }, stream)) };
}

describe("createAuthLogger", () => {
  it("should log a failed sign-in as one JSON warning without a stack", () => {
    const { lines, authLogger } = capture();

    authLogger.error(new CredentialsSignin());

    expect(lines).toEqual([expect.objectContaining({ level: 40, authError: "CredentialsSignin" })]);
    expect(lines[0]).not.toHaveProperty("err");
    expect(JSON.stringify(lines[0])).not.toMatch(/\bat \w/);
  });

  it("should log a server fault as an error carrying the error it wraps", () => {
    const { lines, authLogger } = capture();
    const cause = new Error("database unreachable");

    authLogger.error(new CallbackRouteError("callback failed", { cause: { err: cause } }));

    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 50,
      authError: "CallbackRouteError",
      err: { message: "database unreachable", stack: expect.stringContaining("Error") as unknown },
    });
  });

  it("should log warnings and debug messages as JSON, without debug metadata", () => {
    const { lines, authLogger } = capture();

    authLogger.warn("debug-enabled");
    authLogger.debug("session read", { token: "secret-token" });

    expect(lines).toEqual([
      expect.objectContaining({ level: 40, authWarning: "debug-enabled" }),
      expect.objectContaining({ level: 20, msg: "session read" }),
    ]);
    expect(JSON.stringify(lines)).not.toContain("secret-token");
  });
});
