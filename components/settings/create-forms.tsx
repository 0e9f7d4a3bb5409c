"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "../ui/api-fetch";
import { buttonClass, inputClass } from "../ui/styles";

function useSubmit<T>(submit: (value: string) => Promise<T>, onDone: (result: T) => void) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const run = (value: string) => {
    setPending(true);
    setError(null);
    submit(value)
      .then(onDone)
      .catch((caught: Error) => setError(caught.message))
      .finally(() => setPending(false));
  };
  return { error, pending, run };
}

/** Creates a project in an organization and opens it. */
export function CreateProjectForm({ organizationId }: { organizationId: string }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const { error, pending, run } = useSubmit(
    (value) =>
      apiFetch<{ id: string }>(`/api/organizations/${organizationId}/projects`, {
        method: "POST",
        body: { name: value },
      }),
    (project) => router.push(`/project/${project.id}`),
  );
  return (
    <form
      className="flex flex-wrap items-start gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        run(name);
      }}
    >
      <input
        aria-label="New project name"
        placeholder="New project name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        className={`${inputClass} max-w-xs`}
      />
      <button type="submit" disabled={pending || !name.trim()} className={buttonClass}>
        Create project
      </button>
      {error && (
        <p role="alert" className="w-full text-sm text-red-600">
          {error}
        </p>
      )}
    </form>
  );
}

/** Creates an organization (with the user as owner) and returns home. */
export function CreateOrganizationForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  const { error, pending, run } = useSubmit(
    (value) =>
      apiFetch<{ id: string }>("/api/organizations", { method: "POST", body: { name: value } }),
    () => router.refresh(),
  );
  return (
    <form
      className="flex flex-wrap items-start gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        run(name);
      }}
    >
      <input
        aria-label="Organization name"
        placeholder="Organization name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        className={`${inputClass} max-w-xs`}
      />
      <button type="submit" disabled={pending || !name.trim()} className={buttonClass}>
        Create organization
      </button>
      {error && (
        <p role="alert" className="w-full text-sm text-red-600">
          {error}
        </p>
      )}
    </form>
  );
}
