import type { ApolloServerPlugin } from "@apollo/server";
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type DocumentNode,
  type ValidationContext,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import type { Context } from "./context";
import { TokenBuckets } from "./rate-limit";

/** What one request may ask for (docs/api.md, Limits). */
export const LIMITS = {
  /** Request body (POST) or query string (GET), checked before anything is parsed. */
  maxBodyBytes: 1_048_576,
  /** The schema is 4 levels deep; graphql's full introspection query (Apollo Sandbox's) is 15. */
  maxDepth: 20,
  maxAliases: 30,
  /** Every field costs 1, the root fields below more; the full introspection query costs 220. */
  maxCost: 400,
};

/** Root fields that cost more than one: they read a range of snapshots or ask the collector. */
export const FIELD_COST: Record<string, number> = {
  traffic_history: 100,
  cache_stats: 10,
  traffic_stats: 5,
  collector_status: 5,
  route: 5,
};

/** Per-user token buckets for root fields that cost the server most; the /traffic page spends one a refresh. */
export const RATE_LIMITED_FIELDS: Record<string, number> = { traffic_history: 1 };
export const RATE_LIMIT = { capacity: 30, refillPerSecond: 0.5, maxKeys: 10_000 };

/** Where measuring stops: far past every limit, and still a few milliseconds of walking. */
const MEASURE_UP_TO = 100_000;
/**
 * Fields of one response name in one selection (fragments merged). graphql's overlapping-fields rule
 * compares each such pair, so thousands of them cost it seconds; a real query repeats one a few times.
 */
const MAX_REPEATS = 10;

class TooComplex extends Error {}

interface Measure {
  depth: number;
  aliases: number;
  cost: number;
  /** The most repeated response name in one selection, and how often. */
  repeated: { name: string; count: number };
  /** Root fields by name, fragments expanded: what the rate limits count. */
  rootFields: Map<string, number>;
}

/**
 * Measures an operation with its fragments expanded. The walk stops as soon as the cost passes
 * MEASURE_UP_TO, so a fragment that spreads another many times over cannot make measuring slow.
 */
function measure(operation: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>): Measure {
  const m: Measure = { depth: 0, aliases: 0, cost: 0, repeated: { name: "", count: 0 }, rootFields: new Map() };
  const walk = (
    set: SelectionSetNode,
    depth: number,
    root: boolean,
    path: Set<string>,
    names: Map<string, number>,
  ): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const responseName = selection.alias?.value ?? name;
        const count = (names.get(responseName) ?? 0) + 1;
        names.set(responseName, count);
        if (count > m.repeated.count) m.repeated = { name: responseName, count };
        m.depth = Math.max(m.depth, depth);
        if (selection.alias) m.aliases++;
        m.cost += root ? (FIELD_COST[name] ?? 1) : 1;
        if (root) m.rootFields.set(name, (m.rootFields.get(name) ?? 0) + 1);
        if (m.cost > MEASURE_UP_TO) throw new TooComplex();
        if (selection.selectionSet) walk(selection.selectionSet, depth + 1, false, path, new Map());
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, depth, root, path, names);
      } else {
        const name = selection.name.value;
        const definition = fragments.get(name);
        if (!definition || path.has(name)) continue; // unknown or cyclic: graphql's own rules report it
        walk(definition.selectionSet, depth, root, new Set(path).add(name), names);
      }
    }
  };
  try {
    walk(operation.selectionSet, 1, true, new Set(), new Map());
  } catch (error) {
    if (!(error instanceof TooComplex)) throw error;
  }
  return m;
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  return new Map(document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
}

/** What is wrong with each operation of a document, one sentence a limit; empty when all are within. */
export function limitProblems(document: DocumentNode): string[] {
  const fragments = fragmentsOf(document);
  return document.definitions.flatMap((definition) => {
    if (definition.kind !== Kind.OPERATION_DEFINITION) return [];
    const m = measure(definition, fragments);
    const priced = Object.keys(FIELD_COST)
      .filter((name) => m.rootFields.has(name))
      .map((name) => `${name} costs ${FIELD_COST[name]} each`);
    const problems = [
      m.cost > LIMITS.maxCost &&
        `This operation costs ${m.cost > MEASURE_UP_TO ? `over ${MEASURE_UP_TO.toLocaleString("en")}` : m.cost.toLocaleString("en")}` +
          `${priced.length > 0 ? ` (${priced.join(", ")})` : ""}; at most ${LIMITS.maxCost} is allowed.`,
      m.aliases > LIMITS.maxAliases &&
        `This operation has ${m.aliases} aliases; at most ${LIMITS.maxAliases} are allowed.`,
      m.depth > LIMITS.maxDepth &&
        `This operation nests ${m.depth} levels deep; at most ${LIMITS.maxDepth} are allowed.`,
      m.repeated.count > MAX_REPEATS &&
        `This operation repeats ${m.repeated.name} ${m.repeated.count.toLocaleString("en")} times in one selection; at most ${MAX_REPEATS} are allowed.`,
    ];
    return problems.filter((p): p is string => typeof p === "string");
  });
}

/**
 * A validation rule: an operation past a limit is refused before anything runs, saying which limit.
 * Over HTTP the handler has already refused it before graphql's own rules (http-handler.ts); this
 * covers in-process execution too.
 */
export function operationLimitsRule(context: ValidationContext): ASTVisitor {
  return {
    Document(document) {
      for (const problem of limitProblems(document)) context.reportError(new GraphQLError(problem));
      return false; // measured once for the whole document
    },
  };
}

/**
 * Per request, once the operation is known: introspection only for a signed-in viewer (anonymous
 * clients learn nothing of the schema, not even the mutations' names), and the per-user rate limits.
 */
export function requestLimitsPlugin({ now }: { now: () => number }): ApolloServerPlugin<Context> {
  const buckets = new TokenBuckets({ ...RATE_LIMIT, now });
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          if (!operation) return;
          const fragments = fragmentsOf(document);
          const { rootFields } = measure(operation, fragments);
          const viewer = contextValue.viewer;
          if (!viewer) {
            if (introspects(operation.selectionSet, fragments, new Set())) {
              throw new GraphQLError("Introspection needs a signed-in user or an API token.", {
                extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
              });
            }
            return; // every field refuses an anonymous viewer anyway (guards.ts)
          }
          const tokens = [...rootFields].reduce(
            (sum, [name, count]) => sum + (RATE_LIMITED_FIELDS[name] ?? 0) * count,
            0,
          );
          if (tokens === 0) return;
          const taken = buckets.take(`user:${viewer.id}`, tokens);
          if (taken.ok) return;
          const retryAfterS = Math.ceil(taken.retryAfterMs / 1000);
          throw new GraphQLError(
            `Too many traffic_history requests: ${RATE_LIMIT.capacity} at once, then one every ${1 / RATE_LIMIT.refillPerSecond} s per user. Try again in ${retryAfterS} s.`,
            {
              extensions: {
                code: "RATE_LIMITED",
                retry_after_s: retryAfterS,
                http: { status: 429, headers: new Map([["retry-after", String(retryAfterS)]]) },
              },
            },
          );
        },
      };
    },
  };
}

function introspects(
  set: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  seen: Set<string>,
): boolean {
  return set.selections.some((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === "__schema" || selection.name.value === "__type";
    if (selection.kind === Kind.INLINE_FRAGMENT) return introspects(selection.selectionSet, fragments, seen);
    const definition = fragments.get(selection.name.value);
    if (!definition || seen.has(selection.name.value)) return false;
    seen.add(selection.name.value);
    return introspects(definition.selectionSet, fragments, seen);
  });
}
