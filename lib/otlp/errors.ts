/** HTTP statuses a malformed OTLP request can earn; anything else is a server fault. */
export type OtlpRequestErrorStatus = 400 | 413 | 415;

/**
 * A request the OTLP endpoint refuses as a whole. The message names the problem (and the field,
 * where there is one) so that the client can fix it; it never contains payload content.
 */
export class OtlpRequestError extends Error {
  override readonly name = "OtlpRequestError";

  constructor(
    readonly status: OtlpRequestErrorStatus,
    message: string,
  ) {
    super(message);
  }
}
