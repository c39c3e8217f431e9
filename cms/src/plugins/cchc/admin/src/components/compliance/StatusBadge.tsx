import type { ComplianceStatus } from '@cchc/shared';
import { Status, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { msg } from '../../utils/messages';

const VARIANT = { met: 'success', 'not-met': 'danger', exempt: 'neutral' } as const;

interface Props {
  status: ComplianceStatus;
}

/** An agency's status for the quarter: met, not met, exempt. */
export const StatusBadge = ({ status }: Props) => {
  const { formatMessage } = useIntl();
  return (
    <Status variant={VARIANT[status]} size="S">
      <Typography tag="span" variant="omega" fontWeight="bold">
        {formatMessage(msg(`compliance.status.${status}`))}
      </Typography>
    </Status>
  );
};
