"""docs/analysis.md: every block runs, and each question's documented answer is what the code gives."""

from __future__ import annotations

import ast
import re

import pytest

from .conftest import REPO

DOC = (REPO / "docs" / "analysis.md").read_text(encoding="utf-8")
SETUP, *_ = re.findall(r"```python\n(.*?)```", DOC, re.S)
QUESTIONS = re.findall(r"^### (\d+)\. .*?```python\n(.*?)```\s*Answer: `(.*?)`", DOC, re.S | re.M)


def test_ten_questions_are_documented():
    assert [int(n) for n, _, _ in QUESTIONS] == list(range(1, 11))


@pytest.fixture(scope="module")
def scope() -> dict:
    names: dict = {"REPORTS": REPO / "reports"}
    exec(SETUP, names)  # the page's own setup block
    return names


@pytest.mark.parametrize(("number", "code", "answer"), QUESTIONS, ids=[n for n, _, _ in QUESTIONS])
def test_each_documented_answer_is_what_the_code_gives(scope, number, code, answer):
    names = dict(scope)
    exec(code, names)
    assert names["answer"] == ast.literal_eval(answer), f"question {number}"
