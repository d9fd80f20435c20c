// node-lightning's own gossip sync, run against a node: GossipManager with in-memory stores, one peer, gossip_queries.
//
//   node gossip-sync.js <host> <port> <secret-hex> <remote-pubkey-hex> <chain-hex>
//
// Connects, lets GossipManager sync the graph the way it does from any peer that offers gossip_queries
// (query_channel_range over every block, query_short_channel_ids 2,000 at a time, then gossip until 5 s of quiet),
// with every signature checked by its GossipFilter. Writes JSON lines: ready, progress (every 10 s), then synced with
// what its store holds, or error.
//
// node-lightning 0.26 encodes query_short_channel_ids with zlib by default, which BOLT 7 now forbids ("MUST NOT use
// zlib") and which Core Lightning, like Peerd, answers with a warning only. So that the peer sends what the current
// BOLT allows, its queries here use encoding 0 (uncompressed); nothing else of its gossip code is changed.
"use strict";
const { Peer, InitFeatureFlags, GossipManager, GossipMemoryStore, SyncState, QueryShortChannelIdsMessage } = require("@node-lightning/wire");
const { BitField } = require("@node-lightning/core");

const [host, portText, secretHex, remoteHex, chainHex] = process.argv.slice(2);
const serializeQuery = QueryShortChannelIdsMessage.prototype.serialize;
QueryShortChannelIdsMessage.prototype.serialize = function serialize() {
  return serializeQuery.call(this, 0); // encoding type 0: uncompressed
};

const quiet = { info() {}, debug() {}, trace() {}, warn() {}, error() {}, sub() { return quiet; } };
const emit = (event) => process.stdout.write(JSON.stringify(event) + "\n");

async function main() {
  const features = new BitField();
  features.set(InitFeatureFlags.optionDataLossProtectOptional);
  features.set(InitFeatureFlags.gossipQueriesOptional);
  const store = new GossipMemoryStore();
  const manager = new GossipManager(quiet, store, new GossipMemoryStore());
  let errors = 0;
  let firstError = null;
  manager.on("error", (err) => { errors++; firstError = firstError || String(err && err.message); });
  await manager.start();

  const peer = new Peer(Buffer.from(secretHex, "hex"), features, [Buffer.from(chainHex, "hex")], quiet);
  peer.reconnectTimeoutMs = 1e9;
  peer.on("ready", () => emit({ event: "ready", remoteFeatures: peer.remoteFeatures.toBuffer().toString("hex") }));
  peer.on("error", (err) => emit({ event: "error", message: String(err && err.message) }));
  manager.addPeer(peer);
  peer.connect(Buffer.from(remoteHex, "hex"), host, Number(portText));

  const started = Date.now();
  const counts = () => ({
    channels: store.channelAnnouncementCount,
    updates: store.channelUpdateCount,
    nodes: store.nodeAnnouncementCount,
    errors,
    firstError,
    seconds: (Date.now() - started) / 1000,
  });
  let lastProgress = Date.now();
  const timer = setInterval(() => {
    if (manager.syncState === SyncState.Synced) {
      clearInterval(timer);
      emit({ event: "synced", ...counts() });
      peer.disconnect();
      setTimeout(() => process.exit(0), 50);
    } else if (Date.now() - lastProgress >= 10000) {
      lastProgress = Date.now();
      emit({ event: "progress", ...counts() });
    }
  }, 200);
}

main().catch((err) => { emit({ event: "error", message: String(err && err.stack) }); process.exit(1); });
