# Arbiter Python harness: runs as PID 1 inside the bubblewrap jail, never runs user code itself.
#
# It is warmed once (modules imported, gc frozen) and then serves jobs one after another, one job per
# completion; every test of a job runs in a fresh process forked from this warmed parent, and between
# jobs every other process of the jail is killed and the scratch mounts (/tmp, /dev/shm) are emptied.
# If anything about this process was changed from outside (rlimits, priority, affinity: same-uid
# calls a test process could make), the job's final record says "retire" and the harness exits, so the
# host never hands the next completion to a tampered jail.
#
# Contract (host <-> harness; the host side is sandboxes/python/protocol.ts):
#   fd 0 : jobs, one after another; EOF ends the harness. A job is ASCII header lines, then bytes:
#            arbiter-job 3
#            nonce <32 hex>
#            time_limit_ms N | memory_limit_mb N | max_output_bytes N | report_time 0|1
#                                                                         (one line each, this order)
#            program <bytes>
#            tests <count>
#            stdio <bytes>  |  call <fn> <bytes>                          (one line per test)
#          then the program's bytes, then each test's input (stdin, or arguments as a JSON array).
#   fd 3 : the result channel (write end of a host pipe). Only this process ever writes to it; every
#          child closes it before user code runs, and the jail has no /proc and a seccomp filter
#          (ptrace, pidfd_getfd, process_vm_*) so no child can reach it again.
# Records on fd 3, per job: one per test in order, then a final one:
#   "<nonce> <i> <status> <n>[ <ms>]\n<n payload bytes>\n"  status: ok | runtime_error | timeout |
#   "<nonce> done <keep|retire> 0\n\n"                       memory_limit | output_limit | compile_error
# <ms> is present on every test record when the job says report_time 1, and never otherwise: the wall
# time of that test in integer milliseconds, measured here (a stdio test: from its fork to its verdict;
# a call test: from the previous record of its process, or that process's fork, to its own record; a
# program that does not compile: the compile time on the first test, 0 on the others).
# Payload: ok+stdio = raw stdout bytes; ok+call = the result as JSON (UTF-8); otherwise a short,
# deterministic detail (exception type names and fixed phrases only: no messages, no addresses).
import gc
import os
import sys
import time
import stat
import select
import resource
import _json
import _signal

RESULT_FD = 3
MIB = 1024 * 1024
REPORT_STATUSES = (b'ok', b'runtime_error', b'memory_limit', b'output_limit')
WARM_MODULES = ('json', 'typing', 'collections', 'itertools', 'functools', 'heapq', 'bisect', 'math', 're',
                'string', 'fractions', 'decimal', 'random', 'copy', 'operator', 'dataclasses', 'statistics')
TYPING_NAMES = ('List', 'Dict', 'Tuple', 'Set', 'Optional', 'Any', 'Union', 'Deque')
SCRATCH = ('/tmp', '/dev/shm')
MAX_HEADER_LINE = 256  # "call <entry point, ≤ 200 characters> <size>"

_monotonic = time.monotonic
# What the call-test child uses after user code has run, bound before any exists: a program that
# patches builtins, os or json changes its own behaviour, never how its results are framed or encoded.
_len = len
_write = os.write
_exit = os._exit
_str_join = str.join
_make_encoder = _json.make_encoder
_encode_str = _json.encode_basestring


def _not_json(value):
    raise TypeError('not JSON serialisable')


def to_json(value):
    """json.dumps(value, allow_nan=False, ensure_ascii=False, separators=(',', ':')) from C parts only."""
    encoder = _make_encoder({}, _not_json, _encode_str, None, ':', ',', False, False, False)
    return _str_join('', encoder(value, 0))


class JobReader:
    """Reads jobs from fd 0 with its own buffer (no io layers between the pipe and the parser)."""

    def __init__(self):
        self.buf = bytearray()

    def _fill(self):
        chunk = os.read(0, 1 << 20)
        if not chunk:
            raise EOFError
        self.buf += chunk

    def line(self):
        while True:
            end = self.buf.find(b'\n', 0, MAX_HEADER_LINE + 1)
            if end >= 0:
                text = self.buf[:end].decode('ascii')
                del self.buf[:end + 1]
                return text.split(' ')
            if len(self.buf) > MAX_HEADER_LINE:
                raise ValueError('header line too long')
            self._fill()

    def exact(self, n):
        while len(self.buf) < n:
            self._fill()
        data = bytes(self.buf[:n])
        del self.buf[:n]
        return data

    def job(self):
        """The next job, or None at EOF before one starts."""
        try:
            magic = self.line()
        except EOFError:
            return None
        if magic != ['arbiter-job', '3']:
            raise ValueError('bad job header')
        fields = {}
        for name in ('nonce', 'time_limit_ms', 'memory_limit_mb', 'max_output_bytes', 'report_time', 'program', 'tests'):
            key, value = self.line()
            if key != name:
                raise ValueError('bad job field')
            fields[name] = value
        specs = []
        for _ in range(int(fields['tests'])):
            parts = self.line()
            specs.append((parts[0], parts[1] if parts[0] == 'call' else '', int(parts[-1])))
        source = self.exact(int(fields['program']))
        tests = [(kind, fn, self.exact(size)) for kind, fn, size in specs]
        limits = (int(fields['time_limit_ms']), int(fields['memory_limit_mb']), int(fields['max_output_bytes']))
        if fields['report_time'] not in ('0', '1'):
            raise ValueError('bad report_time')
        return bytearray(fields['nonce'].encode('ascii')), limits, fields['report_time'] == '1', source, tests


class Clock:
    """Times of a job's tests, for its records: None unless the job asked for them (report_time 1)."""

    def __init__(self, report_time):
        self.report_time = report_time

    def ms(self, started_s, ended_s):
        if not self.report_time:
            return None
        return max(0, int(round((ended_s - started_s) * 1000)))


def emit(nonce, index, status, payload, time_ms=None):
    if time_ms is None:
        header = b' %s %s %d\n' % (str(index).encode(), status.encode(), len(payload))
    else:
        header = b' %s %s %d %d\n' % (str(index).encode(), status.encode(), len(payload), time_ms)
    data = [bytes(nonce), header, payload, b'\n']
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


def enter_child(in_fd, out_w, harness_fds, nonce, memory_limit_mb, cpu_s):
    """First steps of every forked child, before any user code: descriptors, signals, rlimits."""
    nonce[:] = bytes(len(nonce))
    _signal.signal(_signal.SIGINT, _signal.default_int_handler)
    null = os.open('/dev/null', os.O_WRONLY)
    os.dup2(in_fd, 0)
    os.dup2(out_w, 1)
    os.dup2(null, 2)
    for fd in (in_fd, out_w, null, RESULT_FD) + harness_fds:
        os.close(fd)
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_s, cpu_s + 1))
    resource.setrlimit(resource.RLIMIT_AS, (memory_limit_mb * MIB, memory_limit_mb * MIB))
    resource.setrlimit(resource.RLIMIT_FSIZE, (8 * MIB, 8 * MIB))
    resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))
    resource.setrlimit(resource.RLIMIT_NPROC, (32, 32))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def flushed(report):
    """The report after flushing the program's stdout (a failing flush spoils an ok)."""
    try:
        for stream in (sys.stdout, sys.__stdout__):
            stream.flush()
    except MemoryError:
        return b'memory_limit\nMemoryError'
    except BaseException as exc:
        if report.startswith(b'ok\n'):
            return b'runtime_error\n' + type_name(exc).encode()
    return report


def write_all(fd, data):
    view = memoryview(data)
    while view:
        view = view[_write(fd, view):]


def stdio_child(data_fd, out_w, res_w, harness_fds, code, nonce, limits):
    # Runs in the forked child: from here on user code may run, so nothing below trusts the process.
    time_limit_ms, memory_limit_mb, _ = limits
    report = b'runtime_error\nharness'
    try:
        enter_child(data_fd, out_w, harness_fds, nonce, memory_limit_mb, max(1, -(-time_limit_ms // 1000)))
        report = run_stdio(code)
    except MemoryError:
        report = b'memory_limit\nMemoryError'
    except BaseException as exc:
        report = b'runtime_error\n' + type_name(exc).encode()
    try:
        write_all(res_w, flushed(report))
    finally:
        os._exit(0)


def run_stdio(code):
    module = type(sys)('__main__')
    module.__dict__['__builtins__'] = sys.modules['builtins']
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


def call_child(first, tests, devnull, out_w, res_w, harness_fds, code, nonce, limits, loads):
    # Runs in the forked child. Every test's arguments are parsed (fresh objects per test) before the
    # module runs once; then tests first.. are called in order, one record per test on res_w:
    # "<index> <length>\n<report>".
    time_limit_ms, memory_limit_mb, max_output_bytes = limits
    try:
        enter_child(devnull, out_w, harness_fds, nonce, memory_limit_mb,
                    max(1, -(-time_limit_ms // 1000)) * (len(tests) - first))
        calls = []
        for index in range(first, len(tests)):
            _, fn, data = tests[index]
            try:
                calls.append((index, fn, loads(data), None))
            except BaseException as exc:
                calls.append((index, fn, None, b'runtime_error\narguments are not JSON (' + type_name(exc).encode() + b')'))
        module, failure = load_solution(code)
        for index, fn, args, bad in calls:
            report = failure or bad or call_once(module, fn, args, max_output_bytes)
            report = flushed(report)
            write_all(res_w, b'%d %d\n' % (index, _len(report)) + report)
    finally:
        _exit(0)


def load_solution(code):
    """The program executed as module `solution`; or the report every call test gets if that fails."""
    module = type(sys)('solution')
    module.__dict__['__builtins__'] = sys.modules['builtins']
    typing = sys.modules['typing']
    for name in TYPING_NAMES:
        module.__dict__[name] = getattr(typing, name)
    sys.modules['solution'] = module
    try:
        exec(code, module.__dict__)
    except MemoryError:
        return None, b'memory_limit\nMemoryError'
    except SystemExit:
        return None, b'runtime_error\nSystemExit'
    except BaseException as exc:
        return None, b'runtime_error\n' + type_name(exc).encode()
    return module, None


_FUNCTION = type(_not_json)


def is_instance_method(cls, name):
    """Whether `name` on class `cls` is a plain function (a method that wants an instance), not a static or class method."""
    for klass in cls.__mro__:
        if name in klass.__dict__:
            return type(klass.__dict__[name]) is _FUNCTION
    return False


def find_entry(module, fn):
    """The callable a test names: a module-level name (a bare name is also looked up on an instance of
    `class Solution`, LeetCode style), or a dotted path of attributes from one; a class on the way to a method
    that wants an instance is instantiated first (`Solution.twoSum` calls `Solution().twoSum`). None if absent."""
    head, _, rest = fn.partition('.')
    target = module.__dict__.get(head)
    if not rest:
        if target is None and isinstance(module.__dict__.get('Solution'), type):
            target = getattr(module.__dict__['Solution'](), fn, None)
        return target
    for part in rest.split('.'):
        if target is None:
            return None
        if isinstance(target, type) and is_instance_method(target, part):
            target = target()
        target = getattr(target, part, None)
    return target


async def awaited(awaitable):
    return await awaitable


def call_once(module, fn, args, max_output_bytes):
    try:
        target = find_entry(module, fn)
        if not callable(target):
            return b'runtime_error\nno callable named ' + fn.encode()[:80]
        result = target(*args)
        if hasattr(result, '__await__') and not isinstance(result, type):
            # An `async def` entry point: its coroutine runs to the end on a fresh event loop, within the test's deadline.
            import asyncio
            result = asyncio.run(awaited(result))
    except MemoryError:
        return b'memory_limit\nMemoryError'
    except SystemExit:
        return b'runtime_error\nSystemExit'
    except BaseException as exc:
        return b'runtime_error\n' + type_name(exc).encode()
    try:
        payload = to_json(result).encode('utf-8')
    except MemoryError:
        return b'memory_limit\nMemoryError'
    except BaseException as exc:
        return b'runtime_error\nresult is not JSON-serialisable (' + type_name(exc).encode() + b')'
    if _len(payload) > max_output_bytes:
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


class Feeder:
    """Writes a test's stdin into the child's pipe as the child reads it (inputs of any size)."""

    def __init__(self, fd, data):
        self.fd = fd
        self.view = memoryview(data)
        if fd is not None:
            os.set_blocking(fd, False)
            if not self.view:
                self.close()

    def write(self):
        try:
            self.view = self.view[os.write(self.fd, self.view[:65536]):]
        except BlockingIOError:
            return
        except OSError:
            self.view = self.view[:0]
        if not self.view:
            self.close()

    def close(self):
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


def supervise_stdio(pid, out_r, res_r, feeder, deadline_s, max_output_bytes, cpu_s):
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
        writers = [feeder.fd] if feeder.fd is not None else []
        ready, writable, _ = select.select(open_fds + [pidfd], writers, [], remaining)
        if writable:
            feeder.write()
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
    ended_s = _monotonic()
    os.close(pidfd)
    feeder.close()
    kill_everyone_else()
    os.close(out_r)
    os.close(res_r)
    return ended_s, stdio_outcome(verdict, status, out, res, cpu_s)


def stdio_outcome(verdict, status, out, res, cpu_s):
    if verdict[0] != 'exited':
        return verdict
    usage = verdict[1]
    if os.WIFSIGNALED(status):
        return killed_by(os.WTERMSIG(status), usage, cpu_s)
    code = os.WEXITSTATUS(status)
    if not res and code == 0:
        return ('ok', bytes(out))
    result = report_outcome(bytes(res))
    if result[0] == 'ok':
        return ('runtime_error', b'exit status %d' % code) if code != 0 else ('ok', bytes(out))
    if result[1] == b'malformed report':
        return ('runtime_error', b'exited without a result (status %d)' % code)
    return result


def killed_by(sig, usage, cpu_s):
    if sig == 24 or (sig == 9 and usage.ru_utime + usage.ru_stime >= cpu_s):
        return ('timeout', b'cpu time limit exceeded')
    if sig == 25:
        return ('output_limit', b'file size limit exceeded')
    return ('runtime_error', b'killed by signal %d' % sig)


def report_outcome(report):
    """A child's report ("<status>\\n<payload>") as (status, payload); a child can only lie about itself."""
    status, newline, payload = report.partition(b'\n')
    if not newline or status not in REPORT_STATUSES:
        return ('runtime_error', b'malformed report')
    return (status.decode(), payload if status == b'ok' else payload[:200])


def supervise_calls(pid, first, end, out_r, res_r, nonce, time_limit_s, max_output_bytes, cpu_s, clock, started_s):
    """Emits a record per call test the child finishes; returns the index of the next test to run."""
    res = bytearray()
    res_cap = max_output_bytes + 4096
    printed = 0
    pidfd = os.pidfd_open(pid)
    for fd in (out_r, res_r):
        os.set_blocking(fd, False)
    open_fds = [out_r, res_r]
    current = first
    deadline_s = _monotonic() + time_limit_s
    verdict = None
    status = usage = None
    while verdict is None and current < end:
        remaining = deadline_s - _monotonic()
        if remaining <= 0:
            verdict = ('timeout', b'time limit exceeded')
            break
        ready, _, _ = select.select(open_fds + [pidfd], [], [], remaining)
        drain = ready
        if pidfd in ready:
            _, status, usage = os.wait4(pid, 0)
            verdict = ('exited', b'')
            drain = list(open_fds)
        for fd in drain:
            if fd == pidfd:
                continue
            while printed <= max_output_bytes and len(res) <= res_cap + 64:
                try:
                    chunk = os.read(fd, 65536)
                except BlockingIOError:
                    break
                if not chunk:
                    open_fds.remove(fd)
                    break
                if fd == out_r:
                    printed += len(chunk)
                else:
                    res += chunk
        # Complete records: "<index> <length>\n<report>", in order.
        while current < end:
            newline = res.find(b'\n', 0, 40)
            if newline < 0:
                if len(res) >= 40:
                    verdict = ('runtime_error', b'malformed report')
                break
            head = res[:newline].split(b' ')
            if len(head) != 2 or not head[0].isdigit() or not head[1].isdigit() or int(head[0]) != current or int(head[1]) > res_cap:
                verdict = ('runtime_error', b'malformed report')
                break
            size = int(head[1])
            if len(res) < newline + 1 + size:
                break
            report = bytes(res[newline + 1:newline + 1 + size])
            del res[:newline + 1 + size]
            ended_s = _monotonic()
            emit(nonce, current, *report_outcome(report), time_ms=clock.ms(started_s, ended_s))
            started_s = ended_s
            current += 1
            printed = 0
            deadline_s = _monotonic() + time_limit_s
        if verdict is None and printed > max_output_bytes:
            verdict = ('output_limit', b'stdout exceeds %d bytes' % max_output_bytes)
        elif verdict is None and len(res) > res_cap + 64:
            verdict = ('output_limit', b'result exceeds %d bytes' % max_output_bytes)
    ended_s = _monotonic()
    os.close(pidfd)
    kill_everyone_else()
    os.close(out_r)
    os.close(res_r)
    if current >= end:
        return end
    if verdict[0] == 'exited':
        if os.WIFSIGNALED(status):
            verdict = killed_by(os.WTERMSIG(status), usage, cpu_s)
        else:
            verdict = ('runtime_error', b'exited without a result (status %d)' % os.WEXITSTATUS(status))
    emit(nonce, current, *verdict, time_ms=clock.ms(started_s, ended_s))
    return current + 1


def run_job(nonce, limits, source, tests, loads, devnull, clock):
    started_s = _monotonic()
    try:
        code = compile(source, 'solution.py', 'exec', dont_inherit=True)
    except BaseException as exc:
        ended_s = _monotonic()
        for i in range(len(tests)):
            emit(nonce, i, 'compile_error', type_name(exc).encode(), time_ms=clock.ms(started_s, ended_s if i == 0 else started_s))
        return
    time_limit_ms, _, max_output_bytes = limits
    cpu_s = max(1, -(-time_limit_ms // 1000))
    i = 0
    while i < len(tests):
        out_r, out_w = os.pipe()
        res_r, res_w = os.pipe()
        if tests[i][0] == 'stdio':
            # A stdio test runs the whole program as __main__: always a fresh process.
            in_r, in_w = os.pipe()
            started_s = _monotonic()
            deadline_s = started_s + time_limit_ms / 1000
            pid = os.fork()
            if pid == 0:
                stdio_child(in_r, out_w, res_w, (out_r, res_r, in_w, devnull), code, nonce, limits)
            for fd in (in_r, out_w, res_w):
                os.close(fd)
            ended_s, (status, payload) = supervise_stdio(pid, out_r, res_r, Feeder(in_w, tests[i][2]), deadline_s, max_output_bytes, cpu_s)
            emit(nonce, i, status, payload, time_ms=clock.ms(started_s, ended_s))
            i += 1
            continue
        # A run of call tests shares one process (as the JavaScript runtime shares one context):
        # the module runs once, each call gets fresh arguments; a test that times out or crashes
        # ends that process and the next test continues in a fresh one.
        end = i
        while end < len(tests) and tests[end][0] == 'call':
            end += 1
        started_s = _monotonic()
        pid = os.fork()
        if pid == 0:
            call_child(i, tests[:end], devnull, out_w, res_w, (out_r, res_r), code, nonce, limits, loads)
        for fd in (out_w, res_w):
            os.close(fd)
        i = supervise_calls(pid, i, end, out_r, res_r, nonce, time_limit_ms / 1000, max_output_bytes, cpu_s * (end - i),
                            clock, started_s)


def remove_tree(path):
    info = os.lstat(path)
    if stat.S_ISDIR(info.st_mode):
        os.chmod(path, 0o700)
        for name in os.listdir(path):
            remove_tree(path + '/' + name)
        os.rmdir(path)
    else:
        os.unlink(path)


def wipe_scratch():
    """Empties /tmp and /dev/shm; False if anything is left (the jail is then retired)."""
    try:
        for root in SCRATCH:
            for name in os.listxattr(root):
                os.removexattr(root, name)
            for name in os.listdir(root):
                remove_tree(root + '/' + name)
            if os.listdir(root) or os.listxattr(root):
                return False
        return True
    except (OSError, RecursionError, ValueError):
        return False


class Quitter:
    """`exit()` and `quit()` as `site` defines them (`-S` skips `site`; judge programs call them)."""

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return 'Use %s() or Ctrl-D (i.e. EOF) to exit' % self.name

    def __call__(self, code=None):
        raise SystemExit(code)


STDIN_PATHS = ('/dev/stdin', '/dev/fd/0', '/proc/self/fd/0')


def install_program_builtins():
    """What programs expect of a normal interpreter and the jail lacks: exit()/quit(), and
    open('/dev/stdin') (a link into /proc, which the jail does not mount) opening descriptor 0."""
    builtins = sys.modules['builtins']
    builtins.exit = Quitter('exit')
    builtins.quit = Quitter('quit')
    real_open = builtins.open

    def open(file, *args, **kwargs):  # noqa: A001 (replaces the builtin on purpose)
        if isinstance(file, str) and file in STDIN_PATHS:
            kwargs['closefd'] = False
            return real_open(0, *args, **kwargs)
        return real_open(file, *args, **kwargs)

    builtins.open = open


RLIMITS = tuple(getattr(resource, name) for name in sorted(dir(resource)) if name.startswith('RLIMIT_'))


def process_state():
    """What a same-uid process could change about this one from outside."""
    return (
        tuple(resource.getrlimit(r) for r in RLIMITS),
        os.getpriority(os.PRIO_PROCESS, 0),
        tuple(sorted(os.sched_getaffinity(0))),
        os.sched_getscheduler(0),
        os.sched_getparam(0).sched_priority,
        tuple(os.stat(root).st_mode for root in SCRATCH),
    )


def main():
    # kill(-1) below is only safe as PID 1 of the jail's own PID namespace; anywhere else it would
    # reach every process this user may signal.
    if os.getpid() != 1:
        raise SystemExit('harness.py must run as PID 1 of its own PID namespace (inside the jail)')
    # Signals from inside the namespace reach PID 1 only where it has a handler: leave it none.
    _signal.signal(_signal.SIGINT, _signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    for name in WARM_MODULES:
        __import__(name)
    install_program_builtins()
    loads = sys.modules['json'].loads
    devnull = os.open('/dev/null', os.O_RDONLY)
    reader = JobReader()
    baseline = process_state()
    gc.collect()
    gc.freeze()
    while True:
        job = reader.job()
        if job is None:
            return
        nonce, limits, report_time, source, tests = job
        run_job(nonce, limits, source, tests, loads, devnull, Clock(report_time))
        kill_everyone_else()
        clean = wipe_scratch() and process_state() == baseline
        emit(nonce, 'done', 'keep' if clean else 'retire', b'')
        if not clean:
            return


main()
