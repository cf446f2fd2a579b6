/** Finds fields that look like they carry a raw secret value, which an upload must never contain. */

/** Names the Finding model never uses, but a careless uploader might send a secret under. */
const SECRET_FIELD_NAME = /value|raw|plain|clear|match|passw|token|key|credential/i;

/** JSON pointers (RFC 6901) of every field in `body` whose name looks like a secret value. */
export function findSecretFields(body: unknown, pointer = ''): string[] {
  if (Array.isArray(body))
    return body.flatMap((item, index) => findSecretFields(item, `${pointer}/${index}`));
  if (body === null || typeof body !== 'object') return [];
  const found: string[] = [];
  for (const [name, value] of Object.entries(body)) {
    const child = `${pointer}/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    if (SECRET_FIELD_NAME.test(name)) found.push(child);
    found.push(...findSecretFields(value, child));
  }
  return found;
}
