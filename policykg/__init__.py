"""policykg application layer: workspace, selection, export, CLI and UI payloads."""
