"""coursekit.scenarios: the file format and its validation, replaying paths, the trainer widget, progress."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest

import coursekit
from coursekit import scenarios
from coursekit.scenarios import Trainer, best_path, load, validate, walk

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "coursekit" / "scenarios" / "data"
EXAMPLE = "example-complaint"
LESSON = "02-service-and-psychology"


@pytest.fixture
def example():
    return copy.deepcopy(load(EXAMPLE))


@pytest.fixture
def zh():
    coursekit.use("zh")
    yield
    coursekit.use("en")


def _write(tmp_path, data, name=EXAMPLE) -> Path:
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def _choice(data, step, cid):
    return next(c for c in data["steps"][step]["choices"] if c["id"] == cid)


# --------------------------------------------------------------------------- every packaged file


@pytest.mark.parametrize("path", sorted(DATA.glob("*.json")), ids=lambda p: p.name)
def test_every_packaged_scenario_file_validates(path):
    data = load(path.stem)  # validates, and checks that the id is the file name
    assert data["lesson"] and data["steps"]
    assert path.stem in scenarios.scenario_ids()
    walked = walk(path.stem, best_path(path.stem))
    assert walked["best"].all() and (walked["score"] == 2).all()


def test_the_example_file_is_packaged_and_complete():
    assert EXAMPLE in scenarios.scenario_ids()
    data = load(EXAMPLE)
    assert data["kind"] == "branching" and data["start"] == "vent" and data["lesson"] == LESSON
    assert list(data["steps"]) == ["vent", "calm", "note", "plan", "follow"]


# --------------------------------------------------------------------------- validation errors


def test_a_missing_translation_names_the_file_step_and_choice(tmp_path, example):
    del _choice(example, "vent", "b")["feedback"]["zh"]
    with pytest.raises(ValueError) as err:
        load(_write(tmp_path, example))
    assert str(err.value) == (
        "scenario file example-complaint.json has 1 problem: "
        "step 'vent', choice 'b': feedback has no 'zh' text (missing translation)"
    )


def test_an_empty_translation_and_a_missing_situation_language(tmp_path, example):
    _choice(example, "plan", "c")["text"]["en"] = "  "
    del example["steps"]["note"]["situation"]["en"]
    with pytest.raises(ValueError, match="has 2 problems") as err:
        load(_write(tmp_path, example))
    assert "step 'note': situation has no 'en' text (missing translation)" in str(err.value)
    assert "step 'plan', choice 'c': text has no 'en' text (missing translation)" in str(err.value)


def test_a_dangling_branch(tmp_path, example):
    _choice(example, "plan", "b")["next"] = "escalate"
    with pytest.raises(ValueError) as err:
        load(_write(tmp_path, example))
    assert str(err.value) == (
        "scenario file example-complaint.json has 1 problem: "
        "step 'plan', choice 'b': next 'escalate' is not a step of this scenario (dangling branch)"
    )


def test_a_choice_without_feedback(tmp_path, example):
    del _choice(example, "note", "b")["feedback"]
    with pytest.raises(
        ValueError, match=r"example-complaint\.json has 1 problem: step 'note', choice 'b': no feedback"
    ):
        load(_write(tmp_path, example))


def test_an_unreachable_step(tmp_path, example):
    example["steps"]["calm"]["choices"][0]["next"] = None  # fine: calm still reachable from vent
    example["steps"]["vent"]["choices"][1]["next"] = "note"  # now nothing leads to calm
    with pytest.raises(ValueError) as err:
        load(_write(tmp_path, example))
    assert str(err.value) == (
        "scenario file example-complaint.json has 1 problem: "
        "step 'calm': unreachable (no choice leads to it from start 'vent')"
    )


def test_a_duplicate_step_id_in_the_file(tmp_path, example):
    text = json.dumps(example, ensure_ascii=False)
    follow = '"follow": ' + json.dumps(example["steps"]["follow"], ensure_ascii=False)
    assert follow in text
    path = tmp_path / f"{EXAMPLE}.json"
    path.write_text(text.replace(follow, follow + ", " + follow), encoding="utf-8")
    with pytest.raises(ValueError) as err:
        load(path)
    assert (
        str(err.value)
        == "scenario file example-complaint.json: step id 'follow' is used twice (step ids must be unique)"
    )


def test_a_duplicate_choice_id(tmp_path, example):
    _choice(example, "vent", "c")["id"] = "a"
    with pytest.raises(ValueError, match=r"step 'vent', choice 'a': choice id 'a' is used twice in this step"):
        load(_write(tmp_path, example))


def test_a_step_without_a_best_choice_and_a_bad_score(tmp_path, example):
    _choice(example, "follow", "a")["score"] = 3
    with pytest.raises(ValueError, match="has 2 problems") as err:
        load(_write(tmp_path, example))
    assert "step 'follow', choice 'a': score must be 0 (poor), 1 (acceptable) or 2 (best), got 3" in str(err.value)
    assert "step 'follow': no best choice (give one choice score 2)" in str(err.value)


def test_best_choices_that_loop_never_end(tmp_path, example):
    _choice(example, "follow", "a")["next"] = "note"
    with pytest.raises(ValueError, match="step 'note': the best choices loop back to it and never reach an end"):
        load(_write(tmp_path, example))


def test_top_level_problems(tmp_path, example):
    example["kind"] = "story"
    example["start"] = "intro"
    del example["title"]["zh"]
    with pytest.raises(ValueError, match="has 3 problems") as err:
        validate(example, where="scenario file x.json")
    message = str(err.value)
    assert message.startswith("scenario file x.json has 3 problems: ")
    assert "scenario: title has no 'zh' text (missing translation)" in message
    assert "kind must be one of ('quiz', 'branching'), got 'story'" in message
    assert "start 'intro' is not a step of this scenario" in message


def test_the_id_must_be_the_file_name_and_the_file_valid_json(tmp_path, example):
    with pytest.raises(ValueError, match=r"other\.json: its id is 'example-complaint'; the id must be the file name"):
        load(_write(tmp_path, example, name="other"))
    broken = tmp_path / "broken.json"
    broken.write_text('{"id": "broken",\n "steps": {,}}', encoding="utf-8")
    with pytest.raises(ValueError, match=r"scenario file broken\.json: not valid JSON: .* at line 2, column 12"):
        load(broken)
    with pytest.raises(ValueError, match=r"unknown scenario 'nope'; known: .*example-complaint"):
        load("nope")
    with pytest.raises(TypeError, match="scenario must be a scenario id"):
        load(3)
    with pytest.raises(TypeError, match="a scenario must be a dict"):
        validate([example])


# --------------------------------------------------------------------------- walk and best_path


def test_walk_replays_a_path_with_its_feedback_in_english():
    path = walk(EXAMPLE, ["b", "a", "a", "b", "a"])
    assert path.columns.tolist() == ["step", "choice", "score", "best", "feedback"]
    assert path["step"].tolist() == ["vent", "calm", "note", "plan", "follow"]
    assert path["score"].tolist() == [0, 2, 2, 1, 2]
    assert path["best"].tolist() == [False, True, True, False, True]
    assert path["feedback"].iloc[0] == (
        "Poor: shifting the blame before he has finished tells him you are not listening."
    )
    assert path["feedback"].iloc[3] == "Acceptable: a gesture, but his line still has no bearings."


def test_walk_gives_the_feedback_in_chinese(zh):
    path = walk(EXAMPLE, ["b", "a", "a", "b", "a"])
    assert path["feedback"].iloc[0] == "不好：他还没说完就推卸责任，等于告诉他你没有在听。"
    assert path["feedback"].iloc[3] == "可以接受：有诚意，但他的生产线仍然没有轴承。"
    assert path["score"].tolist() == [0, 2, 2, 1, 2]  # the language changes text, not results


def test_walk_stops_where_the_path_ends_and_names_bad_choices():
    assert walk(EXAMPLE, ["b", "b"])["step"].tolist() == ["vent", "calm"]  # calm b ends the scenario
    assert walk(EXAMPLE, ["a"])["step"].tolist() == ["vent"]  # part of a path
    assert walk(EXAMPLE, []).empty
    with pytest.raises(ValueError, match="the path ends after 2 steps, but 3 choices were given"):
        walk(EXAMPLE, ["b", "b", "a"])
    with pytest.raises(ValueError, match=r"step 'note' has no choice 'c'; its choices are 'a', 'b'"):
        walk(EXAMPLE, ["a", "c"])
    with pytest.raises(TypeError, match="choices must be a list of choice ids"):
        walk(EXAMPLE, "aab")


def test_best_path_is_the_instructors_answers():
    assert best_path(EXAMPLE) == ["a", "a", "a", "a"]
    assert walk(EXAMPLE, best_path(EXAMPLE))["step"].tolist() == ["vent", "note", "plan", "follow"]


def _quiz():
    def pair(en):
        return {"en": en, "zh": "中文" + en}

    def choice(cid, score, nxt=None):
        return {"id": cid, "text": pair("do " + cid), "feedback": pair("because " + cid), "score": score, "next": nxt}

    return {
        "id": "tiny-quiz",
        "lesson": "02-service-and-psychology",
        "title": pair("Tiny quiz"),
        "kind": "quiz",
        "start": "q1",
        "steps": {
            "q1": {
                "situation": pair("one"),
                "tags": ["犹豫不决型"],
                "choices": [choice("a", 0, "q2"), choice("b", 2, "q2")],
            },
            "q2": {"situation": pair("two"), "choices": [choice("a", 1), choice("b", 2), choice("c", 2)]},
            "q3": {"situation": pair("three"), "choices": [choice("x", 2, None), choice("y", 0, None)]},
        },
    }


def test_a_quiz_asks_every_step_in_file_order():
    quiz = _quiz()
    validate(quiz)
    assert best_path(quiz) == ["b", "b", "x"]  # the first best choice of each step
    path = walk(quiz, ["a", "a", "y"])
    assert path["step"].tolist() == ["q1", "q2", "q3"] and path["score"].tolist() == [0, 1, 0]
    assert path["feedback"].tolist() == ["because a", "because a", "because y"]
    quiz["start"] = "q2"
    with pytest.raises(ValueError, match="start 'q2': a quiz asks every step in file order"):
        validate(quiz)
    del quiz["start"]
    validate(quiz)  # a quiz needs no start


# --------------------------------------------------------------------------- the trainer


def test_trainer_state_and_its_one_line_text():
    t = Trainer(EXAMPLE, record=False)
    assert repr(t) == "Scenario trainer: A complaint about a late delivery (example), 5 steps"
    bundle = t._repr_mimebundle_()
    assert bundle["text/plain"] == repr(t) and "application/vnd.jupyter.widget-view+json" not in bundle
    assert "A small example of the four steps" in bundle["text/html"]
    assert t.lesson == LESSON and t.step == "vent"
    with pytest.raises(ValueError, match="not answered yet"):
        t.next()
    row = t.choose("c")
    assert row == {
        "step": "vent",
        "choice": "c",
        "score": 1,
        "best": False,
        "feedback": "Acceptable: the apology is good, but a discount before you know the facts is a guess.",
    }
    assert t.feedback_text() == (
        "Acceptable choice: Acceptable: the apology is good, but a discount before you know the facts is a guess."
    )
    with pytest.raises(ValueError, match="already answered"):
        t.choose("a")
    assert t.next() == "note"
    t.choose("a")
    t.next()
    t.choose("c")
    assert t.next() is None and t.finished
    assert (t.score, t.max_score) == (3, 6)
    assert t.score_text() == "Your score: 3 of 6 · Best choices: 1 of 3"
    assert t.path["step"].tolist() == ["vent", "note", "plan"]
    t.restart()
    assert t.step == "vent" and t.history == [] and not t.finished


def test_trainer_text_in_chinese(zh):
    t = Trainer(_quiz(), record=False)
    assert repr(t) == "情景训练：中文Tiny quiz，3 个情景"
    t.choose("a")
    assert t.feedback_text() == "不佳的选择：中文because a"
    assert t.score_text() == "你的得分：0/2 · 最佳选择：0/1"


def test_each_finished_step_is_saved_like_an_exercise(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSEKIT_HOME", str(tmp_path))
    t = Trainer(EXAMPLE)
    t.choose("b")
    t.next()
    t.choose("a")
    saved = json.loads((tmp_path / "progress.json").read_text(encoding="utf-8"))
    entries = saved["lessons"][LESSON]
    assert set(entries) == {"scenario:example-complaint:vent", "scenario:example-complaint:calm"}
    assert entries["scenario:example-complaint:vent"] == {"status": "incorrect", "attempts": 1}
    calm = entries["scenario:example-complaint:calm"]
    assert calm["status"] == "correct" and calm["attempts"] == 1 and calm["first_correct"]
    t.restart()  # a second round counts as a second attempt
    t.choose("a")
    entries = json.loads((tmp_path / "progress.json").read_text(encoding="utf-8"))["lessons"][LESSON]
    assert entries["scenario:example-complaint:vent"]["status"] == "correct"
    assert entries["scenario:example-complaint:vent"]["attempts"] == 2
    other = Trainer(EXAMPLE, lesson="demo")
    other.choose("a")
    saved = json.loads((tmp_path / "progress.json").read_text(encoding="utf-8"))
    assert list(saved["lessons"]["demo"]) == ["scenario:example-complaint:vent"]


def test_no_progress_is_saved_when_record_is_off(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSEKIT_HOME", str(tmp_path))
    t = Trainer(EXAMPLE, record=False)
    t.choose("a")
    assert not (tmp_path / "progress.json").exists()


def test_widget_click_flow_shows_feedback_then_the_next_step_then_the_score(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSEKIT_HOME", str(tmp_path))
    t = Trainer(EXAMPLE)
    box = t.build_widget()
    w = t._w
    assert box.children[0] is w["header"]
    assert "Mr Wang, purchasing manager" in w["situation"].value
    assert w["position"].value.endswith("Step 1</p>") and w["next"].layout.display == "none"
    assert list(t.buttons) == ["a", "b", "c"] and [b.description for b in t.buttons.values()] == ["A", "B", "C"]
    assert "Let him finish" in w["choices"].children[0].children[1].value

    t.buttons["b"].click()
    assert "Poor choice: Poor: shifting the blame" in w["feedback"].value
    assert all(b.disabled for b in t.buttons.values()) and t.buttons["b"].button_style == "danger"
    assert w["next"].layout.display is None and w["next"].description == "Next"
    t.buttons["a"].click()  # a second click on the same step changes nothing
    assert len(t.history) == 1

    w["next"].click()
    assert "angrier now" in w["situation"].value and w["feedback"].value == ""
    assert list(t.buttons) == ["a", "b"] and not any(b.disabled for b in t.buttons.values())
    t.buttons["b"].click()  # repeats the blame: the customer hangs up, the path ends
    assert "Poor choice: Poor: he hangs up" in w["feedback"].value
    w["next"].click()
    assert t.finished and w["choices"].children == ()
    assert "End of the scenario." in w["situation"].value
    assert "Your score: 0 of 4 · Best choices: 0 of 2" in w["score"].value
    assert w["restart"].description == "Start again" and w["restart"].layout.display is None

    w["restart"].click()
    assert t.step == "vent" and "Mr Wang" in w["situation"].value and w["score"].value == ""
    assert json.loads((tmp_path / "progress.json").read_text(encoding="utf-8"))["lessons"][LESSON]


def test_widget_labels_follow_the_language(zh):
    t = Trainer(EXAMPLE, record=False)
    t.build_widget()
    assert "王先生" in t._w["situation"].value and "第 1 步" in t._w["position"].value
    t.buttons["a"].click()
    assert "最佳选择：正确：愤怒的客户首先需要被倾听" in t._w["feedback"].value
    assert t.buttons["a"].button_style == "success"
    assert t._w["next"].description == "下一步" and t._w["restart"].description == "重新开始"


def test_ipywidgets_is_imported_only_when_the_widget_is_built():
    code = (
        "import sys; from coursekit import scenarios; "
        "t = scenarios.Trainer('example-complaint', record=False); t.choose('a'); "
        "print('ipywidgets' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"


def test_scenario_steps_do_not_count_as_questions_on_the_dashboard(tmp_path, monkeypatch):
    from coursekit.exercises import dashboard

    monkeypatch.setenv("COURSEKIT_HOME", str(tmp_path))
    t = Trainer(EXAMPLE, lesson="demo")
    t.choose("a")
    row = dashboard().loc["demo"]
    assert (row["answered"], row["correct"]) == (0, 0)
