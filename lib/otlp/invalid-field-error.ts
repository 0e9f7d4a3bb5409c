/**
 * A value that makes one span (or one resource/scope and its spans) unusable. Caught per span in
 * normalize-request.ts and turned into a partialSuccess rejection; it never escapes lib/otlp.
 */
export class InvalidFieldError extends Error {
  override readonly name = "InvalidFieldError";

  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field} ${problem}`);
  }
}
