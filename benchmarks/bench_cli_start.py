"""How fast the CLI starts: CPU time of `yolvarex --version`, `yolvarex --help` and typical
commands on the demo runner, each against a baseline measured in the same run.

The baseline for start-up is `python -c "import typer"` (the CLI framework alone); target: at
most 1.5x. For the commands (`load`, `plan day`, `check-in` answered from stdin, `decide` from
files) the figure is the CPU time itself, target under 0.5 s, printed with its ratio to the
start-up baseline, and with it the floor every database command pays before doing anything:
importing Typer, Rich, SQLAlchemy's ORM and the store's models (`yolvarex.cli.common`,
`yolvarex.store.db`, `yolvarex.store.models`). `decide` reads files only and pays none of the
store.

CPU time (user + system of the child, from `resource.getrusage`) rather than wall time, so a
busy shared machine distorts it less; each figure is the median of 5 runs, after one run not
counted. That first run writes what an installed yolvarex has from then on: Python's bytecode
(`PYTHONDONTWRITEBYTECODE` is dropped for the children: with it every run compiled the project's
sources again) and the checked content library kept in the data directory.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import common  # noqa: F401  (puts the repository on sys.path)

BIN = Path(sys.executable).parent
YOLVAREX = str(BIN / "yolvarex")
#: The check-in's questions answered: no red flags, 7.5 h of good sleep, a little soreness, no
#: pain, no symptoms, mood and motivation 4, the rest skipped.
ANSWERS = "\n".join(["", "7.5", "4", "2", "", "0", "", "", "", "4", "", "4", "", ""]) + "\n"


def cpu_seconds(args: list[str], env: dict[str, str], stdin: str | None = None,
                repeat: int = 5) -> float:
    """The median CPU time (user + system) of running `args` as a child process."""
    times = []
    subprocess.run(args, env=env, input=stdin, capture_output=True, text=True)  # warm-up
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        result = subprocess.run(args, env=env, input=stdin, capture_output=True, text=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if result.returncode != 0:
            raise SystemExit(f"{' '.join(args)} failed:\n{result.stderr}")
        times.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "YOLVAREX_DATA_DIR": folder, "YOLVAREX_USER": "demo"}
        env.pop("YOLVAREX_DATABASE_URL", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        checkin = Path(folder) / "checkin.json"
        checkin.write_text('{"date": "2026-11-30", "sleep_hours": 7.5, "soreness": 2, "pain": 0}')
        subprocess.run([YOLVAREX, "demo", "--user", "demo"], env=env, check=True,
                       capture_output=True)
        baseline = cpu_seconds([sys.executable, "-c", "import typer"], env)
        print(f"baseline (python -c 'import typer'): {baseline * 1000:.0f} ms CPU")
        for args in (["--version"], ["--help"]):
            seconds = cpu_seconds([YOLVAREX, *args], env)
            print(f"yolvarex {' '.join(args)}: {seconds * 1000:.0f} ms CPU | ratio "
                  f"{seconds / baseline:.2f} | target: at most 1.50")
        floor = cpu_seconds([sys.executable, "-c", "import yolvarex.cli.common, yolvarex.store.db, "
                             "yolvarex.store.models"], env)
        print(f"floor of a database command (Typer, Rich, SQLAlchemy ORM, the models): "
              f"{floor * 1000:.0f} ms CPU | ratio {floor / baseline:.2f}")
        for args, stdin in ((["load"], None), (["plan", "day"], None),
                            (["check-in", "--json"], ANSWERS),
                            (["decide", "--checkin", str(checkin)], None)):
            seconds = cpu_seconds([YOLVAREX, *args], env, stdin)
            shown = " ".join(a if a != str(checkin) else "checkin.json" for a in args)
            print(f"yolvarex {shown}: {seconds * 1000:.0f} ms CPU | ratio "
                  f"{seconds / baseline:.2f} to the baseline | target: under 500 ms")


if __name__ == "__main__":
    main()
