#!/usr/bin/python3
"""openstacksdk baseline for bench/run.sh: the same 10 list calls as the module's script, in ONE resident
process, plus the per-call time of a flavor list. Run it with /usr/bin/python3 (the Debian interpreter that has
openstacksdk; the pyenv `python3` on PATH does not).

  export OS_CLIENT_CONFIG_FILE=/var/lib/los/clouds.yaml
  /usr/bin/python3 bench/sdk_ten_lists.py                 # standalone: prints one JSON object (all figures)
  /usr/bin/python3 bench/sdk_ten_lists.py --one-shot      # connect + the 10 calls once, then exit
  /usr/bin/python3 bench/sdk_ten_lists.py --serve         # the bench drives it: one JSON command per stdin line

--serve lets the C# bench interleave SDK and module measurements in small blocks, so that load from anything
else on the machine hits both alike. Commands (one JSON object per line; one JSON answer per line):
  {"op": "flavor", "n": 10}   n flavor lists on the warm connection -> {"ms": [...]}
  {"op": "adapter", "n": 10}  n raw adapter GETs of /flavors/detail  -> {"ms": [...]}
  {"op": "ten"}               the 10 calls on the warm connection    -> {"ten_ms": x, "steps": [...]}
  {"op": "fresh"}             new connection: connect + authorize, then the 10 calls
                              -> {"auth_ms": x, "ten_ms": y, "connect_and_ten_ms": z, "steps": [...]}
  {"op": "quit"}
Every loop is bounded by a count (at most 10000); only the endpoints of the cloud's catalog are contacted.
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
MAX_COUNT = 10000


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


def fresh(cloud):
    """A new connection (config, token, version discovery), then the 10 calls."""
    t0 = time.perf_counter()
    conn = openstack.connect(cloud=cloud)
    conn.authorize()
    t_auth = time.perf_counter()
    total, steps = ten(conn)
    result = {"auth_ms": ms(t_auth - t0), "ten_ms": total, "connect_and_ten_ms": ms(time.perf_counter() - t0), "steps": steps}
    conn.close()
    return result


def flavor_lists(conn, n):
    out = []
    for _ in range(n):
        s = time.perf_counter()
        list(conn.compute.flavors())
        out.append(ms(time.perf_counter() - s))
    return out


def adapter_gets(conn, n):
    """The same URL through the SDK's keystoneauth adapter, without the resource layer."""
    out = []
    for _ in range(n):
        s = time.perf_counter()
        conn.compute.get("/flavors/detail", microversion="2.61").json()
        out.append(ms(time.perf_counter() - s))
    return out


def count(value):
    n = int(value)
    if not 0 <= n <= MAX_COUNT:
        raise ValueError(f"counts must be between 0 and {MAX_COUNT}")
    return n


def serve(cloud):
    conn = openstack.connect(cloud=cloud)
    conn.authorize()
    ten(conn)  # load the lazily imported proxies and discover every service once
    print(json.dumps({"ready": True, "sdk_version": openstack.version.__version__, "python": sys.version.split()[0],
                      "import_ms": ms(T_IMPORTED - T_START)}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        cmd = json.loads(line)
        op = cmd.get("op")
        if op == "flavor":
            answer = {"ms": flavor_lists(conn, count(cmd.get("n", 1)))}
        elif op == "adapter":
            answer = {"ms": adapter_gets(conn, count(cmd.get("n", 1)))}
        elif op == "ten":
            total, steps = ten(conn)
            answer = {"ten_ms": total, "steps": steps}
        elif op == "fresh":
            answer = fresh(cloud)
        elif op == "quit":
            break
        else:
            answer = {"error": f"unknown op {op!r}"}
        print(json.dumps(answer), flush=True)
    conn.close()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--cloud", default="los-admin")
    p.add_argument("--fresh-rounds", type=count, default=10, help="rounds on a NEW connection each (auth + discovery)")
    p.add_argument("--warm-rounds", type=count, default=20, help="rounds on one warm connection")
    p.add_argument("--flavor-calls", type=count, default=200)
    p.add_argument("--flavor-warmup", type=count, default=20)
    p.add_argument("--one-shot", action="store_true", help="only connect + the 10 calls once, then exit (a new script's cost)")
    p.add_argument("--serve", action="store_true", help="answer JSON commands on stdin (used by the bench)")
    a = p.parse_args()
    if a.serve:
        serve(a.cloud)
        return

    out = {"sdk_version": openstack.version.__version__, "python": sys.version.split()[0],
           "import_ms": ms(T_IMPORTED - T_START), "steps": [s for s, _ in STEPS]}

    # The first connection of the process: it also loads the lazily imported proxy modules.
    first = fresh(a.cloud)
    out["first_auth_ms"], out["first_round_in_process_ms"] = first["auth_ms"], first["ten_ms"]
    out["first_round_in_process_steps"] = first["steps"]
    if a.one_shot:
        out["total_process_ms"] = ms(time.perf_counter() - T_START)
        print(json.dumps(out))
        return

    # Fresh connections: connect (config) + token + the 10 calls, version discovery included, as a new script would.
    out["fresh"] = [fresh(a.cloud) for _ in range(a.fresh_rounds)]

    # Warm: one connection, token and discovery done, the 10 calls again and again.
    conn = openstack.connect(cloud=a.cloud)
    conn.authorize()
    ten(conn)
    out["warm"] = [dict(zip(("ten_ms", "steps"), ten(conn))) for _ in range(a.warm_rounds)]

    # Per flavor list on the warm connection: the SDK's proxy call, and its raw adapter GET of the same URL.
    flavor_lists(conn, a.flavor_warmup)
    out["flavor_list_ms"] = flavor_lists(conn, a.flavor_calls)
    out["adapter_get_ms"] = adapter_gets(conn, a.flavor_calls)
    conn.close()
    out["flavor_list_median_ms"] = statistics.median(out["flavor_list_ms"]) if out["flavor_list_ms"] else None
    out["total_process_ms"] = ms(time.perf_counter() - T_START)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
