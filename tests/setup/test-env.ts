/** The bootstrap user and keys of the test server (see global-server.ts). */
export const TEST_USER = { email: "owner@example.com", password: "owner-password-1" };

export const TEST_KEYS = {
  publicKey: "pk-sl-test-public-key",
  secretKey: "sk-sl-test-secret-key-0123456789abcdef",
};

export function basicAuth(publicKey: string, secretKey: string): string {
  return `Basic ${Buffer.from(`${publicKey}:${secretKey}`).toString("base64")}`;
}
