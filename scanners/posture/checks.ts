/** What posture rules share: which repositories a check applies to. */
import { isKnownValue } from '../model/attr.js';
import type { Model } from '../model/model.js';
import type { RepositorySettings } from './model.js';

/** Repositories whose settings matter: an archived repository is read-only, so its settings protect nothing. */
export function checkedRepositories(model: Model): RepositorySettings[] {
  return model.posture.repositories.filter((repository) => !isKnownValue(repository.archived, true));
}

/**
 * Repositories whose default branch is known to be protected. Rules about protection details check only
 * these: an unprotected branch is one finding (default-branch-unprotected), not one per missing detail.
 */
export function protectedRepositories(model: Model): RepositorySettings[] {
  return checkedRepositories(model).filter((repository) => isKnownValue(repository.branchProtected, true));
}
