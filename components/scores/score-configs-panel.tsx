"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";

import { apiFetch } from "@/components/ui/api-fetch";
import {
  buttonClass,
  cardClass,
  inputClass,
  labelClass,
  secondaryButtonClass,
} from "@/components/ui/styles";

export interface ScoreConfigRow {
  id: string;
  name: string;
  dataType: string;
  minValue: number | null;
  maxValue: number | null;
  categories?: Array<{ label: string; value: number }>;
  description?: string | null;
  isArchived: boolean;
}

/** "good=1, bad=0" → categories; a label without "=" gets its position as value. */
function parseCategories(text: string): Array<{ label: string; value: number }> {
  return text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part, index) => {
      const [label = "", value] = part.split("=").map((piece) => piece.trim());
      return { label, value: value === undefined ? index : Number(value) };
    });
}

function formatCategories(config: ScoreConfigRow): string {
  return (config.categories ?? [])
    .map((category) => `${category.label}=${category.value}`)
    .join(", ");
}

/** Min and max as typed: empty means none (null); anything else must read as a number. */
function readBounds(
  minText: string,
  maxText: string,
): { Min: number | null; Max: number | null } | { error: string } {
  const bounds = { Min: parseBound(minText), Max: parseBound(maxText) };
  const unreadable = Object.entries(bounds).find(([, bound]) => Number.isNaN(bound));
  return unreadable ? { error: `${unreadable[0]}: must be a number, or empty for none` } : bounds;
}

function parseBound(text: string): number | null {
  return text.trim() === "" ? null : Number(text);
}

function describe(config: ScoreConfigRow): string {
  if (config.dataType === "NUMERIC") {
    return `${config.minValue ?? "−∞"} … ${config.maxValue ?? "∞"}`;
  }
  return (config.categories ?? []).map((category) => category.label).join(", ");
}

/** A config's fields as typed in a form. */
interface ConfigFieldValues {
  name: string;
  minValue: string;
  maxValue: string;
  categories: string;
}

/**
 * The fields the create and edit forms share: name, then `children` (the create form's type),
 * then the range of a NUMERIC config or the categories of a CATEGORICAL one.
 */
function ConfigFields({
  dataType,
  values,
  onChange,
  boundPlaceholder,
  children,
}: {
  dataType: string;
  values: ConfigFieldValues;
  onChange: (patch: Partial<ConfigFieldValues>) => void;
  boundPlaceholder?: string;
  children?: ReactNode;
}) {
  const bound = (label: string, field: "minValue" | "maxValue") => (
    <label className={labelClass}>
      {label}
      <input
        className={inputClass}
        value={values[field]}
        inputMode="decimal"
        placeholder={boundPlaceholder}
        onChange={(event) => onChange({ [field]: event.target.value })}
      />
    </label>
  );
  return (
    <>
      <label className={labelClass}>
        Name
        <input
          className={inputClass}
          value={values.name}
          required
          maxLength={35}
          onChange={(event) => onChange({ name: event.target.value })}
        />
      </label>
      {children}
      {dataType === "NUMERIC" ? (
        <div className="flex gap-2">
          {bound("Min", "minValue")}
          {bound("Max", "maxValue")}
        </div>
      ) : null}
      {dataType === "CATEGORICAL" ? (
        <label className={labelClass}>
          Categories
          <input
            className={inputClass}
            value={values.categories}
            placeholder="good=1, bad=0"
            onChange={(event) => onChange({ categories: event.target.value })}
          />
        </label>
      ) : null}
    </>
  );
}

/** The project's score configs: what reviewers and the API may score, and how. */
export function ScoreConfigsPanel({
  projectId,
  configs,
  canEdit,
}: {
  projectId: string;
  configs: ScoreConfigRow[];
  canEdit: boolean;
}) {
  const router = useRouter();
  const [fields, setFields] = useState<ConfigFieldValues>({
    name: "",
    minValue: "0",
    maxValue: "1",
    categories: "",
  });
  const [dataType, setDataType] = useState("NUMERIC");
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<ScoreConfigRow | null>(null);

  const create = async () => {
    const bounds = readBounds(fields.minValue, fields.maxValue);
    if (dataType === "NUMERIC" && "error" in bounds) {
      setError(bounds.error);
      return;
    }
    setError(null);
    try {
      await apiFetch(`/api/projects/${projectId}/score-configs`, {
        method: "POST",
        body: {
          name: fields.name,
          dataType,
          minValue:
            dataType === "NUMERIC" && "Min" in bounds ? (bounds.Min ?? undefined) : undefined,
          maxValue:
            dataType === "NUMERIC" && "Max" in bounds ? (bounds.Max ?? undefined) : undefined,
          categories: dataType === "CATEGORICAL" ? parseCategories(fields.categories) : undefined,
        },
      });
      setFields((current) => ({ ...current, name: "" }));
      router.refresh();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  const archive = async (config: ScoreConfigRow) => {
    try {
      await apiFetch(`/api/projects/${projectId}/score-configs/${config.id}`, {
        method: "PATCH",
        body: { isArchived: !config.isArchived },
      });
      router.refresh();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  return (
    <div className="space-y-4">
      <section className={cardClass} aria-label="Score configs">
        <h1 className="mb-2 text-lg font-semibold">Score configs</h1>
        <p className="mb-3 text-sm text-zinc-500">
          Every score that gives a config&apos;s id, or is named like an active config, is checked
          against it. Reviewers get one control per active config.
        </p>
        {configs.length === 0 ? (
          <p className="text-sm text-zinc-500">None yet.</p>
        ) : (
          <table className="w-full text-left text-sm" data-testid="score-config-list">
            <tbody>
              {configs.map((config) => (
                <tr key={config.id} className="border-t border-zinc-100 dark:border-zinc-800">
                  <td className="py-1.5 font-medium">{config.name}</td>
                  <td className="py-1.5 text-xs text-zinc-500">{config.dataType.toLowerCase()}</td>
                  <td className="py-1.5 text-xs">{describe(config)}</td>
                  <td className="py-1.5 text-right">
                    {config.isArchived ? (
                      <span className="mr-2 text-xs text-zinc-500">archived</span>
                    ) : null}
                    {canEdit ? (
                      <>
                        <button
                          type="button"
                          className={`${secondaryButtonClass} mr-2`}
                          aria-label={`Edit ${config.name}`}
                          onClick={() => setEditing(config)}
                        >
                          Edit
                        </button>
                        <button
                          type="button"
                          className={secondaryButtonClass}
                          onClick={() => void archive(config)}
                        >
                          {config.isArchived ? "Unarchive" : "Archive"}
                        </button>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {canEdit && editing ? (
        <EditScoreConfigForm
          key={editing.id}
          projectId={projectId}
          config={editing}
          onDone={() => {
            setEditing(null);
            router.refresh();
          }}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {canEdit ? (
        <form
          className={`${cardClass} space-y-3`}
          aria-label="New score config"
          onSubmit={(event) => {
            event.preventDefault();
            void create();
          }}
        >
          <h2 className="text-sm font-semibold">New score config</h2>
          <ConfigFields
            dataType={dataType}
            values={fields}
            onChange={(patch) => setFields((current) => ({ ...current, ...patch }))}
          >
            <label className={labelClass}>
              Type
              <select
                className={inputClass}
                value={dataType}
                onChange={(event) => setDataType(event.target.value)}
              >
                <option value="NUMERIC">Numeric</option>
                <option value="CATEGORICAL">Categorical</option>
                <option value="BOOLEAN">Boolean</option>
              </select>
            </label>
          </ConfigFields>
          {error ? (
            <p className="text-sm text-red-600" data-testid="score-config-error">
              {error}
            </p>
          ) : null}
          <button type="submit" className={buttonClass} disabled={!fields.name.trim()}>
            Create config
          </button>
        </form>
      ) : (
        <p className="text-sm text-zinc-500">Admins and owners manage score configs.</p>
      )}
    </div>
  );
}

/**
 * Changes a config's name, range or categories and description. Its type stays; scores already
 * given keep their values, new ones follow the change.
 */
function EditScoreConfigForm({
  projectId,
  config,
  onDone,
  onCancel,
}: {
  projectId: string;
  config: ScoreConfigRow;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [fields, setFields] = useState<ConfigFieldValues>({
    name: config.name,
    minValue: config.minValue === null ? "" : String(config.minValue),
    maxValue: config.maxValue === null ? "" : String(config.maxValue),
    categories: formatCategories(config),
  });
  const [description, setDescription] = useState(config.description ?? "");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    const bounds = readBounds(fields.minValue, fields.maxValue);
    if (config.dataType === "NUMERIC" && "error" in bounds) {
      setError(bounds.error);
      return;
    }
    setError(null);
    setSaving(true);
    try {
      await apiFetch(`/api/projects/${projectId}/score-configs/${config.id}`, {
        method: "PATCH",
        body: {
          name: fields.name,
          description: description.trim() === "" ? null : description,
          ...(config.dataType === "NUMERIC" && "Min" in bounds
            ? { minValue: bounds.Min, maxValue: bounds.Max }
            : {}),
          ...(config.dataType === "CATEGORICAL"
            ? { categories: parseCategories(fields.categories) }
            : {}),
        },
      });
      onDone();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className={`${cardClass} space-y-3`}
      aria-label="Edit score config"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 className="text-sm font-semibold">Edit {config.name}</h2>
      <p className="text-xs text-zinc-500">
        Scores already given keep their values and names; new scores follow the change.
      </p>
      <ConfigFields
        dataType={config.dataType}
        values={fields}
        onChange={(patch) => setFields((current) => ({ ...current, ...patch }))}
        boundPlaceholder="none"
      />
      <label className={labelClass}>
        Description
        <input
          className={inputClass}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
      </label>
      {error ? (
        <p className="text-sm text-red-600" data-testid="score-config-edit-error">
          {error}
        </p>
      ) : null}
      <div className="flex gap-2">
        <button type="submit" className={buttonClass} disabled={saving || !fields.name.trim()}>
          Save changes
        </button>
        <button type="button" className={secondaryButtonClass} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
