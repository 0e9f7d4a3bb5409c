import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";

import { mediaIdOfHash, readMediaTag, splitMediaTags } from "./media-tag";

const TAG = "@@@langfuseMedia:type=image/png|id=AbC-_123|source=base64_data_uri@@@";

describe("media tags", () => {
  it("should split text around tags, in order", () => {
    expect(splitMediaTags(`look: ${TAG} and ${TAG}!`)).toEqual([
      "look: ",
      { contentType: "image/png", mediaId: "AbC-_123", source: "base64_data_uri" },
      " and ",
      { contentType: "image/png", mediaId: "AbC-_123", source: "base64_data_uri" },
      "!",
    ]);
  });

  it.each([
    ["no tag", "plain text"],
    ["a broken tag", "@@@langfuseMedia:type=image/png|id=a b|source=x@@@"],
    ["a tag without its end", "@@@langfuseMedia:type=image/png|id=ab|source=x"],
  ])("should leave %s as text", (_label, text) => {
    expect(splitMediaTags(text)).toEqual([text]);
  });

  it("should read a text that is exactly one tag, and nothing else", () => {
    expect(readMediaTag(` ${TAG} `)?.mediaId).toBe("AbC-_123");
    expect(readMediaTag(`x ${TAG}`)).toBeNull();
  });

  it("should derive the media id from the content hash as Langfuse's SDKs do", () => {
    const hash = createHash("sha256").update("hello").digest("base64");
    expect(hash).toBe("LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=");
    expect(mediaIdOfHash(hash)).toBe("LPJNul-wow4m6Dsqxbninh");
  });
});
