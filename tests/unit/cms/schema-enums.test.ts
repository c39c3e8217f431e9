/**
 * The enumerations of the plugin's content types are the shared vocabularies: the
 * Content Manager offers exactly the codes the contracts, rules and site know.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  AGENCY_KIND_CODES,
  ARTICLE_FORMAT_CODES,
  CHANNEL_KIND_CODES,
  CONTEST_AUDIENCE_CODES,
  DOCUMENT_STATUS_CODES,
  DOCUMENT_TYPE_CODES,
  EVENT_KIND_CODES,
  MEASURE_UNIT_CODES,
  MEMBER_POSITION_CODES,
  PROGRESS_MODES,
  QUESTION_DIFFICULTY_CODES,
  QUESTION_KIND_CODES,
  REFORM_INDEX_CODES,
  RESULTS_POLICY_CODES,
  SCORE_TIMING_CODES,
  TASK_STATUS_CODES,
  WORKFLOW_STATES,
} from '@cchc/shared';
import { describe, expect, test } from 'vitest';

const CONTENT_TYPES = path.resolve(import.meta.dirname, '../../../cms/src/plugins/cchc/server/src/content-types');

/** `<content type>.<attribute>` → the shared vocabulary it must equal, in order. */
const VOCABULARIES: Record<string, readonly string[]> = {
  'agency.kind': AGENCY_KIND_CODES,
  'article.format': ARTICLE_FORMAT_CODES,
  'article.workflowState': WORKFLOW_STATES,
  'channel.kind': CHANNEL_KIND_CODES,
  'committee-event.kind': EVENT_KIND_CODES,
  'committee-member.position': MEMBER_POSITION_CODES,
  'contest.resultsPolicy': RESULTS_POLICY_CODES,
  'contest-round.scoreShown': SCORE_TIMING_CODES,
  'contest-round.audience': CONTEST_AUDIENCE_CODES,
  'contest-question.kind': QUESTION_KIND_CODES,
  'contest-question.audience': CONTEST_AUDIENCE_CODES,
  'contest-question.difficulty': QUESTION_DIFFICULTY_CODES,
  'index-result.index': REFORM_INDEX_CODES,
  'plan-task.progressMode': PROGRESS_MODES,
  'plan-task.measureUnit': MEASURE_UNIT_CODES,
  'plan-task.progressStatus': TASK_STATUS_CODES,
  'steering-document.type': DOCUMENT_TYPE_CODES,
  'steering-document.validity': DOCUMENT_STATUS_CODES,
};

/** Every enumeration attribute of every content type, with its values and default. */
function enumerations(): Map<string, { values: string[]; defaultValue?: string }> {
  const found = new Map<string, { values: string[]; defaultValue?: string }>();
  for (const type of fs.readdirSync(CONTENT_TYPES)) {
    const file = path.join(CONTENT_TYPES, type, 'schema.json');
    if (!fs.existsSync(file)) continue;
    const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as { attributes: Record<string, { type: string; enum?: string[]; default?: string }> };
    for (const [name, attribute] of Object.entries(schema.attributes)) {
      if (attribute.type === 'enumeration') found.set(`${type}.${name}`, { values: attribute.enum ?? [], defaultValue: attribute.default });
    }
  }
  return found;
}

describe('content-type enumerations', () => {
  const found = enumerations();

  test('each one has its shared vocabulary in the table (a new enumeration needs one)', () => {
    expect([...found.keys()].sort()).toEqual(Object.keys(VOCABULARIES).sort());
  });

  test.each(Object.entries(VOCABULARIES))('%s lists exactly the shared codes, and its default is one of them', (key, codes) => {
    const attribute = found.get(key);
    expect(attribute?.values).toEqual([...codes]);
    if (attribute?.defaultValue !== undefined) expect(codes).toContain(attribute.defaultValue);
  });
});
