import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { describe, expect, it } from "vitest";
import { formErrors } from "./site-field-errors";

describe("formErrors", () => {
  const refused = (...errors: { message: string; field?: string }[]) =>
    new CombinedGraphQLErrors({
      errors: errors.map(({ message, field }) => ({ message, extensions: { code: "VALIDATION", field } })),
    });

  it("puts a message under the field the API names, without the field's name in front", () => {
    expect(formErrors(refused({ message: "port: must be 1-65535", field: "port" }), ["address", "port"])).toEqual({
      fields: { port: "must be 1-65535" },
    });
  });

  it("keeps a message for a field the form does not show at the form's foot, so nothing is lost", () => {
    expect(formErrors(refused({ message: "site_id: must be a UUID", field: "site_id" }), ["port"])).toEqual({
      fields: {},
      form: "site_id: must be a UUID",
    });
  });
});
