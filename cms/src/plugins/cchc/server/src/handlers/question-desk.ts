/** Handlers of the questions desk on the admin API (/cchc/questions…): staff's list, item, steps, public text, contact. */
import { ActOnQuestion, EditQuestionText, GetDeskQuestion, GetQuestionAttachment, GetQuestionContact, ListDeskQuestions } from '@cchc/shared';
import { FileDownload, defineRoute } from '../http/define-route.js';

export default [
  defineRoute(ListDeskQuestions.Endpoint, async ({ query, caller }, { services }) => services['question-desk'].list(query.view, caller)),
  defineRoute(GetDeskQuestion.Endpoint, async ({ params, caller }, { services }) => ({ data: await services['question-desk'].get(params.code, caller) })),
  defineRoute(ActOnQuestion.Endpoint, async ({ params, body, caller }, { services }) => ({ data: await services['question-desk'].act(params.code, body, caller) })),
  defineRoute(EditQuestionText.Endpoint, async ({ params, body, caller }, { services }) => ({ data: await services['question-desk'].editText(params.code, body, caller) })),
  defineRoute(GetQuestionAttachment.Endpoint, async ({ params, caller }, { services }) => {
    const file = await services['question-desk'].attachment(params.code, params.file, caller);
    return new FileDownload(file.body, file.mime, file.name);
  }),
  defineRoute(GetQuestionContact.Endpoint, async ({ params, caller }, { services }) => ({ data: await services['question-desk'].contact(params.code, caller) })),
];
