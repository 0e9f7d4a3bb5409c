/** Where the demo sends its traces and the key it authenticates with. */
export interface DemoCredentials {
  baseUrl: string;
  publicKey: string;
  secretKey: string;
}

export const MISSING_KEYS_MESSAGE =
  "No API key: create one in Sightline (Settings → API keys), then export " +
  "SIGHTLINE_PUBLIC_KEY=pk-… and SIGHTLINE_SECRET_KEY=sk-… and run `npm run demo` again.";

/**
 * The SDK's own variables first, then the headless bootstrap ones (so a server started with
 * SIGHTLINE_INIT_PROJECT_* can be demoed from the same shell). The server is SIGHTLINE_BASE_URL,
 * else localhost on PORT as `npm start` uses it. Null when no key pair is set.
 */
export function resolveDemoCredentials(
  env: Record<string, string | undefined>,
): DemoCredentials | null {
  const localServer = `http://localhost:${env.PORT?.trim() || "3000"}`;
  const baseUrl = (env.SIGHTLINE_BASE_URL?.trim() || localServer).replace(/\/+$/, "");
  const publicKey =
    env.SIGHTLINE_PUBLIC_KEY?.trim() || env.SIGHTLINE_INIT_PROJECT_PUBLIC_KEY?.trim();
  const secretKey =
    env.SIGHTLINE_SECRET_KEY?.trim() || env.SIGHTLINE_INIT_PROJECT_SECRET_KEY?.trim();
  if (!publicKey || !secretKey) return null;
  return { baseUrl, publicKey, secretKey };
}
