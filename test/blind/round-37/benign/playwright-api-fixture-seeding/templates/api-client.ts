import { APIRequestContext, expect } from '@playwright/test';

export type Created = { kind: string; id: string };

export class ApiClient {
  readonly created: Created[] = [];
  constructor(private readonly request: APIRequestContext, private readonly csrf?: string) {}

  private headers() {
    return this.csrf ? { 'X-CSRF-Token': this.csrf } : {};
  }

  private async ok(res: Awaited<ReturnType<APIRequestContext['post']>>, what: string) {
    await expect(res, `${what} failed: ${res.status()} ${await res.text()}`).toBeOK();
    return res.json();
  }

  async createProject(name: string) {
    const body = await this.ok(
      await this.request.post('/api/projects', { data: { name }, headers: this.headers() }),
      'createProject',
    );
    this.created.push({ kind: 'project', id: body.id });
    return body as { id: string; name: string };
  }

  async createInvoice(projectId: string, opts: { dueInDays: number; amountCents?: number }) {
    const due = new Date(Date.now() + opts.dueInDays * 86_400_000).toISOString().slice(0, 10);
    const body = await this.ok(
      await this.request.post(`/api/projects/${projectId}/invoices`, {
        data: { dueDate: due, amountCents: opts.amountCents ?? 12_500 },
        headers: this.headers(),
      }),
      'createInvoice',
    );
    this.created.push({ kind: 'invoice', id: body.id });
    return { ...body, projectId } as { id: string; number: string; projectId: string };
  }

  async cleanup() {
    for (const item of [...this.created].reverse()) {
      const path = item.kind === 'project' ? `/api/projects/${item.id}` : `/api/invoices/${item.id}`;
      try {
        const res = await this.request.delete(path, { headers: this.headers() });
        if (!res.ok() && res.status() !== 404) console.warn(`cleanup ${item.kind} ${item.id}: ${res.status()}`);
      } catch (err) {
        console.warn(`cleanup ${item.kind} ${item.id} threw`, err);
      }
    }
  }
}
