/** Parses request input with a shared schema, turning failures into a 400 with a readable message. */
import type { z } from 'zod';
import { InvalidInputError } from '../errors.js';

/** Parses `input` with `schema` or throws InvalidInputError with every problem listed. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const message = result.error.issues.map((issue) => issue.message).join(' ');
  throw new InvalidInputError(message);
}
