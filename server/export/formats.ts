/**
 * How a finding lifecycle event is written for a SIEM: OCSF 1.8.0 Detection Finding (class 2004), CEF, and
 * the Splunk HTTP Event Collector envelope. Pure functions of the event.
 */
import { VERSION } from '../../scanners/core/package.js';
import type { Severity } from '../../scanners/core/types.js';
import type { ExportEvent } from '../storage/storage.js';

const OCSF_VERSION = '1.8.0';
const DETECTION_FINDING = 2004;
const FINDINGS_CATEGORY = 2;

const OCSF_SEVERITY: Record<Severity, { id: number; name: string }> = {
  info: { id: 1, name: 'Informational' },
  low: { id: 2, name: 'Low' },
  medium: { id: 3, name: 'Medium' },
  high: { id: 4, name: 'High' },
  critical: { id: 5, name: 'Critical' },
};

/** Opened is Create, closed is Close, everything else (reopened, triaged, expired) an Update. */
const OCSF_ACTIVITY: Record<ExportEvent['kind'], { id: number; name: string }> = {
  opened: { id: 1, name: 'Create' },
  closed: { id: 3, name: 'Close' },
  reopened: { id: 2, name: 'Update' },
  triaged: { id: 2, name: 'Update' },
  expired: { id: 2, name: 'Update' },
};

const OCSF_STATUS: Record<ExportEvent['toStatus'], { id: number; name: string }> = {
  open: { id: 1, name: 'New' },
  closed: { id: 4, name: 'Resolved' },
  risk_accepted: { id: 3, name: 'Suppressed' },
  false_positive: { id: 3, name: 'Suppressed' },
};

/** An OCSF Detection Finding event. */
export function toOcsf(event: ExportEvent): Record<string, unknown> {
  const { finding } = event;
  const severity = OCSF_SEVERITY[finding.severity as Severity] ?? { id: 0, name: 'Unknown' };
  const activity = OCSF_ACTIVITY[event.kind];
  const status = OCSF_STATUS[event.toStatus];
  const repository = `${finding.repository.provider}/${finding.repository.owner}/${finding.repository.name}`;
  const time = Date.parse(event.createdAt);
  return {
    class_uid: DETECTION_FINDING,
    class_name: 'Detection Finding',
    category_uid: FINDINGS_CATEGORY,
    category_name: 'Findings',
    activity_id: activity.id,
    activity_name: activity.name,
    type_uid: DETECTION_FINDING * 100 + activity.id,
    type_name: `Detection Finding: ${activity.name}`,
    time,
    severity_id: severity.id,
    severity: severity.name,
    status_id: status.id,
    status: status.name,
    ...(event.reason ? { status_detail: event.reason } : {}),
    message: finding.message,
    metadata: {
      version: OCSF_VERSION,
      uid: `palisade-event-${event.eventId}`,
      product: { name: 'Palisade', vendor_name: 'Palisade', version: VERSION },
      tenant_uid: event.organization,
    },
    finding_info: {
      uid: finding.fingerprint,
      title: finding.title,
      desc: finding.message,
      types: [finding.category],
      analytic: { uid: finding.ruleId, name: finding.title, type_id: 1, type: 'Rule' },
      created_time: Date.parse(finding.firstSeenAt),
      first_seen_time: Date.parse(finding.firstSeenAt),
      last_seen_time: Date.parse(finding.lastSeenAt),
      modified_time: time,
      src_url: finding.helpUri,
    },
    resources: [
      {
        uid: `${repository}:${finding.location.file}${finding.resource ? `#${finding.resource}` : ''}`,
        name: finding.resource ?? finding.location.file,
        type: finding.category === 'secret' ? 'Source File' : 'Infrastructure as Code',
        owner: { name: finding.repository.owner },
      },
    ],
    src_url: finding.helpUri,
    unmapped: {
      repository,
      branch: finding.branch,
      file: finding.location.file,
      line: finding.location.startLine,
      rule_id: finding.ruleId,
      event: event.kind,
      ...(event.actor ? { actor: event.actor } : {}),
    },
  };
}

const CEF_SEVERITY: Record<Severity, number> = { info: 1, low: 3, medium: 5, high: 8, critical: 10 };

/** CEF header fields escape backslash and pipe. */
function cefHeader(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ');
}

/** CEF extension values escape backslash, equals and line breaks. */
function cefValue(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/=/g, '\\=')
    .replace(/\r?\n|\r/g, '\\n');
}

/** One CEF line (without syslog framing). */
export function toCef(event: ExportEvent): string {
  const { finding } = event;
  const extension: Array<[string, string | number]> = [
    ['rt', Date.parse(event.createdAt)],
    ['act', event.kind],
    ['externalId', finding.fingerprint],
    ['outcome', event.toStatus],
    ['msg', finding.message],
    ['fname', finding.location.file],
    ['cn1Label', 'line'],
    ['cn1', finding.location.startLine],
    ['cs1Label', 'repository'],
    ['cs1', `${finding.repository.provider}/${finding.repository.owner}/${finding.repository.name}`],
    ['cs2Label', 'branch'],
    ['cs2', finding.branch],
    ['cs3Label', 'category'],
    ['cs3', finding.category],
    ['cs4Label', 'organization'],
    ['cs4', event.organization],
    ['request', finding.helpUri],
  ];
  if (finding.resource) extension.push(['cs5Label', 'resource'], ['cs5', finding.resource]);
  const header = [
    'CEF:0',
    'Palisade',
    'Palisade',
    VERSION,
    finding.ruleId,
    finding.title,
    String(CEF_SEVERITY[finding.severity as Severity] ?? 0),
  ].map((field, index) => (index === 0 ? field : cefHeader(field)));
  return `${header.join('|')}|${extension.map(([key, value]) => `${key}=${cefValue(String(value))}`).join(' ')}`;
}

/** RFC 5424 syslog severity for a finding severity. */
export const SYSLOG_SEVERITY: Record<Severity, number> = { critical: 2, high: 3, medium: 4, low: 5, info: 6 };

/** A Splunk HEC event envelope around the OCSF event. */
export function toSplunkEvent(
  event: ExportEvent,
  options: { index?: string; source?: string; sourcetype?: string; host?: string },
): Record<string, unknown> {
  return {
    time: Date.parse(event.createdAt) / 1000,
    host: options.host ?? 'palisade',
    source: options.source ?? 'palisade',
    sourcetype: options.sourcetype ?? 'ocsf:detection_finding',
    ...(options.index ? { index: options.index } : {}),
    event: toOcsf(event),
  };
}
