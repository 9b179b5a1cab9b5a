/** Migrates the database when the server starts, not on the first request (the spec's automatic migration). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getDb } = await import("./server/db");
    getDb();
  }
}
