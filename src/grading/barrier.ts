/**
 * The group barrier (issue #6.5): the completions of one group may arrive in several requests — each
 * TRL rank holds only its slice of a group (huggingface/trl#3896) — tagged `group: { id, size }`.
 * Each caller's slice is stored; once `size` completions have arrived the group is sealed and graded
 * once as a whole, and each caller gets its own completions' results with group-correct statistics.
 * At the caller's deadline (`wait_ms`) the group is sealed with what has arrived (a partial group,
 * flagged as such); a slice arriving after the seal is graded as a partial group of its own.
 *
 * The store is in memory in embedded mode and in Redis in cluster mode (src/queue/barrier-store.ts),
 * so ranks talking to different API instances meet in the same barrier.
 */
import { createHash } from 'node:crypto';

/** One caller's slice as stored: where it sits in the group (if the caller said) and its completions. */
export interface StoredSlice {
  /** Stable per slice: `o<offset>` when the caller gave an offset (a retry replaces it), else the request's key. */
  readonly sliceId: string;
  /** Position of the slice's first completion in the group, when known. */
  readonly offset: number | null;
  /** Arrival order (assigned by the store). */
  readonly seq: number;
  readonly completions: readonly unknown[];
}

/** Where slices meet. `key` identifies (owner, group id, size). */
export interface BarrierStore {
  /** Adds or replaces a slice unless the group is sealed; false when sealed (the slice was not added). */
  add(key: string, slice: Omit<StoredSlice, 'seq'>, ttlMs: number): Promise<boolean>;
  /** The slices so far, and whether the group is sealed. */
  read(key: string): Promise<{ slices: StoredSlice[]; sealed: boolean }>;
  /** Seals the group (idempotent: every caller gets the same slices) and returns the sealed slices. */
  seal(key: string): Promise<StoredSlice[]>;
  /** Releases what the store holds (a Redis connection). */
  close?(): Promise<void>;
}

/** What one caller brings. */
export interface SliceRequest {
  readonly owner: string | null;
  readonly groupId: string;
  readonly size: number;
  readonly offset: number | undefined;
  /** Identifies this slice when no offset is given: the request's idempotency key, or a fresh id. */
  readonly sliceKey: string;
  readonly completions: readonly unknown[];
  /** How long this caller waits for the other slices before the group is sealed partial. */
  readonly waitMs: number;
}

/** The group as sealed, and where this caller's completions sit in it. */
export interface AssembledGroup {
  /** Every completion of the sealed group: slices by offset (when given), then by arrival. */
  readonly completions: unknown[];
  /** Index in `completions` of each of this caller's completions, in the caller's order. */
  readonly positions: number[];
  /** True when fewer than `size` completions were there at the seal. */
  readonly partial: boolean;
}

const POLL_MS = 20;
/** Barrier state outlives the longest wait by this much, then expires. */
const TTL_MARGIN_MS = 60_000;

/** The store key of a group: owners never share a barrier, and `size` is part of the identity. */
export function barrierKey(owner: string | null, groupId: string, size: number): string {
  return createHash('sha256').update(JSON.stringify([owner, groupId, size])).digest('hex').slice(0, 32);
}

function assemble(slices: readonly StoredSlice[], mine: string, size: number): AssembledGroup {
  const ordered = [...slices].sort((a, b) => (a.offset ?? Number.MAX_SAFE_INTEGER) - (b.offset ?? Number.MAX_SAFE_INTEGER) || a.seq - b.seq);
  const completions: unknown[] = [];
  const positions: number[] = [];
  for (const slice of ordered) {
    if (slice.sliceId === mine) for (let i = 0; i < slice.completions.length; i += 1) positions.push(completions.length + i);
    completions.push(...slice.completions);
  }
  return { completions, positions, partial: completions.length < size };
}

/**
 * Adds the caller's slice and waits until the group is complete, sealed by someone else, or this
 * caller's deadline; then seals it and returns the sealed group.
 * @example const group = await joinBarrier(store, { owner, groupId: 'step7/p3', size: 16, offset: 8, sliceKey, completions, waitMs: 30_000 });
 */
export async function joinBarrier(store: BarrierStore, request: SliceRequest): Promise<AssembledGroup> {
  const key = barrierKey(request.owner, request.groupId, request.size);
  const sliceId = request.offset !== undefined ? `o${request.offset}` : `k${request.sliceKey}`;
  const slice = { sliceId, offset: request.offset ?? null, completions: request.completions };
  const added = await store.add(key, slice, request.waitMs + TTL_MARGIN_MS);
  // Sealed before we arrived: this slice is a partial group of its own.
  if (!added) return assemble([{ ...slice, seq: 0 }], sliceId, request.size);
  const deadline = Date.now() + request.waitMs;
  for (;;) {
    const { slices, sealed } = await store.read(key);
    const received = slices.reduce((n, s) => n + s.completions.length, 0);
    if (sealed || received >= request.size || Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, Math.max(1, deadline - Date.now()))));
  }
  return assemble(await store.seal(key), sliceId, request.size);
}

interface MemoryEntry {
  slices: Map<string, StoredSlice>;
  sealed: StoredSlice[] | null;
  seq: number;
  timer: NodeJS.Timeout;
}

/** The embedded store: one process, entries dropped after their TTL. */
export function createMemoryBarrierStore(): BarrierStore {
  const entries = new Map<string, MemoryEntry>();
  const entry = (key: string, ttlMs: number): MemoryEntry => {
    let found = entries.get(key);
    if (found === undefined) {
      found = { slices: new Map(), sealed: null, seq: 0, timer: setTimeout(() => entries.delete(key), ttlMs) };
      found.timer.unref();
      entries.set(key, found);
    }
    return found;
  };
  return {
    async add(key, slice, ttlMs) {
      const found = entry(key, ttlMs);
      if (found.sealed !== null) return false;
      found.seq += 1;
      found.slices.set(slice.sliceId, { ...slice, seq: found.slices.get(slice.sliceId)?.seq ?? found.seq });
      return true;
    },
    async read(key) {
      const found = entries.get(key);
      return { slices: found === undefined ? [] : [...found.slices.values()], sealed: found?.sealed != null };
    },
    async seal(key) {
      const found = entry(key, TTL_MARGIN_MS);
      found.sealed ??= [...found.slices.values()];
      return found.sealed;
    },
  };
}
