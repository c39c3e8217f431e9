/**
 * The editors' calendar against the real CMS and database: a piece scheduled for a day next
 * week (at 00:30 in Vietnam, still the day before in UTC) and a piece published today are on
 * their Vietnam days, told apart by state, with the compliance report's own counts for the
 * quarter beside them. Contributors are refused; a range the calendar does not take is
 * refused in Vietnamese.
 */
import { afterAll, describe, expect, inject, test } from 'vitest';
import { GetCompliance, GetDeskCalendar, addDays, daysOf, pathOf, quarterOfDay, todayInVietnam } from '../../shared/src/index.js';
import { contentManager, publishTestArticle, referenceIds, removeArticle, transitionArticle } from '../support/api.js';

const ARTICLE = 'plugin::cchc.article';
const cms = () => inject('cmsUrl');
const tokens = () => inject('adminTokens');
type Token = keyof ReturnType<typeof tokens>;
const run = Date.now().toString(36);
const created: string[] = [];

async function call(path: string | null, as: Token) {
  const res = await fetch(`${cms()}${path}`, { headers: { authorization: `Bearer ${tokens()[as]}` } });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as any }; // answers vary: each test reads what it checks
}
const calendar = (from: string, to: string, as: Token) => call(pathOf(GetDeskCalendar.Endpoint, { query: { from, to } }), as);

afterAll(async () => {
  for (const documentId of created) await removeArticle(cms(), tokens().admin, documentId);
});

describe('the editors\' calendar', () => {
  test('shows a scheduled piece and a published one on their days in Vietnam, with the report\'s counts of the quarter', async () => {
    const { editor } = tokens();
    const published = await publishTestArticle(cms(), editor, { title: `Tin lịch đã đăng ${run}`, summary: 'Tóm tắt', body: 'Nội dung', format: 'tin-ngan' });
    created.push(published.documentId);
    const today = todayInVietnam();

    // 00:30 in Vietnam is 17:30 UTC the day before: the piece belongs to the Vietnam day.
    const scheduledDay = addDays(today, 3);
    const scheduledAt = `${scheduledDay}T00:30:00+07:00`;
    const { areaId, agencyId } = await referenceIds(cms(), editor);
    const draft = await contentManager(cms(), editor, ARTICLE).create({
      title: `Tin lịch hẹn giờ ${run}`,
      summary: 'Tóm tắt',
      body: 'Nội dung',
      format: 'phong-su',
      areas: { connect: [{ documentId: areaId }] },
      agency: { connect: [{ documentId: agencyId }] },
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const scheduledId = draft.body.data.documentId as string;
    created.push(scheduledId);
    for (const [action, extra] of [['submit', {}], ['approve', {}], ['schedule', { scheduledAt }]] as const) {
      const moved = await transitionArticle(cms(), editor, scheduledId, action, extra);
      expect(moved.status, `${action}: ${JSON.stringify(moved.body)}`).toBe(200);
    }

    const to = addDays(today, 6);
    const res = await calendar(today, to, 'editor');
    expect(res.status, res.text).toBe(200);
    const { data } = GetDeskCalendar.ResponseSchema.parse(res.body);
    expect(data.days.map((d) => d.day)).toEqual(daysOf({ from: today, to }));
    const daysOfPiece = (documentId: string) => data.days.filter((d) => d.items.some((i) => i.documentId === documentId)).map((d) => d.day);
    expect(daysOfPiece(published.documentId)).toEqual([today]);
    expect(daysOfPiece(scheduledId)).toEqual([scheduledDay]);
    const items = data.days.flatMap((d) => d.items);
    expect(items.find((i) => i.documentId === published.documentId)).toMatchObject({ state: 'published', title: `Tin lịch đã đăng ${run}`, agency: { slug: 'so-noi-vu' }, format: 'tin-ngan' });
    const scheduled = items.find((i) => i.documentId === scheduledId)!;
    expect(scheduled).toMatchObject({ state: 'scheduled', title: `Tin lịch hẹn giờ ${run}`, agency: { slug: 'so-noi-vu' }, format: 'phong-su' });
    expect(Date.parse(scheduled.at)).toBe(Date.parse(scheduledAt));
    // A range that ends before the scheduled day does not show it.
    const before = GetDeskCalendar.ResponseSchema.parse((await calendar(today, addDays(scheduledDay, -1), 'editor')).body).data;
    expect(before.days.flatMap((d) => d.items).map((i) => i.documentId)).not.toContain(scheduledId);

    // Beside the days: the quarter of the range's first day, with exactly the compliance report's figures.
    const { year, quarter } = quarterOfDay(today);
    expect(data.quarter).toMatchObject({ year, quarter, target: 1 });
    const report = await call(pathOf(GetCompliance.Endpoint, { query: { year, quarter } }), 'committee');
    expect(report.status, report.text).toBe(200);
    const rows = (report.body as GetCompliance.Response).data.rows.map(({ agency, published, submitted, status }) => ({ agency, published, submitted, status }));
    expect(data.quarter.rows).toEqual(rows);
    expect(data.quarter.rows.find((r) => r.agency.slug === 'so-noi-vu')!.published).toBeGreaterThanOrEqual(1);
  });

  test('is for editors and committee administrators: a contributor is refused, and told why', async () => {
    const today = todayInVietnam();
    expect((await calendar(today, today, 'committee')).status).toBe(200);
    const refused = await calendar(today, today, 'tuPhap');
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/vai trò/i);
    expect(refused.text).not.toContain('"days"');
  });

  test.each([
    [{ from: '2026-12-31', to: '2026-12-01' }, 'không được trước ngày đầu'],
    [{ from: '2026-12-01', to: '2027-02-02' }, 'tối đa 62 ngày'],
    [{ from: '2026-02-30', to: '2026-03-01' }, 'ngày có thật'],
    [{ from: '2026-12-01' }, 'Hãy cho biết tham số "to"'],
  ])('a bad range %o is a 400 in Vietnamese', async (query, message) => {
    const res = await call(pathOf(GetDeskCalendar.Endpoint, { query }), 'editor');
    expect(res.status, res.text).toBe(400);
    expect(res.body.error.message).toContain(message);
  });
});
