/**
 * POST /cuoc-thi/bai-thi/:id/tra-loi: the attempt page's script saves one answer
 * ({ question, chosen }) with the secret from the browser's cookie; the answer is the
 * CMS's, or its refusal (409 once the time is up).
 */
import type { APIRoute } from 'astro';
import { ENTRY_SECRET_HEADER, SaveAnswer } from '@cchc/shared';
import { send } from '../../../../lib/cms';
import { attemptSecret } from '../../../../lib/contest/forms';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });

export const POST: APIRoute = async ({ params, request }) => {
  const id = params.id ?? '';
  const held = attemptSecret(request.headers.get('cookie'), id);
  if (!held) return json(404, { error: 'Không tìm thấy bài thi trên trình duyệt này.' });
  let body: { question?: unknown; chosen?: unknown } | null;
  try {
    body = (await request.json()) as typeof body;
  } catch {
    return json(400, { error: 'Nội dung không phải JSON.' });
  }
  if (!body || typeof body !== 'object' || typeof body.question !== 'string' || !Array.isArray(body.chosen)) return json(400, { error: 'Cần { "question": "…", "chosen": [số] }.' });
  const saved = await send(SaveAnswer.Endpoint, {
    params: { attempt: id, question: body.question },
    headers: { [ENTRY_SECRET_HEADER]: held.secret },
    body: { chosen: body.chosen.filter((n): n is number => typeof n === 'number') },
  });
  return saved.ok ? json(200, saved.data.data) : json(saved.status, { error: saved.message });
};
