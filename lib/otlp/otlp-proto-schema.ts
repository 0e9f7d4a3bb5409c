import { createRequire } from "node:module";
import type protobuf from "protobufjs";

/**
 * The ExportTraceService messages from the official OTLP definitions, compiled by protobufjs and
 * shipped in @opentelemetry/otlp-transformer 0.216.0 (the last release that ships the generated
 * trace messages, with Span.flags). protobufjs does the decoding and encoding.
 */
export interface MessageType {
  decode(reader: Uint8Array): protobuf.Message;
  encode(message: object): protobuf.Writer;
  fromObject(object: Record<string, unknown>): protobuf.Message;
  toObject(
    message: protobuf.Message,
    options?: protobuf.IConversionOptions,
  ): Record<string, unknown>;
}

export interface TraceServiceTypes {
  request: MessageType;
  response: MessageType;
}

interface GeneratedRoot {
  opentelemetry: {
    proto: {
      collector: {
        trace: {
          v1: { ExportTraceServiceRequest: MessageType; ExportTraceServiceResponse: MessageType };
        };
      };
    };
  };
}

let cachedTypes: TraceServiceTypes | null = null;

/** The ExportTraceService request and response message types, loaded once. */
export function getTraceServiceTypes(): TraceServiceTypes {
  if (cachedTypes) return cachedTypes;

  // A deep path the package does not export as a module entry, so it is loaded by file.
  const require = createRequire(__filename);
  const root = require("@opentelemetry/otlp-transformer/build/src/generated/root") as GeneratedRoot;
  const service = root.opentelemetry.proto.collector.trace.v1;
  cachedTypes = {
    request: service.ExportTraceServiceRequest,
    response: service.ExportTraceServiceResponse,
  };
  return cachedTypes;
}
