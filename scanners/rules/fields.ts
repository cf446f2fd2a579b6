import { type Attr, isAttr } from '../model/attr.js';
import { type Entity, readPath } from '../model/model.js';

const MISSING: Attr<never> = {
  value: undefined,
  origin: 'unresolvable',
  range: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
  path: '',
};

/**
 * A neutral field of an entity (`field<boolean>(bucket, 'versioning.enabled')`). A field the kind does not
 * map for this format reads as unresolvable, so a rule stays quiet rather than guess.
 */
export function field<T>(entity: Entity, name: string): Attr<T> {
  const value = readPath(entity, name);
  return isAttr(value) ? (value as Attr<T>) : { ...MISSING, range: entity.headerRange, path: name };
}
