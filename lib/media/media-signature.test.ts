import { beforeAll, describe, expect, it } from "vitest";

import { signMediaGrant, verifyMediaGrant } from "./media-signature";

const NOW = Date.UTC(2026, 11, 4);
const grant = {
  action: "upload" as const,
  projectId: "p1",
  mediaId: "m1",
  expires: NOW / 1000 + 60,
};

describe("signed media URLs", () => {
  beforeAll(() => {
    process.env.AUTH_SECRET ??= "test-secret";
  });

  it("should grant what was signed, to the project signed for", () => {
    expect(verifyMediaGrant("upload", "m1", signMediaGrant(grant), NOW)).toEqual(grant);
  });

  it("should give back the announced type and length an upload URL carries", () => {
    const announced = { ...grant, contentType: "text/plain", contentLength: 42 };
    expect(verifyMediaGrant("upload", "m1", signMediaGrant(announced), NOW)).toEqual(announced);
  });

  it.each<[string, (query: URLSearchParams) => void]>([
    ["another type", (query) => query.set("type", "text/html")],
    ["another length", (query) => query.set("length", "43")],
    ["no type", (query) => query.delete("type")],
    [
      "neither type nor length",
      (query) => {
        query.delete("type");
        query.delete("length");
      },
    ],
  ])("should refuse an upload URL whose announcement was changed: %s", (_label, change) => {
    const query = signMediaGrant({ ...grant, contentType: "text/plain", contentLength: 42 });
    change(query);
    expect(verifyMediaGrant("upload", "m1", query, NOW)).toBeNull();
  });

  it.each<[string, (query: URLSearchParams) => void, string, string]>([
    ["another media id", () => undefined, "upload", "m2"],
    ["another action", () => undefined, "download", "m1"],
    ["another project", (query) => query.set("project", "p2"), "upload", "m1"],
    ["a later expiry", (query) => query.set("expires", String(grant.expires + 1)), "upload", "m1"],
    ["a changed signature", (query) => query.set("signature", "x"), "upload", "m1"],
    ["no signature", (query) => query.delete("signature"), "upload", "m1"],
  ])("should refuse %s", (_label, change, action, mediaId) => {
    const query = signMediaGrant(grant);
    change(query);
    expect(verifyMediaGrant(action as "upload", mediaId, query, NOW)).toBeNull();
  });

  it("should refuse an expired grant", () => {
    const query = signMediaGrant(grant);
    expect(verifyMediaGrant("upload", "m1", query, NOW + 61_000)).toBeNull();
  });
});
