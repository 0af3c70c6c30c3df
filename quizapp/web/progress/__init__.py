"""A student's progress and a class's progress charts."""
