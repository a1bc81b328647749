/** Where a user may be sent back to after signing in or switching language: only paths on this site. */
export function safeLocalPath(candidate: unknown, fallback = '/'): string {
  if (typeof candidate !== 'string') return fallback;
  // A single leading slash, no protocol-relative "//host", no backslash tricks, no control characters.
  if (!/^\/(?![/\\])[^\s\\]*$/.test(candidate)) return fallback;
  return candidate.length > 2000 ? fallback : candidate;
}
