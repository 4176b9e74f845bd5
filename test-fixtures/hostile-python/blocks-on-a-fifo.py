# Opens a FIFO nobody will ever write to, and blocks forever in open().
import os

if not os.path.exists('/tmp/never'):
    os.mkfifo('/tmp/never')
with open('/tmp/never') as f:
    print(f.read())
