// ESCO concept URI -> framework id. The id is the URI's last path segment (a UUID for
// occupations, skills and skill groups), so the official CSV import and the Tabiya import,
// which keeps the URI as ORIGINURI, give one concept the same id.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ESCO_URI = /^https?:\/\/data\.europa\.eu\/esco\/([A-Za-z0-9_-]+)\/([^\s/]+)$/;

/**
 * `http://data.europa.eu/esco/skill/<uuid>` -> `<uuid>`. Segments that are codes rather than
 * UUIDs keep their concept type as a prefix (`.../isced-f/0011` -> `isced-f-0011`,
 * `.../isco/C2654` -> `isco-C2654`) so that a bare code never collides with another scheme's.
 * Returns undefined for anything that is not an ESCO concept URI.
 */
export function conceptId(uri: string): string | undefined {
  const match = ESCO_URI.exec(uri);
  if (!match) return undefined;
  const [, scheme, segment] = match as unknown as [string, string, string];
  return UUID.test(segment) ? segment.toLowerCase() : `${scheme}-${segment}`;
}

export function isEscoUri(uri: string): boolean {
  return ESCO_URI.test(uri);
}
