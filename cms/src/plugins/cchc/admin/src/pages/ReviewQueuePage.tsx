import { Badge, Box, Button, Flex, LinkButton, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { GetReviewQueue, TakeArticle, formatDateTime, formatLabel, isArticleFormat } from '@cchc/shared';
import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { messageOf, useCall } from '../api/useCall';
import { useAction } from '../hooks/useAction';
import { msg } from '../utils/messages';

type Queue = GetReviewQueue.Response;
type Item = Queue['data'][number];

/** Submitted pieces waiting for an editor, oldest first: age against the target, who handles each, and a link to review it. */
export const ReviewQueuePage = () => {
  const { formatMessage } = useIntl();
  const call = useCall();
  const [queue, setQueue] = useState<Queue | null>(null);
  const failed = formatMessage(msg('review.error'));
  const load = useCallback(() => {
    call(GetReviewQueue.Endpoint)
      .then(setQueue)
      .catch((e: unknown) => setError(messageOf(e, failed)));
  }, [call, failed]);
  const { busy, error, setError, run } = useAction(failed, load);
  useEffect(load, [load]);

  const take = (item: Item, body: { release?: boolean; takeOver?: boolean }) => run(() => call(TakeArticle.Endpoint, { params: { documentId: item.documentId }, body }));

  const items = queue?.data ?? null;
  const title = formatMessage(msg('review.title'));
  return (
    <Layouts.Root>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header title={title} subtitle={formatMessage(msg('review.subtitle'), { days: queue?.meta.targetDays ?? '…' })} />
      <Layouts.Content>
        {error && (
          <Typography textColor="danger600" role="alert">
            {error}
          </Typography>
        )}
        {items && items.length === 0 && <Typography>{formatMessage(msg('review.empty'))}</Typography>}
        {items && items.length > 0 && (
          <Table colCount={6} rowCount={items.length + 1}>
            <Thead>
              <Tr>
                {['title', 'agency', 'format', 'age', 'handler', 'open'].map((column) => (
                  <Th key={column}>
                    <Typography variant="sigma">{formatMessage(msg(`review.column.${column}`))}</Typography>
                  </Th>
                ))}
              </Tr>
            </Thead>
            <Tbody>
              {items.map((item) => (
                <Tr key={item.documentId}>
                  <Td>
                    <Typography>{item.title}</Typography>
                    {item.resubmitted && (
                      <Box paddingTop={1}>
                        <Badge>{formatMessage(msg('review.resubmitted'))}</Badge>
                      </Box>
                    )}
                  </Td>
                  <Td><Typography>{item.agency}</Typography></Td>
                  <Td><Typography>{isArticleFormat(item.format) ? formatLabel(item.format) : item.format}</Typography></Td>
                  <Td>
                    <Typography textColor={item.overdue ? 'danger600' : undefined} fontWeight={item.overdue ? 'bold' : undefined}>
                      {formatMessage(msg(item.overdue ? 'review.ageOverdue' : 'review.age'), { days: item.ageWorkingDays, target: queue?.meta.targetDays ?? 0 })}
                    </Typography>
                    {item.submittedAt && <Typography variant="pi" textColor="neutral600" tag="p">{formatMessage(msg('review.submittedAt'), { at: formatDateTime(new Date(item.submittedAt)) })}</Typography>}
                  </Td>
                  <Td>
                    <Flex direction="column" alignItems="start" gap={1}>
                      <Typography>{item.handler ? (item.handler.isMe ? formatMessage(msg('review.me')) : item.handler.name) : formatMessage(msg('review.nobody'))}</Typography>
                      {!item.handler && <Button size="S" variant="secondary" disabled={busy} onClick={() => take(item, {})}>{formatMessage(msg('workflow.take'))}</Button>}
                      {item.handler?.isMe && <Button size="S" variant="tertiary" disabled={busy} onClick={() => take(item, { release: true })}>{formatMessage(msg('workflow.release'))}</Button>}
                    </Flex>
                  </Td>
                  <Td>
                    <LinkButton size="S" href={`/admin/content-manager/collection-types/plugin::cchc.article/${item.documentId}`}>
                      {formatMessage(msg('review.open'))}
                    </LinkButton>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
        <Box paddingTop={4} />
      </Layouts.Content>
    </Layouts.Root>
  );
};
