/**
 * Data sets held until their template arrives (common over UDP: RFC 7011 §8.4), a queue per exporter. Bounded
 * in all; past the bound the exporter holding the most gives up its oldest, so an exporter at or below its
 * share never loses a set for another's sake (docs/operations.md, "Flow templates").
 */
import type { SetHeader } from "./set-header";

export interface PendingSet {
  /** The header of the packet the set came in, its own copy. */
  header: SetHeader;
  templateId: number;
  /** The set's records, without its set header. */
  bytes: Uint8Array;
  receivedMs: number;
}

interface Holder {
  exporter: string;
  /** Oldest first. */
  sets: PendingSet[];
}

export class PendingSets {
  /** Sets held now, over all exporters. */
  size = 0;
  private readonly holders = new Map<string, Holder>();
  /** Holders by how many sets they hold, to find the largest in O(1): a flood of tiny sets costs no scan. */
  private readonly bySize = new Map<number, Set<Holder>>();
  private largest = 0;

  constructor(private readonly max: number) {}

  /** Holds `s`; returns how many sets were dropped to make room for it (0 or 1). */
  add(s: PendingSet): number {
    let dropped = 0;
    const exporter = s.header.exporter;
    let h = this.holders.get(exporter);
    if (this.size >= this.max) {
      // The largest holder pays, which is the newcomer itself once it holds as many as anyone.
      const victim = h && h.sets.length >= this.largest ? h : this.bySize.get(this.largest)!.values().next().value!;
      this.drop(victim, 0);
      dropped = 1;
      h = this.holders.get(exporter);
    }
    if (!h) {
      h = { exporter, sets: [] };
      this.holders.set(exporter, h);
    }
    h.sets.push(s);
    this.size++;
    this.resized(h, h.sets.length - 1);
    return dropped;
  }

  /** Removes and returns, oldest first, the sets of this exporter and domain waiting for this template. */
  take(key: Pick<SetHeader, "exporter" | "version" | "domain">, templateId: number): PendingSet[] {
    const { version, domain } = key;
    const h = this.holders.get(key.exporter);
    if (!h) return [];
    const out: PendingSet[] = [];
    for (let i = h.sets.length - 1; i >= 0; i--) {
      const s = h.sets[i]!;
      if (s.templateId === templateId && s.header.domain === domain && s.header.version === version) {
        out.push(s);
        this.drop(h, i);
      }
    }
    return out.reverse();
  }

  /** Drops every set received before `oldestMs`; returns how many. */
  expire(oldestMs: number): number {
    let dropped = 0;
    for (const h of this.holders.values()) {
      while (h.sets.length > 0 && h.sets[0]!.receivedMs < oldestMs) {
        this.drop(h, 0);
        dropped++;
      }
    }
    return dropped;
  }

  private drop(h: Holder, index: number): void {
    h.sets.splice(index, 1);
    this.size--;
    this.resized(h, h.sets.length + 1);
    if (h.sets.length === 0) this.holders.delete(h.exporter);
  }

  private resized(h: Holder, from: number): void {
    const to = h.sets.length;
    if (from > 0) {
      const set = this.bySize.get(from)!;
      set.delete(h);
      if (set.size === 0) this.bySize.delete(from);
    }
    if (to > 0) {
      let set = this.bySize.get(to);
      if (!set) this.bySize.set(to, (set = new Set()));
      set.add(h);
    }
    // Sizes move by one at a time, so the largest moves by at most one too.
    if (to > this.largest) this.largest = to;
    else if (from === this.largest && !this.bySize.has(from)) this.largest = from - 1;
  }
}
