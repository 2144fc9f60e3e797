"""What the person can do: dated evaluations, grip strength and its norms."""
