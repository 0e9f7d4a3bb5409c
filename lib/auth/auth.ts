import NextAuth, { type NextAuthConfig } from "next-auth";
import type { Provider } from "next-auth/providers";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { upsertOAuthUser, verifyCredentials } from "./accounts";
import { createAuthLogger } from "./auth-logger";

function oauthProviders(env: NodeJS.ProcessEnv): Provider[] {
  const providers: Provider[] = [];
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) providers.push(GitHub);
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) providers.push(Google);
  if (env.SIGHTLINE_OIDC_ISSUER && env.SIGHTLINE_OIDC_CLIENT_ID) {
    providers.push({
      id: "oidc",
      name: env.SIGHTLINE_OIDC_NAME ?? "Single sign-on",
      type: "oidc",
      issuer: env.SIGHTLINE_OIDC_ISSUER,
      clientId: env.SIGHTLINE_OIDC_CLIENT_ID,
      clientSecret: env.SIGHTLINE_OIDC_CLIENT_SECRET,
    });
  }
  return providers;
}

/** Names and ids of the configured OAuth/OIDC providers, for the sign-in page. */
export function listOAuthProviders(): { id: string; name: string }[] {
  const names: Record<string, string> = { github: "GitHub", google: "Google" };
  return oauthProviders(process.env).map((provider) => {
    const config = typeof provider === "function" ? provider() : provider;
    return { id: config.id, name: names[config.id] ?? config.name };
  });
}

const config: NextAuthConfig = {
  trustHost: true,
  logger: createAuthLogger(),
  session: { strategy: "jwt" },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      authorize: async (credentials) => {
        const email = typeof credentials.email === "string" ? credentials.email : "";
        const password = typeof credentials.password === "string" ? credentials.password : "";
        if (!email || !password) return null;
        const user = await verifyCredentials(email, password);
        return user ? { id: user.id, email: user.email, name: user.name } : null;
      },
    }),
    ...oauthProviders(process.env),
  ],
  callbacks: {
    jwt: async ({ token, user, account }) => {
      if (account && account.provider !== "credentials" && token.email) {
        const dbUser = await upsertOAuthUser(
          token.email,
          token.name ?? null,
          token.picture ?? null,
        );
        token.uid = dbUser.id;
      } else if (user?.id) {
        token.uid = user.id;
      }
      return token;
    },
    session: async ({ session, token }) => {
      if (typeof token.uid === "string") session.user.id = token.uid;
      return session;
    },
  },
};

export const { handlers, auth, signIn, signOut } = NextAuth(config);
