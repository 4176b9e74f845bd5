import socket

port = int(input())
for host in ('127.0.0.1', '::1'):
    for p in (6379, port):
        try:
            socket.create_connection((host, p), timeout=0.2).close()
            print('connected', host, p)
        except OSError as exc:
            print('refused', type(exc).__name__)
