"""Sub-commands of the naql CLI, one module per family."""
