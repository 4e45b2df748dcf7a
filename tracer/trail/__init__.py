"""The trail: following each claim across documents (links, posts, archives) to its earliest origin."""
