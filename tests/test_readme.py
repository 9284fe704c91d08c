"""The README's Python examples run: every ```python block of its "Python" section, in order,
in one namespace per block, in a fresh folder that holds the project's samples."""
import os
import re
import shutil

from conftest import ROOT


def python_blocks():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Python\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)\n```", section, re.S)


def test_the_readme_python_examples_run(tmp_path, capsys):
    blocks = python_blocks()
    assert len(blocks) >= 4
    shutil.copytree(ROOT / "samples", tmp_path / "samples")
    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        for block in blocks:
            exec(compile(block, "README.md", "exec"), {"__name__": "__readme__"})
    finally:
        os.chdir(here)
    out = capsys.readouterr().out
    assert "Aleppo" in out and (tmp_path / "acled.csv").exists() and (tmp_path / "claims.parquet").exists()
