"""Writing results: JSON and JSON Lines (the contract), atomic files, the JSON Schema."""
