"""The GUI kit: small pieces every screen shares (date fields, styles, choices), below widgets and dialogs."""
