/**
 * Sign-in benchmark (`npm run bench:sign-in`): how long a failed sign-in takes for a known and for an unknown
 * e-mail address, side by side in one run on an in-memory PGlite database. The ratio should be close to 1: a
 * difference would tell an attacker which addresses have an account. Also prints the argon2id hash time.
 */

import type { Algorithm } from '@node-rs/argon2';
import { hash } from '@node-rs/argon2';
import { openPglite } from '../src/server/db/client.ts';
import { prepareDatabase } from '../src/server/db/open.ts';
import { createUser, setPasswordWithLink, signIn } from '../src/server/modules/access/access.service.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const cli = { actor: { kind: 'cli' as const, label: 'cli:bench' }, origin: 'bench' };
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function main() {
  const hashTimes: number[] = [];
  for (let round = 0; round < 10; round++) {
    const started = performance.now();
    await hash('een lang wachtwoord', { algorithm: 2 as Algorithm });
    hashTimes.push(performance.now() - started);
  }

  const database = await openPglite();
  await prepareDatabase(database);
  const emails: string[] = [];
  for (let index = 0; index < ROUNDS; index++) {
    // One account per attempt, so the lock after five failures never comes into play.
    const email = `meting-${index}@ketenzicht.example`;
    const { token } = await createUser(database.db, cli, { email, displayName: `Meting ${index}` });
    await setPasswordWithLink(database.db, cli, { token, newPassword: 'het goede lange wachtwoord' });
    emails.push(email);
  }
  const attempt = async (email: string) => {
    const started = performance.now();
    await signIn(database.db, cli, { email, password: 'een fout wachtwoord' }).catch(() => undefined);
    return performance.now() - started;
  };
  const known: number[] = [];
  const unknown: number[] = [];
  // Alternate, so drift in machine load touches both the same way.
  for (const [index, email] of emails.entries()) {
    known.push(await attempt(email));
    unknown.push(await attempt(`onbekend-${index}@ketenzicht.example`));
  }
  await database.close();

  const [k, u] = [median(known), median(unknown)];
  console.log(`argon2id hash (m=19 MiB, t=2), median of 10: ${median(hashTimes).toFixed(1)} ms`);
  console.log(`failed sign-in, median of ${ROUNDS} each (PGlite in memory):`);
  console.log(`  known address:   ${k.toFixed(1)} ms`);
  console.log(`  unknown address: ${u.toFixed(1)} ms`);
  console.log(`  ratio unknown/known: ${(u / k).toFixed(2)} (target: close to 1.00)`);
}

await main();
