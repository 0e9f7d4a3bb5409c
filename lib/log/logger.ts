import pino from "pino";

/** The process-wide structured logger. JSON lines; `LOG_LEVEL` sets the level. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
  base: { service: "sightline" },
  redact: {
    paths: ["secretKey", "password", "authorization", "*.secretKey", "*.password"],
    censor: "[redacted]",
  },
});

export type Logger = typeof logger;
