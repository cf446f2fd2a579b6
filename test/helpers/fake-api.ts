/** What the fake REST APIs of the integration tests share: a loopback server and the requests it answered. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest<Body> {
  method: string;
  path: string;
  query: Record<string, string>;
  body?: Body;
  status: number;
}

export abstract class FakeApi<Body> {
  readonly requests: RecordedRequest<Body>[] = [];
  /** Requests the fake did not accept, with why: a test expects none unless it provokes them. */
  readonly violations: string[] = [];
  private server: Server | undefined;

  protected abstract handle(request: IncomingMessage, response: ServerResponse): Promise<void>;

  /**
   * Listens on a free loopback port and returns `http://127.0.0.1:<port>`. A handler that throws is a
   * violation; `fail` answers that request the way the service answers an internal error.
   */
  protected async listen(fail: (response: ServerResponse, error: Error) => void): Promise<string> {
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        this.violations.push(`handler failed: ${(error as Error).message}`);
        fail(response, error as Error);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  requestsMatching(method: string, pattern: RegExp): RecordedRequest<Body>[] {
    return this.requests.filter((r) => r.method === method && pattern.test(r.path));
  }
}
