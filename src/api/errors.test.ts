import { describe, expect, it } from 'vitest';
import {
  formatDetail,
  formatValidationIssue,
  htmlTitleOf,
  HttpError,
  isApiError,
  looksLikeHtml,
  NetworkError,
  NotJsonError,
  SchemaError,
  TimeoutError,
} from './errors';

describe('formatValidationIssue', () => {
  it('names the field, then where it was', () => {
    expect(formatValidationIssue({ loc: ['query', 'limit'], msg: 'Input should be ≥ 1' })).toBe(
      'limit (query): Input should be ≥ 1',
    );
    expect(formatValidationIssue({ loc: ['body', 'filter', 'op'], msg: 'Invalid' })).toBe(
      'filter.op (body): Invalid',
    );
  });

  it('keeps unusual locations whole, and copes with none', () => {
    expect(formatValidationIssue({ loc: ['limit'], msg: 'bad' })).toBe('limit: bad');
    expect(formatValidationIssue({ loc: ['x', 0, 'y'], msg: 'bad' })).toBe('x.0.y: bad');
    expect(formatValidationIssue({ loc: null, msg: 'bad' })).toBe('bad');
  });

  it('joins several issues in a message', () => {
    expect(
      formatDetail([
        { loc: ['query', 'limit'], msg: 'a' },
        { loc: ['query', 'page'], msg: 'b' },
      ]),
    ).toBe('limit (query): a; page (query): b');
  });
});

describe('htmlTitleOf', () => {
  it('reads the title as plain text', () => {
    expect(htmlTitleOf('<html><head><TITLE lang="en">502  Bad\nGateway</TITLE>')).toBe(
      '502 Bad Gateway',
    );
    expect(htmlTitleOf('<p>no title</p>')).toBe('');
  });

  it('cuts a very long title', () => {
    const title = htmlTitleOf(`<title>${'x'.repeat(500)}</title>`);
    expect(title).toHaveLength(120);
    expect(title.endsWith('…')).toBe(true);
  });
});

describe('looksLikeHtml', () => {
  it('goes by the content type or the first character', () => {
    expect(looksLikeHtml('oops', 'text/html; charset=utf-8')).toBe(true);
    expect(looksLikeHtml('  <!doctype html>', null)).toBe(true);
    expect(looksLikeHtml('Bad Gateway', 'text/plain')).toBe(false);
  });
});

describe('the error classes', () => {
  it('name the server by its origin only', () => {
    const url = 'http://agentos.test:7777/prefix/traces?user_id=u1';
    expect(new NetworkError(url).message).toBe('Could not reach http://agentos.test:7777');
    expect(new TimeoutError(url, 2_000).message).toBe(
      'http://agentos.test:7777 did not answer within 2 s',
    );
    expect(new TimeoutError(url, 2_500).message).toContain('within 2.5 s');
    expect(new NotJsonError(url, 200, 'text/html', 'Sign in', false).message).toBe(
      'http://agentos.test:7777 sent text/html that is not JSON',
    );
  });

  it('are all recognised as API errors', () => {
    const url = 'http://a.test/traces';
    for (const error of [
      new HttpError(500, 'x', url),
      new NetworkError(url),
      new TimeoutError(url, 1),
      new SchemaError('$', 'x', url),
      new NotJsonError(url, 200, null, null, true),
    ]) {
      expect(isApiError(error)).toBe(true);
    }
    expect(isApiError(new Error('x'))).toBe(false);
  });
});
