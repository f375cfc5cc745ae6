"""The policykg ontology and SHACL shapes (Turtle files beside this module)."""
