"""Runs a command in a real pseudo-terminal and types into it, for tests of interactive prompts.

Usage: python3 pty-session.py '<json>' where the JSON is
  {"command": [...], "cwd": "...", "env": {...}, "timeout": 120,
   "steps": [{"expect": "text the program must print first", "send": "keys to type"}]}
Each step waits until its `expect` text has appeared in the output (after the previous step's), then types
`send`. Prints one JSON object: {"transcript": all output, "exitCode": n, "error": null or why it stopped}.
"""

import json
import os
import pty
import select
import sys
import time


def main() -> None:
    spec = json.loads(sys.argv[1])
    deadline = time.monotonic() + spec.get("timeout", 120)
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(spec["cwd"])
        env = dict(os.environ)
        env.update(spec.get("env", {}))
        os.execvpe(spec["command"][0], spec["command"], env)

    output = b""
    searched_from = 0
    error = None

    def read_some(wait: float) -> bool:
        """Reads what the program printed within `wait` seconds; False once the terminal is closed."""
        nonlocal output
        ready, _, _ = select.select([fd], [], [], wait)
        if not ready:
            return True
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return False
        if not chunk:
            return False
        output += chunk
        return True

    open_ = True
    for step in spec["steps"]:
        wanted = step["expect"].encode()
        while wanted not in output[searched_from:]:
            if not open_ or time.monotonic() > deadline:
                error = f"did not see {step['expect']!r}"
                break
            open_ = read_some(0.2)
        if error:
            break
        searched_from = output.index(wanted, searched_from) + len(wanted)
        os.write(fd, step["send"].encode())

    while open_ and time.monotonic() < deadline:
        open_ = read_some(0.2)
    if open_:
        error = error or "timed out"
        os.kill(pid, 9)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    os.close(fd)
    print(json.dumps({"transcript": output.decode("utf-8", "replace"), "exitCode": code, "error": error}))


main()
