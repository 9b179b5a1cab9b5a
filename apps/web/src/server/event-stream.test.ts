import { EventBus, type DomainEvent } from "@patronus/core/events";
import { afterEach, describe, expect, it } from "vitest";
import { closeEventStreams, eventStreamResponse } from "./event-stream";

const deletion: DomainEvent = {
  type: "site_deleted",
  site_id: "7f0c1d2e-3b4a-4c5d-8e6f-708192a3b4c5",
  site_name: "Branch Denver",
  actor: "admin@example.com",
  audit_id: 12,
  endpoints: 2,
  paths: 7,
  path_metrics: 840,
  path_ids: [3, 4, 5, 6, 7, 8, 9],
  at: 1_795_000_000_000,
};

/** Reads the stream chunk by chunk, as text. */
function textReader(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  return async () => {
    const { value, done } = await reader.read();
    return done ? undefined : decoder.decode(value);
  };
}

afterEach(() => closeEventStreams());

describe("the dashboard event stream", () => {
  it("is an uncompressed text/event-stream that sets the reconnect delay", async () => {
    const response = eventStreamResponse(new EventBus(), new AbortController().signal);

    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(await textReader(response)()).toBe("retry: 3000\n: connected\n\n");
  });

  it("carries a site deletion without the server-side path ids", async () => {
    const bus = new EventBus();
    const read = textReader(eventStreamResponse(bus, new AbortController().signal));
    await read();

    bus.publish(deletion);

    const { path_ids: _ids, audit_id: _audit, type: _type, ...visible } = deletion;
    expect(await read()).toBe(`event: site_deleted\ndata: ${JSON.stringify(visible)}\n\n`);
  });

  it("carries policy and network edits without audit or path ids, and not metrics batches", async () => {
    const bus = new EventBus();
    const read = textReader(eventStreamResponse(bus, new AbortController().signal));
    await read();

    bus.publish({ type: "path_metrics_recorded", path_ids: [1] });
    bus.publish({ type: "policies_changed", policy_id: 3, change: "updated", actor: "a", audit_id: 1, at: 5 });
    expect(await read()).toBe(
      `event: policies_changed\ndata: ${JSON.stringify({ policy_id: 3, change: "updated", actor: "a", at: 5 })}\n\n`,
    );

    bus.publish({
      type: "network_changed",
      entity: "path",
      id: 9,
      change: "deleted",
      actor: "o",
      audit_id: 2,
      at: 6,
      path_ids: [9],
    });
    expect(await read()).toBe(
      `event: network_changed\ndata: ${JSON.stringify({ entity: "path", id: 9, change: "deleted", actor: "o", at: 6 })}\n\n`,
    );
  });

  it("stops listening and ends when the client goes away", async () => {
    const bus = new EventBus();
    const client = new AbortController();
    const read = textReader(eventStreamResponse(bus, client.signal));
    await read();
    expect(bus.listenerCount).toBe(1);

    client.abort();

    expect(await read()).toBeUndefined();
    expect(bus.listenerCount).toBe(0);
    bus.publish(deletion); // nothing left to enqueue into a closed stream
  });

  it("stops listening when the reader cancels the stream", async () => {
    const bus = new EventBus();
    const response = eventStreamResponse(bus, new AbortController().signal);

    await response.body!.cancel();

    expect(bus.listenerCount).toBe(0);
  });

  it("all end at shutdown, so the HTTP server is not held open", async () => {
    const bus = new EventBus();
    const readers = [1, 2].map(() => textReader(eventStreamResponse(bus, new AbortController().signal)));
    for (const read of readers) await read();

    expect(closeEventStreams()).toBe(2);

    for (const read of readers) expect(await read()).toBeUndefined();
    expect(bus.listenerCount).toBe(0);
    expect(closeEventStreams()).toBe(0);
  });

  it("sends a keep-alive comment while idle", async () => {
    const read = textReader(eventStreamResponse(new EventBus(), new AbortController().signal, { heartbeatMs: 5 }));
    await read();

    expect(await read()).toBe(": keep-alive\n\n");
  });

  it("ends at the next heartbeat once its viewer may no longer listen, and stops listening", async () => {
    const bus = new EventBus();
    let valid = true;
    const read = textReader(
      eventStreamResponse(bus, new AbortController().signal, { heartbeatMs: 5, stillValid: () => valid }),
    );
    await read();
    expect(await read()).toBe(": keep-alive\n\n");

    valid = false;

    let chunk: string | undefined;
    do chunk = await read();
    while (chunk === ": keep-alive\n\n");
    expect(chunk).toBeUndefined();
    expect(bus.listenerCount).toBe(0);
  });

  it("sends no event to a viewer who may no longer listen, and ends instead, before any heartbeat", async () => {
    const bus = new EventBus();
    let valid = true;
    const read = textReader(
      eventStreamResponse(bus, new AbortController().signal, { heartbeatMs: 60_000, stillValid: () => valid }),
    );
    await read();

    valid = false;
    bus.publish(deletion);

    expect(await read()).toBeUndefined();
    expect(bus.listenerCount).toBe(0);
  });

  it("ends when checking its viewer fails, rather than throwing out of a timer", async () => {
    const read = textReader(
      eventStreamResponse(new EventBus(), new AbortController().signal, {
        heartbeatMs: 5,
        stillValid: () => {
          throw new Error("database is locked");
        },
      }),
    );
    await read();

    expect(await read()).toBeUndefined();
  });
});
