import { Box, LinkButton, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { GetReviewQueue, WORKFLOW_ACTIONS, formatLabel, isArticleFormat, isWorkflowAction } from '@cchc/shared';
import { useEffect, useState } from 'react';
import { messageOf, useCall } from '../api/useCall';
import { PLUGIN_ID } from '../pluginId';

type Item = GetReviewQueue.Response['data'][number];

/** Submitted pieces waiting for an editor, oldest first, each linking to its edit view and workflow panel. */
export const ReviewQueuePage = () => {
  const call = useCall();
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call(GetReviewQueue.Endpoint)
      .then(({ data }) => setItems(data))
      .catch((e: unknown) => setError(messageOf(e, 'Không tải được hàng chờ duyệt.')));
  }, [call]);

  return (
    <Layouts.Root>
      <Page.Title>Hàng chờ duyệt</Page.Title>
      <Layouts.Header title="Hàng chờ duyệt" subtitle="Tin bài các cơ quan đã gửi, chờ biên tập viên xử lý (cũ nhất trước)" />
      <Layouts.Content>
        {error && <Typography textColor="danger600">{error}</Typography>}
        {items && items.length === 0 && <Typography>Không có tin bài nào đang chờ duyệt.</Typography>}
        {items && items.length > 0 && (
          <Table colCount={6} rowCount={items.length + 1}>
            <Thead>
              <Tr>
                <Th><Typography variant="sigma">Tiêu đề</Typography></Th>
                <Th><Typography variant="sigma">Cơ quan</Typography></Th>
                <Th><Typography variant="sigma">Lĩnh vực</Typography></Th>
                <Th><Typography variant="sigma">Hình thức</Typography></Th>
                <Th><Typography variant="sigma">Chờ (giờ)</Typography></Th>
                <Th><Typography variant="sigma">Xử lý</Typography></Th>
              </Tr>
            </Thead>
            <Tbody>
              {items.map((item) => (
                <Tr key={item.documentId}>
                  <Td><Typography>{item.title}</Typography></Td>
                  <Td><Typography>{item.agency}</Typography></Td>
                  <Td><Typography>{item.areas.join(', ')}</Typography></Td>
                  <Td><Typography>{isArticleFormat(item.format) ? formatLabel(item.format) : item.format}</Typography></Td>
                  <Td><Typography>{item.ageHours}</Typography></Td>
                  <Td>
                    {/* What the signed-in role may do; it is done in the article's "Quy trình duyệt" panel, where reasons are written. */}
                    <Typography variant="pi" textColor="neutral600">
                      {item.actions.map((a) => (isWorkflowAction(a) ? WORKFLOW_ACTIONS[a].label : a)).join(' · ')}
                    </Typography>
                    <Box paddingTop={1}>
                      <LinkButton size="S" href={`/admin/content-manager/collection-types/plugin::cchc.article/${item.documentId}`}>
                        Mở để duyệt
                      </LinkButton>
                    </Box>
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
