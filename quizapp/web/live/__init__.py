"""Live classroom quizzes: the host's projector view and controls, the players' join form and
phone view, and their Server-Sent Events streams (docs/live.md)."""
