import { CombinedGraphQLErrors, ServerError } from "@apollo/client/errors";
import { describe, expect, it } from "vitest";
import { describeError } from "./query-states";

const serverError = (status: number) =>
  new ServerError(`Response not successful: Received status code ${status}`, {
    response: new Response("", { status }),
    bodyText: "",
  });

describe("describeError", () => {
  it("says the server is down instead of Apollo's raw status line", () => {
    expect(describeError(serverError(502))).toBe("The dashboard's server is down or restarting (HTTP 502).");
  });

  it("tells a signed-out browser to sign in again", () => {
    expect(describeError(serverError(401))).toBe("Your session has ended: sign in again.");
  });

  it("gives the GraphQL errors' own messages", () => {
    const error = new CombinedGraphQLErrors({ errors: [{ message: "policy 9 does not exist" }] });
    expect(describeError(error)).toBe("policy 9 does not exist");
  });

  it("reads a failed fetch as a connection problem", () => {
    expect(describeError(new TypeError("Failed to fetch"))).toBe(
      "The dashboard could not reach its server: check the connection.",
    );
  });
});
