"""Recovery and mobility: body areas, routine timelines, the guided player, recommendations, streak.

Pure logic: content comes in as arguments, dates are passed in, nothing is read or written.
"""
