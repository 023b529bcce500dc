"""Exports: iCalendar, printable plan, data archive."""
