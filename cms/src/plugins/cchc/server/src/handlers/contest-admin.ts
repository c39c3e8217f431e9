/** Handlers of the contest's organiser endpoints (/cchc/contest-rounds, /cchc/contests/:contest/bank…, /cchc/contest-actions). */
import { GetBankTemplate, GetRoundRanking, ImportBank, ListContestActions, ListContestRounds, OpenRound, CloseRound } from '@cchc/shared';
import { FileDownload, defineRoute } from '../http/define-route.js';

export default [
  defineRoute(ListContestRounds.Endpoint, async (_, { services }) => {
    const { rounds, contests } = await services['contest-admin'].rounds();
    return { data: rounds, contests };
  }),
  defineRoute(OpenRound.Endpoint, async ({ params }, { services }) => ({ data: await services['contest-admin'].move(params.round, 'open') })),
  defineRoute(CloseRound.Endpoint, async ({ params }, { services }) => ({ data: await services['contest-admin'].move(params.round, 'close') })),
  defineRoute(GetRoundRanking.Endpoint, async ({ params, query, caller }, { services }) => {
    const answer = await services['contest-admin'].ranking(params.round, query.format, caller);
    return 'data' in answer ? answer : new FileDownload(answer.body, answer.contentType, answer.fileName);
  }),
  defineRoute(GetBankTemplate.Endpoint, async ({ params }, { services }) => {
    const file = await services['contest-admin'].template(params.contest);
    return new FileDownload(file.body, file.contentType, file.fileName);
  }),
  defineRoute(ImportBank.Endpoint, async ({ params, body, caller }, { services }) => ({ data: await services['contest-admin'].importBank(params.contest, body, caller) })),
  defineRoute(ListContestActions.Endpoint, async (_, { services }) => ({ data: await services['contest-admin'].actions() })),
];
