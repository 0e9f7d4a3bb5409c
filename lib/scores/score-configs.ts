import { getPrisma } from "../db/prisma";
import type { Prisma, ScoreConfig } from "../generated/prisma/client";
import { AppError } from "../http/app-error";

import type { ScoreConfigRule } from "./resolve-score-value";
import {
  CreateScoreConfigZ,
  UpdateScoreConfigZ,
  type CreateScoreConfigInput,
  type ScoreCategory,
} from "./score-schemas";

const BOOLEAN_CATEGORIES: ScoreCategory[] = [
  { label: "True", value: 1 },
  { label: "False", value: 0 },
];

/** Creates a project's score config; 409 when the name is taken, 400 for inconsistent fields. */
export async function createScoreConfig(projectId: string, body: unknown) {
  const input = CreateScoreConfigZ.parse(body);
  const categories = resolveCategories(input);
  assertRange(input);

  const config = await getPrisma()
    .scoreConfig.create({
      data: {
        projectId,
        name: input.name,
        dataType: input.dataType,
        minValue: input.dataType === "NUMERIC" ? (input.minValue ?? null) : null,
        maxValue: input.dataType === "NUMERIC" ? (input.maxValue ?? null) : null,
        categories: (categories ?? undefined) as Prisma.InputJsonValue | undefined,
        description: input.description ?? null,
      },
    })
    .catch(async (error: unknown) => {
      // P2002: the unique (projectId, name) index refused a second config of that name.
      if (!isUniqueViolation(error)) throw error;
      const existing = await getPrisma().scoreConfig.findFirst({
        where: { projectId, name: input.name },
      });
      const hint = existing?.isArchived
        ? " (archived: unarchive it, or delete it through the API, to use the name)"
        : "";
      throw new AppError("conflict", `name: score config ${input.name} already exists${hint}`);
    });
  return toPublicScoreConfig(config);
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

function resolveCategories(input: CreateScoreConfigInput): ScoreCategory[] | null {
  const given = input.categories ?? null;
  if (input.dataType === "BOOLEAN") {
    if (given) throw new AppError("bad_request", "categories: BOOLEAN configs have True/False");
    return BOOLEAN_CATEGORIES;
  }
  if (input.dataType === "NUMERIC") {
    if (given) throw new AppError("bad_request", "categories: only CATEGORICAL configs have them");
    return null;
  }
  if (!given || given.length === 0) {
    throw new AppError("bad_request", "categories: a CATEGORICAL config needs at least one");
  }
  assertUnique(
    given.map((category) => category.label),
    "label",
  );
  assertUnique(
    given.map((category) => category.value),
    "value",
  );
  return given;
}

function assertUnique(values: Array<string | number>, what: string): void {
  if (new Set(values).size !== values.length) {
    throw new AppError("bad_request", `categories: each category needs its own ${what}`);
  }
}

function assertRange(input: CreateScoreConfigInput): void {
  const hasRange = input.minValue != null || input.maxValue != null;
  if (hasRange && input.dataType !== "NUMERIC") {
    const field = input.minValue != null ? "minValue" : "maxValue";
    throw new AppError("bad_request", `${field}: only NUMERIC configs have a range`);
  }
  if (input.minValue != null && input.maxValue != null && input.minValue > input.maxValue) {
    throw new AppError("bad_request", "maxValue: must be at least minValue");
  }
}

/** The project's score configs, by name, paged like Langfuse's list endpoints. */
export async function listScoreConfigs(projectId: string, page: number, limit: number) {
  const where = { projectId };
  const [configs, totalItems] = await Promise.all([
    getPrisma().scoreConfig.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * limit,
      take: limit,
    }),
    getPrisma().scoreConfig.count({ where }),
  ]);
  return {
    data: configs.map(toPublicScoreConfig),
    meta: { page, limit, totalItems, totalPages: Math.ceil(totalItems / limit) },
  };
}

/** One score config of the project; 404 when it belongs to another project or none. */
export async function getScoreConfig(projectId: string, configId: string) {
  const config = await getPrisma().scoreConfig.findFirst({ where: { id: configId, projectId } });
  if (!config) throw new AppError("not_found", "Score config not found");
  return toPublicScoreConfig(config);
}

/** The rule a score must follow when it gives a configId; 400 (naming configId) when unknown. */
export async function loadScoreConfigRule(
  projectId: string,
  configId: string,
): Promise<ScoreConfigRule> {
  const config = await getPrisma().scoreConfig.findFirst({ where: { id: configId, projectId } });
  if (!config) throw new AppError("bad_request", `configId: no score config ${configId} here`);
  return toScoreConfigRule(config);
}

/**
 * The active config named like a score that gives no configId, so that a score named after a
 * config follows it too (stricter than Langfuse, which checks only scores giving configId).
 */
export async function findScoreConfigRuleByName(
  projectId: string,
  name: string,
): Promise<ScoreConfigRule | null> {
  const config = await getPrisma().scoreConfig.findFirst({
    where: { projectId, name, isArchived: false },
  });
  return config ? toScoreConfigRule(config) : null;
}

function toScoreConfigRule(config: ScoreConfig): ScoreConfigRule {
  return {
    id: config.id,
    name: config.name,
    dataType: config.dataType,
    minValue: config.minValue,
    maxValue: config.maxValue,
    categories: config.dataType === "CATEGORICAL" ? readCategories(config) : null,
    isArchived: config.isArchived,
  };
}

function readCategories(config: ScoreConfig): ScoreCategory[] {
  return Array.isArray(config.categories) ? (config.categories as unknown as ScoreCategory[]) : [];
}

/** A score config in the reply shape of /api/public/score-configs. */
export function toPublicScoreConfig(config: ScoreConfig) {
  return {
    id: config.id,
    projectId: config.projectId,
    name: config.name,
    dataType: config.dataType,
    minValue: config.minValue,
    maxValue: config.maxValue,
    categories: config.categories === null ? undefined : readCategories(config),
    description: config.description,
    isArchived: config.isArchived,
    createdAt: config.createdAt.toISOString(),
    updatedAt: config.updatedAt.toISOString(),
  };
}

/**
 * Changes a config (Langfuse's PATCH): archived or not, name, range, categories, description;
 * its data type stays. Scores already given keep their values and names; new scores follow the
 * changed config. 404 when it is not the project's, 409 when the name is taken, 400 for fields
 * the config's type does not have or a range that would be empty.
 */
export async function updateScoreConfig(projectId: string, configId: string, body: unknown) {
  const input = UpdateScoreConfigZ.parse(body);
  const prisma = getPrisma();
  const current = await prisma.scoreConfig.findFirst({ where: { id: configId, projectId } });
  if (!current) throw new AppError("not_found", "Score config not found");

  const merged: CreateScoreConfigInput = {
    name: input.name ?? current.name,
    dataType: current.dataType,
    minValue: input.minValue === undefined ? current.minValue : input.minValue,
    maxValue: input.maxValue === undefined ? current.maxValue : input.maxValue,
    categories: input.categories,
  };
  assertRange(merged);
  const categories =
    input.categories === undefined ? undefined : (resolveCategories(merged) ?? undefined);

  const updated = await prisma.scoreConfig
    .updateMany({
      where: { id: configId, projectId },
      data: {
        ...(input.isArchived === undefined ? {} : { isArchived: input.isArchived }),
        ...(input.description === undefined ? {} : { description: input.description }),
        ...(input.name === undefined ? {} : { name: input.name }),
        ...(input.minValue === undefined ? {} : { minValue: input.minValue }),
        ...(input.maxValue === undefined ? {} : { maxValue: input.maxValue }),
        ...(categories === undefined
          ? {}
          : { categories: categories as unknown as Prisma.InputJsonValue }),
      },
    })
    .catch((error: unknown) => {
      if (!isUniqueViolation(error)) throw error;
      throw new AppError("conflict", `name: score config ${merged.name} already exists`);
    });
  if (updated.count === 0) throw new AppError("not_found", "Score config not found");
  return getScoreConfig(projectId, configId);
}

/**
 * Deletes a config. Scores given under it keep their values (and its id, now dangling); a
 * queue that listed it stops offering its control.
 */
export async function deleteScoreConfig(projectId: string, configId: string): Promise<void> {
  const deleted = await getPrisma().scoreConfig.deleteMany({ where: { id: configId, projectId } });
  if (deleted.count === 0) throw new AppError("not_found", "Score config not found");
}
