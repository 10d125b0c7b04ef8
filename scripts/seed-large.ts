/**
 * npm run seed:large -- --size S|M|L --out FILE
 * Writes a generated practice (bench/practice-generator.ts) to FILE, then
 * checks it as a user's file would be checked: integrity_check,
 * foreign_key_check, the audit chain, and every visit's derived status and
 * total against its procedures. Sign in as admin / chairside-bench.
 */
import { parseArgs } from 'node:util';
import { generatePractice, PASSWORD, PROFILES, TODAY } from '../bench/practice-generator';
import { checkPractice } from '../bench/check-practice';

const { values } = parseArgs({ options: { size: { type: 'string', default: 'S' }, out: { type: 'string' }, 'no-check': { type: 'boolean', default: false } } });
const size = values.size?.toUpperCase() as keyof typeof PROFILES;
if (!(size in PROFILES) || !values.out) {
  console.error('usage: npm run seed:large -- --size S|M|L --out FILE [--no-check]');
  process.exit(2);
}
const file = values.out;
console.log(`Generating practice ${size} (${JSON.stringify(PROFILES[size])}) into ${file}, history up to ${TODAY} …`);
const result = await generatePractice(file, PROFILES[size], (msg) => console.log(`  ${msg}`));
console.log(`Written in ${result.seconds.toFixed(1)} s:`, result.counts);
if (!values['no-check']) {
  const check = await checkPractice(file, result.tenantId);
  console.log(`Checked in ${check.seconds.toFixed(1)} s:`, check);
  if (!check.ok) process.exit(1);
}
console.log(`Sign in as admin / ${PASSWORD} (run with CHAIRSIDE_NOW=${TODAY}T12:00:00Z to see it as of its last day).`);
