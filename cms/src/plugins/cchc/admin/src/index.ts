import type { StrapiApp } from '@strapi/strapi/admin';
import { Calendar, ChartPie, Crown, Message } from '@strapi/icons';
import { PluginIcon } from './components/PluginIcon';
import { WorkflowPanel } from './components/workflow/WorkflowPanel';
import { deskColumns } from './components/workflow/deskColumns';
import { COMPLIANCE_PATH, PLUGIN_ID, QUESTIONS_PATH } from './pluginId';

type TranslationMap = Record<string, string>;

/** Prefixes the plugin's translation keys with its id, as the admin expects. */
const prefixed = (messages: TranslationMap): TranslationMap =>
  Object.fromEntries(Object.entries(messages).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PluginIcon,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Truyền thông CCHC' },
      // Every signed-in administrator may see the overview; its figures are not sensitive.
      permissions: [],
      Component: () => import('./pages/HomePage').then((m) => ({ default: m.HomePage })),
    });
    // A second entry under the plugin's path: react-router prefers this more specific route
    // over the home page's `plugins/cchc/*`. The server checks access on every request.
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/${COMPLIANCE_PATH}`,
      icon: ChartPie,
      intlLabel: { id: `${PLUGIN_ID}.compliance.menu`, defaultMessage: 'Tuân thủ theo quý' },
      permissions: [],
      Component: () => import('./pages/CompliancePage').then((m) => ({ default: m.CompliancePage })),
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/cuoc-thi`,
      icon: Crown,
      intlLabel: { id: `${PLUGIN_ID}.contest.menu`, defaultMessage: 'Cuộc thi trực tuyến' },
      // Committee administrators only: the server refuses everyone else, with the reason.
      permissions: [],
      Component: () => import('./pages/ContestPage').then((m) => ({ default: m.ContestPage })),
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/${QUESTIONS_PATH}`,
      icon: Message,
      intlLabel: { id: `${PLUGIN_ID}.questions.menu`, defaultMessage: 'Hỏi đáp của người dân' },
      // Moderators see every question, contributors their agency's assigned ones (the server decides).
      permissions: [],
      Component: () => import('./pages/QuestionsPage').then((m) => ({ default: m.QuestionsPage })),
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/duyet`,
      icon: PluginIcon,
      intlLabel: { id: `${PLUGIN_ID}.review.menu`, defaultMessage: 'Hàng chờ duyệt' },
      // Contributors are told by the server that the queue is not theirs.
      permissions: [],
      Component: () => import('./pages/ReviewQueuePage').then((m) => ({ default: m.ReviewQueuePage })),
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/lich`,
      icon: Calendar,
      intlLabel: { id: `${PLUGIN_ID}.calendar.menu`, defaultMessage: 'Lịch đăng bài' },
      // Contributors are told by the server that the calendar is not theirs.
      permissions: [],
      Component: () => import('./pages/CalendarPage').then((m) => ({ default: m.CalendarPage })),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  bootstrap(app: StrapiApp) {
    // The workflow's state, actions and history beside every article being edited.
    const contentManager = app.getPlugin('content-manager') as unknown as { apis: { addEditViewSidePanel: (panels: unknown[]) => void } };
    contentManager.apis.addEditViewSidePanel([WorkflowPanel]);
    // The articles' list shows the review state and the format by their Vietnamese names, not their codes.
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', deskColumns);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await import(`./translations/${locale}.json`);
          return { data: prefixed(data as TranslationMap), locale };
        } catch {
          return { data: {}, locale };
        }
      }),
    );
  },
};
