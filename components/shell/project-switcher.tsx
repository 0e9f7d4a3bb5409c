"use client";

import { useRouter } from "next/navigation";

export interface SwitcherOrganization {
  id: string;
  name: string;
  projects: { id: string; name: string }[];
}

/** Organization and project switcher: one select, grouped by organization. */
export function ProjectSwitcher({
  organizations,
  currentProjectId,
}: {
  organizations: SwitcherOrganization[];
  currentProjectId: string;
}) {
  const router = useRouter();
  return (
    <select
      aria-label="Project"
      value={currentProjectId}
      onChange={(event) => router.push(`/project/${event.target.value}`)}
      className="max-w-[16rem] truncate rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
    >
      {organizations.map((organization) => (
        <optgroup key={organization.id} label={organization.name}>
          {organization.projects.map((project) => (
            <option key={project.id} value={project.id}>
              {project.name}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
