// Runs `prisma generate` offline. The Prisma CLI downloads its native schema engine before any
// command unless PRISMA_SCHEMA_ENGINE_BINARY names an existing file; generate never runs it.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const engineStandIn = fileURLToPath(new URL("../package.json", import.meta.url));
const result = spawnSync("prisma", ["generate"], {
  stdio: "inherit",
  shell: process.platform === "win32",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: engineStandIn,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
process.exit(result.status ?? 1);
