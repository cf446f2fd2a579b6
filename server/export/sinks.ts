/**
 * Export sinks: where finding events go. Each delivers a batch or throws; the exporter retries with
 * backoff, so a sink never needs its own retry loop.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { appendFile, mkdir } from 'node:fs/promises';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Severity } from '../../scanners/core/types.js';
import type { ExportEvent } from '../storage/storage.js';
import { SYSLOG_SEVERITY, toCef, toOcsf, toSplunkEvent } from './formats.js';

export interface ExportSink {
  /** The configured name: the sink's cursor and its metrics label. */
  readonly name: string;
  deliver(events: ExportEvent[]): Promise<void>;
}

export type SinkConfig =
  | { name: string; type: 'ocsf-file'; path: string }
  | { name: string; type: 'ocsf-http'; url: string; headers?: Record<string, string> }
  | {
      name: string;
      type: 'cef-syslog';
      host: string;
      port: number;
      protocol: 'udp' | 'tcp';
      /** TCP framing (RFC 6587): a newline after each message, or its length before it. */
      framing?: 'newline' | 'octet-counting';
      /** Syslog facility number (default 20, local4). */
      facility?: number;
    }
  | {
      name: string;
      type: 'splunk-hec';
      url: string;
      token: string;
      index?: string;
      source?: string;
      sourcetype?: string;
    }
  | { name: string; type: 'webhook'; url: string; secret: string };

const HTTP_TIMEOUT_MS = 15_000;

/** Builds the sink a configuration describes. */
export function createSink(config: SinkConfig): ExportSink {
  switch (config.type) {
    case 'ocsf-file':
      return ocsfFileSink(config.name, config.path);
    case 'ocsf-http':
      return httpSink(config.name, config.url, (events) => ({
        body: events.map((event) => JSON.stringify(toOcsf(event))).join('\n'),
        headers: { 'content-type': 'application/x-ndjson', ...config.headers },
      }));
    case 'cef-syslog':
      return syslogSink(config);
    case 'splunk-hec':
      return httpSink(
        config.name,
        new URL('services/collector/event', withSlash(config.url)).toString(),
        (events) => ({
          // HEC takes several event envelopes in one body, one after the other.
          body: events.map((event) => JSON.stringify(toSplunkEvent(event, config))).join('\n'),
          headers: { 'content-type': 'application/json', authorization: `Splunk ${config.token}` },
        }),
      );
    case 'webhook':
      return httpSink(config.name, config.url, (events) => {
        const body = JSON.stringify({ events: events.map(toOcsf) });
        const timestamp = String(Math.floor(Date.now() / 1000));
        return {
          body,
          headers: {
            'content-type': 'application/json',
            'x-palisade-delivery': randomUUID(),
            'x-palisade-timestamp': timestamp,
            'x-palisade-signature': `sha256=${webhookSignature(config.secret, timestamp, body)}`,
          },
        };
      });
  }
}

/**
 * The HMAC-SHA256 of `timestamp.body` with the shared secret, in hex. Signing the timestamp lets a receiver
 * refuse replays of old deliveries.
 */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

function ocsfFileSink(name: string, file: string): ExportSink {
  return {
    name,
    async deliver(events) {
      await mkdir(path.dirname(file), { recursive: true });
      await appendFile(file, events.map((event) => `${JSON.stringify(toOcsf(event))}\n`).join(''));
    },
  };
}

function httpSink(
  name: string,
  url: string,
  render: (events: ExportEvent[]) => { body: string; headers: Record<string, string> },
): ExportSink {
  return {
    name,
    async deliver(events) {
      const { body, headers } = render(events);
      const response = await fetch(url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
      });
      // Drain the body so the connection can be reused; the text helps when it failed.
      const text = await response.text();
      if (!response.ok) throw new Error(`${url} answered ${response.status}: ${text.slice(0, 200)}`);
    },
  };
}

/** RFC 5424 syslog lines carrying CEF, over UDP (one datagram each) or TCP. */
function syslogSink(config: Extract<SinkConfig, { type: 'cef-syslog' }>): ExportSink {
  const facility = config.facility ?? 20;
  const hostname = os.hostname().replace(/\s+/g, '-') || '-';
  const line = (event: ExportEvent) => {
    const priority = facility * 8 + (SYSLOG_SEVERITY[event.finding.severity as Severity] ?? 6);
    return `<${priority}>1 ${new Date(event.createdAt).toISOString()} ${hostname} palisade ${process.pid} finding - ${toCef(event)}`;
  };
  return {
    name: config.name,
    async deliver(events) {
      const messages = events.map(line);
      if (config.protocol === 'udp') await sendUdp(config.host, config.port, messages);
      else await sendTcp(config.host, config.port, messages, config.framing ?? 'newline');
    },
  };
}

async function sendUdp(host: string, port: number, messages: string[]): Promise<void> {
  const socket = createSocket(host.includes(':') ? 'udp6' : 'udp4');
  try {
    for (const message of messages) {
      await new Promise<void>((resolve, reject) =>
        socket.send(Buffer.from(message), port, host, (error) => (error ? reject(error) : resolve())),
      );
    }
  } finally {
    socket.close();
  }
}

async function sendTcp(
  host: string,
  port: number,
  messages: string[],
  framing: 'newline' | 'octet-counting',
): Promise<void> {
  const payload = messages
    .map((message) => (framing === 'newline' ? `${message}\n` : `${Buffer.byteLength(message)} ${message}`))
    .join('');
  await new Promise<void>((resolve, reject) => {
    const socket = connect({ host, port });
    socket.setTimeout(HTTP_TIMEOUT_MS, () => socket.destroy(new Error(`syslog ${host}:${port} timed out`)));
    socket.once('error', reject);
    socket.once('connect', () => socket.end(payload, () => resolve()));
  });
}
