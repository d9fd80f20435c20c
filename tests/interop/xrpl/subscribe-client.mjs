// xrpl.js (npm `xrpl`) subscribed to Peerd's streams over WebSocket, as a monitoring tool would be: prints
// {"event":"subscribed"} once the subscribe call succeeded, then every stream message xrpl.js emits
// (validationReceived, manifestReceived, peerStatusChange) as one JSON object per line, until killed.
//
//   node subscribe-client.mjs ws://127.0.0.1:5005 validations manifests …
import { Client } from 'xrpl';

const [url, ...streams] = process.argv.slice(2);
const client = new Client(url, { connectionTimeout: 10000, timeout: 30000 });
for (const name of ['validationReceived', 'manifestReceived', 'peerStatusChange']) {
  client.on(name, (message) => process.stdout.write(JSON.stringify({ event: name, message }) + '\n'));
}
await client.connect();
try {
  const response = await client.request({ command: 'subscribe', streams });
  process.stdout.write(JSON.stringify({ event: 'subscribed', response }) + '\n');
} catch (e) {
  process.stdout.write(JSON.stringify({ event: 'refused', name: e.name, message: e.message, data: e.data ?? null }) + '\n');
}
