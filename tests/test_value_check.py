"""check_values: a learner's own plain-Python values against LessonNet, first slip first."""

import pytest

import lesson_lib as ll

forward = ll.forward.exercises
backward = ll.backward.exercises


def lecture_namespace(**inputs):
    net = ll.LessonNet(**inputs)
    return {**inputs, **net.forward(), **net.backward()}


def test_all_forward_values_agree_and_say_which():
    verdict = forward.check_values(lecture_namespace())
    assert verdict and verdict.message.startswith(
        "All 11 values agree with the reference implementation (to a relative 1e-12): h1, "
        "outH1, h2")


def test_the_reference_uses_the_learners_own_inputs():
    namespace = lecture_namespace(x1=0.3, w5=-1.0)
    assert forward.check_values(namespace)
    assert not forward.check_values({**namespace, "x1": 0.05})


def test_the_first_differing_value_is_named_with_its_ingredients():
    namespace = {**lecture_namespace(), "outH1": 0.5933}
    verdict = forward.check_values(namespace)
    assert not verdict
    assert verdict.message == (
        "outH1 differs: you have 0.5933, expected 0.5932699921 (off by 3e-05); it is "
        "computed from h1 (which agrees), so look at how you turned h1 into outH1.")


def test_a_differing_ingredient_is_named_first_when_checking_a_subset():
    namespace = {**lecture_namespace(), "outH1": 0.5933, "y1": 1.2}
    verdict = forward.check_values(namespace, "y1")
    assert "outH1 differs too: check outH1 first" in verdict.message


def test_a_missing_name_asks_for_its_cell():
    namespace = lecture_namespace()
    del namespace["E_total"]
    assert forward.check_values(namespace).message == (
        "E_total is not defined yet: run the cell that computes it.")
    assert forward.check_values(namespace, "h1 outH1")


def test_a_value_that_is_not_a_number_is_named():
    assert "h1 is 'abc', of type str" in forward.check_values({"h1": "abc"}, "h1").message
    assert "x1 is nan" in forward.check_values({"x1": float("nan")}, "h1").message
    refused = forward.check_values({"x1": 1e300}, "h1")
    assert not refused and "cannot start from your inputs" in refused.message


def test_backward_names_follow_lesson_net_and_the_updates_are_new_w():
    assert backward.NAMES[:len(ll.LessonNet().backward())] == tuple(ll.LessonNet().backward())
    namespace = lecture_namespace(learning_rate=0.5)
    namespace.update({f"new_{w}": ll.LessonNet().step(update_biases=False).params[w]
                      for w in ("w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8")})
    assert backward.check_values(namespace)
    namespace["dE_doutH1"] = namespace["dE1_doutH1"]  # one path only
    verdict = backward.check_values(namespace, "dE_doutH1 dE_dw1")
    assert verdict.message.startswith("dE_doutH1 differs")
    assert "computed from dE1_doutH1 and dE2_doutH1 (which agree)" in verdict.message


def test_an_unknown_name_in_a_subset_is_feedback_not_an_error():
    verdict = forward.check_values({}, "h3")
    assert not verdict and verdict.message.startswith("unknown name(s) h3; this check knows h1")


@pytest.mark.parametrize("namespace, names, start", [
    (3.0, None, "The check reads your values by name: call it with globals(), not 3.0"),
    (None, "h1", "The check reads your values by name: call it with globals(), not None"),
    ({}, 3, "names must be names such as 'h1 outH1', got 3"),
    ({}, ["h1", None], "names must be names such as 'h1 outH1', got ['h1', None]"),
])
def test_a_call_the_check_cannot_read_is_feedback_not_an_error(namespace, names, start):
    verdict = forward.check_values(namespace, names)
    assert not verdict and verdict.message.startswith(start)


def test_the_table_check_reads_a_namespace_only():
    from lesson_lib.chain import exercises as chain
    verdict = chain.check_table(3.0)
    assert not verdict and verdict.message.startswith("The check reads xs, ys and zs by name")


def test_a_value_computed_from_nothing_checked_is_still_explained():
    from lesson_lib.exercises import ValueCheck
    check = ValueCheck(["a"], lambda inputs: {"a": 2.0}, depends_on={"a": ()}, inputs={})
    message = check({"a": 3.0}).message
    assert message.startswith("a differs: you have 3, expected 2")
    assert "how you computed a" in message
