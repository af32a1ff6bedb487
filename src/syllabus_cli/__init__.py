"""syllabus: a course-package builder for corporate trainers."""

__version__ = "0.1.0"
