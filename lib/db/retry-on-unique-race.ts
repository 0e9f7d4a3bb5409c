/**
 * Runs a Prisma upsert again when a concurrent one created the same row first (unique violation
 * P2002): the second attempt finds the row and updates it.
 */
export async function retryOnUniqueRace<T>(upsert: () => Promise<T>): Promise<T> {
  try {
    return await upsert();
  } catch (error) {
    if (typeof error === "object" && error !== null && "code" in error && error.code === "P2002") {
      return upsert();
    }
    throw error;
  }
}
