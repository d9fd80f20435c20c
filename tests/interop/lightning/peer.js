// An independent Lightning peer for Peerd's tests, built on @node-lightning/wire (BOLT 8 + BOLT 1).
//
//   node peer.js server <host> <port> <secret-hex> [chain-hex]
//   node peer.js client <host> <port> <secret-hex> <remote-pubkey-hex> [chain-hex]
//
// Writes one JSON object per line on stdout for each event: listening, ready (with the remote's init features
// and chains), message (type), pong, close, error. Reads commands on stdin, one per line:
//   ping <num_pong_bytes>   send a ping
//   raw <hex>               send a raw message (type + payload)
//   close                   disconnect and exit
"use strict";
const { Peer, PeerServer, PingMessage, InitFeatureFlags } = require("@node-lightning/wire");
const { BitField } = require("@node-lightning/core");
const crypto = require("crypto");
const readline = require("readline");

const [mode, host, portText, secretHex, ...rest] = process.argv.slice(2);
const secret = Buffer.from(secretHex, "hex");
const chainHex = mode === "client" ? rest[1] : rest[0];
const chains = chainHex ? [Buffer.from(chainHex, "hex")] : [];
const features = new BitField();
features.set(InitFeatureFlags.optionDataLossProtectOptional);

const quiet = { info() {}, debug() {}, trace() {}, warn() {}, error() {}, sub() { return quiet; } };
const emit = (event) => process.stdout.write(JSON.stringify(event) + "\n");
let current = null;

function attach(peer) {
  current = peer;
  peer.on("ready", () => emit({
    event: "ready",
    remoteFeatures: peer.remoteFeatures.toBuffer().toString("hex"),
    remoteChains: (peer.remoteChains || []).map((c) => c.toString("hex")),
  }));
  peer.on("rawmessage", (raw) => {
    const type = raw.readUInt16BE(0);
    emit({ event: "message", type, length: raw.length });
    if (type === 19) emit({ event: "pong", length: raw.length - 4 });
  });
  peer.on("readable", () => { while (peer.read()) { /* drain parsed messages */ } });
  peer.on("error", (err) => emit({ event: "error", message: String(err && err.message) }));
}

// node-lightning emits "close" only for a disconnect it asked for; the tests need to see the remote hang up too.
function watchSocket(peer) {
  peer.socket.on("close", () => {
    emit({ event: "close" });
    if (mode === "client") setTimeout(() => process.exit(0), 10);
  });
}

if (mode === "server") {
  const server = new PeerServer(host, Number(portText), secret, features, chains, quiet);
  server.on("peer", (peer) => { attach(peer); watchSocket(peer); });
  server.listen();
  server._server.on("listening", () => {
    const pub = crypto.createECDH("secp256k1");
    pub.setPrivateKey(secret);
    emit({ event: "listening", port: server._server.address().port, pubkey: pub.getPublicKey("hex", "compressed") });
  });
} else if (mode === "client") {
  const peer = new Peer(secret, features, chains, quiet);
  attach(peer);
  peer.reconnectTimeoutMs = 1e9;
  peer.connect(Buffer.from(rest[0], "hex"), host, Number(portText));
  watchSocket(peer);
} else {
  process.stderr.write("usage: peer.js server|client ...\n");
  process.exit(3);
}

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  const [cmd, arg] = line.trim().split(/\s+/);
  if (cmd === "ping" && current && current.state === Peer.states.Ready) {
    const ping = new PingMessage();
    ping.numPongBytes = Number(arg || 1);
    current.sendMessage(ping);
  } else if (cmd === "raw" && current && current.state === Peer.states.Ready) {
    current.send(Buffer.from(arg, "hex"));
  } else if (cmd === "close") {
    if (current) current.disconnect();
    setTimeout(() => process.exit(0), 50);
  }
}).on("close", () => process.exit(0));
