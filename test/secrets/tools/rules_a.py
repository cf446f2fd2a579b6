# Writes rules/secrets/<group>/rule.ts for the provider groups (authoring aid; the TS files are the source of truth).
import os
ROOT='/work/main/rules/secrets'
HEAD="""import {{ {filters} }} from '../../../scanners/secrets/filters.js';
import {{ {helpers} }} from '../../../scanners/secrets/patterns.js';
import {{ secretRule }} from '../../../scanners/secrets/secret-rule.js';

/** {doc} */
export default secretRule({{
  id: '{id}',
  title: '{title}',
  severity: '{severity}',
  severityRationale: '{rationale}',
  description:
    '{description}',
  remediation:
    '{remediation}',
  tags: [{tags}],
  detectors: [
{detectors}
  ],
}});
"""
def write(folder, **kw):
    os.makedirs(f'{ROOT}/{folder}', exist_ok=True)
    body = kw['detectors']
    used = [h for h in ['assigned','hex','token','LEFT','RIGHT','RIGHT_B64','UUID_PATTERN'] if (h+'(' in body or (h in ('LEFT','RIGHT','RIGHT_B64','UUID_PATTERN') and '${'+h+'}' in body))]
    filt = [f for f in ['ALL_FILTERS','KEYED_FILTERS','PREFIXED_FILTERS'] if f in body]
    kw.setdefault('rationale', 'A working credential lets anyone who reads the repository act as its owner.')
    text = HEAD.format(filters=', '.join(filt), helpers=', '.join(used), **kw)
    if not used: text = text.replace("import {  } from '../../../scanners/secrets/patterns.js';\n", '')
    if not filt: text = text.replace("import {  } from '../../../scanners/secrets/filters.js';\n", '')
    open(f'{ROOT}/{folder}/rule.ts','w').write(text)
