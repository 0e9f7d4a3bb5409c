import { OtlpRequestError } from "@/lib/otlp/errors";

/**
 * Reads a request body as bytes, stopping with a 413 as soon as it passes maxBytes, so that an
 * oversized upload costs at most maxBytes of memory whatever Content-Length claims.
 */
export async function readRequestBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(declared, maxBytes);
  if (!request.body) return new Uint8Array(0);

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;

    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(total, maxBytes, "at least ");
    }
    chunks.push(value);
  }
  return chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks, total);
}

function tooLarge(bytes: number, maxBytes: number, qualifier = ""): OtlpRequestError {
  return new OtlpRequestError(
    413,
    `Request body is ${qualifier}${bytes} bytes, over the limit of ${maxBytes}`,
  );
}
