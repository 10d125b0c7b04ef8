import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { roleMatrixMarkdown } from '../../shared/role-matrix';

describe('docs/api.md', () => {
  it('carries the role matrix exactly as the contract enforces it', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../docs/api.md'), 'utf8');
    expect(doc).toContain(roleMatrixMarkdown());
  });
});
