"""The Gradio chat UI: ``render`` makes the HTML, ``app`` wires the Blocks."""
