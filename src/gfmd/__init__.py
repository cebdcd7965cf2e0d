"""The GFMD Platform: runs the Global Forum on Migration and Development end to end."""
