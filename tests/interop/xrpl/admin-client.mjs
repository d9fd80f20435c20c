// Drives Peerd's admin API the way wallets and tools do: xrpl.js (npm `xrpl`) over WebSocket. Each request's
// response (or error) is printed as one JSON object per line; the process exits after the last one.
//
//   node admin-client.mjs ws://127.0.0.1:5005 '{"command":"ping"}' '{"command":"connect","ip":"127.0.0.1","port":51235}' …
import { Client } from 'xrpl';

const [url, ...requests] = process.argv.slice(2);
const client = new Client(url, { connectionTimeout: 10000, timeout: 30000 });
await client.connect();
for (const text of requests) {
  try {
    const response = await client.request(JSON.parse(text));
    process.stdout.write(JSON.stringify({ ok: true, response }) + '\n');
  } catch (e) {
    process.stdout.write(JSON.stringify({ ok: false, name: e.name, message: e.message, data: e.data ?? null }) + '\n');
  }
}
await client.disconnect();
