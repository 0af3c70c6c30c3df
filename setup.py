"""Packaging that pyproject.toml cannot say: templates/ and the sample bank (questions/) stay at
the top of the repository, and the wheel carries them inside the package, as quizapp/_templates
and quizapp/_questions, where an installed app finds them (settings.beside_package)."""

from setuptools import find_namespace_packages, setup

BESIDE_THE_PACKAGE = {"quizapp._templates": "templates", "quizapp._questions": "questions"}

setup(
    packages=[
        *find_namespace_packages(include=["quizapp", "quizapp.*"], exclude=["*.__pycache__"]),
        *BESIDE_THE_PACKAGE,
    ],
    package_dir=BESIDE_THE_PACKAGE,
)
