"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "../ui/api-fetch";
import { buttonClass } from "../ui/styles";

export function AcceptInvitationButton({ token }: { token: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <button
        type="button"
        className={buttonClass}
        onClick={() => {
          apiFetch(`/api/invitations/${encodeURIComponent(token)}`, { method: "POST" })
            .then(() => router.push("/"))
            .catch((caught: Error) => setError(caught.message));
        }}
      >
        Accept invitation
      </button>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}
