#!/usr/bin/python3
"""Helper of bench/neutron_lists.sh (run it with /usr/bin/python3, which has openstacksdk).

  neutron_lists.py setup COUNT STATE      a project of its own with room for COUNT ports and COUNT rules; a network with a
                                          /20 subnet and COUNT ports on it; a security group with COUNT rules (bulk POSTs
                                          of 250); writes the ids to the STATE json file
  neutron_lists.py sdk STATE ROUNDS       openstacksdk in ONE process: ROUNDS listings of the ports and of the rules (every
                                          page followed), unpaged and in pages of 500; prints one JSON object
  neutron_lists.py teardown STATE         deletes the ports (8 at a time), the network, the project's security groups
                                          (the bench's and Neutron's default one) and the project

Everything is created as los-admin, named oso-bench-*, bounded by COUNT (at most 5000), and deleted by teardown.
"""
import concurrent.futures
import json
import logging
import statistics
import sys
import time

import openstack

logging.getLogger("keystoneauth").setLevel(logging.ERROR)
CHUNK = 250


def connect():
    return openstack.connect(cloud="los-admin")


def setup(count, state_file):
    if not 0 < count <= 5000:
        sys.exit("COUNT must be between 1 and 5000")
    conn = connect()
    tag = "oso-bench-%d" % int(time.time())
    state = {"tag": tag}
    project = conn.identity.create_project(name=tag, domain_id="default", description="bench/neutron_lists.sh")
    state["project"] = project.id
    save(state, state_file)   # saved at every step, so that teardown finds whatever exists after a failure
    conn.network.put("/quotas/%s" % project.id, json={"quota": {"port": count + 50, "security_group_rule": count + 50}}).raise_for_status()
    net = conn.network.post("/networks", json={"network": {"name": tag, "project_id": project.id}}).json()["network"]
    state["network"] = net["id"]
    save(state, state_file)
    conn.network.post("/subnets", json={"subnet": {"name": tag, "network_id": net["id"], "project_id": project.id, "ip_version": 4,
                                                   "cidr": "10.250.0.0/20", "enable_dhcp": False}}).raise_for_status()
    group = conn.network.post("/security-groups", json={"security_group": {"name": tag, "project_id": project.id}}).json()["security_group"]
    state["group"] = group["id"]
    save(state, state_file)
    started = time.perf_counter()
    for first in range(0, count, CHUNK):
        ports = [{"network_id": net["id"], "project_id": project.id, "name": "%s-%d" % (tag, i)} for i in range(first, min(count, first + CHUNK))]
        conn.network.post("/ports", json={"ports": ports}).raise_for_status()
    state["ports_created_s"] = round(time.perf_counter() - started, 1)
    started = time.perf_counter()
    for first in range(0, count, CHUNK):
        rules = [{"security_group_id": group["id"], "project_id": project.id, "direction": "ingress", "ethertype": "IPv4",
                  "protocol": "tcp", "port_range_min": p, "port_range_max": p} for p in range(first + 1, min(count, first + CHUNK) + 1)]
        conn.network.post("/security-group-rules", json={"security_group_rules": rules}).raise_for_status()
    state["rules_created_s"] = round(time.perf_counter() - started, 1)
    save(state, state_file)
    print(json.dumps(state))


def sdk(state_file, rounds):
    state = json.load(open(state_file))
    started = time.perf_counter()
    conn = connect()
    conn.authorize()
    result = {"connect_ms": ms(started)}
    cases = {
        "ports": lambda: list(conn.network.ports(network_id=state["network"])),
        "ports_paged_500": lambda: list(conn.network.ports(network_id=state["network"], limit=500)),
        "rules": lambda: list(conn.network.security_group_rules(security_group_id=state["group"])),
        "rules_paged_500": lambda: list(conn.network.security_group_rules(security_group_id=state["group"], limit=500)),
    }
    for name, case in cases.items():
        times, count = [], 0
        for _ in range(rounds):
            started = time.perf_counter()
            count = len(case())
            times.append(ms(started))
        result[name] = {"count": count, "first_ms": times[0], "median_ms": statistics.median(times), "all_ms": times}
    print(json.dumps(result))


def teardown(state_file):
    try:
        state = json.load(open(state_file))
    except FileNotFoundError:
        return
    conn = connect()
    if "network" in state:
        ports = conn.network.get("/ports?network_id=%s&fields=id" % state["network"]).json()["ports"]
        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda p: conn.network.delete("/ports/%s" % p["id"]), ports))
        conn.network.delete("/networks/%s" % state["network"])
    if "project" in state:
        # the bench's group, and the default group Neutron made for the project (deleting the project would leave it)
        for group in conn.network.get("/security-groups?project_id=%s&fields=id" % state["project"]).json()["security_groups"]:
            conn.network.delete("/security-groups/%s" % group["id"])
        conn.network.delete("/quotas/%s" % state["project"])
        conn.identity.delete_project(state["project"])
    print("deleted %s" % state["tag"])


def ms(started):
    return round((time.perf_counter() - started) * 1000, 1)


def save(state, state_file):
    with open(state_file, "w") as f:
        json.dump(state, f)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "setup":
        setup(int(sys.argv[2]), sys.argv[3])
    elif command == "sdk":
        sdk(sys.argv[2], int(sys.argv[3]))
    elif command == "teardown":
        teardown(sys.argv[2])
    else:
        sys.exit(__doc__)
