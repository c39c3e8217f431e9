import { Box, Button, Flex, TextInput, Typography } from '@strapi/design-system';
import { CreateShareLink, ListShareLinks, RevokeShareLink, formatDateTime, type ShareLink } from '@cchc/shared';
import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { messageOf, useCall } from '../../api/useCall';
import { useAction } from '../../hooks/useAction';
import { msg } from '../../utils/messages';

/**
 * Read-only preview links of a draft, for a director to read before it is submitted:
 * create one (its address is shown once), see the live ones and how often each was opened, revoke.
 */
export const ShareLinksSection = ({ documentId, onChange }: { documentId: string; onChange: () => void }) => {
  const { formatMessage } = useIntl();
  const call = useCall();
  const [links, setLinks] = useState<ShareLink[] | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const failed = formatMessage(msg('share.error'));
  const load = useCallback(() => {
    call(ListShareLinks.Endpoint, { params: { documentId } })
      .then(({ data }) => setLinks(data))
      .catch((e: unknown) => setError(messageOf(e, failed)));
  }, [call, documentId, failed]);
  const afterAction = useCallback(() => {
    load();
    onChange();
  }, [load, onChange]);
  const { busy, error, setError, run } = useAction(failed, afterAction);
  useEffect(load, [load]);
  const create = () => run(async () => setCreated((await call(CreateShareLink.Endpoint, { params: { documentId }, body: {} })).data.url));
  const revoke = (linkId: number) => run(() => call(RevokeShareLink.Endpoint, { params: { documentId, linkId } }));
  const live = (links ?? []).filter((l) => l.live);

  return (
    <Box>
      <Typography variant="sigma" tag="h3">
        {formatMessage(msg('share.title'))}
      </Typography>
      <Typography variant="pi" tag="p" textColor="neutral600">
        {formatMessage(msg('share.hint'))}
      </Typography>
      <Box paddingTop={2}>
        <Button size="S" variant="secondary" disabled={busy} onClick={create}>
          {formatMessage(msg('share.create'))}
        </Button>
      </Box>
      {created && (
        <Box paddingTop={2}>
          <TextInput name="share-link-url" aria-label={formatMessage(msg('share.created'))} readOnly value={created} onFocus={(e: { target: HTMLInputElement }) => e.target.select()} />
          <Typography variant="pi" textColor="neutral600">
            {formatMessage(msg('share.createdHint'))}
          </Typography>
        </Box>
      )}
      {error && (
        <Typography variant="pi" textColor="danger600" role="alert">
          {error}
        </Typography>
      )}
      <ul>
        {live.map((link) => (
          <li key={link.id}>
            <Flex gap={2} wrap="wrap" alignItems="center">
              <Typography variant="pi">
                {formatMessage(msg('share.item'), { id: link.id, by: link.createdBy, until: formatDateTime(new Date(link.expiresAt)), opened: link.openedCount })}
              </Typography>
              <Button size="S" variant="danger-light" disabled={busy} onClick={() => revoke(link.id)}>
                {formatMessage(msg('share.revoke'))}
              </Button>
            </Flex>
          </li>
        ))}
      </ul>
    </Box>
  );
};
