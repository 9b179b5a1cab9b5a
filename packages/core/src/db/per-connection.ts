/**
 * `prepare` run once per connection and kept while it lives: statements that hot paths reuse, since
 * building a drizzle query (or preparing SQL) costs more than running it (docs/database.md, "Figures").
 * Keyed weakly, so a closed connection's statements go with it.
 */
export function perConnection<K extends object, T>(prepare: (connection: K) => T): (connection: K) => T {
  const prepared = new WeakMap<K, T>();
  return (connection) => {
    let value = prepared.get(connection);
    if (value === undefined) prepared.set(connection, (value = prepare(connection)));
    return value;
  };
}
