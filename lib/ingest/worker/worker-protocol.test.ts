import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/http/app-error";
import { OtlpRequestError } from "@/lib/otlp/errors";

import { deserializeError, serializeError } from "./worker-protocol";

describe("worker errors across the thread boundary", () => {
  it("should keep an OtlpRequestError's class, status and message", () => {
    const error = deserializeError(
      structuredClone(serializeError(new OtlpRequestError(415, "bad type"))),
    );

    expect(error).toBeInstanceOf(OtlpRequestError);
    expect(error).toMatchObject({ status: 415, message: "bad type" });
  });

  it("should keep an AppError's code, so that a 413 stays a 413", () => {
    const error = deserializeError(
      structuredClone(serializeError(new AppError("payload_too_large", "too big"))),
    );

    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(413);
  });

  it("should turn any other error into a plain fault (a 500), naming the worker", () => {
    const error = deserializeError(structuredClone(serializeError(new TypeError("boom"))));

    expect(error).not.toBeInstanceOf(AppError);
    expect(error.message).toBe("ingest worker: boom");
  });
});
