/** Random lowercase hex of `bytes` bytes, made by the shell (od is in every coreutils). */
const shellHex = (bytes: number) => `$(od -An -N${bytes} -tx1 /dev/urandom | tr -d ' \\n')`;

/** Splices a shell command's output into the single-quoted JSON body. */
const fromShell = (command: string) => `'"${command}"'`;

/**
 * A one-span OTLP/JSON body for curl. The shell makes new trace and span ids on every run (a
 * fixed id would make each run overwrite the previous trace) and fills in the times.
 */
const HELLO_SPAN_BODY =
  `{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"${fromShell(shellHex(16))}",` +
  `"spanId":"${fromShell(shellHex(8))}","name":"hello",` +
  `"startTimeUnixNano":"${fromShell("$(date +%s%N)")}",` +
  `"endTimeUnixNano":"${fromShell("$(date +%s%N)")}",` +
  `"attributes":[{"key":"gen_ai.request.model","value":{"stringValue":"gpt-4o-mini"}}]}]}]}]}`;

/** A curl command that sends one span to this server with the given public key. */
export function buildCurlExample(baseUrl: string, publicKey: string): string {
  return [
    `curl -X POST "${baseUrl}/v1/traces" \\`,
    `  -u "${publicKey}:sk-sl-..." -H "Content-Type: application/json" \\`,
    `  -d '${HELLO_SPAN_BODY}'`,
  ].join("\n");
}
