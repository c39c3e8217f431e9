/** Admin controllers of the review workflow: parse, resolve the actor, call the workflow service. */
import type { Core } from '@strapi/strapi';
import { TransitionArticle } from '@cchc/shared';
import { z } from 'zod';
import { PLUGIN_ID } from '../constants.js';
import type { WorkflowService } from '../services/workflow.js';
import { actorOf, type AdminState } from './actor.js';
import { parseInput } from './parse.js';

/** Koa context as far as these controllers use it. */
interface Ctx {
  params: Record<string, string>;
  request: { body?: unknown };
  state: AdminState;
  body: unknown;
}

const Params = z.object({ documentId: z.string().regex(/^[a-z0-9]{10,40}$/, { error: 'Mã tin bài không hợp lệ.' }) });

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin(PLUGIN_ID).service('workflow') as WorkflowService;
  return {
    async transition(ctx: Ctx) {
      const { documentId } = parseInput(Params, ctx.params);
      const body = parseInput(TransitionArticle.BodySchema, ctx.request.body ?? {});
      ctx.body = { data: await service().transition(documentId, actorOf(ctx.state), body) };
    },
    async history(ctx: Ctx) {
      const { documentId } = parseInput(Params, ctx.params);
      ctx.body = { data: await service().history(documentId, actorOf(ctx.state)) };
    },
    async reviewQueue(ctx: Ctx) {
      ctx.body = { data: await service().reviewQueue(actorOf(ctx.state)) };
    },
  };
};
