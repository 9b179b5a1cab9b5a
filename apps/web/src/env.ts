import { z } from "zod";

/**
 * The web app's environment, validated once. Every variable has a default that suits the embedded
 * single-machine setup; docs/configuration.md lists them.
 */
const schema = z.object({
  PATRONUS_DATA_DIR: z.string().min(1).default("data"),
  PATRONUS_COLLECTOR_URL: z.url("must be a URL like http://127.0.0.1:2056").default("http://127.0.0.1:2056"),
  PATRONUS_CONTROL_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
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
