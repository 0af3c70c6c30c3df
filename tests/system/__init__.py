"""Whole-app tests: real app servers (gunicorn) started in their own processes, or the README's run
command, driven over loopback HTTP; not one layer of quizapp/ but all of it together."""
