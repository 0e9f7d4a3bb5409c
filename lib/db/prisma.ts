import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";

const globalForPrisma = globalThis as unknown as { sightlinePrisma?: PrismaClient };

/** The Prisma client for control-plane CRUD (users, projects, keys, ...). */
export function getPrisma(): PrismaClient {
  if (!globalForPrisma.sightlinePrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start Sightline with `npm start`");
    const adapter = new PrismaPg({ connectionString: url, max: 10 });
    globalForPrisma.sightlinePrisma = new PrismaClient({ adapter });
  }
  return globalForPrisma.sightlinePrisma;
}
