# pidfd_getfd / ptrace / process_vm_readv against PID 1 (the harness) must all be refused.
import ctypes
import os

libc = ctypes.CDLL(None, use_errno=True)
results = []
pidfd = libc.syscall(434, 1, 0)  # pidfd_open (allowed), harness is PID 1
results.append('pidfd_getfd=%d' % libc.syscall(438, pidfd, 3, 0))
results.append('ptrace=%d' % libc.ptrace(16, 1, 0, 0))  # PTRACE_ATTACH
results.append('proc=%s' % os.path.exists('/proc/1/fd/3'))
print(' '.join(results))
