# memfd_create and SysV shm are refused by seccomp; /dev/shm and /tmp are small tmpfs mounts.
import ctypes

libc = ctypes.CDLL(None, use_errno=True)
print('memfd', libc.syscall(319, b'x', 0), 'shmget', libc.shmget(0, 1 << 30, 0o1600))
for path in ('/dev/shm/fill', '/tmp/fill'):
    try:
        with open(path, 'wb') as f:
            for _ in range(1024):
                f.write(b'\0' * (1024 * 1024))
        print(path, 'filled')
    except OSError as exc:
        print(path, 'stopped', type(exc).__name__)
