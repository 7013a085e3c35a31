"""Issue 10, item 13: look-alike names (mixed scripts) and conditions on a concluded predicate are warned about."""

from __future__ import annotations

from conftest import KB

LAW = '''act law en "Law" kind statute rank 1 in force from 2000-01-01.
predicate person(A) en "person" reads en "{A} is a person".
predicate visit(A) en "visit" reads en "{A} visits".
predicate duty(A) en "duty" reads en "{A} has the duty".
predicate welcome(A) en "welcome" reads en "{A} is welcome".
predicate done(A) en "done" reads en "{A} is done".
norm law.1 cites "law 1" en "visits are permitted" permitted visit(X) if person(X).
norm law.2 cites "law 2" en "the duty" obligatory duty(X) if person(X).
welcome(X) if visit(X).
done(X) if duty(X).
'''


def test_a_look_alike_constant_is_warned_about(zan, tmp_path):
    case = tmp_path / "case.facts"
    case.write_text("in_disciplinary_isolator(kunakbaev).\nlegal_aid_contract(kunakbaev, оspanov).\n",
                    encoding="utf-8")  # a Cyrillic о
    result = zan("check", KB, case)
    assert result.exit_code == 0, result.output
    assert "case.facts:2:31: warning: the constant name 'оspanov' mixes letters of 2 scripts" in result.output
    assert "[mixed-script]" in result.output
    clean = tmp_path / "clean.facts"
    clean.write_text('legal_aid_contract(kunakbaev, ospanov).\nspouse(kunakbaev, "Айгүл Smith").\n', encoding="utf-8")
    assert "mixed-script" not in zan("check", KB, clean).output  # one script per name; free text is free


def test_a_condition_on_a_concluded_predicate_is_warned_about(zan, tmp_path):
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "law.zan").write_text(LAW, encoding="utf-8")
    result = zan("check", kb)
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "[condition-on-conclusion]" in line]
    assert len(lines) == 2
    assert "law.zan:9:15: warning: norms conclude visit (permitted)" in lines[0] and "never holds" in lines[0]
    assert "law.zan:10:12: warning: norms conclude duty (obligatory)" in lines[1] and "fulfilled" in lines[1]


def test_a_decomposed_name_is_warned_about(zan, tmp_path):
    case = tmp_path / "case.facts"
    # written bare, a combining accent is no letter (a syntax error); in quotes it makes a look-alike constant
    case.write_text('in_disciplinary_isolator(kunakbaev).\nfriend(kunakbaev, "rene\u0301").\n', encoding="utf-8")
    result = zan("check", KB, case)
    assert result.exit_code == 0, result.output
    assert "case.facts:2:19: warning: the constant name 'rene\u0301' is written with combining characters" in result.output
    assert "[unnormalized-name]" in result.output
