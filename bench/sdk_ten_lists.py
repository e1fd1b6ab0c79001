#!/usr/bin/python3
"""openstacksdk baseline for bench/run.sh: the same 10 list calls as the module's script, in ONE resident
process, plus the per-call time of a flavor list. Run with /usr/bin/python3 (the Debian interpreter that has
openstacksdk; the pyenv `python3` on PATH does not). Prints one JSON object on stdout; diagnostics go to stderr.

  OS_CLIENT_CONFIG_FILE=/var/lib/los/clouds.yaml /usr/bin/python3 bench/sdk_ten_lists.py --cloud los-admin

Every loop is bounded by its command-line count; only the endpoints of the cloud's catalog are contacted.
"""
import argparse
import json
import logging
import statistics
import sys
import time

T_START = time.perf_counter()
import openstack  # noqa: E402  (timed: the import is part of what a script pays once)
T_IMPORTED = time.perf_counter()

# The swift endpoint has no version document; keystoneauth logs a harmless warning per discovery.
logging.getLogger("keystoneauth").setLevel(logging.ERROR)

STEPS = [
    ("flavor list", lambda c: list(c.compute.flavors())),
    ("image list", lambda c: list(c.image.images())),
    ("server list", lambda c: list(c.compute.servers())),
    ("network list", lambda c: list(c.network.networks())),
    ("volume list", lambda c: list(c.block_storage.volumes())),
    ("stack list", lambda c: list(c.orchestration.stacks())),
    ("container list", lambda c: list(c.object_store.containers())),
    ("availability zone list", lambda c: list(c.compute.availability_zones())),
    ("keypair list", lambda c: list(c.compute.keypairs())),
    ("flavor list (2nd)", lambda c: list(c.compute.flavors())),
]


def ms(seconds):
    return round(seconds * 1000.0, 3)


def ten(conn):
    """Runs the 10 calls; returns (total ms, per-step ms)."""
    steps = []
    t0 = time.perf_counter()
    for _, call in STEPS:
        s = time.perf_counter()
        call(conn)
        steps.append(ms(time.perf_counter() - s))
    return ms(time.perf_counter() - t0), steps


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--cloud", default="los-admin")
    p.add_argument("--fresh-rounds", type=int, default=10, help="rounds on a NEW connection each (auth + discovery)")
    p.add_argument("--warm-rounds", type=int, default=20, help="rounds on one warm connection")
    p.add_argument("--flavor-calls", type=int, default=200)
    p.add_argument("--flavor-warmup", type=int, default=20)
    a = p.parse_args()
    for n in (a.fresh_rounds, a.warm_rounds, a.flavor_calls, a.flavor_warmup):
        if not 0 <= n <= 10000:
            sys.exit("counts must be between 0 and 10000")

    out = {"sdk_version": openstack.version.__version__, "python": sys.version.split()[0],
           "import_ms": ms(T_IMPORTED - T_START), "steps": [s for s, _ in STEPS]}

    # A throw-away round first, so that the lazily imported proxy modules are loaded before anything is timed.
    warm = openstack.connect(cloud=a.cloud)
    t = time.perf_counter()
    warm.authorize()
    out["first_auth_ms"] = ms(time.perf_counter() - t)
    out["first_round_in_process_ms"], out["first_round_in_process_steps"] = ten(warm)
    warm.close()

    # Fresh connections: connect (config) + token + the 10 calls, version discovery included, as a new script would.
    fresh = []
    for _ in range(a.fresh_rounds):
        t0 = time.perf_counter()
        conn = openstack.connect(cloud=a.cloud)
        conn.authorize()
        t_auth = time.perf_counter()
        total, steps = ten(conn)
        fresh.append({"auth_ms": ms(t_auth - t0), "ten_ms": total,
                      "connect_and_ten_ms": ms(time.perf_counter() - t0), "steps": steps})
        conn.close()
    out["fresh"] = fresh

    # Warm: one connection, token and discovery done, the 10 calls again and again.
    conn = openstack.connect(cloud=a.cloud)
    conn.authorize()
    ten(conn)
    out["warm"] = [dict(zip(("ten_ms", "steps"), ten(conn))) for _ in range(a.warm_rounds)]

    # Per flavor list on the warm connection: the SDK's proxy call, and its raw adapter GET of the same URL.
    for _ in range(a.flavor_warmup):
        list(conn.compute.flavors())
    flav = []
    for _ in range(a.flavor_calls):
        s = time.perf_counter()
        list(conn.compute.flavors())
        flav.append(ms(time.perf_counter() - s))
    out["flavor_list_ms"] = flav
    raw = []
    for _ in range(a.flavor_calls):
        s = time.perf_counter()
        r = conn.compute.get("/flavors/detail", microversion="2.61")
        r.json()
        raw.append(ms(time.perf_counter() - s))
    out["adapter_get_ms"] = raw
    conn.close()
    out["flavor_list_median_ms"] = statistics.median(flav) if flav else None
    out["total_process_ms"] = ms(time.perf_counter() - T_START)
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
