"""environment.yml (conda users) and pyproject.toml (pip) must pin the same packages and versions."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

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
