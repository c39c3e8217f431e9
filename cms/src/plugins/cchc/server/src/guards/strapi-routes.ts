/**
 * Routes of Strapi's own plugins that the plugin's roles would otherwise reach,
 * and what guards each (a policy added to the route before it is registered).
 * Found by the route-table test (tests/integration/route-permissions.test.ts):
 * each row names the hole it closes.
 */
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { ADMIN_ROLE, PLUGIN_ID } from '../constants.js';
import { ForbiddenError } from '../errors.js';
import { workflowRoleOf } from '../services/roles.js';

/** Who passes a guarded route. */
export type GuardRule =
  /** Only Strapi's super admin. */
  | 'super-admin'
  /** Nobody: the route would make the server fetch or send on a caller's behalf. */
  | 'nobody'
  /** A contributor passes only with files they may update themselves, and no folders. */
  | 'own-files'
  /** Editors and committee administrators (and the super admin); not contributors. */
  | 'editorial'
  /** Whoever may read the content type named by the route's `model` (Strapi answers 500 to the others). */
  | 'readable-model';

/** The guarded routes: plugin, method, path (as the plugin declares it), rule. */
export const GUARDED_ROUTES: ReadonlyArray<{ plugin: string; method: string; path: string; rule: GuardRule; why: string }> = [
  { plugin: 'email', method: 'POST', path: '/', rule: 'super-admin', why: 'any signed-in administrator could send any e-mail through the SMTP server' },
  { plugin: 'i18n', method: 'PUT', path: '/settings', rule: 'super-admin', why: 'any signed-in administrator could change the i18n settings' },
  { plugin: 'upload', method: 'POST', path: '/actions/upload-from-urls', rule: 'nobody', why: 'the server would fetch any address it is given' },
  { plugin: 'upload', method: 'POST', path: '/actions/generate-ai-metadata', rule: 'nobody', why: 'sends media to an outside service' },
  { plugin: 'upload', method: 'POST', path: '/ai-metadata-jobs', rule: 'nobody', why: 'sends media to an outside service' },
  { plugin: 'upload', method: 'POST', path: '/actions/bulk-delete', rule: 'own-files', why: 'Strapi checks only the action, not each file: a contributor could delete any file' },
  { plugin: 'upload', method: 'POST', path: '/actions/bulk-move', rule: 'own-files', why: 'Strapi checks only the action, not each file' },
  { plugin: 'upload', method: 'POST', path: '/folders', rule: 'editorial', why: 'the upload permission alone lets anyone create folders in the shared library' },
  { plugin: 'upload', method: 'PUT', path: '/folders/:id', rule: 'editorial', why: 'the upload permission alone lets anyone rename folders in the shared library' },
  { plugin: 'content-manager', method: 'GET', path: '/relations/:model/:targetField', rule: 'readable-model', why: 'answers 500 instead of 403 to a user who may not read the type' },
  { plugin: 'content-manager', method: 'GET', path: '/relations/:model/:id/:targetField', rule: 'readable-model', why: 'answers 500 instead of 403 to a user who may not read the type' },
];

export const GUARD_MESSAGES = {
  'super-admin': 'Chỉ quản trị hệ thống được dùng chức năng này.',
  nobody: 'Chức năng này đã tắt: máy chủ không gửi hay tải dữ liệu từ nơi khác theo yêu cầu.',
  'own-files': 'Bạn chỉ được xoá hoặc chuyển các tệp do chính mình tải lên.',
  editorial: 'Chỉ biên tập viên và quản trị Ban chỉ đạo được sắp xếp thư mục của thư viện tệp.',
  'readable-model': 'Bạn không có quyền xem loại nội dung này.',
} as const;

/** The policy's name as routes refer to it. */
export const GUARD_POLICY = `plugin::${PLUGIN_ID}.route-guard`;

const BulkBody = z.object({ fileIds: z.array(z.union([z.number(), z.string()])).optional(), folderIds: z.array(z.unknown()).optional() });

interface PolicyContext {
  state: { user?: { id: number; roles?: Array<{ code: string }> }; userAbility?: { can: (action: string, subject: string) => boolean } };
  request: { body?: unknown };
  params?: Record<string, string>;
}

/** Adds the guard policy to each guarded route; run at register, before routes are mounted. */
export function guardStrapiRoutes(strapi: Core.Strapi): void {
  for (const guard of GUARDED_ROUTES) {
    const routes = (strapi.plugin(guard.plugin)?.routes as Record<string, { routes?: Array<{ method: string; path: string; config?: { policies?: unknown[] } }> }> | undefined)?.admin?.routes ?? [];
    const route = routes.find((r) => r.method === guard.method && r.path === guard.path);
    // A route gone in a newer Strapi cannot be guarded: say so loudly (the route-table test fails too).
    if (!route) {
      strapi.log.warn(`[cchc] guarded route ${guard.method} /${guard.plugin}${guard.path} not found: ${guard.why}`);
      continue;
    }
    route.config = { ...(route.config ?? {}), policies: [...(route.config?.policies ?? []), { name: GUARD_POLICY, config: { rule: guard.rule } }] };
  }
}

/** The policy: refuses with a message a person can act on. */
export function createRouteGuardPolicy(strapi: Core.Strapi) {
  return async (context: PolicyContext, config: { rule: GuardRule }): Promise<boolean> => {
    const user = context.state.user;
    const codes = (user?.roles ?? []).map((r) => r.code);
    if (config.rule === 'nobody') throw new ForbiddenError(GUARD_MESSAGES.nobody);
    if (codes.includes(ADMIN_ROLE.superAdmin)) return true;
    if (config.rule === 'super-admin' || !user) throw new ForbiddenError(GUARD_MESSAGES['super-admin']);
    if (config.rule === 'readable-model') {
      if (context.state.userAbility?.can('plugin::content-manager.explorer.read', String(context.params?.model ?? ''))) return true;
      throw new ForbiddenError(GUARD_MESSAGES['readable-model']);
    }
    // Editors and committee administrators manage the whole library; anyone else (a contributor,
    // or an account with none of the workflow's roles) only their own files.
    const role = workflowRoleOf(codes);
    if (role === 'editor' || role === 'committee-admin') return true;
    if (config.rule === 'editorial') throw new ForbiddenError(GUARD_MESSAGES.editorial);
    const body = BulkBody.safeParse(context.request.body ?? {});
    if (!body.success || (body.data.folderIds ?? []).length > 0) throw new ForbiddenError(GUARD_MESSAGES['own-files']);
    const ids = (body.data.fileIds ?? []).map(Number);
    if (ids.length === 0) return true;
    const owned = await strapi.db.query('plugin::upload.file').count({ where: { id: { $in: ids }, createdBy: { id: user.id } } });
    if (owned !== new Set(ids).size) throw new ForbiddenError(GUARD_MESSAGES['own-files']);
    return true;
  };
}
