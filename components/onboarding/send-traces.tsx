import Link from "next/link";
import { CopyButton } from "../ui/copy-button";
import { cardClass } from "../ui/styles";
import { buildCurlExample } from "./curl-example";

function CodeBlock({ code }: { code: string }) {
  return (
    <div className="relative">
      <pre className="overflow-x-auto rounded-md bg-zinc-900 p-3 pr-20 text-xs leading-relaxed text-zinc-100 dark:bg-black">
        <code>{code}</code>
      </pre>
      <div className="absolute right-2 top-2">
        <CopyButton text={code} />
      </div>
    </div>
  );
}

/** How to send the first traces to this project: endpoint, keys and a copyable snippet. */
export function SendTracesGuide({
  baseUrl,
  projectId,
  publicKey,
}: {
  baseUrl: string;
  projectId: string;
  publicKey: string | null;
}) {
  const pk = publicKey ?? "pk-sl-...";
  const envSnippet = [
    `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT="${baseUrl}/api/public/otel/v1/traces"`,
    `OTEL_EXPORTER_OTLP_TRACES_HEADERS="Authorization=Basic%20` +
      `$(printf '%s' '${pk}:sk-sl-...' | base64 -w0)"`,
  ].join("\n");
  const curlSnippet = buildCurlExample(baseUrl, pk);

  return (
    <section className={`${cardClass} space-y-4`} aria-labelledby="send-traces-title">
      <div>
        <h2 id="send-traces-title" className="text-base font-semibold">
          Send your first traces
        </h2>
        <p className="mt-1 text-sm text-zinc-500">
          Sightline speaks OTLP/HTTP (protobuf or JSON). Point any OpenTelemetry SDK, the Sightline
          SDK, the Langfuse SDK, OpenInference or the Vercel AI SDK at this endpoint.
        </p>
      </div>
      <dl className="grid gap-2 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="text-zinc-500">OTLP endpoint</dt>
        <dd className="font-mono break-all" data-testid="otlp-endpoint">
          {baseUrl}/api/public/otel/v1/traces
        </dd>
        <dt className="text-zinc-500">Also accepted at</dt>
        <dd className="font-mono break-all">{baseUrl}/v1/traces</dd>
        <dt className="text-zinc-500">Public key</dt>
        <dd className="font-mono">
          {publicKey ?? (
            <Link
              className="text-indigo-600 hover:underline"
              href={`/project/${projectId}/settings/api-keys`}
            >
              Create an API key first
            </Link>
          )}
        </dd>
        <dt className="text-zinc-500">Auth</dt>
        <dd>
          HTTP Basic <code>publicKey:secretKey</code>, or{" "}
          <code>Authorization: Bearer secretKey</code>
        </dd>
      </dl>
      <div>
        <h3 className="mb-1 text-sm font-medium">Environment for any OpenTelemetry SDK</h3>
        <CodeBlock code={envSnippet} />
      </div>
      <div>
        <h3 className="mb-1 text-sm font-medium">Or try it with curl</h3>
        <CodeBlock code={curlSnippet} />
      </div>
    </section>
  );
}
