import { expect, type APIRequestContext } from "@playwright/test";

/** Runs a GraphQL operation with the request context's session and returns its data; errors fail the test. */
export async function graphqlData<T>(request: APIRequestContext, query: string, variables: object = {}): Promise<T> {
  const response = await request.post("/api/graphql", { data: { query, variables } });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data!;
}
