// Verifies a Standard-Webhooks signature independently of the .NET code (Node's built-in crypto only).
// Usage: node verify-webhook-signature.mjs <secret whsec_...> <webhook-id> <webhook-timestamp> <body-file> <webhook-signature header>
// Prints "valid" and exits 0 when one of the space-separated "v1,<base64>" signatures matches, else prints "invalid" and exits 1.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';

const [secret, id, timestamp, bodyFile, header] = process.argv.slice(2);
if (!secret || !id || !timestamp || !bodyFile || header === undefined) {
  console.error('usage: verify-webhook-signature.mjs <secret> <id> <timestamp> <body-file> <signature-header>');
  process.exit(2);
}
const key = Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64');
const body = readFileSync(bodyFile);
const expected = createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest();
const ok = header.split(' ').some((part) => {
  if (!part.startsWith('v1,')) return false;
  const given = Buffer.from(part.slice(3), 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
});
console.log(ok ? 'valid' : 'invalid');
process.exit(ok ? 0 : 1);
