import Link from "next/link";
import { cardClass } from "../ui/styles";

/** The centered frame of the sign-in and sign-up pages. */
export function AuthCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <Link
          href="/"
          className="mb-6 flex items-center justify-center gap-2 text-lg font-semibold"
        >
          <img src="/favicon.svg" alt="" className="h-7 w-7" />
          Sightline
        </Link>
        <div className={cardClass}>
          <h1 className="mb-4 text-lg font-semibold">{title}</h1>
          {children}
        </div>
      </div>
    </main>
  );
}
