import { Box, Button, Flex, Textarea, TextInput, Typography } from '@strapi/design-system';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { WORKFLOW_STATE_LABELS, eventLabel, formatDateTime, GetArticleChanges, GetArticleHistory, TakeArticle, TransitionArticle, type WorkflowState } from '@cchc/shared';
import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { messageOf, useCall } from '../../api/useCall';
import { useAction } from '../../hooks/useAction';
import { msg } from '../../utils/messages';
import { ChangesView } from './ChangesView';
import { ShareLinksSection } from './ShareLinksSection';

const ARTICLE_UID = 'plugin::cchc.article';

type History = GetArticleHistory.Response['data'];
type Changes = GetArticleChanges.Response['data'];

/** The state of a piece, who handles it, what changed, the actions the signed-in user may take, share links and the history. */
const WorkflowPanelContent = ({ documentId }: { documentId: string }) => {
  const { formatMessage } = useIntl();
  const call = useCall();
  const [history, setHistory] = useState<History | null>(null);
  const [changes, setChanges] = useState<Changes | null>(null);
  const [note, setNote] = useState('');
  const [scheduledAt, setScheduledAt] = useState('');
  // The history row the changes are compared with; none: the baseline the piece's state calls for.
  const [since, setSince] = useState<number | undefined>(undefined);
  const failed = formatMessage(msg('workflow.error'));

  const load = useCallback(() => {
    call(GetArticleHistory.Endpoint, { params: { documentId } })
      .then(({ data }) => setHistory(data))
      .catch((e: unknown) => setError(messageOf(e, failed)));
    call(GetArticleChanges.Endpoint, { params: { documentId }, query: { since } })
      .then(({ data }) => setChanges(data))
      .catch((e: unknown) => setError(messageOf(e, failed)));
  }, [call, documentId, failed, since]);
  const { busy, error, setError, run } = useAction(failed, load);
  useEffect(load, [load]);
  // datetime-local has no zone: the editor means Vietnam's time (UTC+7 all year).
  const act = (action: string) =>
    run(async () => {
      const body = { action, note, ...(action === 'schedule' && scheduledAt ? { scheduledAt: `${scheduledAt}:00+07:00` } : {}) };
      await call(TransitionArticle.Endpoint, { params: { documentId }, body });
      setNote('');
      setSince(undefined);
    });
  const take = (body: { release?: boolean; takeOver?: boolean }) => run(() => call(TakeArticle.Endpoint, { params: { documentId }, body }));
  const compareWith = (eventId: number) => setSince(eventId);

  if (!history) return <Typography variant="pi">{error ?? formatMessage(msg('workflow.loading'))}</Typography>;
  const mayTake = history.state === 'submitted' && history.actions.includes('approve');
  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      <Typography variant="omega" fontWeight="bold">
        {WORKFLOW_STATE_LABELS[history.state as WorkflowState]}
      </Typography>
      {history.handler && <Typography variant="pi">{formatMessage(msg(history.handler.isMe ? 'workflow.handledByMe' : 'workflow.handledBy'), { name: history.handler.name, since: formatDateTime(new Date(history.handler.since)) })}</Typography>}
      {mayTake && (
        <Flex gap={2} wrap="wrap">
          {!history.handler && <Button size="S" variant="secondary" disabled={busy} onClick={() => take({})}>{formatMessage(msg('workflow.take'))}</Button>}
          {history.handler?.isMe && <Button size="S" variant="tertiary" disabled={busy} onClick={() => take({ release: true })}>{formatMessage(msg('workflow.release'))}</Button>}
          {history.handler && !history.handler.isMe && <Button size="S" variant="tertiary" disabled={busy} onClick={() => take({ takeOver: true })}>{formatMessage(msg('workflow.takeOver'))}</Button>}
        </Flex>
      )}
      {changes?.baseline && changes.diff && <ChangesView baseline={changes.baseline} diff={changes.diff} />}
      {history.actions.length > 0 && (
        <>
          <Textarea name="workflow-note" aria-label={formatMessage(msg('workflow.note'))} placeholder={formatMessage(msg('workflow.notePlaceholder'))} value={note} onChange={(e: { target: { value: string } }) => setNote(e.target.value)} />
          {history.actions.includes('schedule') && (
            <TextInput type="datetime-local" name="workflow-scheduled-at" aria-label={formatMessage(msg('workflow.scheduledAt'))} value={scheduledAt} onChange={(e: { target: { value: string } }) => setScheduledAt(e.target.value)} />
          )}
          <Flex gap={2} wrap="wrap">
            {history.actions.map((action) => (
              <Button key={action} variant={action === 'approve' || action === 'publish' || action === 'submit' ? 'default' : 'secondary'} size="S" disabled={busy} onClick={() => act(action)}>
                {eventLabel(action)}
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
      {history.state !== 'published' && <ShareLinksSection documentId={documentId} onChange={load} />}
      <Box>
        <Typography variant="sigma" tag="h3">
          {formatMessage(msg('workflow.history'))}
        </Typography>
        <ol>
          {history.events.map((event) => (
            <li key={event.id}>
              <Typography variant="pi">
                {formatDateTime(new Date(event.occurredAt))} · {event.actorName} · {eventLabel(event.action)}
                {event.note ? ` — ${event.note}` : ''}
              </Typography>
              {event.hasSnapshot && (
                <Button size="S" variant="ghost" disabled={busy} onClick={() => compareWith(event.id)}>
                  {formatMessage(msg('workflow.compare'))}
                </Button>
              )}
            </li>
          ))}
        </ol>
      </Box>
    </Flex>
  );
};

/** The review workflow's panel in the Content Manager's edit view of an article. */
export const WorkflowPanel: PanelComponent = ({ model, documentId }) => {
  // Strapi renders panels as components (DescriptionComponentRenderer): hooks may be used.
  const { formatMessage } = useIntl();
  if (model !== ARTICLE_UID || !documentId) return null;
  return { title: formatMessage(msg('workflow.title')), content: <WorkflowPanelContent documentId={documentId} /> };
};
