import { Box, Flex, Grid, Typography, LinkButton } from '@strapi/design-system';
import { GetOverview, type Overview } from '@cchc/shared';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { useCall } from '../api/useCall';
import { COMPLIANCE_PATH, PLUGIN_ID } from '../pluginId';

const t = (id: string) => ({ id: `${PLUGIN_ID}.${id}`, defaultMessage: id });

/** The Steering Committee website's content, as Content Manager lists (single type first). */
const COMMITTEE_CONTENT: Array<[string, string]> = [
  ['committee.record', '/admin/content-manager/single-types/plugin::cchc.committee'],
  ['committee.documents', '/admin/content-manager/collection-types/plugin::cchc.steering-document'],
  ['committee.indices', '/admin/content-manager/collection-types/plugin::cchc.index-result'],
  ['committee.events', '/admin/content-manager/collection-types/plugin::cchc.committee-event'],
  ['committee.members', '/admin/content-manager/collection-types/plugin::cchc.committee-member'],
  ['committee.channels', '/admin/content-manager/collection-types/plugin::cchc.channel'],
  ['committee.tasks', '/admin/content-manager/collection-types/plugin::cchc.plan-task'],
];

/** The plugin's home page: figures of the column, a link to its articles, and the Steering Committee website's content. */
export const HomePage = () => {
  const { formatMessage, formatNumber } = useIntl();
  const call = useCall();
  const [overview, setOverview] = useState<Overview | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    call(GetOverview.Endpoint)
      .then(({ data }) => setOverview(data))
      .catch(() => setFailed(true));
  }, [call]);

  const figures: Array<[string, number | undefined]> = [
    ['overview.articles.published', overview?.articles.published],
    ['overview.articles.unpublished', overview?.articles.unpublished],
    ['overview.agencies', overview?.agencies.active],
    ['overview.areas', overview?.reformAreas],
    ['overview.topics', overview?.topics],
  ];

  return (
    <Layouts.Root>
      <Page.Title>{formatMessage(t('plugin.name'))}</Page.Title>
      <Layouts.Header title={formatMessage(t('overview.title'))} subtitle={formatMessage(t('overview.subtitle'))} />
      <Layouts.Content>
        {failed ? <Typography textColor="danger600">{formatMessage(t('overview.error'))}</Typography> : null}
        <Grid.Root gap={4}>
          {figures.map(([id, value]) => (
            <Grid.Item key={id} col={4} s={6} xs={12}>
              <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius width="100%">
                <Flex direction="column" alignItems="flex-start" gap={2}>
                  <Typography variant="alpha" tag="p">{value === undefined ? '…' : formatNumber(value)}</Typography>
                  <Typography variant="omega" textColor="neutral600">{formatMessage(t(id))}</Typography>
                </Flex>
              </Box>
            </Grid.Item>
          ))}
        </Grid.Root>
        <Flex paddingTop={6} gap={2}>
          <LinkButton href="/admin/content-manager/collection-types/plugin::cchc.article">{formatMessage(t('overview.manage'))}</LinkButton>
          <LinkButton variant="secondary" tag={Link} to={`/plugins/${PLUGIN_ID}/${COMPLIANCE_PATH}`}>
            {formatMessage(t('overview.compliance'))}
          </LinkButton>
        </Flex>
        <Box paddingTop={8}>
          <Typography variant="beta" tag="h2">{formatMessage(t('committee.title'))}</Typography>
          <Box paddingTop={2} paddingBottom={3}>
            <Typography variant="omega" textColor="neutral600">{formatMessage(t('committee.subtitle'))}</Typography>
          </Box>
          <Flex gap={2} wrap="wrap">
            {COMMITTEE_CONTENT.map(([id, href]) => (
              <LinkButton key={id} variant="tertiary" href={href}>
                {formatMessage(t(id))}
              </LinkButton>
            ))}
          </Flex>
        </Box>
      </Layouts.Content>
    </Layouts.Root>
  );
};
