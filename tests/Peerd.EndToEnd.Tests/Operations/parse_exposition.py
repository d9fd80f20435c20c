#!/usr/bin/env python3
"""Reads a Prometheus text exposition on stdin with prometheus_client's parser (Debian's python3-prometheus-client)
and prints its samples as one JSON line: [{"family", "type", "name", "labels", "value"}, ...]. A page the parser
refuses ends with its error on stderr and exit status 1."""
import json
import sys

from prometheus_client.parser import text_string_to_metric_families

samples = []
for family in text_string_to_metric_families(sys.stdin.read()):
    for sample in family.samples:
        samples.append({"family": family.name, "type": family.type, "name": sample.name,
                        "labels": dict(sample.labels), "value": sample.value})
print(json.dumps(samples))
