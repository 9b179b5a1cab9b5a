import type { CodegenConfig } from "@graphql-codegen/cli";

// Types generated from schema.graphql so resolvers and the browser's queries cannot drift from it
// (docs/architecture.md, GraphQL). `pnpm codegen` rewrites them; `lint` fails while they are stale.

const config: CodegenConfig = {
  schema: "src/server/graphql/schema.graphql",
  documents: ["src/components/**/*.tsx", "src/app/**/*.tsx"],
  generates: {
    "src/server/graphql/generated/resolvers.ts": {
      plugins: ["typescript", "typescript-resolvers"],
      config: {
        // Core returns numeric ids (users, tokens, paths); GraphQL serialises them as strings.
        scalars: {
          ID: { input: "string", output: "string | number" },
          // Core reads some as plain strings (path health); the scalar checks each on its way out.
          InterfaceKind: { input: "@patronus/core/sites/interface-kinds#InterfaceKind", output: "string" },
        },
        useTypeImports: true,
        enumsAsTypes: true,
        // Resolvers run behind the guards, which hand them a context with its viewer (guards.ts).
        contextType: "../context#AuthedContext",
        // What core returns for each type, where it is not the GraphQL shape itself.
        mapperTypeSuffix: "Model",
        mappers: {
          Policy: "@patronus/core/policies#Policy",
          Path: "@patronus/core/sites#PathDetail",
          Site: "@patronus/core/sites#SiteSummary",
          CollectorStatus: "@patronus/core/traffic/control#CollectorStatusReport",
        },
      },
    },
    "src/graphql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      // A const object per enum, so the browser can list an enum's values (the role picker).
      config: {
        scalars: { ID: "string", InterfaceKind: "@patronus/core/sites/interface-kinds#InterfaceKind" },
        useTypeImports: true,
        enumType: "const",
      },
    },
  },
};

export default config;
