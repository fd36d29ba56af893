// A real SMTP server for the tests (smtp-server), which keeps what it receives (parsed by mailparser): the browser
// journeys and the db tests deliver Hearth's mail to it over SMTP, as a production mail server would get it.
// `file`: each message is also appended there as one JSON line, for readers in other processes (the journeys).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * @typedef {{ messageId: string; from: string; to: string[]; subject: string; text: string; html: string;
 *   headers: Record<string, string>; receivedAt: string }} CaughtMail
 */

/**
 * `append`: keep what the file holds (another catcher writes to it too); else it is emptied first.
 * @param {{ port?: number; host?: string; file?: string; append?: boolean; delayMs?: number; user?: string; pass?: string }} [options]
 * @returns {Promise<{ port: number; url: string; messages: CaughtMail[]; close: () => Promise<void> }>}
 */
export async function startMailCatcher(options = {}) {
  const host = options.host ?? '127.0.0.1';
  const user = options.user ?? 'hearth';
  const pass = options.pass ?? 'catcher';
  /** @type {CaughtMail[]} */
  const messages = [];
  if (options.file && !options.append) fs.writeFileSync(options.file, '');
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authMethods: ['PLAIN', 'LOGIN'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === pass) callback(null, { user });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
          /** @type {Record<string, string>} */
          const headers = {};
          for (const line of parsed.headerLines) headers[line.key] = line.line.slice(line.line.indexOf(':') + 1).trim();
          const mail = {
            messageId: parsed.messageId ?? '',
            from: parsed.from?.text ?? '',
            to: (session.envelope.rcptTo ?? []).map((r) => r.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            headers,
            receivedAt: new Date().toISOString(),
          };
          messages.push(mail);
          if (options.file) fs.appendFileSync(options.file, `${JSON.stringify(mail)}\n`);
          callback();
        })
        .catch((error) => callback(error));
    },
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve(undefined));
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    url: `smtp://${user}:${pass}@${host}:${port}`,
    messages,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * The messages a catcher wrote to its file (other processes read them this way).
 * @param {string} file
 * @returns {CaughtMail[]}
 */
export function readCaughtMail(file) {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

/**
 * Where the browser journeys' mail goes, per journeys server port (E2E_PORT): written by scripts/e2e-server.mjs and
 * e2e/support/cluster.ts, read by e2e/helpers.ts.
 * @param {string | number} [port]
 */
export function e2eMailFile(port = process.env.E2E_PORT ?? '3100') {
  return path.join(os.tmpdir(), `hearth-e2e-mail-${port}.jsonl`);
}
