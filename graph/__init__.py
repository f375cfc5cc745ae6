"""The RDF graph built from extracted facts (see the RDF graph issue)."""
