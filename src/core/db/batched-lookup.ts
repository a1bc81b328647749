/**
 * Looks up, in one query, the keys that concurrent requests ask for. A key joins the batch being gathered, which is
 * sent at the end of the event loop's turn (every request whose bytes arrived in that turn has asked by then), or,
 * when two lookups are already on their way, as soon as one of them settles. A key is therefore answered by a query
 * sent after it was asked for — never by one already on its way, which may have left before a write the asker just
 * made (a sign-out, a changed membership) committed — so the answer is as fresh as a query of its own would give, on
 * any node, for one round trip per batch instead of one per request. Gathering for a whole turn instead of sending the
 * first key at once, and letting a second batch leave while the first is on its way, take a third fewer round trips
 * and less waiting on PostgreSQL (docs/performance/README.md, "Cheaper cache hits on PostgreSQL"); see also
 * docs/performance/signed-in.md.
 */
interface Batch<Key, Value> {
  keys: Set<Key>;
  found: Promise<Map<Key, Value>>;
  send(): void;
}

/** Enough for a batch to leave while another is on its way; more would only add round trips for smaller batches. */
const maxInFlight = 2;

export class BatchedLookup<Key, Value> {
  #inFlight = 0;
  #gathering: Batch<Key, Value> | null = null;
  #endOfTurnScheduled = false;

  /** `lookUp` answers the keys it finds; a key missing from its answer is not found. */
  constructor(private readonly lookUp: (keys: Key[]) => Promise<Map<Key, Value>>) {}

  /** The value of the key, read by a query sent no earlier than this call. */
  async find(key: Key): Promise<Value | undefined> {
    let batch = this.#gathering;
    if (!batch) {
      batch = this.#gathering = this.#newBatch();
      this.#sendAtEndOfTurn();
    }
    batch.keys.add(key);
    return (await batch.found).get(key);
  }

  #newBatch(): Batch<Key, Value> {
    const keys = new Set<Key>();
    let send = () => {};
    const found = new Promise<Map<Key, Value>>((resolve, reject) => {
      send = () => {
        const settled = () => {
          this.#inFlight -= 1;
          this.#sendIfFree();
        };
        // Through a promise's executor, a lookUp that throws at once fails its batch and frees its place too.
        new Promise<Map<Key, Value>>((lookedUp) => lookedUp(this.lookUp([...keys]))).then(resolve, reject).then(settled, settled);
      };
    });
    return { keys, found, send };
  }

  #sendAtEndOfTurn(): void {
    if (this.#endOfTurnScheduled) return;
    this.#endOfTurnScheduled = true;
    setImmediate(() => {
      this.#endOfTurnScheduled = false;
      this.#sendIfFree();
    });
  }

  /** Sends the batch being gathered, unless two lookups are on their way: then the first to settle sends it. */
  #sendIfFree(): void {
    const batch = this.#gathering;
    if (!batch || this.#inFlight >= maxInFlight) return;
    this.#gathering = null;
    this.#inFlight += 1;
    batch.send();
  }
}
