// An independent XRPL peer for Peerd's interop tests: Node's TLS (OpenSSL bundled with Node), ripple-keypairs for the
// node key, ripple-address-codec for n… keys, @noble/curves for ECDSA over the session's shared value. It speaks the
// peer upgrade (both as dialler and as listener), verifies the other side's Session-Signature, then answers pings and
// can send its own. Events are printed as one JSON object per line on stdout.
//
//   node peer.mjs listen --cert c.pem --key k.pem [--port 0] [--seed s…] [--network-id N] [--ping] [--tls 1.2|1.3]
//   node peer.mjs dial --host 127.0.0.1 --port P [--seed s…] [--network-id N] [--ping] [--tls 1.2|1.3]
//        [--feed fixtures.json] [--max-unknown-time S]
//
// --feed sends, once the session starts, the v2 list collection and the full validations of a validators.mjs
// fixture file (what a rippled relays to every peer). --max-unknown-time applies rippled's rule for a peer it
// dialled (PeerImp::onTimer): a peer whose tracking is still not "converged" after S seconds is dropped as
// "Not useful"; tracking comes from its TMStatusChange (PeerImp::checkTracking: |ledgerSeq - our validated| < 24 ->
// converged, > 128 -> diverged), our validated ledger being the fixture's.
import crypto from 'node:crypto';
import fs from 'node:fs';
import tls from 'node:tls';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import codec from 'ripple-address-codec';
import keypairs from 'ripple-keypairs';

const args = parseArgs(process.argv.slice(2));
const seed = args.seed ?? keypairs.generateSeed({ algorithm: 'ecdsa-secp256k1' });
// rippled's node key: the root key of the seed, without the account tweak (validator: true).
const keys = keypairs.deriveKeypair(seed, { validator: true });
const privateKey = Buffer.from(keys.privateKey.slice(2), 'hex');
const publicKey = Buffer.from(keys.publicKey, 'hex');
const ourNodeKey = codec.encodeNodePublic(publicKey);
const networkId = args['network-id'];
const versions = { '1.2': ['TLSv1.2', 'TLSv1.2'], '1.3': ['TLSv1.3', 'TLSv1.3'] }[args.tls] ?? ['TLSv1.2', 'TLSv1.3'];
const tlsOptions = {
  minVersion: versions[0],
  maxVersion: versions[1],
  rejectUnauthorized: false, // rippled: verify_none; identity comes from the handshake headers
  ciphers: 'TLSv1.2:!CBC:!DSS:!PSK:!eNULL:!aNULL',
};

function emit(event) {
  process.stdout.write(JSON.stringify(event) + '\n');
}

function parseArgs(list) {
  const parsed = { mode: list[0] };
  for (let i = 1; i < list.length; i++) {
    const name = list[i].replace(/^--/, '');
    if (i + 1 < list.length && !list[i + 1].startsWith('--')) parsed[name] = list[++i];
    else parsed[name] = true;
  }
  return parsed;
}

// rippled makeSharedValue: SHA512(f1) XOR SHA512(f2), refused when zero, then the first half of SHA512.
function sharedValue(socket) {
  const f1 = socket.getFinished();
  const f2 = socket.getPeerFinished();
  if (!f1 || !f2 || f1.length < 12 || f2.length < 12) throw new Error('TLS Finished message too short');
  const a = crypto.createHash('sha512').update(f1).digest();
  const b = crypto.createHash('sha512').update(f2).digest();
  const c = Buffer.alloc(64);
  for (let i = 0; i < 64; i++) c[i] = a[i] ^ b[i];
  if (c.every((x) => x === 0)) throw new Error('identical Finished messages');
  return { shared: crypto.createHash('sha512').update(c).digest().subarray(0, 32), lengths: [f1.length, f2.length] };
}

function identityHeaders(shared) {
  const signature = secp256k1.sign(shared, privateKey, { prehash: false, format: 'der' });
  const headers = [];
  if (networkId !== undefined) headers.push(['Network-ID', String(networkId)]);
  headers.push(['Network-Time', String(Math.floor(Date.now() / 1000) - 946684800)]);
  headers.push(['Public-Key', ourNodeKey]);
  headers.push(['Session-Signature', Buffer.from(signature).toString('base64')]);
  return headers;
}

// The checks of rippled's verifyHandshake that matter between two test peers.
function verify(headers, shared) {
  if (networkId !== undefined && headers['network-id'] !== undefined && headers['network-id'] !== String(networkId)) {
    return 'Peer is on a different network';
  }
  if (headers['network-time'] !== undefined) {
    const offset = Number(headers['network-time']) - (Math.floor(Date.now() / 1000) - 946684800);
    if (!Number.isInteger(offset) || Math.abs(offset) > 20) return 'Peer clock is too far off';
  }
  let peerKey;
  try {
    peerKey = Buffer.from(codec.decodeNodePublic(headers['public-key'] ?? ''));
  } catch {
    return 'Bad node public key';
  }
  if (!headers['session-signature']) return 'No session signature specified';
  const signature = Buffer.from(headers['session-signature'], 'base64');
  let valid = false;
  try {
    valid = secp256k1.verify(signature, shared, peerKey, { prehash: false, format: 'der', lowS: false });
  } catch {
    valid = false;
  }
  if (!valid) return 'Failed to verify session';
  if (peerKey.equals(publicKey)) return 'Self connection';
  return null;
}

function parseHead(text) {
  const lines = text.split('\r\n');
  const headers = {};
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] ??= line.slice(colon + 1).trim();
  }
  return { start: lines[0], headers };
}

// Minimal protobuf for TMPing { type = 1 (enum), seq = 2, pingTime = 3, netTime = 4 }.
function varint(value) {
  const out = [];
  let v = BigInt(value);
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
  return out;
}

function encodePing(type, seq) {
  const payload = Buffer.from([0x08, ...varint(type), 0x10, ...varint(seq)]);
  const header = Buffer.alloc(6);
  header.writeUInt32BE(payload.length, 0);
  header.writeUInt16BE(3, 4);
  return Buffer.concat([header, payload]);
}

function bytesField(number, bytes) {
  const data = Buffer.from(bytes);
  return Buffer.from([...varint((number << 3) | 2), ...varint(data.length), ...data]);
}

function frame(type, payload) {
  const header = Buffer.alloc(6);
  header.writeUInt32BE(payload.length, 0);
  header.writeUInt16BE(type, 4);
  return Buffer.concat([header, payload]);
}

// TMValidatorListCollection (56) { version = 1, manifest = 2, blobs = 3 { manifest = 1, blob = 2, signature = 3 } }
function encodeCollection(list) {
  const parts = [Buffer.from([0x08, ...varint(list.version)]), bytesField(2, Buffer.from(list.manifest))];
  for (const b of list.blobs_v2) parts.push(bytesField(3, Buffer.concat([bytesField(2, Buffer.from(b.blob)), bytesField(3, Buffer.from(b.signature))])));
  return frame(56, Buffer.concat(parts));
}

// TMValidation (41) { validation = 1 }
function encodeValidation(hex) {
  return frame(41, bytesField(1, Buffer.from(hex, 'hex')));
}

function decodeFields(payload) {
  const fields = {};
  let i = 0;
  while (i < payload.length) {
    let key = 0n;
    let shift = 0n;
    let byte;
    do { byte = payload[i++]; key |= BigInt(byte & 0x7f) << shift; shift += 7n; } while (byte & 0x80);
    const field = Number(key >> 3n);
    const wire = Number(key & 7n);
    if (wire === 0) {
      let value = 0n;
      shift = 0n;
      do { byte = payload[i++]; value |= BigInt(byte & 0x7f) << shift; shift += 7n; } while (byte & 0x80);
      fields[field] = value;
    } else if (wire === 2) {
      let length = 0;
      let s = 0;
      do { byte = payload[i++]; length |= (byte & 0x7f) << s; s += 7; } while (byte & 0x80);
      fields[field] = payload.subarray(i, i + length);
      i += length;
    } else if (wire === 1) i += 8;
    else if (wire === 5) i += 4;
    else throw new Error('bad wire type');
  }
  return fields;
}

// After the upgrade: frames. Answer pings, report pongs, optionally ping first.
function runSession(socket, rest) {
  let buffer = rest;
  let ourSeq = null;
  const feed = args.feed ? JSON.parse(fs.readFileSync(args.feed, 'utf8')) : null;
  const ourValidated = feed ? feed.validations.ledgerSeq : null;
  let tracking = 'unknown';
  const started = Date.now();
  let timer = null;
  if (args['max-unknown-time'] !== undefined) {
    const limit = Number(args['max-unknown-time']) * 1000;
    let kept = false;
    timer = setInterval(() => {
      if (Date.now() - started <= limit) return;
      if (tracking !== 'converged') {
        emit({ event: 'dropped', reason: 'Not useful', tracking });
        clearInterval(timer);
        socket.destroy();
      } else if (!kept) {
        kept = true;
        emit({ event: 'kept', tracking, seconds: (Date.now() - started) / 1000 });
      }
    }, 100);
    socket.on('close', () => clearInterval(timer));
  }
  const onData = (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    while (buffer.length >= 6) {
      if ((buffer[0] & 0xfc) !== 0) {
        emit({ event: 'error', message: 'bad frame header' });
        socket.destroy();
        return;
      }
      const length = buffer.readUInt32BE(0) & 0x03ffffff;
      const type = buffer.readUInt16BE(4);
      if (buffer.length < 6 + length) break;
      const payload = buffer.subarray(6, 6 + length);
      buffer = buffer.subarray(6 + length);
      if (type === 34) {
        const f = decodeFields(payload);
        const status = {
          event: 'status', newEvent: f[2] === undefined ? null : Number(f[2]), ledgerSeq: f[3] === undefined ? null : Number(f[3]),
          hasLedgerHash: f[4] !== undefined, hasPreviousHash: f[5] !== undefined, hasNetworkTime: f[6] !== undefined,
          hasFirstSeq: f[7] !== undefined, hasLastSeq: f[8] !== undefined,
        };
        if (status.newEvent !== 4 && status.ledgerSeq !== null && ourValidated !== null) {
          const diff = Math.abs(status.ledgerSeq - ourValidated);
          if (diff < 24) tracking = 'converged';
          else if (diff > 128) tracking = 'diverged';
        }
        emit({ ...status, tracking });
        continue;
      }
      if (type !== 3) {
        emit({ event: 'message', type });
        continue;
      }
      const fields = decodeFields(payload);
      const seq = Number(fields[2] ?? 0n);
      if (Number(fields[1] ?? 0n) === 0) {
        socket.write(encodePing(1, seq));
        emit({ event: 'ping', seq });
      } else {
        emit({ event: 'pong', seq, matches: seq === ourSeq });
      }
    }
  };
  socket.on('data', onData);
  socket.on('close', () => emit({ event: 'closed' }));
  socket.on('error', (e) => emit({ event: 'error', message: e.message }));
  if (args.ping) {
    ourSeq = crypto.randomInt(1, 2 ** 31);
    socket.write(encodePing(0, ourSeq));
  }
  if (feed) {
    socket.write(encodeCollection(feed.lists.v2));
    for (const hex of feed.validations.full) socket.write(encodeValidation(hex));
    emit({ event: 'fed', validations: feed.validations.full.length });
  }
  if (buffer.length > 0) onData(Buffer.alloc(0));
}

function readHead(socket, onHead) {
  let buffer = Buffer.alloc(0);
  const onData = (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    const end = buffer.indexOf('\r\n\r\n');
    if (end < 0) return;
    socket.off('data', onData);
    onHead(parseHead(buffer.subarray(0, end).toString('latin1')), buffer.subarray(end + 4));
  };
  socket.on('data', onData);
}

function handshakeEvent(role, socket, lengths, shared, headers) {
  return {
    event: 'handshake',
    role,
    tls: socket.getProtocol(),
    finished: lengths,
    shared: shared.toString('hex'),
    ourPublicKey: ourNodeKey,
    peerPublicKey: headers['public-key'],
    protocol: headers.upgrade,
    peerSoftware: headers['user-agent'] ?? headers.server,
  };
}

if (args.mode === 'listen') {
  const server = tls.createServer({ ...tlsOptions, key: fs.readFileSync(args.key), cert: fs.readFileSync(args.cert) }, (socket) => {
    readHead(socket, ({ start, headers }, rest) => {
      const { shared, lengths } = sharedValue(socket);
      const refusal = verify(headers, shared);
      if (refusal) {
        socket.end(`HTTP/1.1 400 Bad Request (${refusal})\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
        emit({ event: 'refused', reason: refusal, request: start });
        return;
      }
      const offered = (headers.upgrade ?? '').split(',').map((v) => v.trim());
      const version = ['XRPL/2.3', 'XRPL/2.2', 'XRPL/2.1'].find((v) => offered.includes(v));
      const response = [['Connection', 'Upgrade'], ['Upgrade', version], ['Connect-As', 'Peer'], ['Server', 'interop-peer-1.0'], ['Crawl', 'private'], ...identityHeaders(shared)];
      socket.write(`HTTP/1.1 101 Switching Protocols\r\n${response.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`);
      emit({ ...handshakeEvent('listener', socket, lengths, shared, headers), protocol: version });
      runSession(socket, rest);
    });
    socket.on('error', (e) => emit({ event: 'error', message: e.message }));
  });
  server.listen(Number(args.port ?? 0), '127.0.0.1', () => emit({ event: 'listening', port: server.address().port, publicKey: ourNodeKey }));
} else if (args.mode === 'dial') {
  const socket = tls.connect({ ...tlsOptions, host: args.host ?? '127.0.0.1', port: Number(args.port) }, () => {
    const { shared, lengths } = sharedValue(socket);
    const request = [['User-Agent', 'interop-peer-1.0'], ['Upgrade', 'XRPL/2.1, XRPL/2.2, XRPL/2.3'], ['Connection', 'Upgrade'], ['Connect-As', 'Peer'], ['Crawl', 'private'], ...identityHeaders(shared)];
    socket.write(`GET / HTTP/1.1\r\n${request.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`);
    readHead(socket, ({ start, headers }, rest) => {
      if (!start.startsWith('HTTP/1.1 101')) {
        emit({ event: 'refused', status: start });
        socket.end();
        return;
      }
      const refusal = verify(headers, shared);
      if (refusal) {
        emit({ event: 'refused', reason: refusal });
        socket.end();
        return;
      }
      emit(handshakeEvent('dialler', socket, lengths, shared, headers));
      runSession(socket, rest);
    });
  });
  socket.on('error', (e) => emit({ event: 'error', message: e.message }));
} else {
  emit({ event: 'error', message: `unknown mode ${args.mode}` });
  process.exitCode = 2;
}
