import type { ReactNode } from "react";

/** Numbers right-aligned in even-width digits, so a column reads down. */
export const numeric = { textAlign: "right", fontVariantNumeric: "tabular-nums" } as const;

/** One column: its header, how a row fills its cell, and whether it holds a figure (right-aligned). */
export interface Column<Row> {
  header: string;
  numeric?: boolean;
  cell: (row: Row) => ReactNode;
}

/**
 * A labelled table of rows under column headers, figures right-aligned: the flow and path tables share
 * it so their markup (scope, alignment, keys) cannot drift apart.
 */
export function FigureTable<Row>({
  label,
  columns,
  rows,
  rowKey,
}: {
  label: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
}) {
  return (
    <table aria-label={label}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header} scope="col" style={c.numeric ? numeric : undefined}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((c) => (
              <td key={c.header} style={c.numeric ? numeric : undefined}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One figure of a summary list (`<dl>`): its name over its value; `alignDigits` sets the digits even-width. */
export function Stat({
  name,
  value,
  testId,
  alignDigits = false,
}: {
  name: string;
  value: ReactNode;
  testId?: string;
  alignDigits?: boolean;
}) {
  return (
    <div>
      <dt>{name}</dt>
      <dd data-testid={testId} style={alignDigits ? numeric : undefined}>
        {value}
      </dd>
    </div>
  );
}
