// Independent decoder of a TalentPass talent code (docs/talent-code-format.md), used by the .NET interoperability
// tests: Base45 with the `base45` package, CBOR with the `cbor` package (node-cbor), and for es256 the signature
// checked with node's crypto over a Sig_structure that node-cbor encodes itself.
//   node decode-talent-code.mjs CODE [SPKI-BASE64]
// Prints one JSON object.
import { createPublicKey, verify } from 'node:crypto';
import base45 from 'base45';
import cbor from 'cbor';

const [code, spki] = process.argv.slice(2);
if (!code || !code.startsWith('TC1:')) {
  console.error('usage: node decode-talent-code.mjs TC1:... [SPKI-BASE64]');
  process.exit(2);
}

const bytes = Buffer.from(base45.decode(code.slice(4)));
const tagged = cbor.decodeFirstSync(bytes, { preferMap: true });
if (!(tagged instanceof cbor.Tagged) || tagged.tag !== 18) throw new Error('not a tagged COSE_Sign1');
const [protectedBytes, unprotected, payload, signature] = tagged.value;
const header = cbor.decodeFirstSync(protectedBytes, { preferMap: true });
const claims = cbor.decodeFirstSync(payload, { preferMap: true });
const talentPass = claims.get(-65538);
const toBeSigned = cbor.encode(['Signature1', protectedBytes, Buffer.alloc(0), payload]);

let signatureValid = null;
if (spki && header.get(1) === -7) {
  const key = createPublicKey({ key: Buffer.from(spki, 'base64'), format: 'der', type: 'spki' });
  signatureValid = verify('sha256', toBeSigned, { key, dsaEncoding: 'ieee-p1363' }, signature);
}

const number = (v) => (typeof v === 'bigint' ? Number(v) : v);
console.log(JSON.stringify({
  tag: tagged.tag,
  alg: number(header.get(1)),
  kid: Buffer.from(header.get(4)).toString('hex'),
  protectedKeys: [...header.keys()].map(number),
  unprotectedSize: unprotected.size,
  signatureLength: signature.length,
  claimKeys: [...claims.keys()].map(number),
  iss: claims.get(1),
  sub: Buffer.from(claims.get(2)).toString('hex'),
  exp: number(claims.get(4)),
  iat: number(claims.get(6)),
  level: talentPass.get(1),
  category: talentPass.get(2),
  status: talentPass.get(3).map(number),
  rights: number(talentPass.get(4)),
  name: talentPass.get(5),
  mode: number(talentPass.get(6)),
  toBeSigned: Buffer.from(toBeSigned).toString('hex'),
  signature: Buffer.from(signature).toString('hex'),
  signatureValid,
}));
