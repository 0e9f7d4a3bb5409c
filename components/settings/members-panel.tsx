"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { apiFetch } from "../ui/api-fetch";
import { CopyButton } from "../ui/copy-button";
import { buttonClass, cardClass, dangerButtonClass, inputClass } from "../ui/styles";

type Role = "OWNER" | "ADMIN" | "MEMBER" | "VIEWER";
const ROLES: Role[] = ["OWNER", "ADMIN", "MEMBER", "VIEWER"];
const RANK: Record<Role, number> = { VIEWER: 0, MEMBER: 1, ADMIN: 2, OWNER: 3 };

interface MemberRow {
  id: string;
  role: Role;
  userId: string;
  email: string;
  name: string | null;
}

interface InvitationRow {
  id: string;
  email: string;
  role: Role;
  expiresAt: string;
}

/** Organization members with their roles, and invitations by link. */
export function MembersPanel(props: {
  organizationId: string;
  organizationName: string;
  myRole: Role;
  myUserId: string;
  members: MemberRow[];
  invitations: InvitationRow[];
}) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("MEMBER");
  const [link, setLink] = useState<string | null>(null);
  // The email whose earlier, still open invitation the last invite replaced.
  const [replacedEmail, setReplacedEmail] = useState<string | null>(null);
  const [inviting, setInviting] = useState(false);
  // A second submit before the first re-render (double click) must not send a second invitation.
  const invitingNow = useRef(false);
  const [error, setError] = useState<string | null>(null);
  const canManage = RANK[props.myRole] >= RANK.ADMIN;
  const base = `/api/organizations/${props.organizationId}`;

  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      router.refresh();
    } catch (caught) {
      setError((caught as Error).message);
    }
  };

  return (
    <div className="space-y-6">
      <section className={cardClass}>
        <h1 className="mb-1 text-base font-semibold">Members of {props.organizationName}</h1>
        <p className="mb-4 text-sm text-zinc-500">
          Owners and admins manage members and keys, members write scores and datasets, viewers
          read.
        </p>
        {canManage && (
          <form
            className="flex flex-wrap gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              if (invitingNow.current) return;
              invitingNow.current = true;
              setInviting(true);
              void run(async () => {
                const invitation = await apiFetch<{
                  link: string;
                  email: string;
                  replaced: boolean;
                }>(`${base}/invitations`, {
                  method: "POST",
                  body: { email, role },
                });
                setLink(invitation.link);
                setReplacedEmail(invitation.replaced ? invitation.email : null);
                setEmail("");
              }).finally(() => {
                invitingNow.current = false;
                setInviting(false);
              });
            }}
          >
            <input
              aria-label="Email to invite"
              type="email"
              required
              placeholder="teammate@example.com"
              value={email}
              onChange={(event) => {
                setEmail(event.target.value);
                setError(null);
              }}
              className={`${inputClass} max-w-xs`}
            />
            <select
              aria-label="Role for the invitation"
              value={role}
              onChange={(event) => {
                setRole(event.target.value as Role);
                setError(null);
              }}
              className={`${inputClass} w-auto!`}
            >
              {ROLES.map((option) => (
                <option key={option} value={option}>
                  {option.toLowerCase()}
                </option>
              ))}
            </select>
            <button type="submit" className={buttonClass} disabled={inviting}>
              {inviting ? "Inviting…" : "Invite"}
            </button>
          </form>
        )}
        {link && (
          <div
            className="mt-3 flex flex-wrap items-center gap-2 text-sm"
            data-testid="invitation-link"
          >
            <span>Share this link:</span>
            <code className="break-all rounded bg-zinc-100 px-2 py-1 text-xs dark:bg-zinc-800">
              {link}
            </code>
            <CopyButton text={link} />
            {replacedEmail && (
              <p className="w-full text-zinc-500" data-testid="invitation-replaced">
                The earlier link for {replacedEmail} no longer works.
              </p>
            )}
          </div>
        )}
        {error && (
          <p role="alert" className="mt-3 text-sm text-red-600">
            {error}
          </p>
        )}
      </section>

      <section className={`${cardClass} overflow-x-auto p-0`}>
        <table className="w-full text-left text-sm">
          <thead className="border-b border-zinc-200 text-xs uppercase text-zinc-500 dark:border-zinc-800">
            <tr>
              <th className="px-4 py-2">Member</th>
              <th className="px-4 py-2">Role</th>
              <th className="px-4 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.members.map((member) => (
              <tr
                key={member.id}
                className="border-b border-zinc-100 last:border-0 dark:border-zinc-800"
              >
                <td className="px-4 py-2">
                  <div>{member.name}</div>
                  <div className="text-xs text-zinc-500">{member.email}</div>
                </td>
                <td className="px-4 py-2">
                  {canManage && member.userId !== props.myUserId ? (
                    <select
                      aria-label={`Role of ${member.email}`}
                      value={member.role}
                      onChange={(event) =>
                        void run(() =>
                          apiFetch(`${base}/members/${member.id}`, {
                            method: "PATCH",
                            body: { role: event.target.value },
                          }),
                        )
                      }
                      className={`${inputClass} w-auto!`}
                    >
                      {ROLES.map((option) => (
                        <option key={option} value={option}>
                          {option.toLowerCase()}
                        </option>
                      ))}
                    </select>
                  ) : (
                    member.role.toLowerCase()
                  )}
                </td>
                <td className="px-4 py-2 text-right">
                  {canManage && member.userId !== props.myUserId && (
                    <button
                      type="button"
                      className={dangerButtonClass}
                      onClick={() =>
                        void run(() =>
                          apiFetch(`${base}/members/${member.id}`, { method: "DELETE" }),
                        )
                      }
                    >
                      Remove
                    </button>
                  )}
                </td>
              </tr>
            ))}
            {props.invitations.map((invitation) => (
              <tr
                key={invitation.id}
                className="border-b border-zinc-100 text-zinc-500 last:border-0 dark:border-zinc-800"
              >
                <td className="px-4 py-2">{invitation.email} (invited)</td>
                <td className="px-4 py-2">{invitation.role.toLowerCase()}</td>
                <td className="px-4 py-2 text-right text-xs">
                  <span className="mr-3">
                    expires {new Date(invitation.expiresAt).toLocaleDateString()}
                  </span>
                  {canManage && (
                    <button
                      type="button"
                      className={dangerButtonClass}
                      aria-label={`Revoke the invitation of ${invitation.email}`}
                      onClick={() =>
                        void run(() =>
                          apiFetch(`${base}/invitations/${invitation.id}`, { method: "DELETE" }),
                        )
                      }
                    >
                      Revoke
                    </button>
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
