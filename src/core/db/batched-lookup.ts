/**
 * Looks up, in one query, the keys that concurrent requests ask for: while a lookup is on its way, every key asked for
 * waits for the next one, which is sent once that lookup settles and carries all of them. A key is therefore answered
 * by a query sent after it was asked for — never by one already on its way, which may have left before a write the
 * asker just made (a sign-out, a changed membership) committed — so the answer is as fresh as a query of its own
 * would give, on any node, for one round trip per batch instead of one per request. See docs/performance/signed-in.md.
 */
export class BatchedLookup<Key, Value> {
  #inFlight: Promise<unknown> | null = null;
  #next: { keys: Set<Key>; found: Promise<Map<Key, Value>> } | null = null;

  /** `lookUp` answers the keys it finds; a key missing from its answer is not found. */
  constructor(private readonly lookUp: (keys: Key[]) => Promise<Map<Key, Value>>) {}

  /** The value of the key, read by a query sent no earlier than this call. */
  async find(key: Key): Promise<Value | undefined> {
    if (!this.#inFlight) return (await this.#send(new Set([key]))).get(key);
    if (!this.#next) {
      const keys = new Set<Key>();
      // Callbacks run in the order they were added: #send's own clean-up first, then this next lookup.
      const sendNext = () => {
        this.#next = null;
        return this.#send(keys);
      };
      this.#next = { keys, found: this.#inFlight.then(sendNext, sendNext) };
    }
    this.#next.keys.add(key);
    return (await this.#next.found).get(key);
  }

  #send(keys: Set<Key>): Promise<Map<Key, Value>> {
    const sending = this.lookUp([...keys]);
    this.#inFlight = sending;
    const settle = () => {
      if (this.#inFlight === sending) this.#inFlight = null;
    };
    sending.then(settle, settle);
    return sending;
  }
}
