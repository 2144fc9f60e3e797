"""Documents leaving the clinic: who may see what, what blocks issuing, and how a document is rendered."""
