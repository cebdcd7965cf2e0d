"""Views of the Marketplace: thin — parse the request, call domain/, render."""
