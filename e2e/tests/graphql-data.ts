import { expect, type APIRequestContext, type Page } from "@playwright/test";

/** Runs a GraphQL operation with the request context's session and returns its data; errors fail the test. */
export async function graphqlData<T>(request: APIRequestContext, query: string, variables: object = {}): Promise<T> {
  const response = await request.post("/api/graphql", { data: { query, variables } });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data!;
}

/** The bodies of the GraphQL requests `page` sends from now on that name `operation`, as they are sent. */
export function graphqlRequestsOf(page: Page, operation: string): string[] {
  const sent: string[] = [];
  page.on("request", (request) => {
    if (request.url().endsWith("/api/graphql") && request.postData()?.includes(operation)) {
      sent.push(request.postData()!);
    }
  });
  return sent;
}
