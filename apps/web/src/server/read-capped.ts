import type { IncomingMessage } from "node:http";

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

/**
 * readCapped for a Node request (src/main.ts serves GraphQL on those): the rest of a body past `max` is
 * never read (the 413 closes the connection). A client that goes away mid-body gets undefined too;
 * nobody is left to read the answer.
 */
export function readCappedNode(req: IncomingMessage, max: number): Promise<string | undefined> {
  if (Number(req.headers["content-length"] ?? 0) > max) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (text: string | undefined) => {
      if (done) return;
      done = true;
      req.off("data", onData);
      if (text === undefined) req.pause();
      resolve(text);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) finish(undefined);
      else chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => finish(Buffer.concat(chunks).toString("utf8")));
    req.once("close", () => finish(undefined));
    req.on("error", () => finish(undefined));
  });
}
