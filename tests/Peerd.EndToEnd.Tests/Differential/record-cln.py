#!/usr/bin/env python3
"""Records Core Lightning's replies to the requests in requests.json, for the differential corpus.

Run against a real lightningd (not in CI: Core Lightning is built from its release source on a developer's machine):

    record-cln.py --socket DIR/regtest/lightning-rpc --version v25.12.1 \
        --peer-id ID --peer-port PORT --self-id ID --self-port PORT --closed-port PORT > cln-v25.12.1.json

The peer is any node listening on 127.0.0.1:PORT (a Peerd daemon, so that its features are the same in the replay).
Each request goes on a fresh connection; after the reply a follow-up request tells whether the connection stayed
open (it is answered) or was closed (end of stream). Volatile values in the replies (the node ids and ports given
above) are replaced by their placeholders; everything else is kept as Core Lightning wrote it.
"""
import argparse
import json
import os
import socket
import sys

FOLLOW_UP = b'{"jsonrpc":"2.0","id":"follow-up","method":"help","params":["help"]}'


def read_message(sock, pending):
    while b"\n\n" not in pending[0]:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        pending[0] += chunk
    message, _, rest = pending[0].partition(b"\n\n")
    pending[0] = rest
    return message.decode()


def normalise(value, values):
    """Ids and ports to their placeholders: inside strings (longest first), and numbers equal to a port."""
    volatile = sorted(((p, v) for p, v in values.items() if p != "$UNKNOWN_ID"), key=lambda kv: -len(kv[1]))
    if isinstance(value, dict):
        return {k: normalise(v, values) for k, v in value.items()}
    if isinstance(value, list):
        return [normalise(v, values) for v in value]
    if isinstance(value, str):
        for placeholder, text in volatile:
            value = value.replace(text, placeholder)
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        for placeholder, text in volatile:
            if placeholder.endswith("_PORT") and str(value) == text:
                return placeholder
    return value


def main():
    parser = argparse.ArgumentParser()
    for name in ("socket", "version", "peer-id", "peer-port", "self-id", "self-port", "closed-port"):
        parser.add_argument("--" + name, required=True)
    args = parser.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "requests.json")) as f:
        spec = json.load(f)
    values = {
        "$PEER_ID": args.peer_id, "$PEER_PORT": args.peer_port, "$SELF_ID": args.self_id,
        "$SELF_PORT": args.self_port, "$CLOSED_PORT": args.closed_port,
        "$UNKNOWN_ID": "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798",
    }
    cases = []
    for case in spec["cases"]:
        request = case["request"]
        for placeholder, value in values.items():
            request = request.replace(placeholder, value)
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(60)
        sock.connect(args.socket)
        sock.sendall(request.encode())
        pending = [b""]
        reply = read_message(sock, pending)
        try:
            sock.sendall(FOLLOW_UP)
            closes = read_message(sock, pending) is None
        except OSError:
            closes = True
        sock.close()
        recorded = {"name": case["name"], "compare": case.get("compare", "exact"),
                    "response": normalise(json.loads(reply), values), "closes": closes}
        cases.append(recorded)
    json.dump({"about": "Core Lightning's replies to requests.json, recorded by record-cln.py from a real lightningd "
                        "(regtest). Replayed against Peerd by DifferentialTests; deliberate differences are listed in "
                        "differences.json.",
               "cln_version": args.version, "cases": cases}, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
