"""Running form: grading running dynamics, fatigue drift, personal baselines, findings, the
self-assessment ranking and the warm-up drill session. Pure: callers pass activities and
content in (content entries satisfy the small protocols in `content.py`).
"""
