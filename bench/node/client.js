// node-lightning as a client of any BOLT 8 listener (node-lightning's own server.js, or a Peerd daemon). Prints one
// JSON line with the result, including the CPU time this process spent in the timed part (cpuMicros).
//
//   node bench/node/client.js handshakes <host> <port> <pubkey> <concurrency> <seconds> [sources]
//     full handshakes + init exchanges, then a close, in a loop from <concurrency> workers
//   node bench/node/client.js messages <host> <port> <pubkey> <size> <connections> <seconds> [sources]
//     <size>-byte unknown odd messages (type 32769) sent as fast as the socket drains, then one ping whose pong
//     proves the far end read them all
"use strict";
const { lncrypto, dial, sources, emit, wire } = require("./lib");

const [mode, host, portText, pubkeyHex, a, b, c, d] = process.argv.slice(2);
const port = Number(portText);
const rpk = Buffer.from(pubkeyHex, "hex");
const now = () => Number(process.hrtime.bigint()) / 1e9;

function connectReady(ls, localAddress) {
  return new Promise((resolve, reject) => {
    const peer = dial({ ls, rpk, host, port, localAddress });
    peer.on("ready", () => resolve(peer));
    peer.on("error", reject);
    peer.socket.on("error", reject);
    peer.socket.on("close", () => reject(new Error("closed before ready")));
  });
}

async function handshakes(concurrency, seconds, sourceCount) {
  const next = sources(sourceCount);
  // Keys made before the clock starts, and rotated per worker, so a node id is never reused while its last
  // connection may still be closing on the far end.
  const keys = Array.from({ length: concurrency * 32 }, () => lncrypto.createPrivateKey());
  let done = 0, errors = 0;
  const cpu = process.cpuUsage();
  const start = now();
  const until = start + seconds;
  async function worker(w) {
    for (let i = 0; now() < until; i++) {
      try {
        const peer = await connectReady(keys[w + concurrency * (i % 32)], next());
        peer.socket.removeAllListeners("close");
        peer.pingPongState.onDisconnecting();
        peer.socket.destroy();
        done++;
      } catch (e) {
        errors++;
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  const elapsed = now() - start;
  const used = process.cpuUsage(cpu);
  emit({ mode: "handshakes", concurrency, handshakes: done, errors, seconds: elapsed, rate: done / elapsed, cpuMicros: used.user + used.system });
}

async function messages(size, connections, seconds, sourceCount) {
  const next = sources(sourceCount);
  const body = Buffer.alloc(size, 0x5a);
  body.writeUInt16BE(32769, 0);
  const peers = [];
  for (let i = 0; i < connections; i++) peers.push(await connectReady(lncrypto.createPrivateKey(), next()));
  let total = 0;
  const cpu = process.cpuUsage();
  const start = now();
  const until = start + seconds;
  async function run(peer) {
    let sent = 0;
    while (now() < until) {
      // Batches of 256 regardless of the writable's high-water mark (2 KiB), then wait for the drain: the most
      // generous use of node-lightning's API.
      let ok = true;
      for (let k = 0; k < 256; k++, sent++) ok = peer.send(body);
      if (!ok) await new Promise((resolve) => peer.socket.once("drain", resolve));
    }
    await new Promise((resolve) => {
      peer.on("rawmessage", (raw) => { if (raw.readUInt16BE(0) === 19) resolve(); });
      const ping = new wire.PingMessage();
      ping.numPongBytes = 1;
      peer.sendMessage(ping);
    });
    total += sent;
  }
  await Promise.all(peers.map(run));
  const elapsed = now() - start;
  for (const peer of peers) { peer.pingPongState.onDisconnecting(); peer.socket.destroy(); }
  const used = process.cpuUsage(cpu);
  emit({ mode: "messages", size, connections, messages: total, bytes: total * size, seconds: elapsed, rate: total / elapsed, cpuMicros: used.user + used.system });
}

(async () => {
  if (mode === "handshakes") await handshakes(Number(a), Number(b), Number(c || 200));
  else if (mode === "messages") await messages(Number(a), Number(b), Number(c), Number(d || 200));
  else { process.stderr.write("usage: client.js handshakes|messages …\n"); process.exit(3); }
  process.exit(0);
})().catch((e) => { process.stderr.write(String(e && e.stack) + "\n"); process.exit(1); });
