/**
 * Values derived from the platform's records, kept in the process while the data version is the same: every
 * transaction that changes a record raises it (migrations/20261208_0800_data_version.ts), so a value read under the
 * version current when the request asked is exactly what computing it again would give. The version must be read
 * before computing: the computation then sees at least that version's data, never less. Requests asking for the same
 * key and version share one computation; a failed one is forgotten. Kept per process, as derived data checked against
 * the database on every request, so nodes never disagree about it.
 */
export class KeptPerVersion<T> {
  readonly #kept = new Map<string, { version: string; value: Promise<T> }>();

  /** `limit`: the most keys kept; the least recently used goes first beyond it. */
  constructor(private readonly limit: number) {}

  get(key: string, version: string, compute: () => Promise<T>): Promise<T> {
    const found = this.#kept.get(key);
    this.#kept.delete(key);
    if (found && found.version === version) {
      this.#kept.set(key, found);
      return found.value;
    }
    const value = compute();
    const entry = { version, value };
    this.#kept.set(key, entry);
    if (this.#kept.size > this.limit) this.#kept.delete(this.#kept.keys().next().value as string);
    value.catch(() => {
      if (this.#kept.get(key) === entry) this.#kept.delete(key);
    });
    return value;
  }
}
