import { describe, expect, it } from "vitest";

import { declaredBodyBytes, IngestAdmission } from "./admission";

describe("IngestAdmission", () => {
  it("refuses requests past the concurrency limit until one is released", () => {
    const admission = new IngestAdmission({ maxRequests: 2, maxBytes: 1000 });
    const first = admission.tryAdmit(10);
    const second = admission.tryAdmit(10);
    expect(first).not.toBeNull();
    expect(second).not.toBeNull();
    expect(admission.tryAdmit(10)).toBeNull();
    first?.();
    expect(admission.tryAdmit(10)).not.toBeNull();
  });

  it("refuses a body that would pass the byte limit, but always admits when idle", () => {
    const admission = new IngestAdmission({ maxRequests: 10, maxBytes: 100 });
    const big = admission.tryAdmit(5000);
    expect(big).not.toBeNull();
    expect(admission.tryAdmit(1)).toBeNull();
    big?.();
    const small = admission.tryAdmit(60);
    expect(admission.tryAdmit(50)).toBeNull();
    expect(admission.tryAdmit(40)).not.toBeNull();
    small?.();
  });

  it("counts a release once however often it is called", () => {
    const admission = new IngestAdmission({ maxRequests: 1, maxBytes: 100 });
    const release = admission.tryAdmit(10);
    release?.();
    release?.();
    expect(admission.inFlight).toEqual({ requests: 0, bytes: 0 });
  });
});

describe("declaredBodyBytes", () => {
  it.each([
    ["1234", 1234],
    [null, 1024 * 1024],
    ["abc", 1024 * 1024],
    ["-5", 1024 * 1024],
  ])("counts content-length %s as %i bytes", (header, bytes) => {
    const headers = new Headers();
    if (header !== null) headers.set("content-length", header);
    const request = new Request("http://localhost/v1/traces", { method: "POST", headers });
    expect(declaredBodyBytes(request)).toBe(bytes);
  });
});
