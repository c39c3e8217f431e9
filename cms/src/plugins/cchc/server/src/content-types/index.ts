import agency from './agency/index.js';
import article from './article/index.js';
import agencyMember from './agency-member/index.js';
import changeNote from './change-note/index.js';
import complianceExemption from './compliance-exemption/index.js';
import holiday from './holiday/index.js';
import plan from './plan/index.js';
import planTask from './plan-task/index.js';
import reformArea from './reform-area/index.js';
import topic from './topic/index.js';
import workflowEvent from './workflow-event/index.js';
import committee from './committee/index.js';
import committeeMember from './committee-member/index.js';
import channel from './channel/index.js';
import steeringDocument from './steering-document/index.js';
import indexResult from './index-result/index.js';
import committeeEvent from './committee-event/index.js';
import contest from './contest/index.js';
import contestRound from './contest-round/index.js';
import contestQuestion from './contest-question/index.js';

/** The plugin's content types, keyed by singular name (their UIDs are in constants.ts). */
export default {
  'reform-area': reformArea,
  topic,
  agency,
  article,
  plan,
  'plan-task': planTask,
  'change-note': changeNote,
  'workflow-event': workflowEvent,
  'agency-member': agencyMember,
  'compliance-exemption': complianceExemption,
  holiday,
  committee,
  'committee-member': committeeMember,
  channel,
  'steering-document': steeringDocument,
  'index-result': indexResult,
  'committee-event': committeeEvent,
  contest,
  'contest-round': contestRound,
  'contest-question': contestQuestion,
};
