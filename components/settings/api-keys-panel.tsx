"use client";

import { useRef, useState } from "react";
import { apiFetch } from "../ui/api-fetch";
import { CopyButton } from "../ui/copy-button";
import { buttonClass, cardClass, dangerButtonClass, inputClass } from "../ui/styles";

export interface ApiKeyRow {
  id: string;
  publicKey: string;
  displaySecretKey: string;
  note: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

interface CreatedKey {
  id: string;
  publicKey: string;
  secretKey: string;
}

function formatTime(value: string | null): string {
  return value ? new Date(value).toLocaleString() : "never";
}

/** Create, list and revoke a project's API keys. The secret is shown once, right after creation. */
export function ApiKeysPanel({
  projectId,
  canManage,
  initialKeys,
}: {
  projectId: string;
  canManage: boolean;
  initialKeys: ApiKeyRow[];
}) {
  const [keys, setKeys] = useState(initialKeys);
  const [note, setNote] = useState("");
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  // A second submit before the first re-render (double click) must not create a second key.
  const creatingNow = useRef(false);
  const base = `/api/projects/${projectId}/api-keys`;

  const refresh = async () => setKeys((await apiFetch<{ data: ApiKeyRow[] }>(base)).data);

  const create = async () => {
    if (creatingNow.current) return;
    creatingNow.current = true;
    setCreating(true);
    setError(null);
    try {
      const key = await apiFetch<CreatedKey>(base, {
        method: "POST",
        body: { note: note || undefined },
      });
      setCreated(key);
      setNote("");
      await refresh();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      creatingNow.current = false;
      setCreating(false);
    }
  };

  const revoke = async (id: string) => {
    if (!window.confirm("Revoke this key? Clients using it will be rejected.")) return;
    setError(null);
    try {
      await apiFetch(`${base}/${id}`, { method: "DELETE" });
      await refresh();
    } catch (caught) {
      setError((caught as Error).message);
    }
  };

  return (
    <div className="space-y-6">
      <section className={cardClass}>
        <h1 className="mb-1 text-base font-semibold">API keys</h1>
        <p className="mb-4 text-sm text-zinc-500">
          Keys authenticate OTLP ingestion and the public API for this project.
        </p>
        {canManage ? (
          <form
            className="flex flex-wrap gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              void create();
            }}
          >
            <input
              aria-label="Key note"
              placeholder="Note (e.g. production)"
              value={note}
              onChange={(event) => setNote(event.target.value)}
              className={`${inputClass} max-w-xs`}
            />
            <button type="submit" className={buttonClass} disabled={creating}>
              {creating ? "Creating…" : "Create API key"}
            </button>
          </form>
        ) : (
          <p className="text-sm text-zinc-500" data-testid="keys-read-only">
            Only admins and owners can create or revoke keys.
          </p>
        )}
        {error && (
          <p role="alert" className="mt-3 text-sm text-red-600">
            {error}
          </p>
        )}
        {created && (
          <div
            className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950"
            data-testid="new-key"
          >
            <p className="mb-2 font-medium">Copy the secret key now: it will not be shown again.</p>
            <div className="grid gap-1 font-mono text-xs">
              <div className="flex items-center gap-2">
                <span className="w-16 text-zinc-500">public</span>
                <span data-testid="new-public-key" className="break-all">
                  {created.publicKey}
                </span>
                <CopyButton text={created.publicKey} />
              </div>
              <div className="flex items-center gap-2">
                <span className="w-16 text-zinc-500">secret</span>
                <span data-testid="new-secret-key" className="break-all">
                  {created.secretKey}
                </span>
                <CopyButton text={created.secretKey} />
              </div>
            </div>
          </div>
        )}
      </section>

      <section className={`${cardClass} overflow-x-auto p-0`}>
        <table className="w-full text-left text-sm">
          <thead className="border-b border-zinc-200 text-xs uppercase text-zinc-500 dark:border-zinc-800">
            <tr>
              <th className="px-4 py-2">Public key</th>
              <th className="px-4 py-2">Secret</th>
              <th className="px-4 py-2">Note</th>
              <th className="px-4 py-2">Created</th>
              <th className="px-4 py-2">Last used</th>
              <th className="px-4 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.length === 0 && (
              <tr>
                <td colSpan={6} className="px-4 py-6 text-center text-zinc-500">
                  No API keys yet.
                </td>
              </tr>
            )}
            {keys.map((key) => (
              <tr
                key={key.id}
                className="border-b border-zinc-100 last:border-0 dark:border-zinc-800"
                data-testid="api-key-row"
              >
                <td className="px-4 py-2 font-mono text-xs">{key.publicKey}</td>
                <td className="px-4 py-2 font-mono text-xs">{key.displaySecretKey}</td>
                <td className="px-4 py-2">{key.note}</td>
                <td className="px-4 py-2 whitespace-nowrap">{formatTime(key.createdAt)}</td>
                <td className="px-4 py-2 whitespace-nowrap">{formatTime(key.lastUsedAt)}</td>
                <td className="px-4 py-2 text-right">
                  {key.revokedAt ? (
                    <span className="text-xs text-zinc-500">revoked</span>
                  ) : (
                    canManage && (
                      <button
                        type="button"
                        className={dangerButtonClass}
                        onClick={() => void revoke(key.id)}
                      >
                        Revoke
                      </button>
                    )
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
