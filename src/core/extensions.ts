/**
 * Extension points: a module offers one where it shows or uses what other modules know (a partner's page shows
 * their learning needs, a plan shows the instruments its actions delivered), and other modules fill it in their
 * manifest. The dependency stays one way: the filler imports the point, the offering module never imports the filler.
 */
export interface ExtensionPoint<T> {
  readonly id: string;
  /** At most one module may fill it (a source of records rather than a list of additions). */
  readonly single: boolean;
  /** Never set: carries T for the type checker. */
  readonly contributionType?: T;
}

export interface Contribution<T = unknown> {
  readonly point: ExtensionPoint<T>;
  readonly value: T;
}

export function extensionPoint<T>(id: string, options: { single?: boolean } = {}): ExtensionPoint<T> {
  return { id, single: options.single ?? false };
}

/** A module's contribution to another module's extension point, typed by the point. */
export function fill<T>(point: ExtensionPoint<T>, value: NoInfer<T>): Contribution {
  return { point, value };
}
