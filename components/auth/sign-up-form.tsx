"use client";

import { useActionState } from "react";
import { signUpAction, type FormState } from "@/app/(auth)/actions";
import { buttonClass, inputClass, labelClass } from "../ui/styles";

export function SignUpForm({ invitation, email }: { invitation?: string; email?: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(signUpAction, {
    error: null,
  });
  return (
    <form action={action} className="space-y-4">
      {invitation && <input type="hidden" name="invitation" value={invitation} />}
      <div>
        <label htmlFor="name" className={labelClass}>
          Name
        </label>
        <input
          id="name"
          name="name"
          defaultValue={state.values?.name}
          autoComplete="name"
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor="email" className={labelClass}>
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={email ?? state.values?.email}
          readOnly={Boolean(email)}
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor="password" className={labelClass}>
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          className={inputClass}
        />
        <p className="mt-1 text-xs text-zinc-500">
          At least 8 characters, with letters and a digit or symbol.
        </p>
      </div>
      {!invitation && (
        <div>
          <label htmlFor="organizationName" className={labelClass}>
            Organization
          </label>
          <input
            id="organizationName"
            name="organizationName"
            defaultValue={state.values?.organizationName}
            placeholder="Acme AI"
            className={inputClass}
          />
        </div>
      )}
      {state.error && (
        <p role="alert" data-testid="form-error" className="text-sm text-red-600 dark:text-red-400">
          {state.error}
        </p>
      )}
      <button type="submit" disabled={pending} className={`${buttonClass} w-full`}>
        {pending ? "Creating account..." : "Create account"}
      </button>
    </form>
  );
}
