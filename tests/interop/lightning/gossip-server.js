// An independent Lightning peer that serves a gossip store the way Core Lightning does, for Peerd's graph tests.
// Built on @node-lightning/wire (BOLT 8 + BOLT 1).
//
//   node gossip-server.js <host> <port> <secret-hex> <gossip-store> <chain-hex>
//
// On a gossip_timestamp_filter it streams every channel_announcement, channel_update and node_announcement record of
// the store (Core Lightning's gossip_store format: version byte, then [u16 flags][u16 len][u32 crc][u32 timestamp]
// [msg]) whose record timestamp is within the filter, in store order (channels, then updates, then the node
// announcements in a burst at the end), as fast as the connection takes them: a write that the socket does not take
// at once waits for "drain", so a receiver that stops reading holds the sender back. Writes one JSON line per event
// on stdout: listening, ready, filter, dumped (with count and milliseconds), close, error. stdin "close" exits.
"use strict";
const fs = require("fs");
const { PeerServer, InitFeatureFlags } = require("@node-lightning/wire");
const { BitField } = require("@node-lightning/core");
const crypto = require("crypto");
const readline = require("readline");

const [host, portText, secretHex, storePath, chainHex] = process.argv.slice(2);
const secret = Buffer.from(secretHex, "hex");
const features = new BitField();
features.set(InitFeatureFlags.optionDataLossProtectOptional);
features.set(InitFeatureFlags.gossipQueriesOptional);
const quiet = { info() {}, debug() {}, trace() {}, warn() {}, error() {}, sub() { return quiet; } };
const emit = (event) => process.stdout.write(JSON.stringify(event) + "\n");

const store = fs.readFileSync(storePath);
const records = [];
for (let off = 1; off + 12 <= store.length;) {
  const len = store.readUInt16BE(off + 2);
  const timestamp = store.readUInt32BE(off + 8);
  const msg = store.subarray(off + 12, off + 12 + len);
  off += 12 + len;
  const type = msg.readUInt16BE(0);
  if (type === 256 || type === 257 || type === 258) records.push({ timestamp, msg });
}

async function dump(peer, first, range) {
  const started = Date.now();
  let count = 0;
  for (const { timestamp, msg } of records) {
    if (timestamp < first || timestamp - first >= range) continue;
    count++;
    if (!peer.send(msg)) {
      await new Promise((resolve) => peer.socket.once("drain", resolve));
    }
  }
  emit({ event: "dumped", count, milliseconds: Date.now() - started });
}

const server = new PeerServer(host, Number(portText), secret, features, [Buffer.from(chainHex, "hex")], quiet);
server.on("peer", (peer) => {
  // node-lightning pings an idle peer and hangs up 15 s later without a pong. While it streams, its ping waits behind
  // its own queued gossip (its write queue and kernel send buffer: megabytes), so on a loaded machine the pong can
  // only come late however fast the receiver reads. Core Lightning queues its pings ahead of gossip; give the ping
  // the time the sender's own backlog takes instead.
  peer.pingPongState.PONG_TIMEOUT_MS = 10 * 60 * 1000;
  peer.on("ready", () => emit({ event: "ready" }));
  peer.on("rawmessage", (raw) => {
    const type = raw.readUInt16BE(0);
    if (type === 265 && raw.length >= 42) {
      const first = raw.readUInt32BE(34), range = raw.readUInt32BE(38);
      emit({ event: "filter", first, range });
      dump(peer, first, range).catch((err) => emit({ event: "error", message: String(err && err.message) }));
    }
  });
  peer.on("readable", () => { while (peer.read()) { /* drain parsed messages */ } });
  peer.on("error", (err) => emit({ event: "error", message: String(err && err.message) }));
  peer.socket.on("close", () => emit({ event: "close" }));
});
server.listen();
server._server.on("listening", () => {
  const pub = crypto.createECDH("secp256k1");
  pub.setPrivateKey(secret);
  emit({ event: "listening", port: server._server.address().port, pubkey: pub.getPublicKey("hex", "compressed"), records: records.length });
});
readline.createInterface({ input: process.stdin }).on("line", (line) => {
  if (line.trim() === "close") process.exit(0);
}).on("close", () => process.exit(0));
