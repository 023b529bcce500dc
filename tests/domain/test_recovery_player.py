"""The player as a state machine: time, pause, skip, back, the end, and what counts as played."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from yolvarex.domain.recovery import player
from yolvarex.domain.recovery.timeline import Segment


def _segments(*lengths: int) -> tuple[Segment, ...]:
    out, start = [], 0
    for n, seconds in enumerate(lengths):
        out.append(Segment(index=n, step=n, movement=f"m{n}", title=f"M{n}", cue="Go.", side=None,
                           seconds=seconds, reps=None, start=start))
        start += seconds
    return tuple(out)


SEGS = _segments(10, 20, 30)


def test_time_carries_over_into_the_next_blocks() -> None:
    state = player.tick(player.start(SEGS), 35)
    assert state.current == 2 and state.elapsed == 5
    assert state.position == 35 and state.left_in_step == 25 and state.left_in_routine == 25
    assert state.next_segment is None and state.progress == 35 / 60


def test_pause_stops_the_clock_and_resume_restarts_it() -> None:
    state = player.toggle_pause(player.tick(player.start(SEGS), 4))
    assert player.tick(state, 100) == state
    state = player.tick(player.toggle_pause(state), 1)
    assert state.elapsed == 5 and not state.paused


def test_skip_moves_to_the_next_block_and_skipped_time_is_not_played() -> None:
    state = player.skip(player.tick(player.start(SEGS), 3))
    assert state.current == 1 and state.elapsed == 0 and state.played == 3
    state = player.skip(player.skip(state))
    assert state.finished and state.segment is None and state.progress == 1.0
    assert player.skip(state) == state


def test_back_restarts_the_block_or_goes_to_the_previous_one_just_after_a_change() -> None:
    state = player.tick(player.start(SEGS), 15)  # 5 s into block 1
    assert (player.back(state).current, player.back(state).elapsed) == (1, 0)
    state = player.tick(player.start(SEGS), 11)  # 1 s into block 1
    assert (player.back(state).current, player.back(state).elapsed) == (0, 0)
    assert player.back(player.start(SEGS)).current == 0
    finished = player.tick(player.start(SEGS), 60)
    assert finished.finished and player.back(finished).current == 2


def test_playing_to_the_end_counts_exactly_the_routine_time() -> None:
    state = player.tick(player.start(SEGS), 1000)
    assert state.finished and state.played == 60 and state.left_in_routine == 0
    assert player.toggle_pause(state) == state


ACTIONS = st.lists(st.one_of(st.floats(min_value=0, max_value=40, allow_nan=False),
                             st.sampled_from(["pause", "skip", "back"])), max_size=40)


@given(ACTIONS)
def test_any_sequence_of_actions_keeps_the_player_sane(actions: list[object]) -> None:
    state = player.start(SEGS)
    ticked = 0.0
    for action in actions:
        if isinstance(action, float):
            before = state.position
            was_running = not state.paused and not state.finished
            state = player.tick(state, action)
            if was_running:
                ticked += action
                assert state.position >= before
        else:
            state = {"pause": player.toggle_pause, "skip": player.skip, "back": player.back}[
                str(action)](state)
        assert 0 <= state.position <= state.total
        assert 0.0 <= state.progress <= 1.0
        assert 0 <= state.current <= len(SEGS)
        assert state.played <= ticked + 1e-9
        if not state.finished:
            assert 0 <= state.elapsed < SEGS[state.current].seconds
