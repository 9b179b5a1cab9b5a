/** IP protocols the picker names (IANA protocol numbers); anything else is typed as a number. */
export const NAMED_PROTOCOLS: readonly { value: number; name: string }[] = [
  { value: 6, name: "TCP" },
  { value: 17, name: "UDP" },
  { value: 1, name: "ICMP" },
  { value: 47, name: "GRE" },
  { value: 50, name: "ESP" },
  { value: 51, name: "AH" },
  { value: 58, name: "ICMPv6" },
  { value: 132, name: "SCTP" },
];

const afClasses = [1, 2, 3, 4].flatMap((cls) =>
  // AFxy = 8x + 2y (RFC 2597, section 6).
  [1, 2, 3].map((drop) => ({ value: 8 * cls + 2 * drop, name: `AF${cls}${drop}` })),
);
const classSelectors = [0, 1, 2, 3, 4, 5, 6, 7].map((cls) => ({ value: 8 * cls, name: `CS${cls}` }));

/** DSCP code points the picker names (EF: RFC 3246; AF: RFC 2597; CS: RFC 2474); others are typed as numbers. */
export const NAMED_DSCP: readonly { value: number; name: string }[] = [
  { value: 46, name: "EF" },
  ...afClasses,
  ...classSelectors,
];

/** "TCP (6)" for a named protocol, "protocol 115" for another. */
export function protocolLabel(value: number): string {
  const named = NAMED_PROTOCOLS.find((p) => p.value === value);
  return named ? `${named.name} (${value})` : `protocol ${value}`;
}

/** "EF (46)" for a named code point, "DSCP 5" for another. */
export function dscpLabel(value: number): string {
  const named = NAMED_DSCP.find((d) => d.value === value);
  return named ? `${named.name} (${value})` : `DSCP ${value}`;
}
