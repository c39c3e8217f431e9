import { Box, Button, Flex, Textarea, TextInput, Typography } from '@strapi/design-system';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import {
  WORKFLOW_ACTIONS,
  WORKFLOW_STATE_LABELS,
  formatDateTime,
  GetArticleHistory,
  TransitionArticle,
  isWorkflowAction,
  type WorkflowState,
} from '@cchc/shared';
import { useCallback, useEffect, useState } from 'react';
import { messageOf, useCall } from '../api/useCall';

const ARTICLE_UID = 'plugin::cchc.article';

type History = GetArticleHistory.Response['data'];

/** Shown when a call fails without a message of the API's own. */
const FAILED = 'Không thực hiện được thao tác. Vui lòng thử lại.';

/** The state of a piece, the actions the signed-in user may take, and its history. */
const WorkflowPanelContent = ({ documentId }: { documentId: string }) => {
  const call = useCall();
  const [history, setHistory] = useState<History | null>(null);
  const [note, setNote] = useState('');
  const [scheduledAt, setScheduledAt] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    call(GetArticleHistory.Endpoint, { params: { documentId } })
      .then(({ data }) => setHistory(data))
      .catch((e: unknown) => setError(messageOf(e, FAILED)));
  }, [call, documentId]);
  useEffect(load, [load]);

  const act = async (action: string) => {
    setBusy(true);
    setError(null);
    try {
      // datetime-local has no zone: the editor means Vietnam's time (UTC+7 all year).
      const body = { action, note, ...(action === 'schedule' && scheduledAt ? { scheduledAt: `${scheduledAt}:00+07:00` } : {}) };
      await call(TransitionArticle.Endpoint, { params: { documentId }, body });
      setNote('');
      load();
    } catch (e) {
      setError(messageOf(e, FAILED));
    } finally {
      setBusy(false);
    }
  };

  if (!history) return <Typography variant="pi">{error ?? 'Đang tải…'}</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      <Typography variant="omega" fontWeight="bold">
        {WORKFLOW_STATE_LABELS[history.state as WorkflowState]}
      </Typography>
      {history.actions.length > 0 && (
        <>
          <Textarea name="workflow-note" aria-label="Ghi chú, lý do" placeholder="Ghi chú, lý do (bắt buộc khi trả lại, không duyệt, gỡ bài, đăng ngay)" value={note} onChange={(e: { target: { value: string } }) => setNote(e.target.value)} />
          {history.actions.includes('schedule') && (
            <TextInput type="datetime-local" name="workflow-scheduled-at" aria-label="Thời điểm hẹn đăng (giờ Việt Nam)" value={scheduledAt} onChange={(e: { target: { value: string } }) => setScheduledAt(e.target.value)} />
          )}
          <Flex gap={2} wrap="wrap">
            {history.actions.map((action) => (
              <Button key={action} variant={action === 'approve' || action === 'publish' || action === 'submit' ? 'default' : 'secondary'} size="S" disabled={busy} onClick={() => act(action)}>
                {isWorkflowAction(action) ? WORKFLOW_ACTIONS[action].label : action}
              </Button>
            ))}
          </Flex>
        </>
      )}
      {error && (
        <Typography variant="pi" textColor="danger600" role="alert">
          {error}
        </Typography>
      )}
      <Box>
        <Typography variant="sigma" tag="h3">
          Lịch sử xử lý
        </Typography>
        <ol>
          {history.events.map((event, i) => (
            <li key={i}>
              <Typography variant="pi">
                {formatDateTime(new Date(event.occurredAt))} · {event.actorName} ·{' '}
                {isWorkflowAction(event.action) ? WORKFLOW_ACTIONS[event.action].label : event.action}
                {event.note ? ` — ${event.note}` : ''}
              </Typography>
            </li>
          ))}
        </ol>
      </Box>
    </Flex>
  );
};

/** The review workflow's panel in the Content Manager's edit view of an article. */
export const WorkflowPanel: PanelComponent = ({ model, documentId }) => {
  if (model !== ARTICLE_UID || !documentId) return null;
  return { title: 'Quy trình duyệt', content: <WorkflowPanelContent documentId={documentId} /> };
};
