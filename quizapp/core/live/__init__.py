"""Live classroom quizzes (docs/live.md): a teacher paces a class through questions on a
projector while students answer on phones. Pure rules: the session's states and the host's
actions (``session``), the PIN (``pin``), points and standings (``points``), the answers'
histogram (``histogram``) and what a player or the host may see at a state (``views``)."""
