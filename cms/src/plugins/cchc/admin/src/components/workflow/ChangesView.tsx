import { Box, Flex, Typography } from '@strapi/design-system';
import { eventLabel, formatDateTime, type DiffPart, type SnapshotDiff, type WorkflowEvent } from '@cchc/shared';
import { useIntl } from 'react-intl';
import { msg } from '../../utils/messages';

/** One diff run: additions underlined and marked, removals struck through; the words say which, for screen readers too. */
const Part = ({ part }: { part: DiffPart }) => {
  const { formatMessage } = useIntl();
  if (part.kind === 'added') {
    return (
      <ins style={{ background: '#c6f0c2', textDecorationThickness: 2 }} title={formatMessage(msg('changes.added'))}>
        {part.text}
      </ins>
    );
  }
  if (part.kind === 'removed') {
    return (
      <del style={{ background: '#f9c9c4' }} title={formatMessage(msg('changes.removed'))}>
        {part.text}
      </del>
    );
  }
  if (part.kind === 'gap') return <span aria-label={formatMessage(msg('changes.gap'))}> … </span>;
  return <span>{part.text}</span>;
};

/** What changed since a recorded move: each changed text field word by word, media added and removed. */
export const ChangesView = ({ baseline, diff }: { baseline: WorkflowEvent; diff: SnapshotDiff }) => {
  const { formatMessage } = useIntl();
  const since = formatMessage(msg('changes.since'), { action: eventLabel(baseline.action), at: formatDateTime(new Date(baseline.occurredAt)), actor: baseline.actorName });
  return (
    <Box padding={3} background="neutral100" hasRadius data-testid="workflow-changes">
      <Typography variant="sigma" tag="h3">
        {formatMessage(msg('changes.title'))}
      </Typography>
      <Typography variant="pi" tag="p" textColor="neutral600">
        {since}
      </Typography>
      {!diff.changed && <Typography variant="pi">{formatMessage(msg('changes.none'))}</Typography>}
      {diff.fields
        .filter((f) => f.changed)
        .map((field) => (
          <Box key={field.field} paddingTop={2}>
            <Typography variant="pi" fontWeight="bold" tag="h4">
              {field.label}
            </Typography>
            <p style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0, fontSize: '0.875rem', lineHeight: 1.5 }}>
              {field.parts.map((part, i) => (
                <Part key={i} part={part} />
              ))}
            </p>
          </Box>
        ))}
      {(diff.mediaAdded.length > 0 || diff.mediaRemoved.length > 0) && (
        <Flex direction="column" alignItems="stretch" gap={1} paddingTop={2}>
          <Typography variant="pi" fontWeight="bold" tag="h4">
            {formatMessage(msg('changes.media'))}
          </Typography>
          {diff.mediaAdded.map((m) => (
            <Typography key={`a${m.role}${m.id}`} variant="pi">
              {formatMessage(msg('changes.mediaAdded'), { name: m.name, role: formatMessage(msg(`changes.role.${m.role}`)) })}
            </Typography>
          ))}
          {diff.mediaRemoved.map((m) => (
            <Typography key={`r${m.role}${m.id}`} variant="pi">
              {formatMessage(msg('changes.mediaRemoved'), { name: m.name, role: formatMessage(msg(`changes.role.${m.role}`)) })}
            </Typography>
          ))}
        </Flex>
      )}
    </Box>
  );
};
