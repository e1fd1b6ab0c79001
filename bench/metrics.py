"""The Python side of bench/metrics.sh: gnocchiclient (Gnocchi's own SDK; openstacksdk has no Gnocchi proxy).

  metrics.py setup <count> <state.json>   five metrics on the 'high' policy (1 s for an hour); <count> measures
                                          pushed to the 'read' one and waited for until Gnocchi has processed them
  metrics.py read <state.json> <times>    get_measures(granularity=1) <times> times in one process; prints count:ms
  metrics.py write <state.json> <times>   add_measures(<count> measures) <times> times; prints count:ms
  metrics.py measures <state.json>        the measures as the CLI's -m arguments (timestamp@value), one per line
  metrics.py teardown <state.json>        deletes the five metrics
"""
import datetime
import json
import sys
import time
import uuid

import openstack
from gnocchiclient.v1 import client as gnocchi_client


def client():
    conn = openstack.connect(cloud='los-admin')
    return gnocchi_client.Client(session=conn.session)


def measures(count):
    # Whole seconds ending a minute ago: all inside the 'high' policy's one-hour 1 s level.
    end = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0) - datetime.timedelta(minutes=1)
    return [{'timestamp': (end - datetime.timedelta(seconds=count - i)).isoformat(), 'value': float(i % 100)}
            for i in range(count)]


def setup(count, path):
    gnocchi = client()
    tag = uuid.uuid4().hex[:8]
    state = {'count': count}
    for role in ('read', 'module', 'sdk', 'curl', 'cli'):
        state[role] = gnocchi.metric.create({'name': f'oso-bench-{tag}-{role}', 'archive_policy_name': 'high'})['id']
    state['measures'] = measures(count)
    gnocchi.metric.add_measures(state['read'], state['measures'])
    deadline = time.time() + 300
    while len(gnocchi.metric.get_measures(state['read'], granularity=1, refresh=True)) < count:
        if time.time() > deadline:
            raise SystemExit('Gnocchi did not process the measures in 300 s')
        time.sleep(2)
    with open(path, 'w') as f:
        json.dump(state, f)


def timed(times, call):
    gnocchi = client()
    out = []
    for _ in range(times):
        start = time.perf_counter()
        n = call(gnocchi)
        out.append(f'{n}:{(time.perf_counter() - start) * 1000:.0f}')
    print(' '.join(out))


def main():
    command, args = sys.argv[1], sys.argv[2:]
    if command == 'setup':
        setup(int(args[0]), args[1])
        return
    state = json.load(open(args[0]))
    if command == 'read':
        timed(int(args[1]), lambda g: len(g.metric.get_measures(state['read'], granularity=1)))
    elif command == 'write':
        timed(int(args[1]), lambda g: (g.metric.add_measures(state['sdk'], state['measures']), len(state['measures']))[1])
    elif command == 'measures':
        print('\n'.join(f"{m['timestamp']}@{m['value']}" for m in state['measures']))
    elif command == 'teardown':
        gnocchi = client()
        for role in ('read', 'module', 'sdk', 'curl', 'cli'):
            try:
                gnocchi.metric.delete(state[role])
            except Exception as e:  # noqa: BLE001 - teardown goes on
                print(f'could not delete {role} metric: {e}', file=sys.stderr)


if __name__ == '__main__':
    main()
