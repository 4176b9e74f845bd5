/**
 * A classic-BPF seccomp filter handed to bubblewrap (`--seccomp FD`). It denies, with EPERM, the
 * few system calls that would let one process of the jail reach into another (ptrace,
 * process_vm_readv/writev, pidfd_getfd: the harness's result descriptor and memory) or hold memory
 * outside RLIMIT_AS and the size-limited tmpfs mounts (memfd_create, SysV shm), leave state in the
 * jail's IPC namespace for the next completion (SysV message queues and semaphores, POSIX mqueues), plus kernel attack
 * surface no solution needs (bpf, perf_event_open, userfaultfd, io_uring, keyrings). A foreign
 * architecture or the x32 ABI kills the process.
 */
import { arch } from 'node:os';

const BPF_LD_W_ABS = 0x20;
const BPF_JEQ_K = 0x15;
const BPF_JGE_K = 0x35;
const BPF_RET_K = 0x06;
const SECCOMP_RET_KILL_PROCESS = 0x80000000;
const SECCOMP_RET_ERRNO_EPERM = 0x00050000 | 1;
const SECCOMP_RET_ALLOW = 0x7fff0000;
const X32_SYSCALL_BIT = 0x40000000;

interface ArchTable {
  auditArch: number;
  denied: readonly number[];
  /** prlimit64: allowed on the calling process only (pid 0), so no test can lower the harness's limits. */
  prlimit64: number;
}

const TABLES: Readonly<Record<string, ArchTable>> = {
  // ptrace, process_vm_readv, process_vm_writev, pidfd_getfd, memfd_create, shmget, userfaultfd,
  // perf_event_open, bpf, io_uring_setup, add_key, request_key, keyctl, msgget, semget, mq_open
  x64: { auditArch: 0xc000003e, denied: [101, 310, 311, 438, 319, 29, 323, 298, 321, 425, 248, 249, 250, 68, 64, 240], prlimit64: 302 },
  arm64: { auditArch: 0xc00000b7, denied: [117, 270, 271, 438, 279, 194, 282, 241, 280, 425, 217, 218, 219, 186, 190, 180], prlimit64: 261 },
};

function instruction(code: number, jt: number, jf: number, k: number): Buffer {
  const buffer = Buffer.alloc(8);
  buffer.writeUInt16LE(code, 0);
  buffer.writeUInt8(jt, 2);
  buffer.writeUInt8(jf, 3);
  buffer.writeUInt32LE(k >>> 0, 4);
  return buffer;
}

/**
 * The filter program for the host's architecture, as the raw `struct sock_filter[]` bytes
 * bubblewrap reads from its `--seccomp` descriptor.
 *
 * @example
 * const program = buildSeccompFilter(); // Buffer, 8 bytes per instruction
 */
export function buildSeccompFilter(hostArch: string = arch()): Buffer {
  const table = TABLES[hostArch];
  if (table === undefined) throw new Error(`no seccomp table for architecture ${hostArch}`);
  const program = [
    instruction(BPF_LD_W_ABS, 0, 0, 4),
    instruction(BPF_JEQ_K, 1, 0, table.auditArch),
    instruction(BPF_RET_K, 0, 0, SECCOMP_RET_KILL_PROCESS),
    instruction(BPF_LD_W_ABS, 0, 0, 0),
    instruction(BPF_JGE_K, 0, 1, X32_SYSCALL_BIT),
    instruction(BPF_RET_K, 0, 0, SECCOMP_RET_KILL_PROCESS),
  ];
  for (const nr of table.denied) {
    program.push(instruction(BPF_JEQ_K, 0, 1, nr), instruction(BPF_RET_K, 0, 0, SECCOMP_RET_ERRNO_EPERM));
  }
  // prlimit64(pid, ...) with pid != 0 (args[0], little-endian words at offsets 16 and 20) is refused.
  program.push(
    instruction(BPF_JEQ_K, 0, 5, table.prlimit64),
    instruction(BPF_LD_W_ABS, 0, 0, 16),
    instruction(BPF_JEQ_K, 0, 2, 0),
    instruction(BPF_LD_W_ABS, 0, 0, 20),
    instruction(BPF_JEQ_K, 1, 0, 0),
    instruction(BPF_RET_K, 0, 0, SECCOMP_RET_ERRNO_EPERM),
  );
  program.push(instruction(BPF_RET_K, 0, 0, SECCOMP_RET_ALLOW));
  return Buffer.concat(program);
}
