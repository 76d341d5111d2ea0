import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UserError } from '../errors.js';
import { TemplateRegistry } from '../templates/registry.js';
import { BatchJobs } from './api-batch.js';
import { openReply } from './api-open.js';
import {
  PreviewStore,
  warmUp,
  defaultsReply,
  downloadReply,
  previewReply,
  saveOutlineReply,
  typesReply,
  type PlanContext,
  type UnitDefaults,
} from './api-plan.js';
import { newToken, refuse } from './guard.js';
import { HttpError } from './http-error.js';
import { send, sendError, type Reply } from './reply.js';
import { staticReply } from './static-files.js';

/** How `unionplan ui` starts its server. */
export interface UiOptions {
  /** 0: any free port. */
  port: number;
  templates?: string;
  fontDirs?: string[];
  /** The unit's own defaults (unionplan.config.yaml): the form starts from them. */
  unit?: UnitDefaults;
}

/** A running server: its address with the token, and how to stop it. */
export interface UiServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** What the routes serve from. */
interface State {
  ctx: PlanContext;
  previews: PreviewStore;
  batches: BatchJobs;
  token: string;
}

/** The one place URLs meet handlers. */
async function route(request: IncomingMessage, url: URL, { ctx, previews, batches, token }: State): Promise<Reply | undefined> {
  const method = request.method ?? 'GET';
  const path = url.pathname;
  if (method === 'GET') {
    if (path === '/api/types') return typesReply(ctx);
    if (path === '/api/defaults') return defaultsReply(ctx, url);
    const page = /^\/api\/preview\/(\d+)\/(\d+)\.svg$/.exec(path);
    if (page) return previews.page(Number(page[1]), Number(page[2]));
    const batch = /^\/api\/batch\/(\d+)(\/zip)?$/.exec(path);
    if (batch) return batch[2] ? batches.zip(batch[1]!) : batches.status(batch[1]!);
    return staticReply(path, token);
  }
  if (method === 'POST') {
    if (path === '/api/preview') return previewReply(ctx, previews, request);
    if (path === '/api/download') return downloadReply(ctx, request, url);
    if (path === '/api/outline') return saveOutlineReply(ctx, request);
    if (path === '/api/open') return openReply(request);
    if (path === '/api/batch') return batches.start(request, url);
  }
  return undefined;
}

/**
 * Starts the `ui` server on 127.0.0.1 only, with a fresh token. Every request must carry the
 * token and name this server in Host; requests that change anything must come from its own page
 * (Origin). User mistakes are answered in Chinese; anything else is a 500 without a stack.
 */
export async function startUiServer(options: UiOptions): Promise<UiServer> {
  const token = newToken();
  const registry = new TemplateRegistry(options.templates);
  // A --templates folder that cannot be read, or a type in the settings that is none, is reported
  // before any address is printed; the settings may name the type in Chinese (学校).
  await registry.get(registry.types()[0]!);
  const { org, superior, type } = options.unit ?? {};
  const unit: UnitDefaults = {
    ...(org ? { org } : {}),
    ...(superior ? { superior } : {}),
    ...(type ? { type: (await registry.get(type)).type } : {}),
  };
  const ctx: PlanContext = { registry, unit, ...(options.fontDirs ? { fontDirs: options.fontDirs } : {}) };
  const batches = new BatchJobs(ctx);
  const state: State = { ctx, previews: new PreviewStore(), batches, token };
  let port = options.port;

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const refusal = refuse(request, url, { token, port });
    if (refusal) {
      request.resume();
      sendError(response, refusal.status, refusal.message);
      return;
    }
    try {
      const reply = await route(request, url, state);
      if (reply) send(response, reply);
      else sendError(response, 404, '没有这个页面');
    } catch (error) {
      if (error instanceof HttpError) sendError(response, error.status, error.message);
      else if (error instanceof UserError) sendError(response, 422, error.message);
      else {
        process.stderr.write(`unionplan ui 内部错误（请报告给维护者）：${(error as Error).stack ?? String(error)}\n`);
        sendError(response, 500, '内部错误（请报告给维护者）');
      }
    }
  };

  // A reply that cannot be sent any more (the browser went away) ends the connection, not the server.
  const server = createServer((request, response) => void handle(request, response).catch(() => response.destroy()));
  // Uploads are small; a client that stops sending is not waited on for ever.
  server.requestTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  setImmediate(() => void warmUp(ctx));
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await batches.dispose();
    },
  };
}
