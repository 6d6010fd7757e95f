/**
 * Named queries: the questions analysts ask often, one Cypher file each in cypher/queries/, listed
 * with their parameters and run through the console (read-only check, timeout, row cap,
 * cancellation). Each file opens with a header of `//` lines:
 *
 *   // @title Who led a faction, and when
 *   // @description What it answers; a following `//` line without a tag continues it.
 *   // @param faction: id = "jaysh-al-nasr" -- The faction, by id.
 *   // @param limit: integer(1..100) = 10 -- How many to list.
 *   // @param asOf: date? -- An optional parameter without default is null when not given.
 *
 * Types are contract/console.ts's NAMED_QUERY_PARAM_TYPES; defaults are JSON. A parameter with
 * neither a default nor `?` is required. A header that breaks these rules stops the app at start.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  NAMED_QUERY_PARAM_TYPES,
  paramValueSchema,
  type CypherResponse,
  type NamedQuery,
  type NamedQueryParam,
  type NamedQueryParamType,
  type NamedQueryRunRequest,
} from '../../contract/console.ts';
import { type Database, int } from '../db/database.ts';
import { AppError, badRequest, notFound } from '../errors.ts';
import { runReadOnly, type ConsoleLimits, type RunContext } from './console.ts';

const QUERY_DIR = fileURLToPath(new URL('../../cypher/queries/', import.meta.url));

let loaded: Map<string, NamedQuery> | undefined;

/** Every named query, by file name; read once. */
export function namedQueries(): NamedQuery[] {
  loaded ??= new Map(
    readdirSync(QUERY_DIR)
      .filter((file) => file.endsWith('.cypher'))
      .sort()
      .map((file) => {
        const name = file.slice(0, -'.cypher'.length);
        return [name, parseNamedQuery(name, readFileSync(`${QUERY_DIR}${file}`, 'utf8'))];
      }),
  );
  return [...loaded.values()];
}

export function namedQuery(name: string): NamedQuery {
  const query = namedQueries().find((q) => q.name === name);
  if (!query) throw notFound(`Named query "${name}"`);
  return query;
}

/**
 * Runs a named query with the request's parameters, through the console's path (db/console.ts): an
 * explicit READ transaction, which the driver never retries — a managed one would run a query that hit
 * a memory limit (a TransientError) again and again for its retry time. The same caps and errors as
 * the console's own queries, and 400 for parameters that do not fit the declaration, 404 for no such query.
 */
export async function runNamedQuery(
  db: Database,
  name: string,
  request: NamedQueryRunRequest,
  limits: ConsoleLimits,
  context: RunContext,
): Promise<CypherResponse> {
  const query = namedQuery(name);
  const params = bindParams(query, request.params);
  return runReadOnly(db, query.cypher, params, request.runId, limits, context);
}

/**
 * The request's values checked against the declared parameters, defaults filled in, integers made
 * Cypher integers. A missing, unknown or ill-typed parameter is a 400 naming it.
 */
export function bindParams(query: NamedQuery, given: Record<string, unknown>): Record<string, unknown> {
  for (const param of query.params) {
    if (param.required && given[param.name] === undefined) {
      const path = `params.${param.name}`;
      throw new AppError(400, 'BAD_REQUEST', `Invalid parameter ${path}: is required (${param.description})`, {
        details: [{ path, message: 'is required' }],
      });
    }
  }
  const shape = Object.fromEntries(
    query.params.map((p) => [p.name, p.required ? paramValueSchema(p) : paramValueSchema(p).nullish()]),
  );
  const parsed = z.object({ params: z.strictObject(shape) }).safeParse({ params: given });
  if (!parsed.success) throw badRequest(parsed.error);
  const values = parsed.data.params as Record<string, unknown>;
  return Object.fromEntries(
    query.params.map((p) => {
      const value = values[p.name] ?? p.default;
      return [p.name, p.type === 'integer' && typeof value === 'number' ? int(value) : value];
    }),
  );
}

const TAG = /^\/\/\s*@(title|description|param)\s+(.*)$/;
/** `name: type[?][(min..max)] [= default] [-- description]` */
const PARAM = new RegExp(
  [
    /^([A-Za-z_]\w*)\s*:\s*(\w+)(\?)?/.source, // name: type, ? when optional
    /(?:\(\s*(-?\d+(?:\.\d+)?)\s*\.\.\s*(-?\d+(?:\.\d+)?)\s*\))?/.source, // (min..max)
    /\s*(?:=\s*(.+?))?/.source, // = default
    /\s*(?:--\s*(.*))?$/.source, // -- description
  ].join(''),
);

/** A named query from its file's text; throws, naming the file and line, when the header is wrong. */
export function parseNamedQuery(name: string, text: string): NamedQuery {
  const lines = text.split('\n');
  const fail = (line: number, why: string): never => {
    throw new Error(`cypher/queries/${name}.cypher, line ${line + 1}: ${why}`);
  };
  let title = '';
  let description = '';
  const params: NamedQueryParam[] = [];
  let continues: ((more: string) => void) | null = null;
  let bodyStart = 0;
  for (; bodyStart < lines.length && lines[bodyStart]!.trimStart().startsWith('//'); bodyStart++) {
    const line = lines[bodyStart]!.trim();
    const tag = TAG.exec(line);
    if (!tag) {
      const more = line.replace(/^\/\/\s*/, '');
      if (continues && more) continues(more);
      continue;
    }
    const [, kind, rest = ''] = tag;
    if (kind === 'title') {
      title = rest.trim();
      continues = (more) => (title += ` ${more}`);
    } else if (kind === 'description') {
      description = rest.trim();
      continues = (more) => (description += ` ${more}`);
    } else {
      const param = parseParam(rest, (why) => fail(bodyStart, why));
      if (params.some((p) => p.name === param.name)) fail(bodyStart, `parameter ${param.name} declared twice`);
      params.push(param);
      continues = (more) => (param.description += ` ${more}`);
    }
  }
  if (!title) fail(0, 'the header needs a "// @title" line');
  if (!description) fail(0, 'the header needs a "// @description" line');
  const cypher = lines.slice(bodyStart).join('\n').trim();
  if (!cypher) fail(bodyStart, 'no Cypher after the header');
  for (const param of params) {
    if (!new RegExp(`\\$${param.name}\\b`).test(cypher)) fail(0, `parameter ${param.name} is declared but not used`);
  }
  return { name, title, description, params, cypher };
}

function parseParam(text: string, fail: (why: string) => never): NamedQueryParam {
  const m = PARAM.exec(text.trim());
  if (!m) return fail('expected "@param name: type[?][(min..max)] [= default] [-- description]"');
  const [, name = '', type = '', optional, min, max, defaultText, description = ''] = m;
  if (!(NAMED_QUERY_PARAM_TYPES as readonly string[]).includes(type)) {
    fail(`unknown type "${type}" (one of ${NAMED_QUERY_PARAM_TYPES.join(', ')})`);
  }
  const param: NamedQueryParam = {
    name,
    type: type as NamedQueryParamType,
    required: !optional && defaultText === undefined,
    default: null,
    description: description.trim(),
  };
  if (min !== undefined && max !== undefined) {
    if (type !== 'integer' && type !== 'float') fail(`only integer and float parameters take bounds`);
    Object.assign(param, { min: Number(min), max: Number(max) });
  }
  if (defaultText !== undefined) {
    let value: unknown;
    try {
      value = JSON.parse(defaultText);
    } catch {
      return fail(`the default of ${name} is not JSON (strings need double quotes)`);
    }
    if (!paramValueSchema(param).safeParse(value).success) fail(`the default of ${name} is not a valid ${type}`);
    param.default = value;
  }
  return param;
}
