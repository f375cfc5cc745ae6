"""UI payloads for the Streamlit app: network data, component assets, page registry."""
