/**
 * A real SMTP server on loopback that keeps every message it receives as a JSON
 * file (to, subject, text), so tests in other processes can read the CMS's mail.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A received message. */
export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
}

/** Starts the sink on a free port; messages land in `dir`. */
export async function startSmtpSink(dir: string): Promise<{ port: number; close: () => Promise<void> }> {
  await fs.mkdir(dir, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          const message: ReceivedMail = {
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
          };
          await fs.writeFile(path.join(dir, `${Date.now()}-${count++}.json`), JSON.stringify(message));
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Every message received so far. */
export async function readMailbox(dir: string): Promise<ReceivedMail[]> {
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  return Promise.all(files.map(async (f) => JSON.parse(await fs.readFile(path.join(dir, f), 'utf8')) as ReceivedMail));
}
