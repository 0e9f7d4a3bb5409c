// npm run bench:ingest-cpu [-- --spans 50000 --batch 500]
// CPU time per span of the ingest steps that run in the app process, in-process and without a
// database: protobuf decode, mapping, row building and COPY formatting, over the bench's requests.
// Run with `node --cpu-prof --import tsx bench/ingest-cpu.ts` to see where the time goes.
import { parseArgs } from "node:util";

import { mapSpan } from "../lib/ingest/map/map-span";
import { formatStoredSpanCopyLine } from "../lib/ingest/span-copy";
import { buildSpanRow } from "../lib/ingest/span-row";
import { decodeTraceRequest } from "../lib/otlp/decode-request";
import { encodeProtobufBody } from "../lib/otlp/test-builders";
import { generateRequests } from "./ingest-traces";

const { values } = parseArgs({
  options: {
    spans: { type: "string", default: "50000" },
    batch: { type: "string", default: "500" },
    rounds: { type: "string", default: "3" },
  },
});
const spanCount = Number(values.spans);
const bodies = generateRequests(spanCount, Number(values.batch)).map(encodeProtobufBody);

/** Runs a step and adds its CPU time (ms, this process) to the named total. */
function timeStep<T>(totals: Map<string, number>, name: string, step: () => T): T {
  // CPU time rather than wall time: on a shared machine, waiting for a core is not cost.
  const started = process.cpuUsage();
  const result = step();
  const used = process.cpuUsage(started);
  totals.set(name, (totals.get(name) ?? 0) + (used.user + used.system) / 1000);
  return result;
}

for (let round = 1; round <= Number(values.rounds); round++) {
  const totals = new Map<string, number>();
  let bytes = 0;
  for (const body of bodies) {
    const { spans } = timeStep(totals, "decode", () =>
      decodeTraceRequest(body, "application/x-protobuf", null),
    );
    const mapped = timeStep(totals, "map", () => spans.map(mapSpan));
    const rows = timeStep(totals, "row", () =>
      mapped.map((span) => buildSpanRow(span, { maxIoBytes: 1024 * 1024 })),
    );
    const text = timeStep(totals, "copy text", () =>
      rows
        .map((row) => ("rejection" in row ? "" : formatStoredSpanCopyLine("project", row)))
        .join(""),
    );
    bytes += text.length;
  }
  const all = [...totals.values()].reduce((sum, ms) => sum + ms, 0);
  const perSpan = (ms: number) => `${((ms * 1000) / spanCount).toFixed(1)} µs`;
  console.log(
    `round ${round}: ${perSpan(all)}/span ` +
      `(${Math.round((spanCount / all) * 1000)} spans/s on one core); ` +
      [...totals].map(([name, ms]) => `${name} ${perSpan(ms)}`).join(", ") +
      `; ${(bytes / spanCount).toFixed(0)} COPY chars/span`,
  );
}
