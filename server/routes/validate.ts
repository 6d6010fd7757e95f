/** Parsing request parts with the contract's schemas; a failure is a 400 naming the parameter. */
import type { z } from 'zod';
import { badRequest } from '../errors.ts';

export function parse<S extends z.ZodType>(schema: S, value: unknown, what = 'parameter'): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw badRequest(result.error, what);
  return result.data;
}
