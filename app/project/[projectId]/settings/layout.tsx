import Link from "next/link";

export default async function SettingsLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ projectId: string }>;
}) {
  const { projectId } = await params;
  const base = `/project/${projectId}/settings`;
  const sections = [
    { href: base, label: "General" },
    { href: `${base}/api-keys`, label: "API keys" },
    { href: `${base}/members`, label: "Members" },
    { href: `${base}/models`, label: "Model prices" },
    { href: `${base}/scores`, label: "Score configs" },
  ];
  return (
    <div className="grid gap-6 md:grid-cols-[12rem_1fr]">
      <nav aria-label="Settings" className="flex gap-1 md:flex-col">
        {sections.map((section) => (
          <Link
            key={section.href}
            href={section.href}
            className="rounded-md px-2.5 py-1.5 text-sm text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800"
          >
            {section.label}
          </Link>
        ))}
      </nav>
      <div className="min-w-0">{children}</div>
    </div>
  );
}
