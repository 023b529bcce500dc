"""The kinds of run a runner logs (the plan and the shoes speak the same words)."""

RUN_TYPES = ("easy", "recovery", "long", "tempo", "speed", "race")
