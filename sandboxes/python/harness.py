# Arbiter Python harness: runs as PID 1 inside the bubblewrap jail, never runs user code itself.
#
# Contract (host <-> harness; the host side is sandboxes/python/protocol.ts):
#   fd 0  : the run nonce, 32 ASCII bytes, then EOF. Read into a bytearray before anything else.
#   fd 3  : the result channel (write end of a host pipe). Only this process ever writes to it;
#           every child closes it before user code runs, and the jail has no /proc and a seccomp
#           filter (ptrace, pidfd_getfd, process_vm_*) so no child can reach it again.
#   /job/spec           : "arbiter-job 1" then "time_limit_ms N", "memory_limit_mb N",
#                         "max_output_bytes N", "tests N", then one line per test: "stdio" or "call <fn>".
#   /job/solution.py    : the program (bytes, compiled here once, executed only in children).
#   /job/in/<i>         : test i's stdin (stdio) or its arguments as a JSON array (call).
# Records on fd 3, one per test in order, then a final one:
#   "<nonce> <i> <status> <n>\n<n payload bytes>\n"      status: ok | runtime_error | timeout |
#   "<nonce> done - 0\n\n"                                memory_limit | output_limit | compile_error
# Payload: ok+stdio = raw stdout bytes; ok+call = the result as JSON (UTF-8); otherwise a short,
# deterministic detail (exception type names and fixed phrases only: no messages, no addresses).
import os
import sys
import time
import select
import resource

RESULT_FD = 3
MIB = 1024 * 1024
REPORT_STATUSES = (b'ok', b'runtime_error', b'memory_limit', b'output_limit')
WARM_MODULES = ('typing', 'collections', 'itertools', 'functools', 'heapq', 'bisect', 'math', 're',
                'string', 'fractions', 'decimal', 'random', 'copy', 'operator', 'dataclasses', 'statistics')
TYPING_NAMES = ('List', 'Dict', 'Tuple', 'Set', 'Optional', 'Any', 'Union', 'Deque')

_write = os.write
_monotonic = time.monotonic


def read_nonce():
    nonce = bytearray(32)
    view = memoryview(nonce)
    got = 0
    while got < 32:
        n = os.readv(0, [view[got:]])
        if n == 0:
            raise SystemExit(2)
        got += n
    devnull = os.open('/dev/null', os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    return nonce


def read_spec():
    with open('/job/spec', 'rb') as f:
        lines = f.read().decode('ascii').split('\n')
    if lines[0] != 'arbiter-job 1':
        raise SystemExit(3)
    head = dict(line.split(' ', 1) for line in lines[1:5])
    count = int(head['tests'])
    tests = []
    for line in lines[5:5 + count]:
        kind, _, fn = line.partition(' ')
        tests.append((kind, fn))
    return int(head['time_limit_ms']), int(head['memory_limit_mb']), int(head['max_output_bytes']), tests


def emit(nonce, index, status, payload):
    header = b' %s %s %d\n' % (str(index).encode(), status.encode(), len(payload))
    data = [nonce, header, payload, b'\n']
    while data:
        written = os.writev(RESULT_FD, data)
        while data and written >= len(data[0]):
            written -= len(data[0])
            data.pop(0)
        if written:
            data[0] = data[0][written:]


def type_name(exc):
    try:
        name = type(exc).__name__
        return name[:80] if type(name) is str else 'Exception'
    except BaseException:
        return 'Exception'


def child_main(kind, fn, in_fd, out_w, res_w, code, nonce, limits, json_mod):
    # Runs in the forked child: from here on user code may run, so nothing below trusts the process.
    time_limit_ms, memory_limit_mb, max_output_bytes = limits
    report = b'runtime_error\nharness'
    try:
        nonce[:] = bytes(len(nonce))
        null = os.open('/dev/null', os.O_WRONLY)
        os.dup2(in_fd, 0)
        os.dup2(out_w, 1)
        os.dup2(null, 2)
        for fd in (in_fd, out_w, null, RESULT_FD):
            os.close(fd)
        cpu_s = max(1, -(-time_limit_ms // 1000))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_s, cpu_s + 1))
        resource.setrlimit(resource.RLIMIT_AS, (memory_limit_mb * MIB, memory_limit_mb * MIB))
        resource.setrlimit(resource.RLIMIT_FSIZE, (8 * MIB, 8 * MIB))
        resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))
        resource.setrlimit(resource.RLIMIT_NPROC, (32, 32))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        report = run_user(kind, fn, code, max_output_bytes, json_mod)
    except MemoryError:
        report = b'memory_limit\nMemoryError'
    except BaseException as exc:
        report = b'runtime_error\n' + type_name(exc).encode()
    try:
        for stream in (sys.stdout, sys.__stdout__):
            stream.flush()
    except MemoryError:
        report = b'memory_limit\nMemoryError'
    except BaseException as exc:
        if report.startswith(b'ok\n'):
            report = b'runtime_error\n' + type_name(exc).encode()
    try:
        view = memoryview(report)
        while view:
            view = view[os.write(res_w, view):]
    finally:
        os._exit(0)


def run_user(kind, fn, code, max_output_bytes, json_mod):
    builtins = sys.modules['builtins']
    if kind == 'stdio':
        module = type(sys)('__main__')
        module.__dict__['__builtins__'] = builtins
        module.__file__ = 'solution.py'
        sys.modules['__main__'] = module
        sys.argv = ['solution.py']
        try:
            exec(code, module.__dict__)
        except SystemExit as exc:
            status = exc.code
            if status is not None and status != 0:
                return b'runtime_error\nexit status %d' % (status if type(status) is int else 1)
        return b'ok\n'
    with open('/job/in/%d' % CURRENT_TEST, 'rb') as f:
        args = json_mod.loads(f.read())
    dumps = json_mod.dumps
    module = type(sys)('solution')
    module.__dict__['__builtins__'] = builtins
    if 'typing' in sys.modules:
        typing = sys.modules['typing']
        for name in TYPING_NAMES:
            module.__dict__[name] = getattr(typing, name)
    sys.modules['solution'] = module
    try:
        exec(code, module.__dict__)
        target = module.__dict__.get(fn)
        if target is None and isinstance(module.__dict__.get('Solution'), type):
            target = getattr(module.__dict__['Solution'](), fn, None)
        if not callable(target):
            return b'runtime_error\nno callable named ' + fn.encode()[:80]
        result = target(*args)
    except SystemExit:
        return b'runtime_error\nSystemExit'
    try:
        text = dumps(result, allow_nan=False, ensure_ascii=False, separators=(',', ':'))
        if type(text) is not str:
            raise TypeError
        payload = text.encode('utf-8')
    except MemoryError:
        raise
    except BaseException as exc:
        return b'runtime_error\nresult is not JSON-serialisable (' + type_name(exc).encode() + b')'
    if len(payload) > max_output_bytes:
        return b'output_limit\nresult exceeds %d bytes' % max_output_bytes
    return b'ok\n' + payload


def read_some(fd, buf, cap):
    """Reads what is available; returns False at EOF or when nothing is left to read now."""
    try:
        chunk = os.read(fd, 65536)
    except BlockingIOError:
        return False
    if not chunk:
        return False
    if len(buf) <= cap:
        buf += chunk
    return True


def kill_everyone_else():
    # We are PID 1 of the jail's PID namespace: kill(-1) reaches every other process in it
    # (double-fork daemons included) and orphans are ours to reap.
    while True:
        try:
            os.kill(-1, 9)
        except ProcessLookupError:
            pass
        try:
            while os.waitpid(-1, 0):
                pass
        except ChildProcessError:
            return


def supervise(pid, out_r, res_r, deadline_s, max_output_bytes, cpu_s):
    out, res = bytearray(), bytearray()
    res_cap = max_output_bytes + 4096
    pidfd = os.pidfd_open(pid)
    for fd in (out_r, res_r):
        os.set_blocking(fd, False)
    open_fds = [out_r, res_r]
    verdict = None
    status = None
    while verdict is None:
        remaining = deadline_s - _monotonic()
        if remaining <= 0:
            verdict = ('timeout', b'time limit exceeded')
            break
        ready, _, _ = select.select(open_fds + [pidfd], [], [], remaining)
        for fd in ready:
            if fd == pidfd:
                _, status, usage = os.wait4(pid, 0)
                for fd2 in open_fds:
                    while read_some(fd2, out if fd2 == out_r else res, res_cap):
                        if len(out) > max_output_bytes or len(res) > res_cap:
                            break
                verdict = ('exited', usage)
            elif not read_some(fd, out if fd == out_r else res, res_cap):
                open_fds.remove(fd)
        if len(out) > max_output_bytes:
            verdict = ('output_limit', b'stdout exceeds %d bytes' % max_output_bytes)
        elif len(res) > res_cap:
            verdict = ('output_limit', b'result exceeds %d bytes' % max_output_bytes)
    os.close(pidfd)
    kill_everyone_else()
    os.close(out_r)
    os.close(res_r)
    if verdict[0] != 'exited':
        return verdict
    usage = verdict[1]
    report_status, _, payload = bytes(res).partition(b'\n')
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        if sig == 24 or (sig == 9 and usage.ru_utime + usage.ru_stime >= cpu_s):
            return ('timeout', b'cpu time limit exceeded')
        if sig == 25:
            return ('output_limit', b'file size limit exceeded')
        return ('runtime_error', b'killed by signal %d' % sig)
    code = os.WEXITSTATUS(status)
    if report_status not in REPORT_STATUSES:
        if CURRENT_KIND == 'stdio' and code == 0 and not res:
            return ('ok', bytes(out))
        return ('runtime_error', b'exited without a result (status %d)' % code)
    if report_status != b'ok':
        return (report_status.decode(), payload[:200])
    if code != 0:
        return ('runtime_error', b'exit status %d' % code)
    return ('ok', bytes(out) if CURRENT_KIND == 'stdio' else payload)


def main():
    global CURRENT_TEST, CURRENT_KIND
    nonce = read_nonce()
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    time_limit_ms, memory_limit_mb, max_output_bytes, tests = read_spec()
    with open('/job/solution.py', 'rb') as f:
        source = f.read()
    try:
        code = compile(source, 'solution.py', 'exec', dont_inherit=True)
    except BaseException as exc:
        for i in range(len(tests)):
            emit(nonce, i, 'compile_error', type_name(exc).encode())
        emit(nonce, 'done', '-', b'')
        return
    json_mod = None
    if any(kind == 'call' for kind, _ in tests):
        import json as json_mod
        if b'Solution' in source:
            import typing  # noqa: F401  (LeetCode solutions annotate with List[...] without importing it)
    for name in WARM_MODULES:
        if name.encode() in source:
            try:
                __import__(name)
            except ImportError:
                pass
    limits = (time_limit_ms, memory_limit_mb, max_output_bytes)
    cpu_s = max(1, -(-time_limit_ms // 1000))
    for i, (kind, fn) in enumerate(tests):
        CURRENT_TEST, CURRENT_KIND = i, kind
        in_fd = os.open('/job/in/%d' % i if kind == 'stdio' else '/dev/null', os.O_RDONLY)
        out_r, out_w = os.pipe()
        res_r, res_w = os.pipe()
        deadline_s = _monotonic() + time_limit_ms / 1000
        pid = os.fork()
        if pid == 0:
            os.close(out_r)
            os.close(res_r)
            child_main(kind, fn, in_fd, out_w, res_w, code, nonce, limits, json_mod)
        for fd in (in_fd, out_w, res_w):
            os.close(fd)
        status, payload = supervise(pid, out_r, res_r, deadline_s, max_output_bytes, cpu_s)
        emit(nonce, i, status, payload)
    emit(nonce, 'done', '-', b'')


CURRENT_TEST = 0
CURRENT_KIND = 'stdio'
main()
