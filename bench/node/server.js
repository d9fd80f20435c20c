// node-lightning as a server: a @node-lightning/wire PeerServer that completes init, answers pings (its
// PingPongState) and reads and ignores everything else. Prints {"event":"listening","port":…,"pubkey":…} once
// listening; exits when stdin closes.
//
//   node bench/node/server.js [host]
"use strict";
const { wire, lncrypto, features, quiet, emit } = require("./lib");

const host = process.argv[2] || "127.0.0.1";
const ls = lncrypto.createPrivateKey();
const server = new wire.PeerServer(host, 0, ls, features(), [], quiet);
server.on("peer", (peer) => {
  // Flowing mode: deserialized messages are dropped as they come (unknown odd ones deserialize to nothing).
  peer.on("data", () => {});
  peer.on("error", () => {});
  peer.socket.on("error", () => {});
  peer.socket.on("close", () => peer.pingPongState.onDisconnecting());
});
server.listen();
server._server.on("listening", () => {
  emit({ event: "listening", port: server._server.address().port, pubkey: lncrypto.getPublicKey(ls, true).toString("hex") });
});
process.stdin.on("data", () => {});
process.stdin.on("end", () => process.exit(0));
