import type protobuf from "protobufjs";
// A deep path the package does not list as an entry point. A static import (rather than
// createRequire(__filename)) resolves both under tsx/vitest and in the Next.js server bundle,
// where __filename is a virtual "/ROOT/..." path that resolves no package.
import * as generatedRoot from "@opentelemetry/otlp-transformer/build/src/generated/root";

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

  const root = generatedRoot as unknown as GeneratedRoot;
  const service = root.opentelemetry.proto.collector.trace.v1;
  cachedTypes = {
    request: service.ExportTraceServiceRequest,
    response: service.ExportTraceServiceResponse,
  };
  return cachedTypes;
}
