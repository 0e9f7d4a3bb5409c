import { getPrisma } from "../db/prisma";
import { hashSecretKey, createApiKey } from "./api-keys";
import { assertStrongPassword, hashPassword } from "./passwords";

export interface BootstrapConfig {
  email: string;
  password: string;
  organizationName: string;
  projectName: string;
  publicKey?: string;
  secretKey?: string;
}

/** Reads the SIGHTLINE_INIT_* variables; null when no initial user is configured. */
export function readBootstrapConfig(
  env: Record<string, string | undefined> = process.env,
): BootstrapConfig | null {
  const email = env.SIGHTLINE_INIT_USER_EMAIL?.trim();
  const password = env.SIGHTLINE_INIT_USER_PASSWORD;
  if (!email || !password) return null;
  const publicKey = env.SIGHTLINE_INIT_PROJECT_PUBLIC_KEY?.trim();
  const secretKey = env.SIGHTLINE_INIT_PROJECT_SECRET_KEY?.trim();
  if (Boolean(publicKey) !== Boolean(secretKey)) {
    throw new Error(
      "SIGHTLINE_INIT_PROJECT_PUBLIC_KEY and SIGHTLINE_INIT_PROJECT_SECRET_KEY " +
        "must be set together",
    );
  }
  return {
    email: email.toLowerCase(),
    password,
    organizationName: env.SIGHTLINE_INIT_ORG_NAME?.trim() || "Default organization",
    projectName: env.SIGHTLINE_INIT_PROJECT_NAME?.trim() || "Default project",
    publicKey: publicKey || undefined,
    secretKey: secretKey || undefined,
  };
}

/**
 * Creates the configured user, organization, project and key pair where missing. Running it
 * again changes nothing; an existing user's password is left as it is.
 */
export async function runBootstrap(config: BootstrapConfig) {
  const prisma = getPrisma();
  let user = await prisma.user.findUnique({ where: { email: config.email } });
  if (!user) {
    assertStrongPassword(config.password);
    user = await prisma.user.create({
      data: {
        email: config.email,
        name: config.email.split("@")[0],
        passwordHash: await hashPassword(config.password),
      },
    });
  }

  let organization = await prisma.organization.findFirst({
    where: { name: config.organizationName, memberships: { some: { userId: user.id } } },
  });
  organization ??= await prisma.organization.create({
    data: {
      name: config.organizationName,
      memberships: { create: { userId: user.id, role: "OWNER" } },
    },
  });

  let project = await prisma.project.findFirst({
    where: { organizationId: organization.id, name: config.projectName },
  });
  project ??= await prisma.project.create({
    data: { organizationId: organization.id, name: config.projectName },
  });

  if (config.publicKey && config.secretKey) {
    const existing = await prisma.apiKey.findUnique({ where: { publicKey: config.publicKey } });
    if (!existing) {
      await createApiKey({
        projectId: project.id,
        publicKey: config.publicKey,
        secretKey: config.secretKey,
        note: "bootstrap",
      });
    } else if (existing.secretKeyHash !== hashSecretKey(config.secretKey)) {
      throw new Error("SIGHTLINE_INIT_PROJECT_PUBLIC_KEY exists with a different secret key");
    } else if (existing.projectId !== project.id) {
      throw new Error("SIGHTLINE_INIT_PROJECT_PUBLIC_KEY belongs to another project");
    }
  }
  return { user, organization, project };
}
