// Builds validator-list fixtures with Ripple's own JavaScript implementation (ripple-binary-codec for the serialized
// objects, ripple-keypairs for keys and signatures), independently of Peerd's code: a publisher and its manifest,
// validators with Ed25519 and secp256k1 master keys and secp256k1 ephemeral keys, v1 and v2 lists, validations, and
// the hostile variants (forged, expired, stale, untrusted, revoked, malformed). Prints one JSON object.
//
//   node validators.mjs --now <seconds since 2000-01-01> [--ledger <seq>] [--validators N]
import crypto from 'node:crypto';
import codec from 'ripple-binary-codec';
import keypairs from 'ripple-keypairs';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, item, i, all) => {
  if (item.startsWith('--')) pairs.push([item.slice(2), all[i + 1]]);
  return pairs;
}, []));
const now = Number(args.now);
const ledgerSeq = Number(args.ledger ?? 1000);
const validatorCount = Number(args.validators ?? 5);
if (!Number.isInteger(now)) throw new Error('--now is required');

const MAN = '4D414E00';
const VAL = '56414C00';

function keys(algorithm) {
  const seed = keypairs.generateSeed({ algorithm });
  return keypairs.deriveKeypair(seed, { validator: true });
}

function manifest(master, signing, sequence, extra = {}) {
  const fields = { PublicKey: master.publicKey, Sequence: sequence, ...extra };
  if (signing) fields.SigningPubKey = signing.publicKey;
  const data = MAN + codec.encode(fields);
  if (signing) fields.Signature = keypairs.sign(data, signing.privateKey);
  fields.MasterSignature = keypairs.sign(data, master.privateKey);
  return Buffer.from(codec.encode(fields), 'hex').toString('base64');
}

function validation(signing, seq, hash, signTime, flags = 0x80000001, extra = {}) {
  const fields = {
    Flags: flags >>> 0, LedgerSequence: seq, SigningTime: signTime, CloseTime: signTime - 1, LedgerHash: hash,
    SigningPubKey: signing.publicKey, Cookie: crypto.randomBytes(8).toString('hex').toUpperCase(), ...extra,
  };
  const data = VAL + codec.encode(fields);
  fields.Signature = keypairs.sign(data, signing.privateKey);
  return codec.encode(fields);
}

function blob(content, signer) {
  const text = Buffer.from(JSON.stringify(content));
  return { blob: text.toString('base64'), signature: keypairs.sign(text.toString('hex'), signer.privateKey) };
}

function listContent(sequence, expiration, effective, validators) {
  const content = { sequence, expiration, validators: validators.map((v) => ({ validation_public_key: v.master.publicKey, manifest: v.manifest })) };
  if (effective !== undefined) content.effective = effective;
  return content;
}

const publisherMaster = keys('ed25519');
const publisherSigning = keys('ecdsa-secp256k1');
const publisherManifest = manifest(publisherMaster, publisherSigning, 1);
const otherMaster = keys('ed25519');
const otherSigning = keys('ed25519');
const otherManifest = manifest(otherMaster, otherSigning, 1);

const validators = [];
for (let i = 0; i < validatorCount; i++) {
  const master = keys(i % 2 === 0 ? 'ed25519' : 'ecdsa-secp256k1');
  const signing = keys('ecdsa-secp256k1');
  validators.push({ master, signing, manifest: manifest(master, signing, 1) });
}
const outsiderMaster = keys('ed25519');
const outsiderSigning = keys('ecdsa-secp256k1');
const outsider = { master: outsiderMaster, signing: outsiderSigning, manifest: manifest(outsiderMaster, outsiderSigning, 1) };

const v1 = (content, signer = publisherSigning, m = publisherManifest) => ({ public_key: publisherMaster.publicKey, manifest: m, ...blob(content, signer), version: 1 });
const current = listContent(2, now + 3600, undefined, validators);
const lists = {
  v1: v1(current),
  v2: {
    public_key: publisherMaster.publicKey, manifest: publisherManifest, version: 2,
    blobs_v2: [blob(listContent(3, now + 3600, now - 60, validators), publisherSigning), blob(listContent(4, now + 7200, now + 600, validators), publisherSigning)],
  },
  stale: v1(listContent(1, now + 3600, undefined, validators)),
  expired: v1(listContent(9, now - 10, now - 100, validators)),
  forged: { ...v1(current), signature: v1(listContent(7, now + 3600, undefined, validators)).signature },
  wrongSigner: v1(listContent(8, now + 3600, undefined, validators), otherSigning),
  untrusted: { public_key: otherMaster.publicKey, manifest: otherManifest, ...blob(listContent(10, now + 3600, undefined, validators), otherSigning), version: 1 },
  revokedPublisher: v1(listContent(11, now + 3600, undefined, validators), publisherSigning, manifest(publisherMaster, null, 0xffffffff)),
  notJson: { public_key: publisherMaster.publicKey, manifest: publisherManifest, ...(() => { const t = Buffer.from('{"sequence":12,'); return { blob: t.toString('base64'), signature: keypairs.sign(t.toString('hex'), publisherSigning.privateKey) }; })(), version: 1 },
  noExpiration: v1({ sequence: 13, validators: [] }),
  backwards: v1(listContent(14, now + 10, now + 20, validators)),
  version3: { ...v1(current), version: 3 },
};

const hash = crypto.randomBytes(32).toString('hex').toUpperCase();
const otherHash = crypto.randomBytes(32).toString('hex').toUpperCase();
const full = validators.map((v) => validation(v.signing, ledgerSeq, hash, now));
const forged = (() => {
  const hex = validation(validators[0].signing, ledgerSeq, hash, now);
  // Flip one bit inside the signature's last byte.
  const last = parseInt(hex.slice(-2), 16) ^ 1;
  return hex.slice(0, -2) + last.toString(16).padStart(2, '0').toUpperCase();
})();

const out = {
  now,
  publisher: { master: publisherMaster.publicKey, manifest: publisherManifest },
  otherPublisher: { master: otherMaster.publicKey, manifest: otherManifest },
  validators: validators.map((v) => ({ master: v.master.publicKey, signing: v.signing.publicKey, manifest: v.manifest })),
  outsider: { master: outsider.master.publicKey, signing: outsider.signing.publicKey, manifest: outsider.manifest },
  lists,
  manifests: {
    revokedValidator: manifest(validators[0].master, null, 0xffffffff),
    newerValidator: (() => { const s = keys('ecdsa-secp256k1'); validators[1].next = s; return manifest(validators[1].master, s, 2); })(),
    sameKeys: manifest(validators[2].master, validators[2].master, 3),
    withDomain: manifest(validators[3].master, validators[3].signing, 5, { Domain: Buffer.from('example.com').toString('hex').toUpperCase() }),
    badDomain: manifest(validators[3].master, validators[3].signing, 6, { Domain: Buffer.from('-bad-.x').toString('hex').toUpperCase() }),
    withVersion: manifest(validators[3].master, validators[3].signing, 7, { Version: 1 }),
    forged: (() => { const b = Buffer.from(manifest(validators[4 % validatorCount].master, validators[4 % validatorCount].signing, 9), 'base64'); b[b.length - 1] ^= 1; return b.toString('base64'); })(),
  },
  validations: {
    ledgerSeq, ledgerHash: hash, full,
    partial: validation(validators[0].signing, ledgerSeq, hash, now, 0x80000000),
    otherLedger: validation(validators[0].signing, ledgerSeq + 1, otherHash, now),
    outsider: validation(outsider.signing, ledgerSeq, hash, now),
    byMaster: validation(validators[0].master, ledgerSeq, hash, now),
    forged,
    old: validation(validators[0].signing, ledgerSeq, hash, now - 600),
    newKey: validation(validators[1].next, ledgerSeq, hash, now),
  },
};
process.stdout.write(JSON.stringify(out) + '\n');
