import type postgres from 'postgres';
import { describe, expect, it, vi } from 'vitest';
import { isConnectionError, isIdempotentRead, maxPreparedStatements, noteDatabaseFailure, noteDatabaseStall, noteDatabaseSuccess, orphanedStatementMs, readAttempts, resilientClient, preparedStatementCount, shouldAnswerUnavailable, shouldPrepare, stallMs } from './connection';

const dropped = () => Object.assign(new Error('write CONNECTION_CLOSED 127.0.0.1:5432'), { code: 'CONNECTION_CLOSED' });

describe('isConnectionError', () => {
  it('recognises dropped connections, restarts and refused connections, also wrapped by drizzle', () => {
    expect(isConnectionError(dropped())).toBe(true);
    expect(isConnectionError({ code: '57P01', message: 'terminating connection due to administrator command' })).toBe(true);
    expect(isConnectionError({ code: '57P03', message: 'the database system is starting up' })).toBe(true);
    expect(isConnectionError({ code: '08006' })).toBe(true);
    expect(isConnectionError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isConnectionError(new Error('Failed query: select 1', { cause: dropped() }))).toBe(true);
  });
  it('leaves ordinary query errors alone', () => {
    expect(isConnectionError({ code: '23505', message: 'duplicate key' })).toBe(false);
    expect(isConnectionError({ code: '42P01' })).toBe(false);
    expect(isConnectionError(new Error('boom'))).toBe(false);
    expect(isConnectionError(null)).toBe(false);
  });
});

describe('isIdempotentRead', () => {
  it('retries plain selects only', () => {
    expect(isIdempotentRead('select "id" from "users" where "id" = $1')).toBe(true);
    expect(isIdempotentRead('  SELECT 1')).toBe(true);
    expect(isIdempotentRead('insert into "posts" ("body") values ($1) returning "id"')).toBe(false);
    expect(isIdempotentRead('select * from "posts" where id = $1 for update')).toBe(false);
    expect(isIdempotentRead("select nextval('s')")).toBe(false);
    expect(isIdempotentRead("select pg_advisory_lock(hashtext('x'))")).toBe(false);
    expect(isIdempotentRead('with x as (delete from t returning *) select * from x')).toBe(false);
  });
});

/** A stand-in for postgres.js: `unsafe` fails `failures` times with a dropped connection, then answers. */
function fakeClient(failures: number, error = dropped) {
  const calls: string[] = [];
  const client = {
    unsafe(query: string) {
      calls.push(query);
      const fail = calls.length <= failures;
      const result = fail ? Promise.reject(error()) : Promise.resolve([{ n: 1 }]);
      result.catch(() => {});
      return Object.assign(result, { values: () => result });
    },
    begin: async (fn: (sql: unknown) => unknown) => fn(null),
    options: { parsers: {} },
  };
  return { client: resilientClient(client as unknown as postgres.Sql), calls };
}

describe('resilientClient', () => {
  it('tries a select again after a dropped connection', async () => {
    const { client, calls } = fakeClient(2);
    expect(await client.unsafe('select 1').values()).toEqual([{ n: 1 }]);
    expect(calls).toHaveLength(3);
  });
  it('gives up after a few attempts', async () => {
    const { client, calls } = fakeClient(10);
    await expect(client.unsafe('select 1')).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
    expect(calls).toHaveLength(readAttempts);
  });
  it('never repeats a write, nor a select that failed for another reason', async () => {
    const write = fakeClient(1);
    await expect(write.client.unsafe('insert into t values (1)')).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
    expect(write.calls).toHaveLength(1);
    const syntax = fakeClient(1, () => Object.assign(new Error('syntax'), { code: '42601' }));
    await expect(syntax.client.unsafe('select oops')).rejects.toMatchObject({ code: '42601' });
    expect(syntax.calls).toHaveLength(1);
  });
  it('passes everything else through to the real client (drizzle sets parsers on it)', () => {
    const { client } = fakeClient(0);
    expect((client as unknown as { options: object }).options).toEqual({ parsers: {} });
  });
});

describe('shouldAnswerUnavailable', () => {
  it('answers 503 while the last query could not reach the database, letting one probe through a second', () => {
    noteDatabaseSuccess();
    expect(shouldAnswerUnavailable()).toBe(false);
    noteDatabaseFailure({ code: '23505' }); // an ordinary error is not an outage
    expect(shouldAnswerUnavailable()).toBe(false);
    noteDatabaseFailure(dropped());
    const now = Date.now() + 10;
    expect(shouldAnswerUnavailable(now)).toBe(false); // the probe
    expect(shouldAnswerUnavailable(now + 100)).toBe(true);
    expect(shouldAnswerUnavailable(now + 1200)).toBe(false); // the next probe
    noteDatabaseSuccess();
    expect(shouldAnswerUnavailable(now + 1300)).toBe(false);
  });
});

describe('a stalled database', () => {
  it('counts as down once a query has waited 3 s with nothing answered meanwhile, and as up at the next answer', async () => {
    vi.useFakeTimers();
    try {
      noteDatabaseSuccess();
      let answer: (v: unknown) => void = () => {};
      const client = resilientClient({
        unsafe: () => {
          const p = new Promise((resolve) => (answer = resolve));
          return Object.assign(p, { values: () => p });
        },
      } as unknown as postgres.Sql);
      const waiting = client.unsafe('select 1');
      const settled = Promise.resolve(waiting);
      await vi.advanceTimersByTimeAsync(stallMs - 100);
      expect(shouldAnswerUnavailable(Date.now())).toBe(false);
      await vi.advanceTimersByTimeAsync(200);
      expect(shouldAnswerUnavailable(Date.now())).toBe(false); // the probe that goes through
      expect(shouldAnswerUnavailable(Date.now() + 10)).toBe(true);
      answer([]);
      await settled;
      expect(shouldAnswerUnavailable(Date.now() + 20)).toBe(false);
      // A stall right after an answer is only a slow query.
      noteDatabaseStall();
      expect(shouldAnswerUnavailable(Date.now() + 30)).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('shouldPrepare', () => {
  it('prepares a text from its second run on, and no more than maxPreparedStatements texts', () => {
    const text = (i: number) => `select ${i} as probe /* shouldPrepare */`;
    expect(shouldPrepare(text(-1))).toBe(false);
    expect(shouldPrepare(text(-1))).toBe(true);
    expect(shouldPrepare(text(-1))).toBe(true);
    // Texts seen once each (an IN list of a new length every time) are never prepared.
    for (let i = 0; i < 3 * maxPreparedStatements; i++) expect(shouldPrepare(`select ${i} /* once */`)).toBe(false);
    // Repeated texts fill the budget (other tests here prepared some already), and then a new one is not prepared,
    // however often it runs.
    const before = preparedStatementCount();
    let prepared = 0;
    for (let i = 0; i < 2 * maxPreparedStatements; i++) {
      shouldPrepare(text(i));
      if (shouldPrepare(text(i))) prepared++;
    }
    expect(prepared).toBe(maxPreparedStatements - before);
    expect(preparedStatementCount()).toBe(maxPreparedStatements);
    expect(shouldPrepare(text(-1))).toBe(true);
    expect(shouldPrepare(text(10_000))).toBe(false);
    expect(shouldPrepare(text(10_000))).toBe(false);
  });
});

describe('a transaction whose connection is lost', () => {
  // postgres.js can leave a transaction's statement pending for ever when the backend goes away (porsager/postgres#1216):
  // the fault test (db/faults.db.test.ts) hung on it in 2 of 14 runs.
  function neverAnswering() {
    const sent: string[] = [];
    const client = {
      begin: (body: (sql: postgres.Sql) => Promise<unknown>) =>
        body({
          unsafe: (query: string) => {
            sent.push(query);
            const p = new Promise(() => {});
            return Object.assign(p, { values: () => p });
          },
        } as unknown as postgres.Sql),
    };
    return { client: resilientClient(client as unknown as postgres.Sql), sent };
  }

  it('ends with a connection error once its statement has waited orphanedStatementMs after a connection was lost', async () => {
    vi.useFakeTimers();
    try {
      const { client, sent } = neverAnswering();
      const outcome = client.begin(async (sql) => sql.unsafe('insert into posts default values')).then(
        () => 'answered',
        (error: unknown) => error,
      );
      await vi.advanceTimersByTimeAsync(100);
      expect(sent).toEqual(['insert into posts default values']);
      noteDatabaseFailure(Object.assign(new Error('terminated'), { code: '57P01' }));
      await vi.advanceTimersByTimeAsync(orphanedStatementMs - 600);
      let settled = false;
      void outcome.then(() => (settled = true));
      await vi.advanceTimersByTimeAsync(0);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1200);
      expect(isConnectionError(await outcome)).toBe(true);
    } finally {
      noteDatabaseSuccess();
      vi.useRealTimers();
    }
  });

  it('waits as long as it takes while no connection was lost (a slow statement is not an orphan)', async () => {
    vi.useFakeTimers();
    try {
      noteDatabaseSuccess();
      vi.advanceTimersByTime(10 * orphanedStatementMs); // any failure noted earlier is long past
      const { client } = neverAnswering();
      let settled = false;
      let how: unknown;
      void client.begin(async (sql) => sql.unsafe('select pg_sleep(60)')).then(
        (v) => ((settled = true), (how = v)),
        (e) => ((settled = true), (how = e)),
      );
      await vi.advanceTimersByTimeAsync(5 * orphanedStatementMs);
      expect(how).toBeUndefined();
      expect(settled).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
