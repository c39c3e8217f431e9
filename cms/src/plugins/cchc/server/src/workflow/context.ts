/**
 * Marks the publications made by the workflow service, so that the article
 * middleware can refuse any other way of publishing (the Content Manager's own
 * Publish button, a script): every publication then has its history row.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const storage = new AsyncLocalStorage<true>();

/** Runs `work` as the workflow. */
export function runAsWorkflow<T>(work: () => Promise<T>): Promise<T> {
  return storage.run(true, work);
}

/** True inside runAsWorkflow. */
export function inWorkflow(): boolean {
  return storage.getStore() === true;
}
