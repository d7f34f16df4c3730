"""Fixed texts the code and the tests share."""

# The named "cannot answer" response: what the assistant says instead of guessing.
CANNOT_ANSWER = "The articles in the corpus do not answer this question."
