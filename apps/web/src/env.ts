import { z } from "zod";

/**
 * The web app's environment, validated once. Every variable has a default that suits the embedded
 * single-machine setup; docs/configuration.md lists them.
 */
const schema = z.object({
  PATRONUS_DATA_DIR: z.string().min(1).default("data"),
});

function load() {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join("; ");
    throw new Error(`invalid environment: ${problems}`);
  }
  return parsed.data;
}

export const env = load();
