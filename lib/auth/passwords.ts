import { hash, verify } from "@node-rs/argon2";
import { AppError } from "../http/app-error";

const MIN_LENGTH = 8;

/** Rejects passwords that are too easy to guess, with a message saying what is missing. */
export function assertStrongPassword(password: string): void {
  if (password.length < MIN_LENGTH) {
    throw new AppError("bad_request", `password: must be at least ${MIN_LENGTH} characters`);
  }
  const hasLetter = /\p{L}/u.test(password);
  const hasOther = /[^\p{L}]/u.test(password);
  if (password.length < 16 && !(hasLetter && hasOther)) {
    throw new AppError(
      "bad_request",
      "password: use letters and at least one digit or symbol (or 16+ characters)",
    );
  }
}

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Checks a password against its argon2 hash; false for any malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
