/**
 * A fake GitLab REST API (v4) for merge request comments. It checks the fields GitLab documents for each
 * endpoint (https://docs.gitlab.com/api/discussions/ and https://docs.gitlab.com/api/notes/), answers like
 * GitLab, and keeps its state across runs so tests can check what a second run changes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type RecordedRequest as ApiRequest, FakeApi } from '../../helpers/fake-api.js';

export interface FakeNote {
  id: number;
  body: string;
  type: 'DiffNote' | 'DiscussionNote' | null;
  system: boolean;
  resolvable: boolean;
  resolved: boolean;
  position?: Record<string, string>;
}

export interface FakeDiscussion {
  id: string;
  individual_note: boolean;
  notes: FakeNote[];
}

export type RecordedRequest = ApiRequest<Record<string, string>>;

export interface FakeGitlabOptions {
  token: string;
  projectId: string;
  mergeRequestIid: number;
  diffRefs: { base_sha: string; start_sha: string; head_sha: string };
  /** Lines GitLab's own diff holds, by new path; a position elsewhere is rejected with 400. */
  diffLines: Map<string, Set<number>>;
}

export class FakeGitlab extends FakeApi<Record<string, string>> {
  readonly discussions = new Map<string, FakeDiscussion>();
  private nextNoteId = 100;
  private nextDiscussion = 1;

  constructor(readonly options: FakeGitlabOptions) {
    super();
  }

  /** Returns the GitLab base URL. */
  start(): Promise<string> {
    return this.listen((response) => send(response, 500, { message: '500 Internal Server Error' }));
  }

  /** Every note of the merge request, oldest first, as GET .../notes lists them. */
  allNotes(): FakeNote[] {
    return [...this.discussions.values()].flatMap((d) => d.notes).sort((a, b) => a.id - b.id);
  }

  protected async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://fake');
    const method = request.method ?? 'GET';
    const query = Object.fromEntries(url.searchParams);
    const body = method === 'POST' || method === 'PUT' ? await readBody(request) : undefined;
    const record = (status: number) =>
      this.requests.push({ method, path: url.pathname, query, body, status });
    const reply = (status: number, payload: unknown) => {
      record(status);
      send(response, status, payload);
    };
    const reject = (status: number, why: string) => {
      this.violations.push(`${method} ${url.pathname}: ${why}`);
      reply(status, { message: why });
    };

    if (request.headers['private-token'] !== this.options.token) return reject(401, '401 Unauthorized');
    const prefix = `/api/v4/projects/${encodeURIComponent(this.options.projectId)}/merge_requests/${this.options.mergeRequestIid}`;
    if (!url.pathname.startsWith(prefix)) return reject(404, '404 Project or merge request Not Found');
    const rest = url.pathname.slice(prefix.length);

    if (method === 'GET' && rest === '') {
      return reply(200, {
        iid: this.options.mergeRequestIid,
        project_id: Number(this.options.projectId),
        state: 'opened',
        diff_refs: this.options.diffRefs,
      });
    }
    if (method === 'GET' && rest === '/notes') return reply(200, this.allNotes());
    if (method === 'GET' && rest === '/discussions') return reply(200, [...this.discussions.values()]);

    if (method === 'POST' && rest === '/notes') {
      if (!body?.body) return reject(400, 'body is missing');
      const note = this.note(body.body, null, false);
      this.addDiscussion(true, note);
      return reply(201, note);
    }
    const noteMatch = /^\/notes\/(\d+)$/.exec(rest);
    if (method === 'PUT' && noteMatch) {
      const note = this.allNotes().find((n) => n.id === Number(noteMatch[1]));
      if (!note) return reject(404, '404 Note Not Found');
      if (!body?.body) return reject(400, 'body is missing');
      note.body = body.body;
      return reply(200, note);
    }
    if (method === 'POST' && rest === '/discussions') {
      if (!body?.body) return reject(400, 'body is missing');
      const position = positionOf(body);
      if (!position) {
        const note = this.note(body.body, 'DiscussionNote', true);
        return reply(201, this.addDiscussion(false, note));
      }
      const problem = this.checkPosition(position);
      if (problem) return reject(problem.status, problem.message);
      const note = this.note(body.body, 'DiffNote', true);
      note.position = position;
      return reply(201, this.addDiscussion(false, note));
    }
    const resolveMatch = /^\/discussions\/([0-9a-f]+)$/.exec(rest);
    if (method === 'PUT' && resolveMatch) {
      const discussion = this.discussions.get(resolveMatch[1]!);
      if (!discussion) return reject(404, '404 Discussion Not Found');
      const resolved = query.resolved ?? body?.resolved;
      if (resolved !== 'true' && resolved !== 'false') return reject(400, 'resolved is missing');
      if (!discussion.notes[0]?.resolvable) return reject(400, 'discussion is not resolvable');
      for (const note of discussion.notes) note.resolved = resolved === 'true';
      return reply(200, discussion);
    }
    return reject(404, `no such endpoint: ${method} ${rest}`);
  }

  /** GitLab's rules for a text position (https://docs.gitlab.com/api/discussions/#create-a-new-thread-in-the-merge-request-diff). */
  private checkPosition(position: Record<string, string>): { status: number; message: string } | undefined {
    const refs = this.options.diffRefs;
    if (position.position_type !== 'text') return { status: 400, message: 'position_type must be text' };
    for (const key of ['base_sha', 'start_sha', 'head_sha'] as const) {
      if (position[key] !== refs[key])
        return { status: 400, message: `position[${key}] does not match diff_refs` };
    }
    if (!position.new_path) return { status: 400, message: 'position[new_path] is missing' };
    if (!/^[1-9]\d*$/.test(position.new_line ?? ''))
      return { status: 400, message: 'position[new_line] must be a line number' };
    const lines = this.options.diffLines.get(position.new_path);
    // What GitLab answers for a line outside its diff.
    if (!lines?.has(Number(position.new_line)))
      return {
        status: 400,
        message: '400 Bad request - Note {:line_code=>["can\'t be blank", "must be a valid line code"]}',
      };
    return undefined;
  }

  private note(body: string, type: FakeNote['type'], resolvable: boolean): FakeNote {
    return { id: this.nextNoteId++, body, type, system: false, resolvable, resolved: false };
  }

  private addDiscussion(individual: boolean, note: FakeNote): FakeDiscussion {
    const id = (this.nextDiscussion++).toString(16).padStart(40, '0');
    const discussion = { id, individual_note: individual, notes: [note] };
    this.discussions.set(id, discussion);
    return discussion;
  }
}

/** `position[base_sha]` form fields (or a JSON `position` object) as one flat object. */
function positionOf(body: Record<string, string>): Record<string, string> | undefined {
  const position: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    const match = /^position\[(\w+)\]$/.exec(key);
    if (match) position[match[1]!] = value;
  }
  return Object.keys(position).length ? position : undefined;
}

/** JSON, urlencoded or multipart bodies, flattened to strings the way GitLab's API reads parameters. */
async function readBody(request: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const type = request.headers['content-type'] ?? '';
  if (raw.length === 0) return {};
  if (type.includes('application/json')) {
    const parsed = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    const flat: Record<string, string> = {};
    for (const [key, value] of Object.entries(parsed)) {
      if (value && typeof value === 'object') {
        for (const [inner, innerValue] of Object.entries(value))
          flat[`${key}[${inner}]`] = String(innerValue);
      } else flat[key] = String(value);
    }
    return flat;
  }
  const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
  const flat: Record<string, string> = {};
  for (const [key, value] of form.entries()) flat[key] = typeof value === 'string' ? value : '';
  return flat;
}

function send(response: ServerResponse, status: number, payload: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(payload));
}
