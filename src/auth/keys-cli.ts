import 'reflect-metadata';
import { userInfo } from 'node:os';
import { Command } from 'commander';
import { withGraphClient } from '../load/cli-graph-client';
import { createKey, listKeys, revokeKey } from '../graph/write/api-keys';
import { generateKey, hashSecret, ROLES, type Role } from './api-key';

/**
 * npm run keys -- issue --name <name> --role editor|admin   prints the key once
 * npm run keys -- revoke <keyId>
 * npm run keys -- list
 * The operator's bootstrap: issue the first admin key here, the rest through GraphQL.
 */

const actor = () => ({ name: `cli:${userInfo().username}`, keyId: null });

const program = new Command().name('keys').description('Issue, revoke and list API keys (stored hashed).');
program
  .command('issue')
  .requiredOption('--name <name>', 'who holds the key')
  .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
  .action(async (opts: { name: string; role: string }) => {
    if (!ROLES.includes(opts.role as Role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
    const issued = generateKey();
    await withGraphClient((c) => createKey(c, { keyId: issued.keyId, name: opts.name, role: opts.role as Role, hash: hashSecret(issued.secret) }, actor()));
    process.stdout.write(`${issued.token}\n`);
    process.stderr.write(`Issued key ${issued.keyId} (${opts.role}) for ${opts.name}. It is shown once; only its hash is stored.\n`);
  });
program
  .command('revoke')
  .argument('<keyId>')
  .action(async (keyId: string) => {
    const row = await withGraphClient((c) => revokeKey(c, keyId, actor()));
    if (!row) throw new Error(`no key ${keyId}`);
    process.stdout.write(`Revoked ${keyId} at ${row.revokedAt}\n`);
  });
program.command('list').action(async () => {
  const keys = await withGraphClient((c) => listKeys(c));
  for (const k of keys) process.stdout.write(`${k.keyId}\t${k.role}\t${k.name}\t${k.revokedAt ? `revoked ${k.revokedAt}` : 'active'}\n`);
});

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
