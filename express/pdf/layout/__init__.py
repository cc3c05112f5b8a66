"""What is laid out: composed text measured into grid-bound blocks, placed in frames."""
