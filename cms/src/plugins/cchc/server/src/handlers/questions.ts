/** Handlers of citizens' questions: sending, looking up and reading published ones on the public API (/api/cchc/questions…). */
import { EraseQuestionData, ExportQuestionData, GetPublishedQuestion, ListPublishedQuestions, LookUpQuestion, SubmitQuestion } from '@cchc/shared';
import { defineRoute } from '../http/define-route.js';

export default [
  defineRoute(SubmitQuestion.Endpoint, async ({ body, client, files }, { services }) => ({ data: await services.questions.submit(body, client, files) })),
  defineRoute(LookUpQuestion.Endpoint, async ({ body, client }, { services }) => ({ data: await services.questions.lookup(body.code, body.contact, client) })),
  defineRoute(ExportQuestionData.Endpoint, async ({ body, client }, { services }) => ({ data: await services.questions.exportData(body.code, body.contact, client) })),
  defineRoute(EraseQuestionData.Endpoint, async ({ body, client }, { services }) => ({ data: await services.questions.eraseData(body.code, body.contact, client) })),
  defineRoute(ListPublishedQuestions.Endpoint, async ({ query }, { services }) => services.questions.published(query)),
  defineRoute(GetPublishedQuestion.Endpoint, async ({ params }, { services }) => ({ data: await services.questions.publishedOne(params.code) })),
];
