"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The project's sections; the current one is highlighted. */
export function NavLinks({ projectId }: { projectId: string }) {
  const pathname = usePathname();
  const base = `/project/${projectId}`;
  const links = [
    { href: base, label: "Home", exact: true },
    { href: `${base}/traces`, label: "Traces" },
    { href: `${base}/sessions`, label: "Sessions" },
    { href: `${base}/users`, label: "Users" },
    { href: `${base}/cost`, label: "Cost" },
    { href: `${base}/scores`, label: "Scores" },
    { href: `${base}/queues`, label: "Queues" },
    { href: `${base}/datasets`, label: "Datasets" },
    { href: `${base}/settings`, label: "Settings" },
  ];
  return (
    <nav className="flex gap-1 overflow-x-auto text-sm">
      {links.map((link) => {
        const active = link.exact ? pathname === link.href : pathname.startsWith(link.href);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? "page" : undefined}
            className={`rounded-md px-2.5 py-1.5 ${active ? "bg-zinc-100 font-medium text-zinc-900 dark:bg-zinc-800 dark:text-zinc-50" : "text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"}`}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
