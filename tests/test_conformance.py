"""The `datalog-conformance` suite (Soufflé, Nemo, Crepe; SPINdle, DePYsible, Antoniou, Maher, Morris)
run through our engine layer: engine.conformance reads each case into our IR, our checks and our
pyDatalog evaluation run it, engine.logic.defeasible reasons about the theories.

The suite's pytest plugin provides the `yaml_test_case` fixture; `runner` comes from
`--datalog-evaluator=...` when given, else it is `engine.conformance.Evaluator`. The cases we do not
pass are listed below with their reasons (also in docs/conformance.md), as strict xfails: a case
that starts passing fails the run, so the list stays true.

Slow: reading the suite alone takes 12-90 s and the hmmer cases ~9 min each, so the whole module is
marked `slow` and is not even collected under `-m "not slow"` (tests/conftest.py). Our own small
programs for the adapter (error codes, no execution) are in tests/test_conformance_adapter.py.
"""

from __future__ import annotations

import pytest

suite = pytest.importorskip("datalog_conformance")

import yaml  # noqa: E402  (the suite depends on PyYAML)

from datalog_conformance import plugin as suite_plugin  # noqa: E402
from datalog_conformance.runner import YamlTestRunner  # noqa: E402

from engine.conformance import Evaluator, LegalDefeatEvaluator, SpecificityEvaluator  # noqa: E402

pytestmark = pytest.mark.slow

# The plugin reads ~25 MB of YAML with PyYAML's pure-Python loader (~60 s); libyaml's loader reads
# the same documents in ~12 s. Only the plugin's own module-level name is replaced.
if getattr(yaml, "CSafeLoader", None) is not None:
    class _FastYaml:
        @staticmethod
        def safe_load(text):
            return yaml.load(text, Loader=yaml.CSafeLoader)

    suite_plugin.yaml = _FastYaml

# Nemo reads a variable that occurs only under `not` existentially (13 cases); this case reads it
# as an error. We take Nemo's reading (docs/conformance.md), so this one case cannot pass.
OPPOSITE_READING = {
    "unsafe_negation_variable_only_in_negative_literal":
        "expects an error for a variable only under `not`; we read it as Nemo does (existential)",
}

# DePYsible reasons with generalised specificity: the more specific rule wins without a
# superiority pair. Our default is explicit superiority only; `specificity=True` is the option.
NEEDS_SPECIFICITY = {
    "bozzato_example1_bob_exception", "depysible_not_flies_tweety", "depysible_nests_in_trees_tina",
    "depysible_nests_in_trees_tweety", "depysible_flies_tweety",
}

# Soufflé's hmmer points-to analysis (52,000 facts, ~1 M derived tuples): our semi-naive rounds of
# pyDatalog joins give the right model in ~9 minutes per evaluation (~26 M rule instances at ~10 µs
# each in pyDatalog; docs/conformance.md). They run once, in test_case (the two cases of each pair
# share one evaluation); the re-run under the legal reading of defeat leaves them out, to bound CI.
SLOW = {"souffle_hmmer_CPtrLoad", "souffle_hmmer_CPtrStore",
        "strict_only_souffle_hmmer_CPtrLoad", "strict_only_souffle_hmmer_CPtrStore"}

KNOWN_FAILURES = {
    **OPPOSITE_READING,
    **{name: "needs generalised specificity (DePYsible); passes with Evaluator(specificity=True)"
       for name in NEEDS_SPECIFICITY},
}


@pytest.fixture
def runner(request) -> YamlTestRunner:
    """The evaluator named by --datalog-evaluator, else ours."""
    import_path = request.config.getoption("--datalog-evaluator")
    if import_path:
        return YamlTestRunner.from_import_path(import_path)
    return _shared_runner


_shared_runner = YamlTestRunner(Evaluator())   # one instance: it keeps the last big program's model


def test_case(yaml_test_case, runner, request):
    _path, case = yaml_test_case
    if case.name in KNOWN_FAILURES and not request.config.getoption("--datalog-evaluator"):
        request.applymarker(pytest.mark.xfail(reason=KNOWN_FAILURES[case.name], strict=True))
    runner.run_test_case(case)


def test_specificity_option_passes_the_depysible_cases(yaml_test_case):
    _path, case = yaml_test_case
    if case.name not in NEEDS_SPECIFICITY:
        pytest.skip("only the cases that need generalised specificity")
    YamlTestRunner(SpecificityEvaluator()).run_test_case(case)


# The knowledge base decides each atom with the same core under its own reading of defeat
# (`defeat="rule"`: a norm is defeated by any applicable stronger conflicting norm; engine/logic/deontic.py).
# Every defeasible case runs again under that reading; where the reading changes the expected
# sections, the case is listed here with why (docs/conformance.md).
DIFFERS_UNDER_LEGAL_DEFEAT: dict[str, str] = {}


def test_legal_defeat_on_the_defeasible_cases(yaml_test_case):
    _path, case = yaml_test_case
    if case.theory is None and case.klm_property is None:
        pytest.skip("not a defeasible theory")
    if case.name in KNOWN_FAILURES:
        pytest.skip("not passed under team defeat either (listed above)")
    if case.name in SLOW:
        pytest.skip("hmmer: run once in test_case (~9 min per evaluation), not repeated here")
    if case.name in DIFFERS_UNDER_LEGAL_DEFEAT:
        pytest.xfail(DIFFERS_UNDER_LEGAL_DEFEAT[case.name])
    YamlTestRunner(LegalDefeatEvaluator()).run_test_case(case)
