// Shared helpers of the node-lightning side of the comparison. The packages come from tests/interop/node_modules
// (installed by `scripts/deps.sh test`), so nothing is installed here.
"use strict";
const path = require("path");
const modules = path.join(__dirname, "..", "..", "tests", "interop", "node_modules");
const load = (name) => require(path.join(modules, name));

const wire = load("@node-lightning/wire");
const noise = load("@node-lightning/noise");
const { BitField } = load("@node-lightning/core");
const lncrypto = load("@node-lightning/crypto");
const { NoiseSocket } = load("@node-lightning/noise/dist/noise-socket");
const { NoiseState } = load("@node-lightning/noise/dist/noise-state");
const net = require("net");

// The same init as Peerd's interop peer: data_loss_protect optional, no chains (any network).
function features() {
  const bits = new BitField();
  bits.set(wire.InitFeatureFlags.optionDataLossProtectOptional);
  return bits;
}

const quiet = { info() {}, debug() {}, trace() {}, warn() {}, error() {}, sub() { return quiet; } };

// A node-lightning Peer dialled from a chosen source address: noise.connect() cannot bind one, so this builds the
// same NoiseSocket it builds and attaches it (Peer.attach sends init on "ready" exactly as Peer.connect does).
function dial({ ls, rpk, host, port, localAddress }) {
  const peer = new wire.Peer(ls, features(), [], quiet);
  const state = new NoiseState({ ls, es: lncrypto.createPrivateKey() });
  const socket = new net.Socket();
  const noiseSocket = new NoiseSocket({ socket, noiseState: state, rpk });
  peer.attach(noiseSocket);
  socket.connect({ host, port, localAddress });
  return peer;
}

// Source addresses 127.0.0.2 … 127.0.0.(count+1), round-robin (as peerd-load does).
function sources(count) {
  let next = 0;
  return () => `127.0.0.${2 + (next++ % count)}`;
}

const emit = (object) => process.stdout.write(JSON.stringify(object) + "\n");

module.exports = { wire, noise, lncrypto, features, quiet, dial, sources, emit };
