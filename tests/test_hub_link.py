"""scripts/hub_link.py: the nbgitpuller link for a hub and a lesson."""

import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "hub_link.py"
LESSON_4 = next((ROOT / "notebooks").glob("04_*.ipynb")).name


def run(*args):
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True)


def test_link_opens_the_lesson_in_a_folder_named_after_the_repository():
    out = run("https://hub.example.edu/", "4")
    assert out.returncode == 0, out.stderr
    link = urlparse(out.stdout.strip())
    assert (link.scheme, link.netloc, link.path) == (
        "https", "hub.example.edu", "/hub/user-redirect/git-pull")
    query = parse_qs(link.query)
    assert query["repo"] == ["https://github.com/backprop-by-hand/backprop-course"]
    assert query["urlpath"] == [f"lab/tree/backprop-course/notebooks/{LESSON_4}"]
    assert "branch" not in query


@pytest.mark.parametrize("lesson", ["04", LESSON_4])
def test_lesson_by_name_or_number_and_other_options(lesson):
    out = run("https://hub.example.edu", lesson, "--interface", "notebook", "--branch", "main",
              "--repository", "https://gitlab.example.edu/me/my-course.git")
    query = parse_qs(urlparse(out.stdout.strip()).query)
    assert query["urlpath"] == [f"tree/my-course/notebooks/{LESSON_4}"]
    assert query["branch"] == ["main"]


@pytest.mark.parametrize("args, message", [
    (("https://hub.example.edu", "99"), "no lesson '99'"),
    (("hub.example.edu", "4"), "must start with https://"),
])
def test_bad_input_is_named(args, message):
    out = run(*args)
    assert out.returncode != 0 and message in out.stderr
