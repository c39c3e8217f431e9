/**
 * The questions desk's collaborators over a Strapi instance: the tables, the areas and
 * agencies, memberships, the holidays, the deadlines from the configuration and the
 * e-mails through Strapi's email plugin (sent only when SMTP is set up; a failure is
 * logged, never undoes a step). The seed builds its desk from the same parts.
 */
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { createQuestionFiles } from '../media/question-files.js';
import { pluginConfig } from '../config.js';
import { agencyOfUser, agencyUserEmails } from '../repositories/agency-members.js';
import { createContestRepository } from '../repositories/contests.js';
import { holidaysOf } from '../repositories/holidays.js';
import { createQuestionRepository } from '../repositories/questions.js';
import type { QuestionDeskDeps } from './question-desk.js';
import { answerPublished, questionAssigned } from './question-mail.js';

/** The private store of citizens' attachments, in the configured folder (relative to the CMS's folder). */
export function questionFilesOf(strapi: Core.Strapi) {
  return createQuestionFiles(path.resolve(strapi.dirs.app.root, pluginConfig(strapi).questions.filesDir));
}

export function questionDeskDeps(strapi: Core.Strapi): Omit<QuestionDeskDeps, 'purge'> {
  const config = pluginConfig(strapi);
  const send = async (mail: { to: string; subject: string; text: string }) => {
    if (!config.notify) return;
    try {
      await strapi.plugin('email').service('email').send(mail);
    } catch (error) {
      strapi.log.warn(`[cchc] a questions e-mail could not be sent (${(error as Error).name})`);
    }
  };
  const adminUrl = config.adminUrl.replace(/\/$/, '');
  const days = config.questions;
  return {
    questions: createQuestionRepository(strapi),
    attachments: questionFilesOf(strapi),
    areas: () => createContestRepository(strapi).areas(),
    agencies: () => createContestRepository(strapi).units(),
    agencyOf: (userId) => agencyOfUser(strapi, userId),
    holidays: () => holidaysOf(strapi),
    deadlines: { received: days.classifyDays, classified: days.assignDays, assigned: days.answerDays, answered: days.publishDays },
    mail: {
      assigned: async (agencySlug, question) => {
        for (const to of await agencyUserEmails(strapi, agencySlug)) await send({ to, ...questionAssigned(question, `${adminUrl}/plugins/cchc/hoi-dap/${question.code}`) });
      },
      answered: (to, code) => send({ to, ...answerPublished(code) }),
    },
  };
}
