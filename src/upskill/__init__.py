"""upskill: a week-by-week planner for people breaking into AI research."""

__version__ = "0.1.0"
