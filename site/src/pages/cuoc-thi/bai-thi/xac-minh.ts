/**
 * GET /cuoc-thi/bai-thi/xac-minh: a new proof-of-work challenge from the CMS, for the
 * registration form's widget (a private path: never cached, a new one each time).
 */
import type { APIRoute } from 'astro';
import { GetRegistrationChallenge, VISITOR_HEADER } from '@cchc/shared';
import { send } from '../../../lib/cms';
import { CmsUnavailableError } from '../../../lib/errors';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });

export const GET: APIRoute = async ({ request }) => {
  try {
    const issued = await send(GetRegistrationChallenge.Endpoint, {}, request.headers.get(VISITOR_HEADER));
    return issued.ok ? json(200, issued.data) : json(issued.status, { error: issued.message });
  } catch (error) {
    if (error instanceof CmsUnavailableError) return json(503, { error: 'Hệ thống đang bận, chưa tạo được bước xác minh. Vui lòng thử lại sau ít phút.' });
    throw error;
  }
};
