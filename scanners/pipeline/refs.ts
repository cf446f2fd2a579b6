import type { Attr } from '../model/attr.js';
import type { ActionRef, ImageRef } from '../model/pipeline.js';

/** A full 40-hex commit SHA (what GitHub, GitLab and Azure accept as an immutable ref). */
export function isCommitSha(ref: string | undefined): boolean {
  return !!ref && /^[0-9a-f]{40}$/i.test(ref);
}

/** Splits `registry:5000/team/image:tag@sha256:...` into name, tag and digest. */
export function parseImage(raw: Attr<string>): ImageRef {
  const value = (raw.value ?? '').trim();
  const dynamic = value.includes('$') || value === '';
  const at = value.indexOf('@');
  const digest = at === -1 ? undefined : value.slice(at + 1);
  const withoutDigest = at === -1 ? value : value.slice(0, at);
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  const hasTag = colon > slash;
  return {
    raw,
    name: hasTag ? withoutDigest.slice(0, colon) : withoutDigest,
    tag: hasTag ? withoutDigest.slice(colon + 1) : undefined,
    digest: digest && /^sha256:[0-9a-f]{64}$/i.test(digest) ? digest : undefined,
    dynamic,
  };
}

/** Parses a GitHub `uses:` value of a step (action) or of a job (reusable workflow). */
export function parseUses(raw: Attr<string>): ActionRef {
  const value = (raw.value ?? '').trim();
  if (value.startsWith('docker://')) {
    const image = parseImage({ ...raw, value: value.slice('docker://'.length) });
    return { raw, kind: 'docker', image };
  }
  if (value.startsWith('./') || value.startsWith('../')) {
    return { raw, kind: value.includes('.github/workflows/') ? 'reusable-workflow' : 'local', path: value };
  }
  const at = value.lastIndexOf('@');
  const target = at === -1 ? value : value.slice(0, at);
  const ref = at === -1 ? undefined : value.slice(at + 1);
  const [owner = '', repo = '', ...rest] = target.split('/');
  const path = rest.join('/') || undefined;
  const reusable = !!path && /^\.github\/workflows\/[^/]+\.ya?ml$/.test(path);
  return {
    raw,
    kind: reusable ? 'reusable-workflow' : 'action',
    repository: `${owner}/${repo}`.toLowerCase(),
    path,
    ref,
  };
}

/** True when `owner/repo` matches one of the `owner/*` or `owner/repo` patterns (`*` is a wildcard). */
export function matchesRepositoryPattern(repository: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => {
    const source = pattern
      .toLowerCase()
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]*');
    return new RegExp(`^${source}$`).test(repository.toLowerCase());
  });
}
