"""The README's two set-up commands stay true: CI (.ci/run) runs exactly their steps."""

import re

from .conftest import ROOT


def test_ci_runs_the_readme_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    install, tests = [b.strip() for b in re.findall(r"```sh\n(.*?)```", readme, flags=re.S)][:2]
    for step in install.split(" && ") + [tests]:
        assert step in ci_lines, f"README step not run by CI: {step}"
    sample = install.split("newsfacts extract ")[1].split()[0]
    assert (ROOT / sample).exists()
