/** The role matrix as a Markdown table, generated from the contract (docs/api.md embeds it; a test keeps them equal). */
import { CHANNELS, contract } from './contract';
import { ROLES, type Role } from './domain/roles';

export function roleMatrixMarkdown(): string {
  const head = `| channel | ${ROLES.join(' | ')} |\n|---|${ROLES.map(() => ':-:').join('|')}|`;
  const rows = CHANNELS.map((c) => {
    const roles: readonly Role[] | 'public' = contract[c].roles;
    const cells = ROLES.map((r) => (roles === 'public' ? 'public' : roles.includes(r) ? '✓' : '—'));
    return `| \`${c}\` | ${cells.join(' | ')} |`;
  });
  return [head, ...rows].join('\n');
}
