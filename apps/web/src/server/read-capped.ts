/**
 * A request's body as text, or undefined once it passes `max` bytes: refused at once from
 * Content-Length, else counted as it streams in (a chunked body has no length), and the rest is never
 * read. For routes whose handler would otherwise buffer a body of any size.
 */
export async function readCapped(request: Request, max: number): Promise<string | undefined> {
  if (Number(request.headers.get("content-length") ?? 0) > max) return undefined;
  if (!request.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > max) return undefined; // leaving the loop cancels the stream
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}
