# Leaves state in the jail's IPC namespace (SysV message queue, semaphore, POSIX mqueue) for a later run.
import ctypes
import ctypes.util

libc = ctypes.CDLL(None, use_errno=True)
IPC_CREAT = 0o1000
results = [
    'msgget %d' % libc.msgget(0x4172, IPC_CREAT | 0o666),
    'semget %d' % libc.semget(0x4172, 1, IPC_CREAT | 0o666),
    'mq_open %d' % libc.syscall(240, b'arbiter', 0o100 | 2, 0o666, None),
]
print(' '.join(results))
