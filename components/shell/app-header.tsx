import Link from "next/link";
import { signOut } from "@/lib/auth/auth";
import { ThemeToggle } from "../ui/theme-toggle";
import { NavLinks } from "./nav-links";
import { ProjectSwitcher, type SwitcherOrganization } from "./project-switcher";

/** The top bar of every project page. */
export function AppHeader({
  organizations,
  projectId,
  userEmail,
}: {
  organizations: SwitcherOrganization[];
  projectId: string;
  userEmail: string;
}) {
  return (
    <header className="sticky top-0 z-20 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
      <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center gap-3 px-4 py-2">
        <Link href="/" className="flex items-center gap-2 font-semibold">
          <img src="/favicon.svg" alt="" className="h-6 w-6" />
          <span className="hidden sm:inline">Sightline</span>
        </Link>
        <ProjectSwitcher organizations={organizations} currentProjectId={projectId} />
        <NavLinks projectId={projectId} />
        <div className="ml-auto flex items-center gap-2">
          <span className="hidden text-xs text-zinc-500 md:inline" data-testid="user-email">
            {userEmail}
          </span>
          <ThemeToggle />
          <form
            action={async () => {
              "use server";
              await signOut({ redirectTo: "/sign-in" });
            }}
          >
            <button
              type="submit"
              className="rounded-md px-2 py-1 text-sm text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800"
            >
              Sign out
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
