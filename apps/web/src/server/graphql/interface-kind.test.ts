import { interfaceKinds } from "@patronus/core/sites/interface-kinds";
import { listEndpoints } from "@patronus/core/sites";
import type { User } from "@patronus/core/users";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createWebTestFixture, type WebTestFixture } from "./test-fixture";

let t: WebTestFixture["t"];
let admin: User;
let execute: WebTestFixture["execute"];
let siteId: string;

beforeEach(async () => {
  const fixture = createWebTestFixture();
  ({ t, execute } = fixture);
  ({ admin } = fixture.users);
  const result = await execute<{ createSite: { id: string } }>(
    'mutation { createSite(input: { name: "HQ" }) { id } }',
    {
      user: admin,
    },
  );
  siteId = result.data!.createSite.id;
});
afterEach(() => t.destroy());

const CREATE = `mutation ($site: ID!, $address: String!, $kind: InterfaceKind!) {
  createEndpoint(input: { site_id: $site, address: $address, port: 4500, interface_kind: $kind }) { interface_kind }
}`;

describe("the InterfaceKind scalar", () => {
  it("types every endpoint's interface kind, in inputs and in answers", async () => {
    const typeOf = `query ($name: String!) {
      __type(name: $name) { fields { name type { name ofType { name } } } inputFields { name type { name ofType { name } } } }
    }`;
    const kinds: Record<string, string | undefined> = {};
    for (const name of ["Endpoint", "PathEnd", "EndpointInput", "EndpointPatch"]) {
      const result = await execute<{
        __type: Record<
          "fields" | "inputFields",
          { name: string; type: { name?: string; ofType?: { name: string } } }[]
        >;
      }>(typeOf, { user: admin, variables: { name } });
      const field = [...(result.data!.__type.fields ?? []), ...(result.data!.__type.inputFields ?? [])].find(
        (f) => f.name === "interface_kind",
      );
      kinds[name] = field?.type.name ?? field?.type.ofType?.name;
    }
    expect(kinds).toEqual({
      Endpoint: "InterfaceKind",
      PathEnd: "InterfaceKind",
      EndpointInput: "InterfaceKind",
      EndpointPatch: "InterfaceKind",
    });
  });

  it("takes every kind core knows, 5g included, as the same strings as before, in variables and literals", async () => {
    for (const [i, kind] of interfaceKinds.entries()) {
      const result = await execute<{ createEndpoint: { interface_kind: string } }>(CREATE, {
        user: admin,
        variables: { site: siteId, address: `198.51.100.${i + 1}`, kind },
      });
      expect(result.errors).toBeUndefined();
      expect(result.data!.createEndpoint.interface_kind).toBe(kind);
    }
    const literal = await execute<{ createEndpoint: { interface_kind: string } }>(
      `mutation ($site: ID!) {
        createEndpoint(input: { site_id: $site, address: "198.51.100.9", port: 4500, interface_kind: "5g" }) { interface_kind }
      }`,
      { user: admin, variables: { site: siteId } },
    );
    expect(literal.errors).toBeUndefined();
    expect(literal.data!.createEndpoint.interface_kind).toBe("5g");
  });

  it("refuses an unknown kind before any resolver runs, naming the kinds it takes, and adds nothing", async () => {
    const result = await execute(CREATE, {
      user: admin,
      variables: { site: siteId, address: "198.51.100.1", kind: "carrier-pigeon" },
    });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors![0]!.message).toContain("fiber, cable, dsl, lte, 5g, satellite or mpls");
    const literal = await execute(
      `mutation ($site: ID!) {
        createEndpoint(input: { site_id: $site, address: "198.51.100.1", port: 4500, interface_kind: "6g" }) { id }
      }`,
      { user: admin, variables: { site: siteId } },
    );
    expect(literal.errors![0]!.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(literal.errors![0]!.message).toContain("fiber, cable, dsl, lte, 5g, satellite or mpls");
    expect(listEndpoints(t.db, { siteId })).toEqual([]);
  });
});
