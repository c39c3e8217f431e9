/**
 * The admin panel's one client of the plugin's admin API: `call(Endpoint, input)` for
 * a declaration of @cchc/shared, through Strapi's fetch client (which sends the
 * administrator's token). Answers are validated with the endpoint's response schema.
 */
import { pathOf, type AnyEndpoint, type CallInput, type ResponseOf } from '@cchc/shared';
import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback } from 'react';

/** The message of a refused call (the API's own, in Vietnamese), or `fallback`. */
export function messageOf(error: unknown, fallback: string): string {
  const response = (error as { response?: { data?: { error?: { message?: unknown } } } } | null)?.response;
  const message = response?.data?.error?.message;
  return typeof message === 'string' && message ? message : fallback;
}

/** The path of a call, or an error when a parameter is missing or malformed. */
export function requestPath<E extends AnyEndpoint>(endpoint: E, input: CallInput<E> = {}): string {
  const path = pathOf(endpoint, input);
  if (path === null) throw new Error(`Tham số không hợp lệ cho ${endpoint.name}.`);
  return path;
}

/** A stable `call` function for effects. */
export function useCall() {
  const { get, post, put, del } = useFetchClient();
  return useCallback(
    async <E extends AnyEndpoint>(endpoint: E, input: CallInput<E> = {}): Promise<ResponseOf<E>> => {
      const path = requestPath(endpoint, input);
      const send = { GET: () => get(path), POST: () => post(path, input.body ?? {}), PUT: () => put(path, input.body ?? {}), DELETE: () => del(path) }[endpoint.method];
      const { data } = await send();
      return endpoint.response.parse(data);
    },
    [get, post, put, del],
  );
}
