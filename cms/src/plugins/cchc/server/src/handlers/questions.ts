/** Handlers of citizens' questions on the public API (/api/cchc/questions, /questions/lookup). */
import { LookUpQuestion, SubmitQuestion } from '@cchc/shared';
import { defineRoute } from '../http/define-route.js';

export default [
  defineRoute(SubmitQuestion.Endpoint, async ({ body, client }, { services }) => ({ data: await services.questions.submit(body, client) })),
  defineRoute(LookUpQuestion.Endpoint, async ({ body, client }, { services }) => ({ data: await services.questions.lookup(body.code, body.contact, client) })),
];
