/**
 * An import file parsed from its bytes as it is checked, item by item (@streamparser/json): no tree of
 * the whole file is ever built. A file of problems stops being read at its 101st problem (a 48 MB one in
 * about a millisecond, instead of a 700 ms JSON.parse and some 400 MB of objects); a valid file keeps
 * only its checked items; the bytes are fed in slices with the event loop given back between them, so
 * other requests are served while a large file is read.
 *
 * The outline (an object with the lists sources, nodes and relationships, nothing else) is followed
 * token by token, so a wrong outline stops the parse at once, and so does nesting past MAX_JSON_DEPTH.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Tokenizer, TokenParser, TokenType } from '@streamparser/json';
import { type ImportFile, MAX_REPORTED_PROBLEMS, ProblemList } from '../../contract/importFile.ts';
import { AppError, MAX_JSON_DEPTH, nestedTooDeep } from '../errors.ts';
import { IMPORT_LISTS, type ImportList, ItemChecker } from './importValidation.ts';

/** Bytes parsed between two yields to the event loop (about 15 ms of work). */
const SLICE_BYTES = 256 * 1024;

const LISTS = new Set<string>(IMPORT_LISTS);
const ITEM_PATHS = IMPORT_LISTS.map((list) => `$.${list}.*`);

/** Thrown inside the parser's callbacks to stop reading: the outcome is already known. */
const STOP = Symbol('stop');

const KIND: Partial<Record<TokenType, string>> = {
  [TokenType.LEFT_BRACE]: 'object',
  [TokenType.LEFT_BRACKET]: 'array',
  [TokenType.STRING]: 'string',
  [TokenType.NUMBER]: 'number',
  [TokenType.TRUE]: 'boolean',
  [TokenType.FALSE]: 'boolean',
  [TokenType.NULL]: 'null',
};

/**
 * The import file in `bytes` (UTF-8 JSON, a byte order mark allowed) as a valid ImportFile. Throws
 * ImportRejected (400 INVALID_IMPORT, the first `limit` problems and `detailsTruncated`), 400
 * NESTED_TOO_DEEP, or 400 INVALID_JSON naming where the JSON breaks.
 */
export async function validImportJson(bytes: Uint8Array, limit = MAX_REPORTED_PROBLEMS): Promise<ImportFile> {
  const checker = new ItemChecker(new ProblemList(limit));
  const { problems } = checker;
  const tokenizer = new Tokenizer();
  const parser = new TokenParser({ paths: ITEM_PATHS, keepStack: false });

  // Where the outline stands: depth of arrays and objects, and at depth 1 the key whose value comes next.
  let depth = 0;
  let expectKey = false;
  let key: string | undefined;
  tokenizer.onToken = (info) => {
    const { token, value } = info;
    if (depth === 0 && token !== TokenType.LEFT_BRACE && !parser.isEnded) {
      problems.add('', `Invalid input: expected object, received ${KIND[token] ?? 'nothing'}`);
      throw STOP;
    }
    if (depth === 1) {
      if (expectKey && token === TokenType.STRING) {
        key = String(value);
        expectKey = false;
      } else if (token === TokenType.COMMA) expectKey = true;
      else if (key !== undefined && token !== TokenType.COLON) {
        if (!LISTS.has(key)) problems.add('', `Unrecognized key: "${key}"`);
        else if (token !== TokenType.LEFT_BRACKET) {
          problems.add(key, `Invalid input: expected array, received ${KIND[token] ?? 'nothing'}`);
        }
        if (problems.items.length > 0) throw STOP;
        key = undefined;
      }
    }
    if (token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET) {
      if (++depth > MAX_JSON_DEPTH) throw nestedTooDeep();
      expectKey = depth === 1;
    } else if (token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) depth--;
    parser.write(info);
  };
  parser.onValue = ({ value, key: index, stack }) => {
    checker.check(stack[1]?.key as ImportList, index as number, value);
    if (problems.truncated) throw STOP;
  };

  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    for (let offset = start; offset < bytes.length; offset += SLICE_BYTES) {
      tokenizer.write(bytes.subarray(offset, offset + SLICE_BYTES));
      await yieldToEventLoop();
    }
    tokenizer.end();
    if (!parser.isEnded) throw new Error('the file ends before its JSON does');
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error !== STOP) {
      throw new AppError(400, 'INVALID_JSON', `The import file is not valid JSON: ${(error as Error).message}`);
    }
  }
  return checker.result();
}
