/**
 * The WAN interface kinds an endpoint may have. A module of its own, free of the database, so the
 * browser's endpoint form lists the same kinds the database column and the API take.
 */
export const interfaceKinds = ["fiber", "cable", "dsl", "lte", "5g", "satellite", "mpls"] as const;

export type InterfaceKind = (typeof interfaceKinds)[number];

export const isInterfaceKind = (value: unknown): value is InterfaceKind =>
  (interfaceKinds as readonly unknown[]).includes(value);
