"""The walls around a worker: limits and isolation applied in the child right after fork.

Everything here runs in the freshly forked worker *before* any student code, in this order:
new mount and network namespaces (root: directly; otherwise through a user namespace, where
the kernel allows it), a private tmpfs for /tmp (the worker's only writable place, capped in
size and file count) with empty, unreadable tmpfs mounted over every hidden path (course
material, solutions, other submissions, grade outputs), resource limits, and finally dropping
to an unprivileged uid. `Isolation` records which of these took effect so that
`mathgrade doctor` can say what protects this machine.
"""

from __future__ import annotations

import ctypes
import os
import resource
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

_libc = ctypes.CDLL(None, use_errno=True)

CLONE_NEWNS = 0x00020000
CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000
MS_RDONLY = 1
MS_NOSUID = 2
MS_NODEV = 4
MS_REMOUNT = 32
MS_BIND = 4096
MS_REC = 16384
MS_PRIVATE = 1 << 18
PR_SET_PDEATHSIG = 1
PR_SET_NO_NEW_PRIVS = 38
SIGKILL = 9
WORKDIR = "/tmp/work"


@dataclass(frozen=True)
class SandboxLimits:
    """Resource limits of one submission's worker (defaults from the grading policy)."""

    wall_seconds: float = 60.0  # whole submission: cells and every call, restarts included
    call_seconds: float = 10.0  # one call into student code (or one cell)
    memory_bytes: int = 2 * 2**30
    write_bytes: int = 10 * 2**20
    max_files: int = 256
    max_open_files: int = 64
    uid: int | None = 61000  # uid to drop to when running as root
    hidden_paths: tuple[str, ...] = ()

    def spec(self, slot: int = 0) -> dict:
        """The JSON-able instruction the fork server hands to a new worker."""
        data = asdict(self)
        data["hidden_paths"] = [str(Path(p).resolve()) for p in self.hidden_paths]
        data["runtime_paths"] = runtime_paths()
        if self.uid is not None:
            data["uid"] = self.uid + slot
        return data


def die_with_parent(signal_number: int = SIGKILL) -> None:
    """Have the kernel send `signal_number` to this process when its parent dies."""
    _libc.prctl(PR_SET_PDEATHSIG, signal_number, 0, 0, 0)


def runtime_paths() -> list[str]:
    """Folders the worker must be able to read: Python, its packages, this package."""
    package_parent = str(Path(__file__).resolve().parents[2])  # the folder holding autograder/
    paths = {sys.base_prefix, sys.prefix, package_parent}
    paths.update(p for p in sys.path if p and os.path.isdir(p))
    return sorted(str(Path(p).resolve()) for p in paths)


@dataclass
class Isolation:
    """Which mechanisms took effect in a worker (reported by `mathgrade doctor`)."""

    namespaces: str = "none"  # "root", "user" or "none"
    network: bool = False
    private_tmp: bool = False
    hidden_paths: list[str] = field(default_factory=list)
    uid: int = -1
    rlimits: bool = False
    problems: list[str] = field(default_factory=list)


def _check(result: int, what: str) -> None:
    if result != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")


def _mount_tmpfs(target: str, options: str, flags: int = MS_NOSUID | MS_NODEV) -> None:
    _check(
        _libc.mount(b"tmpfs", target.encode(), b"tmpfs", flags, options.encode()),
        f"mount tmpfs on {target}",
    )


def _enter_namespaces(iso: Isolation) -> None:
    uid, gid = os.getuid(), os.getgid()
    if uid == 0:
        _check(_libc.unshare(CLONE_NEWNS | CLONE_NEWNET), "unshare")
        iso.namespaces = "root"
    else:
        _check(_libc.unshare(CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWNET), "unshare")
        Path("/proc/self/setgroups").write_text("deny")
        Path("/proc/self/uid_map").write_text(f"{uid} {uid} 1")
        Path("/proc/self/gid_map").write_text(f"{gid} {gid} 1")
        iso.namespaces = "user"
    iso.network = True
    # Without this, our mounts would propagate back into the grader's namespace.
    _check(_libc.mount(b"none", b"/", None, MS_REC | MS_PRIVATE, None), "make mounts private")


def _closed_ancestor(path: Path) -> Path | None:
    """The topmost folder above `path` that other users may not traverse (e.g. /root)."""
    for folder in reversed(path.parents):
        if folder != Path("/") and not os.stat(folder).st_mode & 0o001:
            return folder
    return None


def _expose_runtime(needed: list[str]) -> None:
    """Keep Python importable after the uid drop when it lives in a closed folder.

    A Python installed under /root (pyenv) is unreadable to the worker's uid, so lazy
    imports (`encodings.idna`, `scipy.stats`) would fail. In the worker's mount namespace,
    the closed folder is covered by an empty tmpfs and only the needed folders are
    bind-mounted back, read-only; the rest of it (keys, other projects) stays out of reach.
    """
    by_ancestor: dict[Path, list[Path]] = {}
    for entry in needed:
        path = Path(entry)
        if path.is_dir() and (top := _closed_ancestor(path)) is not None:
            by_ancestor.setdefault(top, []).append(path)
    for top, paths in by_ancestor.items():
        handles = {path: os.open(path, os.O_PATH | os.O_DIRECTORY) for path in paths}
        _mount_tmpfs(str(top), "size=64k,mode=755")
        for path, fd in handles.items():
            path.mkdir(parents=True, exist_ok=True)
            source = f"/proc/self/fd/{fd}".encode()
            _check(_libc.mount(source, str(path).encode(), None, MS_BIND | MS_REC, None),
                   f"bind {path}")
            _check(_libc.mount(None, str(path).encode(), None,
                               MS_BIND | MS_REMOUNT | MS_RDONLY, None), f"read-only {path}")
            os.close(fd)


def _private_filesystem(spec: dict, iso: Isolation) -> None:
    if os.getuid() == 0 and spec.get("uid") is not None:
        _expose_runtime(spec.get("runtime_paths", []))
    for path in spec["hidden_paths"]:
        if os.path.isdir(path):
            _mount_tmpfs(path, "size=4k,nr_inodes=2,mode=000", MS_RDONLY | MS_NOSUID | MS_NODEV)
            iso.hidden_paths.append(path)
        elif os.path.exists(path):
            iso.problems.append(f"cannot hide a single file: {path}")
    for shared in ("/dev/shm", "/var/tmp"):
        if os.path.isdir(shared):
            _mount_tmpfs(shared, "size=4k,nr_inodes=2,mode=000", MS_RDONLY | MS_NOSUID | MS_NODEV)
    _mount_tmpfs(
        "/tmp", f"size={spec['write_bytes']},nr_inodes={spec['max_files']},mode=1777"
    )
    iso.private_tmp = True


def _set_rlimits(spec: dict, iso: Isolation) -> None:
    cpu = int(spec["wall_seconds"]) + 1
    for which, value in (
        (resource.RLIMIT_AS, spec["memory_bytes"]),
        (resource.RLIMIT_CPU, cpu),
        (resource.RLIMIT_FSIZE, spec["write_bytes"]),
        (resource.RLIMIT_NOFILE, spec["max_open_files"]),
        (resource.RLIMIT_CORE, 0),
        (resource.RLIMIT_NPROC, 0),
    ):
        resource.setrlimit(which, (value, value))
    iso.rlimits = True


def _drop_privileges(spec: dict, iso: Isolation) -> None:
    target = spec.get("uid")
    if os.getuid() == 0 and target is not None:
        os.setgroups([])
        os.setresgid(target, target, target)
        os.setresuid(target, target, target)
    iso.uid = os.getuid()
    _libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
    # Cleared by the uid change, so set after it: the worker dies with its fork server.
    die_with_parent()


def enter(spec: dict) -> Isolation:
    """Put the current (freshly forked) process inside the sandbox described by `spec`."""
    iso = Isolation()
    try:
        _enter_namespaces(iso)
        _private_filesystem(spec, iso)
    except OSError as exc:
        iso.problems.append(f"filesystem/network isolation unavailable: {exc}")
    if not iso.private_tmp:
        # Fallback: a fresh private directory under the host's /tmp.
        workdir = Path("/tmp") / f"mathgrade-{os.getpid()}"
        workdir.mkdir(mode=0o700, exist_ok=True)
        spec["workdir"] = str(workdir)
    workdir = spec.get("workdir", WORKDIR)
    os.makedirs(workdir, mode=0o700, exist_ok=True)
    target = spec.get("uid")
    if os.getuid() == 0 and target is not None:
        os.chown(workdir, target, target)
    os.chdir(workdir)
    _set_rlimits(spec, iso)
    _drop_privileges(spec, iso)
    return iso
