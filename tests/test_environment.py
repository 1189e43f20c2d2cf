"""environment.yml (conda users) and pyproject.toml (pip) must pin the same packages and versions; the Makefile
installs what its targets need."""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pyproject_pins() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    specs = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        specs += extra
    pins = {}
    for spec in specs:
        name, sep, version = spec.partition("==")
        assert sep, f"pyproject.toml: {spec!r} is not pinned with =="
        pins[_norm(name)] = version.strip()
    return pins


def _conda_pins() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pins = {}
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            for spec in dep.get("pip", []):
                name, _, version = spec.partition("==")
                pins[_norm(name)] = version
        else:
            name, _, version = str(dep).partition("=")
            if name not in ("python", "pip"):
                pins[_norm(name)] = version
    return pins


def test_environment_yml_matches_pyproject():
    assert _conda_pins() == _pyproject_pins()


def test_every_dependency_is_pinned_once():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    names = [_norm(s.partition("==")[0]) for s in project["dependencies"]]
    names += [_norm(s.partition("==")[0]) for v in project["optional-dependencies"].values() for s in v]
    assert len(names) == len(set(names))


def _make_n(*args: str) -> str:
    """What ``make -n`` would run (nothing is run)."""
    if shutil.which("make") is None:
        pytest.skip("no make")
    proc = subprocess.run(["make", "-n", *args], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_make_bench_installs_chromium_before_bench_map():
    out = _make_n("bench", "CHROMIUM=/nonexistent/chromium")  # as on a machine without it
    assert "install -y -qq chromium" in out and out.index("install -y -qq chromium") < out.index("bench_map.py")


def test_make_bench_text_runs_the_other_benchmarks_without_chromium():
    out = _make_n("bench-text", "CHROMIUM=/nonexistent/chromium")  # as on a machine without it
    assert "bench_gazetteer.py" in out and "bench_figures.py" in out
    assert "chromium" not in out and "bench_map.py" not in out


def test_make_dask_installs_the_dask_extra_that_readme_names():
    assert "install -e \".[dask]\"" in _make_n("dask")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make dask" in next(line for line in readme.splitlines() if line.startswith("| `--dask"))  # options
    example = readme.index("--dask local  ")  # the example run of "Many documents", and the words before it
    assert "make dask" in readme[example - 800:example]
