#!/usr/bin/python3
"""Writes a pcap of known flows for the exporter interop test: `make-pcap.py OUT.pcap`.

Forty IPv4 and IPv6 conversations (TCP and UDP, several DSCP values, both directions), each packet a
few milliseconds apart, all inside three seconds. The test reads the totals back out of the pcap with
tshark, so nothing here needs to agree with anything else.
"""
import random
import sys

try:
    from scapy.all import IP, TCP, UDP, Ether, IPv6, Raw, wrpcap
except ImportError:
    sys.exit("make-pcap.py needs scapy: apt-get install python3-scapy")

random.seed(30)
T0 = 1_700_000_000.0
packets = []
t = 0.0


def emit(pkt):
    global t
    t += 0.003
    pkt = Ether(bytes(Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02") / pkt))
    pkt.time = T0 + t
    packets.append(pkt)


conversations = []
for i in range(40):
    v6 = i % 5 == 4
    kind = i % 4
    if kind == 0:
        proto, sport, dport, dscp = "udp", 16384 + i, 16500 + i, 46  # voice
    elif kind == 1:
        proto, sport, dport, dscp = "tcp", 40000 + i, random.choice([443, 80]), 0  # web
    elif kind == 2:
        proto, sport, dport, dscp = "udp", 30000 + i, 53, 10  # dns
    else:
        proto, sport, dport, dscp = "tcp", 45000 + i, 10000 + i, 8  # anything else
    if v6:
        src, dst = f"2001:db8:1::{i + 1:x}", f"2001:db8:2::{i + 1:x}"
    else:
        src, dst = f"10.20.{i}.1", f"10.30.{i}.2"
    conversations.append((v6, proto, src, dst, sport, dport, dscp, random.randint(2, 12), random.randint(0, 8)))

for v6, proto, src, dst, sport, dport, dscp, forward, back in conversations:
    for direction, count in (("fwd", forward), ("back", back)):
        for n in range(count):
            a, b, pa, pb = (src, dst, sport, dport) if direction == "fwd" else (dst, src, dport, sport)
            l3 = IPv6(src=a, dst=b, tc=dscp << 2) if v6 else IP(src=a, dst=b, tos=dscp << 2)
            l4 = UDP(sport=pa, dport=pb) if proto == "udp" else TCP(sport=pa, dport=pb, flags="PA")
            emit(l3 / l4 / Raw(b"x" * random.randint(20, 1200)))

wrpcap(sys.argv[1], packets)
