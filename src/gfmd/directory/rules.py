"""The directory is public: states, organisations and each state's GFMD history are published
material. Personal data of people is not published (no public view of Person)."""

import rules

rules.add_perm("directory.view_state", rules.always_allow)
rules.add_perm("directory.view_organisation", rules.always_allow)
