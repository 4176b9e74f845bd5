# Test 0 leaves a detached grandchild writing a heartbeat; test 1 reports whether it still beats.
import os
import sys
import time

if sys.stdin.read().strip() == 'spawn':
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            for i in range(10 ** 6):
                with open('/tmp/heartbeat', 'w') as f:
                    f.write(str(i))
                print('FORGED', flush=True)
                time.sleep(0.005)
        os._exit(0)
    time.sleep(0.05)
    print('spawned')
else:
    def beat():
        try:
            return open('/tmp/heartbeat').read()
        except OSError:
            return None
    first = beat()
    time.sleep(0.1)
    print('daemon alive' if beat() != first else 'daemon gone')
