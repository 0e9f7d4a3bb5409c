import type { DemoCredentials } from "./credentials";

/**
 * Checks, before sending anything, that Sightline answers and accepts the key: the SDK itself
 * stays silent about both (it never disturbs its host), which would leave a demo run puzzling.
 * Returns a one-line problem, or null when all is well.
 */
export async function checkServer(credentials: DemoCredentials): Promise<string | null> {
  const { baseUrl, publicKey, secretKey } = credentials;

  const health = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5000) }).catch(
    () => null,
  );
  if (!health?.ok) {
    return (
      `Sightline is not reachable at ${baseUrl} ` +
      "(start it with `npm start`, or set SIGHTLINE_BASE_URL)."
    );
  }

  const authorization = `Basic ${Buffer.from(`${publicKey}:${secretKey}`).toString("base64")}`;
  const projects = await fetch(`${baseUrl}/api/public/projects`, {
    headers: { Authorization: authorization },
    signal: AbortSignal.timeout(5000),
  }).catch(() => null);
  if (projects?.status === 401 || projects?.status === 403) {
    return (
      `Sightline at ${baseUrl} rejected the API key ${publicKey}: ` +
      "check the keys in Settings → API keys."
    );
  }
  return null;
}
