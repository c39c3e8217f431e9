import { useCallback, useState } from 'react';
import { messageOf } from '../api/useCall';

/**
 * Runs one user action at a time: `busy` while it runs (buttons disable themselves), the
 * API's message (or `failed`) in `error` when it fails, and `after` once it is over either way.
 */
export function useAction(failed: string, after: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (work: () => Promise<unknown>) => {
      setBusy(true);
      setError(null);
      try {
        await work();
      } catch (e) {
        setError(messageOf(e, failed));
      } finally {
        setBusy(false);
        after();
      }
    },
    [failed, after],
  );
  return { busy, error, setError, run };
}
