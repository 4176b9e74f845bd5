# First run marks the scratch mounts (xattrs, modes, a locked-down directory); a later run looks.
import os
import sys

if sys.stdin.read().strip() == 'plant':
    for root in ('/tmp', '/dev/shm'):
        try:
            os.setxattr(root, 'user.arbiter', b'planted')
        except OSError:
            pass
    os.makedirs('/tmp/locked/inner', exist_ok=True)
    with open('/tmp/locked/inner/secret', 'w') as f:
        f.write('planted')
    os.chmod('/tmp/locked/inner', 0)
    os.chmod('/tmp/locked', 0)
    os.mkfifo('/tmp/fifo')
    os.symlink('/usr/bin/python3', '/tmp/link')
    print('planted')
else:
    seen = []
    for root in ('/tmp', '/dev/shm'):
        try:
            seen += os.listxattr(root)
        except OSError:
            pass
        seen += os.listdir(root)
    print('left over', sorted(seen))
