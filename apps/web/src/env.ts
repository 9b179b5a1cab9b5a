import { z } from "zod";

/**
 * The web app's environment, validated once. Every variable has a default that suits the embedded
 * single-machine setup; docs/configuration.md lists them.
 */
const schema = z.object({
  PATRONUS_DATA_DIR: z.string().min(1).default("data"),
  PATRONUS_COLLECTOR_URL: z.url("must be a URL like http://127.0.0.1:2056").default("http://127.0.0.1:2056"),
  PATRONUS_CONTROL_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  /** Signs and encrypts session cookies; generated into the data directory when unset. */
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** The dashboard's public URL; when unset, the Host header of each request is trusted instead. */
  NEXTAUTH_URL: z.url("must be a URL like https://patronus.example.com").optional(),
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
