import { logger as processLogger, type Logger } from "../log/logger";

/**
 * Auth.js errors caused by what the visitor sent or chose (a wrong password, a stale form, a
 * denied consent): worth noticing, not server faults. Mirrors Auth.js' own list of errors it
 * shows to clients.
 */
const CLIENT_ERROR_TYPES = new Set<string>([
  "CredentialsSignin",
  "OAuthAccountNotLinked",
  "OAuthCallbackError",
  "AccessDenied",
  "Verification",
  "MissingCSRF",
  "AccountNotLinked",
  "WebAuthnVerificationError",
]);

/** Auth.js' logger interface (its `LoggerInstance`), to pass as the `logger` option. */
export type AuthLogger = {
  error: (error: Error) => void;
  warn: (code: string) => void;
  debug: (message: string, metadata?: unknown) => void;
};

/** The kind of an Auth.js error (its `AuthError.type`), else the error's name. */
function authErrorType(error: Error): string {
  const type: unknown = "type" in error ? error.type : undefined;
  return typeof type === "string" ? type : error.name;
}

/** The underlying error Auth.js wraps as `cause.err` (e.g. one thrown by a callback). */
function causeOf(error: Error): unknown {
  const cause: unknown = error.cause;
  return cause && typeof cause === "object" && "err" in cause ? cause.err : undefined;
}

/**
 * Auth.js' logger writing to the process logger as JSON lines (its default prints coloured text
 * and stack traces): a refused sign-in is a warning without a stack, other errors are errors.
 */
export function createAuthLogger(log: Logger = processLogger): AuthLogger {
  return {
    error(error) {
      const type = authErrorType(error);
      if (CLIENT_ERROR_TYPES.has(type)) {
        log.warn({ authError: type }, "auth request refused");
        return;
      }
      log.error({ err: causeOf(error) ?? error, authError: type }, "auth error");
    },
    warn(code) {
      log.warn({ authWarning: code }, "auth warning");
    },
    // The metadata can hold tokens and profiles: the message alone.
    debug(message) {
      log.debug({ component: "auth" }, message);
    },
  };
}
