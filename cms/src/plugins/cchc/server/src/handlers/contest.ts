/** Handlers of the online contest's public API (/api/cchc/contests, contest-challenge, contest-rounds, contest-entries, contest-attempts). */
import { ENTRY_SECRET_HEADER, GetAttempt, GetRegistrationChallenge, GetContest, ListContests, RegisterEntry, SaveAnswer, StartAttempt, SubmitAttempt } from '@cchc/shared';
import { defineRoute } from '../http/define-route.js';

export default [
  defineRoute(ListContests.Endpoint, async (_, { services }) => ({ data: await services.contest.list() })),
  defineRoute(GetContest.Endpoint, async ({ params }, { services }) => ({ data: await services.contest.detail(params.slug) })),
  defineRoute(GetRegistrationChallenge.Endpoint, async ({ client }, { services }) => {
    await services['rate-limit'].challenge(client);
    return services['contest-challenge'].issue();
  }),
  defineRoute(RegisterEntry.Endpoint, async ({ params, body, client }, { services }) => ({ data: await services.contest.register(params.round, body, client) })),
  defineRoute(StartAttempt.Endpoint, async ({ params, headers }, { services }) => ({ data: await services.contest.start(params.entry, headers[ENTRY_SECRET_HEADER]) })),
  defineRoute(GetAttempt.Endpoint, async ({ params, headers }, { services }) => ({ data: await services.contest.view(params.attempt, headers[ENTRY_SECRET_HEADER]) })),
  defineRoute(SaveAnswer.Endpoint, async ({ params, headers, body }, { services }) => ({
    data: await services.contest.saveAnswer(params.attempt, headers[ENTRY_SECRET_HEADER], params.question, body.chosen),
  })),
  defineRoute(SubmitAttempt.Endpoint, async ({ params, headers, body }, { services }) => ({
    data: await services.contest.submit(params.attempt, headers[ENTRY_SECRET_HEADER], body.prediction, body.answers),
  })),
];
