"""Running many inputs: a batch where one failure is a recorded result, never a crashed run."""
